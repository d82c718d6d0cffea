// Shift reports on SQLite: the X-report (computed live) and the Z-report (rendered from the
// figures frozen at the close) as HTML and PDF, for a shift of 2,000 checks (taken through the API)
// and one of 20,000 (the same day copied ten times into the database), p50 / p95, and the growth.
// A report aggregates — categories, methods, voids, tips, open checks — it never lists every
// check, so 10× the checks should cost far less than 10× the time.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { ratio } from './lib.mjs';

const json = (token) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });

async function call(baseUrl, token, method, path, body) {
  const res = await fetch(`${baseUrl}${path}`, { method, headers: json(token), body: body === undefined ? undefined : JSON.stringify(body) });
  const answer = await res.json();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(answer)}`);
  return answer;
}

async function pool(count, concurrency, task) {
  let next = 0;
  const worker = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/** One check: 1–3 dishes, cash or card (a tip on every third card), a voided portion on every 50th. */
async function oneCheck({ baseUrl, waiters, cashier, products, shiftId }, i) {
  const items = Array.from({ length: 1 + (i % 3) }, (_, k) => ({ productId: products[(i * 7 + k * 13) % products.length].id, quantity: 1 + ((i + k) % 2) }));
  const waiter = waiters[i % waiters.length];
  let order = await call(baseUrl, waiter, 'POST', '/pos/orders', { items, shiftId, guests: 1 + (i % 4), clientRequestId: `bench-${randomUUID()}` });
  if (i % 50 === 0 && order.lines[0].quantity > 1) {
    order = await call(baseUrl, waiter, 'POST', `/pos/orders/${order.id}/items/${order.lines[0].id}/void`, { version: order.version, quantity: 1, reason: i % 100 === 0 ? 'Гость передумал' : 'Ошибка официанта', clientRequestId: `bench-${randomUUID()}` });
  }
  const card = i % 2 === 1;
  const tender = card ? { method: 'card', amount: order.total, ...(i % 3 === 0 ? { tip: Math.floor(order.total / 10) } : {}), reference: `bench-${i}` } : { method: 'cash', amount: order.total, tendered: Math.ceil(order.total / 100_000) * 100_000 };
  await call(baseUrl, cashier, 'POST', '/pos/finance/payments', { orderId: order.id, tenders: [tender], clientRequestId: `bench-${randomUUID()}` });
}

/** Copies the orders, lines and ledger rows of shift `from` into shift `to`, `times` times (fresh ids). */
function copyShift(sqlitePath, from, to, times) {
  const db = new Database(sqlitePath);
  db.pragma('busy_timeout = 5000');
  try {
    const orders = db.prepare('SELECT * FROM orders WHERE shift_id = ?').all(from);
    const lines = db.prepare('SELECT l.* FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.shift_id = ?').all(from);
    const ledger = db.prepare('SELECT * FROM ledger_entries WHERE shift_id = ?').all(from);
    const statements = {};
    const insert = (table, row) => {
      const cols = Object.keys(row);
      const key = `${table}:${cols.join(',')}`;
      statements[key] ??= db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
      statements[key].run(...cols.map((c) => row[c]));
    };
    const copy = db.transaction((k) => {
      const ids = new Map();
      const fresh = (id) => {
        if (id == null) return id;
        if (!ids.has(id)) ids.set(id, randomUUID());
        return ids.get(id);
      };
      for (const o of orders) insert('orders', { ...o, id: fresh(o.id), number: o.number + k * 1_000_000, shift_id: to, session_id: null, table_id: null });
      for (const l of lines) insert('order_lines', { ...l, id: fresh(l.id), order_id: fresh(l.order_id) });
      for (const e of ledger) insert('ledger_entries', { ...e, id: fresh(e.id), order_id: fresh(e.order_id), shift_id: to, payment_id: fresh(e.payment_id) });
    });
    for (let k = 1; k <= times; k++) copy(k);
    return { orders: orders.length * times, ledgerRows: ledger.length * times };
  } finally {
    db.close();
  }
}

const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : null);
const round = (v) => (v == null ? null : Math.round(v * 10) / 10);

/** Sequential GETs after two warm-ups: p50 / p95 of the 200s, and the body size. */
async function measure(url, token, count) {
  const headers = { authorization: `Bearer ${token}` };
  for (let i = 0; i < 2; i++) await (await fetch(url, { headers })).arrayBuffer();
  const samples = [];
  const errors = {};
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    const res = await fetch(url, { headers });
    const body = await res.arrayBuffer();
    const dt = performance.now() - t;
    if (res.status === 200) {
      samples.push(dt);
      bytes = body.byteLength;
    } else errors[res.status] = (errors[res.status] ?? 0) + 1;
  }
  samples.sort((a, b) => a - b);
  return { count: samples.length, p50Ms: round(percentile(samples, 50)), p95Ms: round(percentile(samples, 95)), bytes, errors };
}

/** X (open) and Z (closed) as HTML and PDF for one shift; the close itself is timed once (it issues the Z). */
async function reportsOf({ baseUrl, cashier, supervisor, shiftId, requests }) {
  const url = (format) => `${baseUrl}/pos/shifts/${shiftId}/report?format=${format}`;
  const x = { html: await measure(url('html'), cashier, requests), pdf: await measure(url('pdf'), cashier, requests) };
  const shift = await call(baseUrl, cashier, 'GET', `/pos/shifts/${shiftId}`);
  const t = performance.now();
  // A count is bounded by the largest bill (10 million): the big day's drawer counts short, which is fine here.
  const counted = (m) => Math.min(shift.totals[m].expected, 1_000_000_000);
  await call(baseUrl, cashier, 'POST', `/pos/shifts/${shiftId}/close`, { counted: { cash: counted('cash'), card: counted('card') }, clientRequestId: `bench-${randomUUID()}` });
  const closeMs = round(performance.now() - t);
  const z = { html: await measure(url('html'), supervisor, requests), pdf: await measure(url('pdf'), supervisor, requests) };
  const { zReport } = await call(baseUrl, supervisor, 'GET', `/pos/shifts/${shiftId}/z-report`);
  return { x, z, closeMs, zNumber: zReport.number, net: zReport.netRevenue };
}

export async function zReportBench({ baseUrl, sqlitePath, login, checks = 2000, factor = 10, requests = 20 }) {
  const [waiterA, waiterB, cashier, supervisor] = [await login('1111'), await login('1112'), await login('2222'), await login('333333')];
  const menu = await call(baseUrl, waiterA, 'GET', '/pos/menu');
  const products = menu.products.filter((p) => p.stock === null && p.isAvailable && p.modifierGroupIds.length === 0);

  const small = await call(baseUrl, cashier, 'POST', '/pos/shifts', { openingFloat: 500_000, clientRequestId: `bench-${randomUUID()}` });
  const t0 = performance.now();
  const staff = { baseUrl, waiters: [waiterA, waiterB], cashier, products, shiftId: small.id };
  await pool(checks, 8, (i) => oneCheck(staff, i));
  const seedMs = Math.round(performance.now() - t0);
  const smallReports = await reportsOf({ baseUrl, cashier, supervisor, shiftId: small.id, requests });

  // The big day: a new shift of the same cashier holding the small day ten times over.
  const big = await call(baseUrl, cashier, 'POST', '/pos/shifts', { openingFloat: 500_000, clientRequestId: `bench-${randomUUID()}` });
  const copied = copyShift(sqlitePath, small.id, big.id, factor);
  const bigReports = await reportsOf({ baseUrl, cashier, supervisor, shiftId: big.id, requests });

  const growth = (pick) => ratio(pick(bigReports)?.p50Ms, pick(smallReports)?.p50Ms);
  return {
    seedMs,
    small: { checks, ...smallReports },
    big: { checks: checks * factor, ordersCopied: copied.orders, ...bigReports },
    // Net revenue must scale exactly with the copies: the report sums, it does not sample.
    netScalesExactly: bigReports.net === smallReports.net * factor,
    growthP50: { xHtml: growth((r) => r.x.html), xPdf: growth((r) => r.x.pdf), zHtml: growth((r) => r.z.html), zPdf: growth((r) => r.z.pdf) },
  };
}
