// The web budgets: the shell's first load (JS until the PIN pad shows: bytes on the wire as the API
// sent them, precompressed, and a gzip estimate of the same scripts beside it), each remote's own
// code (gzipped, from its mf-manifest.json), and the floor map after sign-in, cold, in Debian's
// Chromium on loopback. Needs the web builds in dist/web (`npx nx run-many -t build`).
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { enrollmentCode } from './devices.mjs';

export const CHROMIUM = { executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] };
const kb = (bytes) => Math.round((bytes / 1024) * 10) / 10;

/** Gzipped size of each remote's own code: what its `./plugin` loads, less the shared fallbacks. */
export function remoteSizes(webRoot) {
  const dir = path.join(webRoot, 'remotes');
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).flatMap((name) =>
    fs.readdirSync(path.join(dir, name)).flatMap((version) => {
      const root = path.join(dir, name, version);
      const manifestPath = path.join(root, 'mf-manifest.json');
      if (!fs.existsSync(manifestPath)) return [];
      const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
      const shared = new Set(manifest.shared.flatMap((s) => [...s.assets.js.sync, ...s.assets.js.async]));
      // The sync assets are what mounting the plugin fetches; async ones load on demand (or are
      // fallbacks of shared libraries the shell already provides).
      const own = [...new Set(manifest.exposes.flatMap((e) => e.assets.js.sync))].filter((f) => !shared.has(f));
      const gz = own.reduce((sum, f) => sum + zlib.gzipSync(fs.readFileSync(path.join(root, f))).length, 0);
      return [{ name, version, ownKbGz: kb(gz) }];
    }),
  );
}

/**
 * The order screen on the bench venue's 5,000-dish menu, cold: from seating a table to the first
 * dish tile, then a search narrowing the grid.
 */
async function bigMenuBench(browser, baseUrl) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  try {
    await page.goto(`${baseUrl}/?venue=bench&enroll=${await enrollmentCode(baseUrl, 'bench')}`);
    for (const digit of '1111') await page.getByRole('button', { name: digit, exact: true }).click();
    await page.getByTestId('pin-submit').click();
    await page.getByTestId('table-1').click();
    const seated = Date.now();
    await page.getByTestId('seat-confirm').click();
    await page.locator('[data-testid="product-grid"] [data-testid^="product-"]').first().waitFor();
    const firstTileMs = Date.now() - seated;
    const typed = Date.now();
    await page.getByTestId('menu-search').fill('4999');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="product-grid"] [data-testid^="product-"]:not([data-testid$="-stock"])').length <= 5);
    const searchMs = Date.now() - typed;
    return { firstTileMs, searchMs };
  } finally {
    await context.close();
  }
}

export async function webBench({ baseUrl, webRoot, withBigMenu }) {
  const browser = await chromium.launch(CHROMIUM);
  try {
    // 1. First load: every script the page asked for before the PIN pad was on screen (no service
    //    worker yet). The moment is taken in the page (a MutationObserver), not by polling. The
    //    tablet is enrolled first (its enrollment link), then the HTTP cache is emptied: the load
    //    measured is an enrolled tablet's cold start, the one staff see every morning.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/?venue=demo&enroll=${await enrollmentCode(baseUrl, 'demo')}`);
    await page.getByTestId('pin-submit').waitFor();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.clearBrowserCache');
    await page.goto('about:blank');
    // Bytes on the wire per URL (Chromium's own count of what arrived: headers and the encoded body).
    await cdp.send('Network.enable');
    // The response's own count when it arrived is its headers: what comes after is the body as sent.
    const responses = new Map();
    const wire = new Map();
    const headerBytes = new Map();
    cdp.on('Network.responseReceived', (e) => responses.set(e.requestId, { url: e.response.url, headers: e.response.encodedDataLength }));
    cdp.on('Network.loadingFinished', (e) => {
      const r = responses.get(e.requestId);
      if (!r) return;
      wire.set(r.url, (wire.get(r.url) ?? 0) + e.encodedDataLength);
      headerBytes.set(r.url, (headerBytes.get(r.url) ?? 0) + r.headers);
    });
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if ([...document.querySelectorAll('button')].some((b) => b.textContent?.trim() === '1')) {
          window.__pinPadAt = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    const bodies = new Map();
    page.on('response', (res) => {
      if (res.url().endsWith('.js') && res.ok()) bodies.set(res.url(), res.body().then((b) => zlib.gzipSync(b).length, () => 0)); // a body still arriving when the page closes is not part of the first load
    });
    await page.goto(`${baseUrl}/?venue=demo`);
    await page.getByRole('button', { name: '1', exact: true }).waitFor();
    const { pinPadMs, requested, everything } = await page.evaluate(() => {
      const before = performance.getEntriesByType('resource').filter((e) => e.startTime <= window.__pinPadAt);
      return {
        pinPadMs: Math.round(window.__pinPadAt),
        requested: before.filter((e) => e.name.endsWith('.js')).map((e) => e.name),
        // The page itself, its scripts and whatever else it fetched (styles, icons, API calls) before the PIN pad.
        everything: [location.href, ...before.map((e) => e.name)],
      };
    });
    const onWire = async (url) => {
      for (let waited = 0; !wire.has(url) && waited < 2_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
      return wire.get(url) ?? 0;
    };
    const atPinPad = await Promise.all(requested.map(async (url) => ({ url: url.replace(baseUrl, ''), gz: await (bodies.get(url) ?? Promise.resolve(0)), wire: await onWire(url) })));
    const allOnWire = (await Promise.all([...new Set(everything)].map(onWire))).reduce((sum, b) => sum + b, 0);
    const scriptHeaders = requested.reduce((sum, url) => sum + (headerBytes.get(url) ?? 0), 0);

    // 2. The floor map, cold: from the sign-in's answer (the PIN check is the server's argon2
    //    work, reported apart) to the tables on screen — the screen's code, halls and tables.
    for (const digit of '1111') await page.getByRole('button', { name: digit, exact: true }).click();
    const tapped = Date.now();
    const loginAnswer = page.waitForResponse((res) => res.url().endsWith('/pos/auth/login'));
    await page.getByTestId('pin-submit').click();
    await loginAnswer;
    const signedIn = Date.now();
    await page.locator('[data-testid^="table-"]').first().waitFor();
    const floorMs = Date.now() - signedIn;
    const signInMs = signedIn - tapped;
    await context.close();

    // BENCH_VERBOSE=1 lists every script of the first load (to see what a change added to it).
    if (process.env.BENCH_VERBOSE) for (const s of [...atPinPad].sort((a, b) => b.gz - a.gz)) process.stderr.write(`[bench]   first load: ${s.url} ${kb(s.wire)} KB on the wire, ${kb(s.gz)} KB gz\n`);
    const bigMenu = withBigMenu ? await bigMenuBench(browser, baseUrl) : undefined;
    const firstLoadGz = atPinPad.reduce((sum, s) => sum + s.gz, 0);
    const firstLoadWire = atPinPad.reduce((sum, s) => sum + s.wire, 0);
    return {
      firstLoad: { kbGz: kb(firstLoadGz), kbWire: kb(firstLoadWire), kbWireHeaders: kb(scriptHeaders), kbWireAll: kb(allOnWire), requests: new Set(everything).size, scripts: atPinPad.length, pinPadMs, largest: atPinPad.sort((a, b) => b.gz - a.gz).slice(0, 5).map((s) => `${s.url} ${kb(s.wire)} KB wire / ${kb(s.gz)} KB gz`) },
      floorMs,
      signInMs,
      bigMenu,
      remotes: remoteSizes(webRoot),
    };
  } finally {
    await browser.close();
  }
}
