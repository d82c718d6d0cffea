// The menu as it grows: the demo venue (its own few dozen dishes, the baseline), `bench` (5,000)
// and `bench-50k` (50,000, SEED_HUGE_MENU). Per venue: the snapshot a tablet downloads (bytes on
// the wire with Accept-Encoding br; GET /pos/menu/snapshot, or GET /pos/menu where that answers
// 404), its server time cold (the first request since start) and repeated, then in Chromium: cold
// first sync (sign-in → seated order screen with its first tile, empty IndexedDB), warm sign-in
// (a second sign-in in the same browser context, a new page: IndexedDB kept), a staff switch in
// the same page, search per keystroke timed in the page, and the page's JS heap.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { chromium } from '@playwright/test';
import { deviceLogin, enrollmentCode } from './devices.mjs';
import { latencyStats, ratio, sleep } from './lib.mjs';
import { CHROMIUM } from './web.mjs';

export const MENU_SCALE_GOALS = { dishes: 50_000, snapshotBytes: 2 * 1024 * 1024, warmSignInMs: 2000, keystrokeMs: 30 };
const VENUES = [
  { slug: 'demo', label: 'demo (baseline)' },
  { slug: 'bench', label: '5k dishes' },
  { slug: 'bench-50k', label: '50k dishes' },
];
const TILE = '[data-testid="product-grid"] [data-testid^="product-"]:not([data-testid$="-stock"])';
const UI_TIMEOUT_MS = 180_000;

/** One GET: status, encoding, the body's bytes as sent and the time to its last byte. */
function rawGet(url, headers) {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    http
      .get(url, { headers }, (res) => {
        let bytes = 0;
        res.on('data', (chunk) => (bytes += chunk.length));
        res.on('end', () => resolve({ status: res.statusCode, encoding: res.headers['content-encoding'] ?? 'identity', bytes, ms: Math.round((performance.now() - t) * 10) / 10, serverTiming: res.headers['server-timing'] ?? null }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

/** The snapshot on the wire: cold (first request since start), repeats, raw size beside. */
async function snapshotOnTheWire(baseUrl, token) {
  const auth = { authorization: `Bearer ${token}` };
  const br = { ...auth, 'accept-encoding': 'br' };
  let route = '/pos/menu/snapshot';
  let cold = await rawGet(`${baseUrl}${route}`, br);
  if (cold.status === 404) {
    route = '/pos/menu';
    cold = await rawGet(`${baseUrl}${route}`, br);
  }
  if (cold.status !== 200) throw new Error(`GET ${route} answered ${cold.status}`);
  const repeats = [];
  for (let i = 0; i < 7; i++) repeats.push(await rawGet(`${baseUrl}${route}`, br));
  const raw = await rawGet(`${baseUrl}${route}`, auth);
  const repeat = latencyStats(repeats.map((r) => r.ms));
  return { route, brBytes: cold.bytes, encoding: cold.encoding, rawBytes: raw.bytes, coldMs: cold.ms, repeatP50Ms: repeat.p50Ms, repeatMaxMs: repeat.maxMs, serverTiming: cold.serverTiming };
}

/** How long the order screen is left alone before the settled search is typed. */
const SETTLE_MS = 3000;

/** Arms in-page timestamps: taps on pin-submit / seat-confirm and the first dish tile's appearance. */
async function armTimers(page) {
  await page.evaluate((tile) => {
    const w = window;
    w.__bench = { pinAt: null, seatAt: null, tileAt: null };
    if (!w.__benchClicks) {
      w.__benchClicks = true;
      document.addEventListener(
        'click',
        (e) => {
          const id = e.target instanceof Element ? e.target.closest('[data-testid]')?.getAttribute('data-testid') : null;
          if (id === 'pin-submit') w.__bench.pinAt = performance.now();
          if (id === 'seat-confirm') w.__bench.seatAt = performance.now();
        },
        true,
      );
    }
    const seen = () => {
      if (w.__bench.tileAt == null && document.querySelector(tile)) w.__bench.tileAt = performance.now();
      return w.__bench.tileAt != null;
    };
    if (seen()) return;
    const observer = new MutationObserver(() => seen() && observer.disconnect());
    observer.observe(document.body, { childList: true, subtree: true });
  }, TILE);
}

/** The page's JS heap after a forced GC: CDP's count for the renderer's isolate, and the page's own performance.memory. */
async function heapMb(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const pageUsed = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? null);
  const mb = (b) => (b == null ? null : Math.round((b / 1024 / 1024) * 10) / 10);
  return { isolate: mb(usedSize), page: mb(pageUsed) };
}

/**
 * PIN 1111, a free table seated, until the first dish tile: times taken in the page. Takes the
 * first free table (other parts of the bench seat tables of the same venues).
 */
async function signInToOrderScreen(page) {
  await page.getByRole('button', { name: '1', exact: true }).waitFor({ timeout: UI_TIMEOUT_MS });
  await armTimers(page);
  for (const digit of '1111') await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByTestId('pin-submit').click();
  await page.locator('[data-testid^="table-"][data-status="free"]').first().click({ timeout: UI_TIMEOUT_MS });
  await page.getByTestId('seat-confirm').click({ timeout: UI_TIMEOUT_MS });
  await page.locator(TILE).first().waitFor({ timeout: UI_TIMEOUT_MS });
  await page.waitForFunction(() => window.__bench.tileAt != null);
  const t = await page.evaluate(() => window.__bench);
  return { signInToTileMs: Math.round(t.tileAt - t.pinAt), seatToTileMs: Math.round(t.tileAt - t.seatAt) };
}

/**
 * Types `query` one character at a time into menu-search (the input's own setter and an input
 * event, as a keyboard would), each timed in the page from the event to the frame after the last
 * change of the product area (settled: no change for 150 ms). Returns the per-keystroke times.
 */
async function typeTimed(page, query) {
  return page.evaluate(async (q) => {
    const input = document.querySelector('[data-testid="menu-search"]');
    const grid = document.querySelector('[data-testid="product-grid"]');
    const area = grid?.parentElement ?? grid ?? document.body;
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    const frame = () => new Promise((r) => requestAnimationFrame(() => r(performance.now())));
    const pause = (ms) => new Promise((r) => setTimeout(r, ms));
    input.focus();
    setValue.call(input, '');
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await pause(300);
    const times = [];
    for (let i = 1; i <= q.length; i++) {
      let last = null;
      let framePromise = null;
      const observer = new MutationObserver(() => {
        last = performance.now();
        framePromise = frame();
      });
      observer.observe(area, { childList: true, subtree: true, characterData: true, attributes: true });
      const t0 = performance.now();
      setValue.call(input, q.slice(0, i));
      input.dispatchEvent(new Event('input', { bubbles: true }));
      // Settled: something changed and nothing more for 150 ms (or nothing at all within 2 s).
      while (true) {
        await pause(25);
        const now = performance.now();
        if (last != null && now - last > 150) break;
        if (last == null && now - t0 > 2000) break;
      }
      observer.disconnect();
      times.push(last == null ? null : (await framePromise) - t0);
      await pause(100);
    }
    const shown = document.querySelectorAll('[data-testid="product-grid"] [data-testid^="product-"]:not([data-testid$="-stock"])').length;
    return { times, shown };
  }, query);
}

async function browserRun(browser, baseUrl, venue, query) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  let page = await context.newPage();
  try {
    // Cold: a fresh context (empty IndexedDB, no HTTP cache), enrolled by its link.
    await page.goto(`${baseUrl}/?venue=${venue}&enroll=${await enrollmentCode(baseUrl, venue)}`);
    const cold = await signInToOrderScreen(page);
    await sleep(1000); // whatever the first sync still writes (IndexedDB) settles
    const coldHeapMb = await heapMb(page, await context.newCDPSession(page));
    // Staff switch in the same page (sign-out → PIN pad; what the page holds in memory is kept).
    await page.getByTestId('sign-out').click();
    const switched = await signInToOrderScreen(page);
    await sleep(500);
    // Warm: signed out, the page closed, a new one in the same context (IndexedDB and HTTP cache kept, the JS heap new).
    await page.getByTestId('sign-out').click();
    await page.getByRole('button', { name: '1', exact: true }).waitFor({ timeout: UI_TIMEOUT_MS });
    await page.close();
    page = await context.newPage();
    await page.goto(`${baseUrl}/?venue=${venue}`);
    const warm = await signInToOrderScreen(page);
    await sleep(500);
    const warmHeapMb = await heapMb(page, await context.newCDPSession(page));
    // Typed at once (the search texts of a big menu may still be in the making, in idle slices,
    // while the remotes mount), then again once the screen has settled, as a waiter types.
    const early = await typeTimed(page, query);
    const earlyStats = latencyStats(early.times.filter((t) => t != null));
    await sleep(SETTLE_MS);
    const typed = await typeTimed(page, query);
    const measured = typed.times.filter((t) => t != null);
    const stats = latencyStats(measured);
    return {
      cold,
      switched,
      warm,
      heapMb: { afterColdSync: coldHeapMb, afterWarmSignIn: warmHeapMb },
      search: { query, perKeystrokeMs: typed.times.map((t) => (t == null ? null : Math.round(t * 10) / 10)), p50Ms: stats.p50Ms, maxMs: stats.maxMs, unchanged: typed.times.length - measured.length, tilesShownAtEnd: typed.shown, rightAfterSignIn: { perKeystrokeMs: early.times.map((t) => (t == null ? null : Math.round(t * 10) / 10)), p50Ms: earlyStats.p50Ms, maxMs: earlyStats.maxMs } },
    };
  } finally {
    await context.close();
  }
}

export async function menuScaleBench({ baseUrl, hasWeb, log = () => {}, query = process.env.BENCH_MENU_QUERY ?? 'борщ 49' }) {
  const rows = [];
  for (const v of VENUES) {
    const token = await deviceLogin(baseUrl, v.slug, '1111');
    log(`menu scale: ${v.slug} snapshot on the wire (cold, then repeated) …`);
    const wire = await snapshotOnTheWire(baseUrl, token);
    const menu = await (await fetch(`${baseUrl}/pos/menu`, { headers: { authorization: `Bearer ${token}` } })).json();
    rows.push({ venue: v.slug, label: v.label, dishes: menu.products?.length ?? null, wire });
  }
  let browserError = null;
  if (hasWeb) {
    const browser = await chromium.launch({ ...CHROMIUM, args: [...CHROMIUM.args, '--enable-precise-memory-info'] });
    try {
      for (const row of rows) {
        log(`menu scale: ${row.venue} in Chromium (cold first sync, warm sign-in, search, heap) …`);
        const t = performance.now();
        try {
          row.browser = await browserRun(browser, baseUrl, row.venue, query);
        } catch (error) {
          row.browserError = String(error.message ?? error).split('\n')[0];
        }
        row.browserRunMs = Math.round(performance.now() - t);
      }
    } finally {
      await browser.close();
    }
  } else browserError = 'no dist/web (build it: npx nx run-many -t build)';
  const big = rows.find((r) => r.dishes >= MENU_SCALE_GOALS.dishes) ?? rows[rows.length - 1];
  const goals = {
    snapshotBytes: big.wire.brBytes <= MENU_SCALE_GOALS.snapshotBytes,
    warmSignInMs: big.browser ? big.browser.warm.signInToTileMs <= MENU_SCALE_GOALS.warmSignInMs : null,
    keystrokeMs: big.browser && big.browser.search.maxMs != null ? big.browser.search.maxMs <= MENU_SCALE_GOALS.keystrokeMs : null,
  };
  const base = rows[0];
  return { rows, goals, goalVenue: big.venue, browserError, growth: { brBytes: ratio(big.wire.brBytes, base.wire.brBytes), warmSignIn: ratio(big.browser?.warm.signInToTileMs, base.browser?.warm.signInToTileMs) } };
}

const fmt = (v) => (v == null ? 'n/a' : String(v));
const kb = (b) => `${Math.round((b / 1024) * 10) / 10} KB`;
const met = (ok) => (ok == null ? 'not measured' : ok ? 'goal met' : 'goal NOT met');

export function menuScaleSummary(r) {
  const g = MENU_SCALE_GOALS;
  const lines = [
    `Menu as it grows (the snapshot a tablet downloads; Chromium on loopback: sign-in → seated order screen with its first tile, in-page timers)`,
    `  venue (dishes)          | route               on the wire (br)       (raw) | server cold / repeat p50 ms | cold first sync | warm sign-in | staff switch | seat→tile cold/warm | search/keystroke p50 / max ms | JS heap cold / warm`,
  ];
  for (const row of r.rows) {
    const w = row.wire;
    const b = row.browser;
    lines.push(
      `  ${`${row.label} (${fmt(row.dishes)})`.padEnd(23)} | ${w.route.padEnd(19)} ${`${kb(w.brBytes)} ${w.encoding}`.padStart(15)} ${`(${kb(w.rawBytes)})`.padStart(12)} | ${`${w.coldMs} / ${fmt(w.repeatP50Ms)}`.padStart(27)} | ` +
        (b
          ? `${`${b.cold.signInToTileMs} ms`.padStart(15)} | ${`${b.warm.signInToTileMs} ms`.padStart(12)} | ${`${b.switched.signInToTileMs} ms`.padStart(12)} | ${`${b.cold.seatToTileMs} / ${b.warm.seatToTileMs} ms`.padStart(19)} | ${`${fmt(b.search.p50Ms)} / ${fmt(b.search.maxMs)}`.padStart(29)} | ${fmt(b.heapMb.afterColdSync.page)} / ${fmt(b.heapMb.afterWarmSignIn.page)} MB`
          : `browser not measured: ${row.browserError ?? r.browserError}`),
    );
  }
  const big = r.rows.find((x) => x.venue === r.goalVenue);
  lines.push(
    `  goals at ${r.goalVenue}: snapshot ≤ ${kb(g.snapshotBytes)} on the wire: ${kb(big.wire.brBytes)} — ${met(r.goals.snapshotBytes)}; warm sign-in → order screen ≤ ${g.warmSignInMs} ms: ${fmt(big.browser?.warm.signInToTileMs)} ms — ${met(r.goals.warmSignInMs)}; search ≤ ${g.keystrokeMs} ms per keystroke (max): ${fmt(big.browser?.search.maxMs)} ms — ${met(r.goals.keystrokeMs)}`,
    `  search right after the warm sign-in at ${r.goalVenue} (search texts possibly still being made): p50 ${fmt(big.browser?.search.rightAfterSignIn?.p50Ms)} / max ${fmt(big.browser?.search.rightAfterSignIn?.maxMs)} ms (${fmt(big.browser?.search.rightAfterSignIn?.perKeystrokeMs?.map((t) => (t == null ? 'no change' : t)).join(', '))}); the table's figure is typed ${SETTLE_MS / 1000} s later`,
    `  growth ${r.rows[0].venue} → ${r.goalVenue}: bytes on the wire ×${fmt(r.growth.brBytes)}, warm sign-in ×${fmt(r.growth.warmSignIn)}; search typed "${big.browser?.search.query ?? ''}" (${fmt(big.browser?.search.perKeystrokeMs?.map((t) => (t == null ? 'no change' : t)).join(', '))} ms per keystroke)`,
    `  cold first sync: a new browser context (empty IndexedDB and HTTP cache) from the PIN's submit to the first dish tile of a seated table; warm sign-in: the same after signing out and opening a new page in that context (IndexedDB kept, a new JS heap); staff switch: sign-out and sign-in in the same page`,
    `  the part ran in ${fmt(r.partSeconds)} s (after the API's start-up, which seeds the 5,000- and 50,000-dish venues)`,
    `  sign-in times include the bench's two taps (table, seat); server times are the request's last byte on loopback; JS heap: performance.memory.usedJSHeapSize (--enable-precise-memory-info) after a forced GC, after the cold sync and after the warm sign-in (the isolate's count from CDP is in the JSON)`,
    '',
  );
  return lines;
}
