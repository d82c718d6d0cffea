// GET /pos/finance/dashboard on SQLite: a business day of 2,000 paid checks (taken through the
// API), measured with 2,000 / 20,000 / 200,000 ledger rows of older history under it, vs a bare
// Fastify GET answering the same JSON in this process.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import Fastify from 'fastify';
import { latencyStats, ratio } from './lib.mjs';

const DAY_MS = 86_400_000;
const json = (token) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });

async function call(baseUrl, token, method, path, body) {
  const res = await fetch(`${baseUrl}${path}`, { method, headers: json(token), body: body === undefined ? undefined : JSON.stringify(body) });
  const answer = await res.json();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(answer)}`);
  return answer;
}

/** Runs `task(i)` for i in 0..count-1 with `concurrency` in flight. */
async function pool(count, concurrency, task) {
  let next = 0;
  const worker = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/**
 * The day: `checks` orders of 1–3 dishes taken by two waiters, each paid by the cashier — cash with
 * the guest's notes, card with a tip on every third — through the real API, so the ledger rows,
 * orders and lines are exactly what service writes.
 */
async function takeTheDay({ baseUrl, waiters, cashier, products, checks }) {
  await call(baseUrl, cashier, 'POST', '/pos/shifts', { openingFloat: 500_000, clientRequestId: `bench-${randomUUID()}` });
  await pool(checks, 8, (i) => oneCheck({ baseUrl, waiters, cashier, products }, i));
}

/** One check: an order of 1–3 dishes, paid in cash or by card (a tip on every third card). */
async function oneCheck({ baseUrl, waiters, cashier, products }, i) {
  const items = Array.from({ length: 1 + (i % 3) }, (_, k) => ({ productId: products[(i * 7 + k * 13) % products.length].id, quantity: 1 + ((i + k) % 2) }));
  const order = await call(baseUrl, waiters[i % waiters.length], 'POST', '/pos/orders', { items, guests: 1 + (i % 4), clientRequestId: `bench-${randomUUID()}` });
  const card = i % 2 === 1;
  const tender = card ? { method: 'card', amount: order.total, ...(i % 3 === 0 ? { tip: Math.floor(order.total / 10) } : {}), reference: `bench-${i}` } : { method: 'cash', amount: order.total, tendered: Math.ceil(order.total / 100_000) * 100_000 };
  await call(baseUrl, cashier, 'POST', '/pos/finance/payments', { orderId: order.id, tenders: [tender], clientRequestId: `bench-${randomUUID()}` });
}

/**
 * Older history straight into the database file: copies of the day's ledger rows, orders and lines
 * moved `k` days back (fresh ids, the same shape the API wrote), until `ledgerRows` rows exist
 * before today, with copies of the day's shifts (closed) that they are booked to.
 */
function addHistory(sqlitePath, venueId, targetRows, state) {
  const db = new Database(sqlitePath);
  db.pragma('busy_timeout = 5000');
  try {
    const day = {
      ledger: db.prepare('SELECT * FROM ledger_entries WHERE venue_id = ? AND created_at >= ?').all(venueId, state.dayStart),
      orders: db.prepare('SELECT * FROM orders WHERE venue_id = ? AND created_at >= ?').all(venueId, state.dayStart),
      shifts: db.prepare('SELECT * FROM shifts WHERE venue_id = ? AND opened_at >= ?').all(venueId, state.dayStart),
    };
    day.lines = db.prepare(`SELECT l.* FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.venue_id = ? AND o.created_at >= ?`).all(venueId, state.dayStart);
    const statements = {};
    const insert = (table, row) => {
      const cols = Object.keys(row);
      const key = `${table}:${cols.join(',')}`;
      statements[key] ??= db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
      statements[key].run(...cols.map((c) => row[c]));
    };
    const copyDay = db.transaction((k) => {
      const ids = new Map();
      const fresh = (id) => {
        if (id == null) return id;
        if (!ids.has(id)) ids.set(id, randomUUID());
        return ids.get(id);
      };
      const back = (iso) => (iso == null ? iso : new Date(Date.parse(iso) - k * DAY_MS).toISOString());
      for (const sh of day.shifts) {
        insert('shifts', { ...sh, id: fresh(sh.id), status: 'closed', opened_at: back(sh.opened_at), closed_at: back(sh.closed_at ?? new Date(Date.parse(sh.opened_at) + 3_600_000).toISOString()) });
      }
      for (const o of day.orders) {
        insert('orders', { ...o, id: fresh(o.id), number: o.number + k * 1_000_000, shift_id: fresh(o.shift_id), session_id: null, table_id: null, created_at: back(o.created_at), updated_at: back(o.updated_at), closed_at: back(o.closed_at) });
      }
      for (const l of day.lines) insert('order_lines', { ...l, id: fresh(l.id), order_id: fresh(l.order_id), created_at: back(l.created_at) });
      for (const e of day.ledger) {
        insert('ledger_entries', { ...e, id: fresh(e.id), order_id: fresh(e.order_id), shift_id: fresh(e.shift_id), payment_id: fresh(e.payment_id), created_at: back(e.created_at) });
      }
      return day.ledger.length;
    });
    state.todayRows = day.ledger.length;
    while (state.historyRows < targetRows) state.historyRows += copyDay(++state.daysBack);
  } finally {
    db.close();
  }
}

/** Sequential GETs (one tablet after another), after a warm-up; latencies of 200s. `before` (untimed) runs ahead of each. */
async function measure(url, token, count, before = null) {
  const headers = { authorization: `Bearer ${token}` };
  for (let i = 0; i < 20; i++) await (await fetch(url, { headers })).arrayBuffer();
  const latencies = [];
  const errors = {};
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    if (before) await before(i);
    const t = performance.now();
    const res = await fetch(url, { headers });
    const body = await res.arrayBuffer();
    const dt = performance.now() - t;
    if (res.status === 200) {
      latencies.push(dt);
      bytes = body.byteLength;
    } else errors[res.status] = (errors[res.status] ?? 0) + 1;
  }
  return { ...latencyStats(latencies), bytes, errors };
}

export async function dashboardBench({ baseUrl, sqlitePath, login, checks = 2000, history = [2_000, 20_000, 200_000], requests = 300 }) {
  const [waiterA, waiterB, cashier, supervisor] = [await login('1111'), await login('1112'), await login('2222'), await login('333333')];
  const menu = await call(baseUrl, waiterA, 'GET', '/pos/menu');
  const products = menu.products.filter((p) => p.stock === null && p.isAvailable && p.modifierGroupIds.length === 0);
  const dayStart = new Date().toISOString();
  const t0 = performance.now();
  const staff = { baseUrl, waiters: [waiterA, waiterB], cashier, products };
  await takeTheDay({ ...staff, checks });
  const seedMs = Math.round(performance.now() - t0);

  const day = `${baseUrl}/pos/finance/dashboard?scope=day`;
  const shift = `${baseUrl}/pos/finance/dashboard`;
  const venueId = venueIdOf(sqlitePath);
  const state = { dayStart, historyRows: 0, daysBack: 0, todayRows: 0, extraChecks: 0 };
  // The plan moves with the clock (its part due by now), so it is left out of the comparison.
  const figures = async () => ({ ...(await call(baseUrl, supervisor, 'GET', '/pos/finance/dashboard?scope=day')), plan: null, updatedAt: '' });
  const levels = [];
  for (const rows of history) {
    const before = JSON.stringify(await figures());
    addHistory(sqlitePath, venueId, rows, state);
    levels.push({
      historyLedgerRows: state.historyRows,
      historyDays: state.daysBack,
      // Older days must not move today's figures.
      historyInvisible: JSON.stringify(await figures()) === before,
      day: await measure(day, supervisor, requests),
      shift: await measure(shift, cashier, requests),
      // Every request right after a new payment: the figures are computed afresh, not reused.
      dayAfterPayment: await measure(day, supervisor, Math.round(requests / 3), () => oneCheck(staff, checks + state.extraChecks++)),
    });
  }
  const after = await call(baseUrl, supervisor, 'GET', '/pos/finance/dashboard?scope=day');

  // Baseline: a bare Fastify GET answering the dashboard's own JSON, in this process.
  const bare = Fastify({ logger: false });
  const payload = JSON.stringify(after);
  bare.get('/pos/finance/dashboard', async (_req, reply) => reply.type('application/json').send(payload));
  let baseline;
  try {
    const address = await bare.listen({ host: '127.0.0.1', port: 0 });
    baseline = await measure(`${address}/pos/finance/dashboard`, 'none', requests);
  } finally {
    await bare.close();
  }
  const last = levels[levels.length - 1];
  return {
    checks,
    seedMs,
    figures: { checks: after.checks, net: after.net, ledgerRowsToday: state.todayRows, unchangedByHistory: levels.every((l) => l.historyInvisible) },
    levels,
    bareFastify: baseline,
    ratioP99: ratio(last.day.p99Ms, baseline.p99Ms),
    growthP99: ratio(last.day.p99Ms, levels[0].day.p99Ms),
    growthComputedP99: ratio(last.dayAfterPayment.p99Ms, levels[0].dayAfterPayment.p99Ms),
    // 500 tablets polling every 30 s: requests per second, and the share of one core they take at p50.
    polling: { tablets: 500, everySeconds: 30, requestsPerSecond: Math.round((500 / 30) * 10) / 10, corePercent: Math.round((500 / 30) * last.shift.p50Ms) / 10 },
  };
}

function venueIdOf(sqlitePath) {
  const db = new Database(sqlitePath, { readonly: true });
  try {
    return db.prepare("SELECT id FROM venues WHERE slug = 'demo'").get().id;
  } finally {
    db.close();
  }
}
