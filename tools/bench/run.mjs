#!/usr/bin/env node
// `npm run bench`: indicative performance figures for the FEATURES.md budgets, printed as JSON.
// Not part of `npm test`; it never builds anything — it runs dist/apps/api/server.js.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { killStartedApis, ROOT, SERVER, spawnApi } from './api-process.mjs';
import { deviceLogin } from './devices.mjs';
import { dashboardBench } from './dashboard.mjs';
import { webhooksBench } from './webhooks.mjs';
import { fanoutSummary, socketIoFanout, wsBaselineFanout } from './fanout.mjs';
import { sleep } from './lib.mjs';
import { highestRateWithin, ordersBench } from './orders.mjs';
import { recommendationsBench } from './recommendations.mjs';
import { PROMOTIONS_BUDGET_P99_MS, promotionsBench, promotionsSummary } from './promotions.mjs';
import { replayBench } from './replay.mjs';
import { webBench } from './web.mjs';
import { menuOnTheWire } from './wire.mjs';
import { zReportBench } from './z-report.mjs';
import { exportBench, exportSummary } from './export.mjs';
import { ordersScaleBench, ordersScaleSummary } from './orders-scale.mjs';
import { fanoutScaleBench, fanoutScaleSummary } from './fanout-scale.mjs';
import { menuScaleBench, menuScaleSummary } from './menu-scale.mjs';

const BUDGETS = { fanoutP99Ms: 50, orderP99Ms: 20, replayMs: 5000, recommendationsP99Ms: 10, dashboardP99Ms: 10, promotionsP99Ms: PROMOTIONS_BUDGET_P99_MS, shellFirstLoadKbGz: 200, remoteOwnKbGz: 30, floorMs: 1000 };
// Issue 21's goals (the scale tables print theirs beside each figure).
const GOALS = { replayMs: 2000 };
// BENCH_ONLY=replay,orders runs just those parts (default: all).
// `scale` names the three scale tables of issue 21 (orders-scale, fanout-scale, menu-scale).
const ONLY = new Set(
  (process.env.BENCH_ONLY ?? 'web,dashboard,fanout,fanout-scale,replay,orders,orders-scale,recommendations,promotions')
    .split(',')
    .map((x) => x.trim())
    .flatMap((x) => (x === 'scale' ? ['orders-scale', 'fanout-scale', 'menu-scale'] : [x])),
);
// The web part serves the built shell and remotes; without dist/web it is skipped with a note.
const WEB_ROOT = path.join(ROOT, 'dist', 'web');
const HAS_WEB = fs.existsSync(path.join(WEB_ROOT, 'index.html'));
// The recommendations part needs the bench venue: 5,000 products and 50,000 past orders, seeded at start-up.
const BIG_MENU = ONLY.has('recommendations') || ONLY.has('menu-scale');
// The menu-scale part also needs venue `bench-50k` (50,000 dishes, no history) and the built web.
const HUGE_MENU = ONLY.has('menu-scale');
const WEB_ROOT_SERVED = HAS_WEB && (ONLY.has('web') || ONLY.has('menu-scale'));
// The scale tables of issue 21: orders-scale and fanout-scale (~1 min each) run by default; menu-scale
// (a 50,000-dish venue seeded at start-up, three venues in Chromium: ~2 min more) only when named.
const SCALE_PARTS = ['orders-scale', 'fanout-scale', 'menu-scale'];
const REPLAY_ORDERS = 100; // × (create + 8 adds + fire) = 1,000 commands
const FANOUT_CLIENTS = Number(process.env.BENCH_CLIENTS ?? 500);
const FANOUT_ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const ORDER_LEVELS = [1, 4, 16];
const ORDER_DURATION_MS = Number(process.env.BENCH_ORDER_MS ?? 3000);

const log = (msg) => process.stderr.write(`[bench] ${msg}\n`);

// The promotions part prices orders in process: alone (BENCH_ONLY=promotions) it needs no API.
const API_NEEDED = [...ONLY].some((part) => part !== 'promotions');

if (API_NEEDED && !fs.existsSync(SERVER)) {
  console.error(`[bench] ${path.relative(ROOT, SERVER)} not found — build the API first:\n\n    npx nx build api\n`);
  process.exit(1);
}

let api = null;
let child = null;
let tmpDir = null;

async function startServer() {
  tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-bench-'));
  api = await spawnApi({
    sqlitePath: path.join(tmpDir, 'pos.db'),
    webRoot: WEB_ROOT_SERVED ? WEB_ROOT : path.join(tmpDir, 'none'),
    // BENCH_NODE_ARGS, e.g. '--cpu-prof --cpu-prof-dir=/tmp/prof', profiles the API under the bench.
    nodeArgs: process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ') : [],
    env: {
      ...(BIG_MENU ? { SEED_BIG_MENU: 'true' } : {}),
      ...(HUGE_MENU ? { SEED_HUGE_MENU: 'true' } : {}),
      ...(BIG_MENU || HUGE_MENU ? { ENROLLMENT_CODE_FOR: [BIG_MENU && 'bench', HUGE_MENU && 'bench-50k'].filter(Boolean).join(',') } : {}),
    },
    startupMs: BIG_MENU || HUGE_MENU ? 300_000 : 30_000,
  });
  child = api.child;
  return api.baseUrl;
}

async function stopServer() {
  if (api) await api.stop();
  if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
}

/** The demo venue's staff, signed in from the bench's enrolled tablet (the codes come right after the first ping). */
async function login(baseUrl, pin) {
  for (let waited = 0; ; waited += 100) {
    try {
      return await deviceLogin(baseUrl, 'demo', pin);
    } catch (error) {
      if (waited > 10_000 || !String(error.message).startsWith('no start-up enrollment code')) throw error;
      await sleep(100);
    }
  }
}

async function productByCode(baseUrl, token, code) {
  const res = await fetch(`${baseUrl}/pos/menu`, { headers: { authorization: `Bearer ${token}` } });
  const menu = await res.json();
  const product = menu.products?.find((p) => p.code === code);
  if (!product) throw new Error(`product '${code}' not in the demo menu`);
  return product;
}

const fmt = (v) => (v == null ? 'n/a' : String(v));

function summary(result) {
  const { fanout: f, orders: o, web: w } = result;
  const lines = [''];
  if (w) {
    lines.push(
      `Web (Debian Chromium, loopback, cold)`,
      `  shell first load: ${w.firstLoad.kbGz} KB gz of JS in ${w.firstLoad.scripts} scripts until the PIN pad (${w.firstLoad.pinPadMs} ms) — budget ≤ ${BUDGETS.shellFirstLoadKbGz} KB: ${w.firstLoad.kbGz <= BUDGETS.shellFirstLoadKbGz ? 'OK' : 'OVER'}`,
      `    on the wire (Chromium's encodedDataLength, precompressed as served): ${w.firstLoad.kbWire} KB of JS (${w.firstLoad.kbWireHeaders} KB of it response headers); ${w.firstLoad.kbWireAll} KB in all ${w.firstLoad.requests} requests (page, scripts, API)`,
      `    largest: ${w.firstLoad.largest.join(', ')}`,
      `  sign-in (PIN checked by the server): ${w.signInMs} ms`,
      `  floor map after sign-in: ${w.floorMs} ms — budget ≤ ${BUDGETS.floorMs} ms: ${w.floorMs <= BUDGETS.floorMs ? 'OK' : 'OVER'}`,
      w.bigMenu
        ? `  5,000-dish menu (bench venue): first dish tile ${w.bigMenu.firstTileMs} ms after seating a table, a search narrows the grid in ${w.bigMenu.searchMs} ms`
        : '  5,000-dish menu: not measured (runs with the recommendations part, which seeds the bench venue)',
      ...w.remotes.map((r) => `  remote ${r.name.padEnd(14)} ${r.version}: own code ${r.ownKbGz} KB gz — budget ≤ ${BUDGETS.remoteOwnKbGz} KB: ${r.ownKbGz <= BUDGETS.remoteOwnKbGz ? 'OK' : 'OVER'}`),
      '',
    );
  }
  if (result.menuWire) {
    const row = (name, m) => `  ${name.padEnd(28)} raw ${m.rawBytes} B | br ${m.brBytes} B (${m.brEncoding}, ×${(m.rawBytes / m.brBytes).toFixed(1)} smaller) | gzip ${m.gzipBytes} B (${m.gzipEncoding})`;
    lines.push(
      'GET /pos/menu bytes on the wire (body as sent; Accept-Encoding none / "br, gzip" / "gzip")',
      row('demo venue', result.menuWire.demo),
      result.menuWire.bench ? row('bench venue (5,000 dishes)', result.menuWire.bench) : '  bench venue: not measured (seeded with the recommendations part)',
      '',
    );
  }
  if (f) {
    const s = f.socketIo;
    lines.push(
    `Stock-change fan-out (${f.clients} clients × ${f.rounds} rounds, REST PATCH → menu.stock receipt)`,
    `  socket.io : p50 ${fmt(s.p50Ms)} ms, p99 ${fmt(s.p99Ms)} ms, max ${fmt(s.maxMs)} ms, receipts ${s.receipts}/${s.expectedReceipts}` +
      ` — budget p99 ≤ ${BUDGETS.fanoutP99Ms} ms: ${f.withinBudget ? 'OK' : 'OVER'}`,
    `  bare ws   : p50 ${fmt(f.wsBaseline.p50Ms)} ms, p99 ${fmt(f.wsBaseline.p99Ms)} ms, max ${fmt(f.wsBaseline.maxMs)} ms, receipts ${f.wsBaseline.receipts}/${f.wsBaseline.expectedReceipts}`,
    `  ratio socket.io p99 / ws p99 = ${fmt(f.ratioP99)}`,
    '',
    );
  }
  if (result.replay) {
    lines.push(
    `Offline replay (outbox of libs/offline on fake-indexeddb → real API, strictly in order)`,
    ...['clean', 'lostResponses'].map((k) => {
      const r = result.replay[k];
      return `  ${k.padEnd(13)}: ${r.commands} commands drained in ${r.drainMs} ms (${r.commandsPerSecond}/s; HTTP ${r.httpMs} ms of it), requests ${r.requestsSent}, responses lost ${r.responsesLost}, duplicates ${r.duplicates}, losses ${r.losses}, refused ${r.failed}${Object.keys(r.errors).length ? `, answers ${JSON.stringify(r.errors)}` : ''}`;
    }),
    `  budget ≤ ${BUDGETS.replayMs} ms, 0 duplicates, 0 losses: ${result.replay.withinBudget ? 'OK' : 'OVER'}; issue 21 goal: ${result.replay.clean.commands} commands ≤ ${GOALS.replayMs} ms: ${result.replay.clean.drainMs <= GOALS.replayMs && result.replay.clean.duplicates === 0 && result.replay.clean.losses === 0 ? 'goal met' : 'goal NOT met'}`,
    '',
    );
  }
  if (o) {
  lines.push(`Order creation on SQLite (POST /pos/orders, ${o.durationMs} ms per level, keep-alive)`);
  o.api.forEach((a, i) => {
    const b = o.bareFastify[i];
    const r = o.ratios[i];
    const errs = Object.keys(a.errors).length ? ` errors ${JSON.stringify(a.errors)}` : '';
    lines.push(
      `  c=${String(a.concurrency).padEnd(2)} api ${String(a.throughputRps).padStart(5)} req/s p50 ${fmt(a.p50Ms)} p99 ${fmt(a.p99Ms)} ms, API CPU ${fmt(a.serverCpuMsPerRequest)} ms/order` +
        ` | bare ${String(b.throughputRps).padStart(5)} req/s p99 ${fmt(b.p99Ms)} ms | ratio p99 ×${fmt(r.p99)}, throughput ×${fmt(r.throughput)}${errs}`,
    );
  });
  const h = o.highestRateWithinBudget;
  lines.push(
    h
      ? `  highest rate with p99 ≤ ${BUDGETS.orderP99Ms} ms: ${h.throughputRps} req/s (c=${h.concurrency}, p99 ${h.p99Ms} ms)`
      : `  no level kept p99 ≤ ${BUDGETS.orderP99Ms} ms`,
    '',
  );
  }
  const d = result.dashboard;
  if (d) {
    lines.push(
      `Cashier dashboard (GET /pos/finance/dashboard on SQLite; a day of ${d.figures.checks} paid checks, ${d.figures.ledgerRowsToday} ledger rows today, taken through the API in ${d.seedMs} ms; sequential)`,
      ...d.levels.map(
        (l) =>
          `  history ${String(l.historyLedgerRows).padStart(7)} ledger rows (${String(l.historyDays).padStart(3)} days): polled day p50 ${fmt(l.day.p50Ms)} p99 ${fmt(l.day.p99Ms)} ms, shift p50 ${fmt(l.shift.p50Ms)} p99 ${fmt(l.shift.p99Ms)} ms | right after a payment (computed) p50 ${fmt(l.dayAfterPayment.p50Ms)} p99 ${fmt(l.dayAfterPayment.p99Ms)} ms | ${l.day.bytes} bytes${Object.keys(l.day.errors).length ? ` errors ${JSON.stringify(l.day.errors)}` : ''}`,
      ),
      `  budget p99 ≤ ${BUDGETS.dashboardP99Ms} ms (polled) at every history size: ${d.withinBudget ? 'OK' : 'OVER'}; computed after a payment: ${d.computedWithinBudget ? 'OK' : 'OVER'}`,
      `  p99 at the largest / smallest history: polled ×${fmt(d.growthP99)}, computed ×${fmt(d.growthComputedP99)}; today's figures unchanged by adding history: ${d.figures.unchangedByHistory ? 'yes' : 'NO'}`,
      `  bare Fastify (same JSON): p50 ${fmt(d.bareFastify.p50Ms)} ms, p99 ${fmt(d.bareFastify.p99Ms)} ms | ratio p99 ×${fmt(d.ratioP99)}`,
      `  ${d.polling.tablets} tablets polling every ${d.polling.everySeconds} s: ${d.polling.requestsPerSecond} req/s ≈ ${d.polling.corePercent} % of one core at p50`,
      '',
    );
  }
  const wh = result.webhooks;
  if (wh) {
    lines.push(
      'Inbound webhooks (a delivery partner on SQLite; Standard Webhooks signature verified over the raw body; sequential)',
      ...wh.levels.map(
        (l) =>
          `  ${String(l.ordersTaken).padStart(5)} partner orders taken: new order p50 ${fmt(l.newOrder.p50Ms)} p99 ${fmt(l.newOrder.p99Ms)} ms | status change (tickets to ready) p50 ${fmt(l.statusChange.p50Ms)} p99 ${fmt(l.statusChange.p99Ms)} ms | bad signature (401) p50 ${fmt(l.refused.p50Ms)} p99 ${fmt(l.refused.p99Ms)} ms${[l.newOrder, l.statusChange, l.refused].some((x) => Object.keys(x.errors).length) ? ` errors ${JSON.stringify([l.newOrder.errors, l.statusChange.errors, l.refused.errors])}` : ''}`,
      ),
      `  bare Fastify verifying the same signature: p50 ${fmt(wh.bareFastify.p50Ms)} ms, p99 ${fmt(wh.bareFastify.p99Ms)} ms | status change p99 ×${fmt(wh.ratioStatusP99)} of it; p99 growth from the first level to the last: status ×${fmt(wh.growthStatusP99)}, new order ×${fmt(wh.growthNewOrderP99)}`,
      '',
    );
  }
  const rc = result.recommendations;
  if (rc) {
    lines.push(
      `Recommendations (GET /pos/menu/products/{id}/recommendations, bench venue: ${rc.products} products, 50,000 past orders; ${rc.productsTapped} products × ${rc.rounds} rounds, sequential)`,
      `  api           : p50 ${fmt(rc.api.p50Ms)} ms, p99 ${fmt(rc.api.p99Ms)} ms, max ${fmt(rc.api.maxMs)} ms (${rc.api.count} answers${Object.keys(rc.api.errors).length ? `, errors ${JSON.stringify(rc.api.errors)}` : ''})` +
        ` — budget p99 ≤ ${BUDGETS.recommendationsP99Ms} ms: ${rc.withinBudget ? 'OK' : 'OVER'}`,
      `  with orderId  : p50 ${fmt(rc.apiWithOrderId.p50Ms)} ms, p99 ${fmt(rc.apiWithOrderId.p99Ms)} ms`,
      `  bare Fastify  : p50 ${fmt(rc.bareFastify.p50Ms)} ms, p99 ${fmt(rc.bareFastify.p99Ms)} ms | ratio p99 ×${fmt(rc.ratioP99)}, p50 ×${fmt(rc.ratioP50)}`,
      `  suggestions per answer: ${rc.averageSuggestions.configured} configured + ${rc.averageSuggestions.popular} often ordered together (${rc.productsWithRules} products with rules)`,
      '',
    );
  }
  if (result.promotions) lines.push(...promotionsSummary(result.promotions));
  const z = result.zReport;
  if (z) {
    const row = (name, r) => `  ${name.padEnd(22)} X html p50 ${fmt(r.x.html.p50Ms)} p95 ${fmt(r.x.html.p95Ms)} ms (${r.x.html.bytes} B) | X pdf p50 ${fmt(r.x.pdf.p50Ms)} p95 ${fmt(r.x.pdf.p95Ms)} ms (${r.x.pdf.bytes} B) | Z html p50 ${fmt(r.z.html.p50Ms)} p95 ${fmt(r.z.html.p95Ms)} ms | Z pdf p50 ${fmt(r.z.pdf.p50Ms)} p95 ${fmt(r.z.pdf.p95Ms)} ms | close (issues Z № ${r.zNumber}) ${fmt(r.closeMs)} ms`;
    lines.push(
      `Shift reports (GET /pos/shifts/{id}/report on SQLite, sequential; ${z.small.checks} checks taken through the API in ${z.seedMs} ms)`,
      row(`${z.small.checks} checks`, z.small),
      row(`${z.big.checks} checks`, z.big),
      `  growth of p50 for 10× the checks: X html ×${fmt(z.growthP50.xHtml)}, X pdf ×${fmt(z.growthP50.xPdf)}, Z html ×${fmt(z.growthP50.zHtml)}, Z pdf ×${fmt(z.growthP50.zPdf)}; net revenue scales exactly: ${z.netScalesExactly ? 'yes' : 'NO'}`,
      '',
    );
  }
  if (result.analyticsExport) lines.push(...exportSummary(result.analyticsExport));
  if (result.ordersScale) lines.push(...ordersScaleSummary(result.ordersScale));
  if (result.fanoutScale) lines.push(...fanoutScaleSummary(result.fanoutScale));
  if (result.menuScale) lines.push(...menuScaleSummary(result.menuScale));
  const optIn = SCALE_PARTS.filter((part) => !ONLY.has(part));
  if (optIn.length) lines.push(`Scale tables not run: ${optIn.join(', ')} (menu-scale is opt-in, ~2 min on 2 cores: BENCH_ONLY=menu-scale npm run bench; BENCH_ONLY=scale runs all three)`, '');
  lines.push(
    `machine: ${result.machine.cpus} CPUs, node ${result.machine.node} (figures are indicative on a shared machine)`,
    '',
  );
  return lines.join('\n');
}

async function promotionsOnly() {
  log('promotions: one 50-line order priced against 20 / 200 / 2,000 rules (the engine in process, no API) …');
  const result = { promotions: await promotionsBench(), budgets: BUDGETS, machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, loadavg: os.loadavg().map((l) => Math.round(l * 100) / 100), node: process.version } };
  console.log(summary(result));
  console.log(JSON.stringify(result, null, 2));
}

async function main() {
  if (!API_NEEDED) return promotionsOnly();
  log('starting the API from dist/apps/api/server.js …');
  const baseUrl = await startServer();
  log(`API up at ${baseUrl}`);
  const cookToken = await login(baseUrl, '4444');
  const waiterToken = await login(baseUrl, '1111');
  const stockProduct = await productByCode(baseUrl, cookToken, 'solyanka');
  const orderProduct = await productByCode(baseUrl, waiterToken, 'borscht');

  // orders-scale (in the default set): on an API of its own (a fresh file: the first level is an empty history, and the 500,000 orders stay out of the other parts' figures).
  let ordersScale;
  if (ONLY.has('orders-scale')) {
    log('orders scale: c=4 with 0 / 50,000 / 500,000 orders in the database (seeded into the file), beside the bare Fastify route …');
    const started = Date.now();
    ordersScale = await ordersScaleBench({ tmpDir, login: (url) => login(url, '1111'), durationMs: ORDER_DURATION_MS, ...(process.env.BENCH_ORDERS_SCALE ? { sizes: process.env.BENCH_ORDERS_SCALE.split(',').map(Number) } : {}) });
    ordersScale.partSeconds = Math.round((Date.now() - started) / 1000);
  }

  let web;
  if (ONLY.has('web')) {
    if (HAS_WEB) {
      log('web: shell first load, floor map after sign-in, remote sizes …');
      web = await webBench({ baseUrl, webRoot: WEB_ROOT, withBigMenu: BIG_MENU });
    } else log('web: skipped — no dist/web (build it: npx nx run-many -t build)');
  }

  // The menu a tablet downloads, raw and compressed (the bench venue's 5,000 dishes when it is seeded).
  let menuWire;
  if (ONLY.has('web')) {
    log('menu on the wire: GET /pos/menu raw, br and gzip …');
    menuWire = { demo: await menuOnTheWire({ baseUrl, token: waiterToken }) };
    if (BIG_MENU) menuWire.bench = await menuOnTheWire({ baseUrl, token: await deviceLogin(baseUrl, 'bench', '1111') });
  }

  let dashboard;
  if (ONLY.has('dashboard')) {
    log('dashboard: a day of 2,000 paid checks through the API, then 2,000 / 20,000 / 200,000 ledger rows of history under it …');
    dashboard = await dashboardBench({ baseUrl, sqlitePath: path.join(tmpDir, 'pos.db'), login: (pin) => login(baseUrl, pin), ...(process.env.BENCH_DASHBOARD_HISTORY ? { history: process.env.BENCH_DASHBOARD_HISTORY.split(',').map(Number) } : {}) });
    const within = (m) => m.p99Ms != null && m.p99Ms <= BUDGETS.dashboardP99Ms && Object.keys(m.errors).length === 0;
    dashboard.withinBudget = dashboard.levels.every((l) => within(l.day) && within(l.shift));
    dashboard.computedWithinBudget = dashboard.levels.every((l) => within(l.dayAfterPayment));
  }

  let fanout;
  if (ONLY.has('fanout')) {
  log(`fan-out: connecting ${FANOUT_CLIENTS} socket.io clients, ${FANOUT_ROUNDS} rounds …`);
  const sio = await socketIoFanout({ baseUrl, token: cookToken, productId: stockProduct.id, clients: FANOUT_CLIENTS, rounds: FANOUT_ROUNDS });
  const payload = sio.samplePayload ?? { venueId: 'demo', productId: stockProduct.id, stock: null, isAvailable: true, menuVersion: 1 };
  log(`fan-out baseline: ${FANOUT_CLIENTS} bare ws clients …`);
  const base = await wsBaselineFanout({ payload, clients: FANOUT_CLIENTS, rounds: FANOUT_ROUNDS });
  fanout = fanoutSummary(sio, base);
  fanout.withinBudget = sio.p99Ms != null && sio.p99Ms <= BUDGETS.fanoutP99Ms && sio.receipts === sio.expectedReceipts;
  }

  // fanout-scale (in the default set): 500 and 5,000 clients, one instance and two over Redis.
  let fanoutScale;
  if (ONLY.has('fanout-scale')) {
    const started = Date.now();
    fanoutScale = await fanoutScaleBench({
      main: { baseUrl, token: cookToken, productId: stockProduct.id },
      tmpDir,
      log,
      ...(process.env.BENCH_FANOUT_SCALE ? { counts: process.env.BENCH_FANOUT_SCALE.split(',').map(Number) } : {}),
      ...(process.env.BENCH_SCALE_ROUNDS ? { rounds: Number(process.env.BENCH_SCALE_ROUNDS) } : {}),
    });
    fanoutScale.partSeconds = Math.round((Date.now() - started) / 1000);
  }

  // BENCH_ONLY=menu-scale (opt-in): the 5,000- and 50,000-dish venues, on the wire and in Chromium.
  let menuScale;
  if (ONLY.has('menu-scale')) {
    const started = Date.now();
    menuScale = await menuScaleBench({ baseUrl, hasWeb: WEB_ROOT_SERVED, log });
    menuScale.partSeconds = Math.round((Date.now() - started) / 1000);
  }

  let replay;
  if (ONLY.has('replay')) {
  log(`offline replay: ${REPLAY_ORDERS * 10} queued commands, then the same with every 20th response lost …`);
  const productIds = (await (await fetch(`${baseUrl}/pos/menu`, { headers: { authorization: `Bearer ${waiterToken}` } })).json()).products
    .filter((p) => p.stock === null && p.isAvailable && p.modifierGroupIds.length === 0)
    .map((p) => p.id);
  replay = {
    clean: await replayBench({ baseUrl, token: waiterToken, productIds, orders: REPLAY_ORDERS, itemsPerOrder: 8, loseEvery: 0 }),
    lostResponses: await replayBench({ baseUrl, token: waiterToken, productIds, orders: REPLAY_ORDERS, itemsPerOrder: 8, loseEvery: 20 }),
  };
  replay.withinBudget = replay.clean.drainMs <= BUDGETS.replayMs && replay.clean.duplicates === 0 && replay.clean.losses === 0;
  }

  let orders;
  if (ONLY.has('orders')) {
  log(`orders: concurrency ${ORDER_LEVELS.join(', ')} × ${ORDER_DURATION_MS} ms, then the bare Fastify baseline …`);
  orders = await ordersBench({ baseUrl, token: waiterToken, productId: orderProduct.id, levels: ORDER_LEVELS, durationMs: ORDER_DURATION_MS, serverPid: child?.pid });
  orders.highestRateWithinBudget = highestRateWithin(orders.api, BUDGETS.orderP99Ms);
  }

  let recommendations;
  if (ONLY.has('recommendations')) {
    log('recommendations: rules on 100 products, then 1,000 products × 2 rounds, then the bare Fastify baseline …');
    recommendations = await recommendationsBench({ baseUrl });
    recommendations.withinBudget = recommendations.api.p99Ms != null && recommendations.api.p99Ms <= BUDGETS.recommendationsP99Ms && Object.keys(recommendations.api.errors).length === 0;
  }

  let zReport;
  if (ONLY.has('z-report')) {
    log('z-report: a shift of 2,000 checks through the API, then one of 20,000 (copied in the database): X and Z as HTML and PDF …');
    zReport = await zReportBench({ baseUrl, sqlitePath: path.join(tmpDir, 'pos.db'), login: (pin) => login(baseUrl, pin) });
  }

  let webhooks;
  if (ONLY.has('webhooks')) {
    log('webhooks: signed partner orders and status changes at 200 and 2,000 orders, a refused signature, then the bare Fastify baseline …');
    webhooks = await webhooksBench({ baseUrl, login: (pin) => login(baseUrl, pin) });
  }

  // BENCH_ONLY=export (not in the default set): 100k then 1M order lines seeded into the file, each exported through the API.
  let analyticsExport;
  if (ONLY.has('export')) {
    log('export: 100,000 then 1,000,000 order lines seeded into the database, each exported as CSV through the API (RSS of the API sampled) …');
    analyticsExport = await exportBench({ baseUrl, sqlitePath: path.join(tmpDir, 'pos.db'), login: (pin) => login(baseUrl, pin), pid: child.pid, ...(process.env.BENCH_EXPORT_LINES ? { sizes: process.env.BENCH_EXPORT_LINES.split(',').map(Number) } : {}) });
  }

  let promotions;
  if (ONLY.has('promotions')) {
    log('promotions: one 50-line order priced against 20 / 200 / 2,000 rules (the engine in process, no API) …');
    promotions = await promotionsBench();
  }

  const result = {
    ordersScale,
    fanoutScale,
    menuScale,
    web,
    menuWire,
    dashboard,
    fanout,
    replay,
    orders,
    recommendations,
    zReport,
    webhooks,
    promotions,
    analyticsExport,
    budgets: BUDGETS,
    goals: GOALS,
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, loadavg: os.loadavg().map((l) => Math.round(l * 100) / 100), node: process.version },
  };
  console.log(summary(result));
  console.log(JSON.stringify(result, null, 2));
}

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.once(sig, () => {
    killStartedApis();
    if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
    process.exit(130);
  });
}

let exitCode = 0;
try {
  await main();
} catch (err) {
  exitCode = 1;
  console.error(`[bench] failed: ${err.stack ?? err}`);
} finally {
  await stopServer().catch((err) => console.error(`[bench] could not stop the API: ${err}`));
}
process.exit(exitCode);
