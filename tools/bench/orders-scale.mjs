// Order creation as the history grows: POST /pos/orders at c=4 with 0, 50,000 and 500,000 orders
// already in the database (paid orders of 2 lines each, written in bulk straight into the SQLite
// file between the levels) on an API of its own, beside the bare Fastify route of orders.mjs measured in the same run.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import Fastify from 'fastify';
import { spawnApi } from './api-process.mjs';
import { closedLoop } from './orders.mjs';
import { ratio } from './lib.mjs';

export const ORDERS_SCALE_GOALS = { throughputVsBare: 0.5, p99Ms: 10 };
const LINES_PER_ORDER = 2;
const YEAR_MS = 365 * 86_400_000;

/**
 * Adds paid orders to the demo venue until it holds `target` orders, in transactions of 50,000
 * (prepared statements, one file, WAL checkpointed after): numbers continue the venue's sequence.
 * Returns the orders added and the time it took.
 */
export function seedOrders(sqlitePath, target) {
  const t = performance.now();
  const db = new Database(sqlitePath);
  db.pragma('busy_timeout = 10000');
  // A bench file: no fsync per commit, and a page cache large enough for the indexes being grown.
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  try {
    const venue = db.prepare("SELECT id, order_seq FROM venues WHERE slug = 'demo'").get();
    const have = db.prepare('SELECT count(*) AS n FROM orders WHERE venue_id = ?').get(venue.id).n;
    const missing = Math.max(0, target - have);
    if (missing === 0) return { added: 0, ms: 0, total: have };
    const waiterId = db.prepare("SELECT id FROM staff WHERE venue_id = ? AND role = 'waiter' ORDER BY name LIMIT 1").get(venue.id).id;
    const products = db.prepare('SELECT id, name, price FROM products WHERE venue_id = ? ORDER BY sort').all(venue.id);
    const order = db.prepare(
      `INSERT INTO orders (id, venue_id, number, table_id, session_id, waiter_id, shift_id, status, guests, note, held_courses, split, version, created_by, created_at, updated_at, closed_at)
       VALUES (?, ?, ?, NULL, NULL, ?, NULL, 'paid', 2, NULL, '[]', NULL, 3, ?, ?, ?, ?)`,
    );
    const line = db.prepare(
      `INSERT INTO order_lines (id, order_id, venue_id, product_id, name, unit_price, modifiers, quantity, voided_quantity, fired_quantity, fired_note, note, course, void_reason, position, created_at)
       VALUES (?, ?, ?, ?, ?, ?, '[]', 1, 0, 1, '', NULL, 1, NULL, ?, ?)`,
    );
    let number = Number(venue.order_seq);
    const now = Date.now();
    const add = db.transaction((count) => {
      for (let k = 0; k < count; k++) {
        number++;
        // Spread over the past year (deterministic), like a venue's real history.
        const at = new Date(now - ((number * 7919 * 60_000) % YEAR_MS) - 86_400_000).toISOString();
        const orderId = randomUUID();
        order.run(orderId, venue.id, number, waiterId, waiterId, at, at, at);
        for (let p = 0; p < LINES_PER_ORDER; p++) {
          const product = products[(number * 31 + p * 7) % products.length];
          line.run(randomUUID(), orderId, venue.id, product.id, product.name, product.price, p, at);
        }
      }
      db.prepare('UPDATE venues SET order_seq = ? WHERE id = ?').run(number, venue.id);
    });
    for (let left = missing; left > 0; left -= 50_000) add(Math.min(50_000, left));
    db.pragma('wal_checkpoint(TRUNCATE)');
    return { added: missing, ms: Math.round(performance.now() - t), total: have + missing };
  } finally {
    db.close();
  }
}

/**
 * Runs on an API of its own, started here on a fresh file in `tmpDir` (the driver's `login(url)`
 * signs the demo waiter in on it) and stopped at the end.
 */
export async function ordersScaleBench({ tmpDir, login, sizes = [0, 50_000, 500_000], concurrency = 4, durationMs = 3000 }) {
  const sqlitePath = path.join(tmpDir, 'orders-scale.db');
  const api = await spawnApi({ sqlitePath, webRoot: path.join(tmpDir, 'none') });
  try {
    const token = await login(api.baseUrl);
    const menu = await (await fetch(`${api.baseUrl}/pos/menu`, { headers: { authorization: `Bearer ${token}` } })).json();
    const product = menu.products?.find((p) => p.code === 'borscht');
    if (!product) throw new Error("product 'borscht' not in the demo menu");
    return await measure({ baseUrl: api.baseUrl, serverPid: api.child.pid, token, productId: product.id, sqlitePath, sizes, concurrency, durationMs });
  } finally {
    await api.stop();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(sqlitePath + suffix, { force: true });
  }
}

async function measure({ baseUrl, serverPid, token, productId, sqlitePath, sizes, concurrency, durationMs }) {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const body = () => JSON.stringify({ items: [{ productId, quantity: 1 }], clientRequestId: `bench-${randomUUID()}` });

  // The bare route first, then again after the levels: the baseline is the better of the two (the machine is shared).
  const bare = Fastify({ logger: false });
  bare.post('/pos/orders', async () => ({ ok: true }));
  const bareAddress = await bare.listen({ host: '127.0.0.1', port: 0 });
  const bareRun = () => closedLoop({ url: `${bareAddress}/pos/orders`, headers, body, concurrency, durationMs, okStatus: 200 });
  const levels = [];
  let bareRuns;
  try {
    const before = await bareRun();
    for (const size of sizes) {
      const seed = seedOrders(sqlitePath, size);
      const api = await closedLoop({ url: `${baseUrl}/pos/orders`, headers, body, concurrency, durationMs, okStatus: 201, serverPid });
      levels.push({ ordersBefore: seed.total, seededNow: seed.added, seedMs: seed.ms, api });
    }
    bareRuns = [before, await bareRun()];
  } finally {
    await bare.close();
  }
  const bareFastify = bareRuns.reduce((a, b) => (b.throughputRps > a.throughputRps ? b : a));
  for (const l of levels) {
    l.ratioThroughput = ratio(l.api.throughputRps, bareFastify.throughputRps);
    l.ratioP99 = ratio(l.api.p99Ms, bareFastify.p99Ms);
    l.goalMet = l.ratioThroughput != null && l.ratioThroughput >= ORDERS_SCALE_GOALS.throughputVsBare && l.api.p99Ms != null && l.api.p99Ms <= ORDERS_SCALE_GOALS.p99Ms && Object.keys(l.api.errors).length === 0;
  }
  const first = levels[0].api;
  const last = levels[levels.length - 1].api;
  return {
    concurrency,
    durationMs,
    levels,
    bareFastify,
    bareRuns: bareRuns.map((r) => ({ throughputRps: r.throughputRps, p50Ms: r.p50Ms, p99Ms: r.p99Ms })),
    growth: { throughput: ratio(last.throughputRps, first.throughputRps), p99: ratio(last.p99Ms, first.p99Ms) },
  };
}

const fmt = (v) => (v == null ? 'n/a' : String(v));
const met = (ok) => (ok ? 'goal met' : 'goal NOT met');

export function ordersScaleSummary(r) {
  const b = r.bareFastify;
  return [
    `Order creation as history grows (POST /pos/orders on SQLite, c=${r.concurrency}, ${r.durationMs} ms per level; paid orders of 2 lines seeded straight into the file)`,
    `  orders in db | api req/s  p50 ms  p99 ms  CPU ms/order | ×bare req/s ×bare p99 | seeded (time)        | goal ≥ ${ORDERS_SCALE_GOALS.throughputVsBare}× bare req/s and p99 ≤ ${ORDERS_SCALE_GOALS.p99Ms} ms`,
    ...r.levels.map((l) => {
      const a = l.api;
      const errs = Object.keys(a.errors).length ? ` errors ${JSON.stringify(a.errors)}` : '';
      return `  ${String(l.ordersBefore).padStart(12)} | ${String(a.throughputRps).padStart(9)} ${String(fmt(a.p50Ms)).padStart(7)} ${String(fmt(a.p99Ms)).padStart(7)} ${String(fmt(a.serverCpuMsPerRequest)).padStart(13)} | ${String(`×${fmt(l.ratioThroughput)}`).padStart(11)} ${String(`×${fmt(l.ratioP99)}`).padStart(9)} | ${String(`+${l.seededNow} (${l.seedMs} ms)`).padEnd(20)} | ${met(l.goalMet)}${errs}`;
    }),
    `  bare Fastify (same body, same c): ${b.throughputRps} req/s, p50 ${fmt(b.p50Ms)} ms, p99 ${fmt(b.p99Ms)} ms (best of ${r.bareRuns.map((x) => `${x.throughputRps} req/s`).join(' / ')}, before and after the levels)`,
    `  growth from the first level to the last: throughput ×${fmt(r.growth.throughput)}, p99 ×${fmt(r.growth.p99)}`,
    `  the part ran in ${fmt(r.partSeconds)} s`,
    '',
  ];
}
