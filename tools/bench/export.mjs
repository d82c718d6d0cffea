// BI export bench: order lines straight into the bench's SQLite file (fast, in transactions), then
// an export of them through the HTTP API (POST /admin/analytics/export, the API's own `exports.run`
// job writes the file, GET polls the status) at each size, and the file downloaded. While it runs,
// the API process's RSS is sampled from /proc (or `ps`): its peak growth over idle must stay
// bounded whatever the size, because the export is streamed page by page, never built in memory.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { sleep } from './lib.mjs';

const LINES_PER_ORDER = 10;
/** The seeded orders live in 2024, the period every export asks for (apart from what other parts wrote). */
const PERIOD = { from: '2024-01-01T00:00:00.000Z', to: '2025-01-01T00:00:00.000Z' };
const SAMPLE_MS = 50;
/** Peak RSS growth over idle the export must stay under (the bound). */
export const EXPORT_RSS_BUDGET_MB = 100;

/** The API process's resident set in bytes: /proc on Linux, `ps` elsewhere. */
function rssOf(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    if (m) return Number(m[1]) * 1024;
  } catch {
    /* not Linux: ps below */
  }
  return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)]).toString().trim()) * 1024;
}

/** Samples a process's RSS until stopped: the peak and the median. */
function rssSampler(pid) {
  const samples = [];
  const timer = setInterval(() => samples.push(rssOf(pid)), SAMPLE_MS);
  samples.push(rssOf(pid));
  return {
    stop() {
      clearInterval(timer);
      const sorted = [...samples].sort((a, b) => a - b);
      return { peak: sorted[sorted.length - 1], median: sorted[Math.floor(sorted.length / 2)], count: samples.length };
    },
  };
}

/** Adds orders of 10 lines each in 2024 until the venue holds `targetLines` lines there. */
function seedLines(sqlitePath, targetLines, state) {
  const db = new Database(sqlitePath);
  db.pragma('busy_timeout = 10000');
  try {
    if (!state.venueId) {
      state.venueId = db.prepare("SELECT id FROM venues WHERE slug = 'demo'").get().id;
      state.waiterId = db.prepare("SELECT id FROM staff WHERE venue_id = ? AND role = 'waiter' ORDER BY name LIMIT 1").get(state.venueId).id;
      state.product = db.prepare("SELECT id, name, price FROM products WHERE venue_id = ? AND code = 'borscht'").get(state.venueId);
      state.lines = 0;
      state.orders = 0;
    }
    const order = db.prepare(
      `INSERT INTO orders (id, venue_id, number, table_id, session_id, waiter_id, shift_id, status, guests, note, held_courses, split, version, created_by, created_at, updated_at, closed_at)
       VALUES (?, ?, ?, NULL, NULL, ?, NULL, 'paid', 2, NULL, '[]', NULL, 5, ?, ?, ?, ?)`,
    );
    const line = db.prepare(
      `INSERT INTO order_lines (id, order_id, venue_id, product_id, name, unit_price, modifiers, quantity, voided_quantity, fired_quantity, fired_note, note, course, void_reason, position, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 2, ?, 2, NULL, ?, 1, ?, ?, ?)`,
    );
    const modifiers = JSON.stringify([{ optionId: randomUUID(), name: 'Перечный соус', priceDelta: 7000 }]);
    const span = Date.parse(PERIOD.to) - Date.parse(PERIOD.from);
    const addOrders = db.transaction((count) => {
      for (let k = 0; k < count; k++) {
        const n = state.orders++;
        // Spread over the year; a later seed interleaves with the earlier one (like real history).
        const at = new Date(Date.parse(PERIOD.from) + ((n * 7919 * 60_000) % span)).toISOString();
        const orderId = randomUUID();
        order.run(orderId, state.venueId, 10_000_000 + n, state.waiterId, state.waiterId, at, at, at);
        for (let p = 0; p < LINES_PER_ORDER; p++) {
          const voided = p === 0 && n % 5 === 0;
          line.run(randomUUID(), orderId, state.venueId, state.product.id, `${state.product.name}, порция "${p}"`, state.product.price, modifiers, voided ? 1 : 0, p % 3 === 0 ? 'без лука, пожалуйста' : null, voided ? 'гость передумал' : null, p, at);
        }
        state.lines += LINES_PER_ORDER;
      }
    });
    while (state.lines < targetLines) addOrders(Math.min(5_000, Math.ceil((targetLines - state.lines) / LINES_PER_ORDER)));
  } finally {
    db.close();
  }
}

async function call(baseUrl, token, method, url, body) {
  const res = await fetch(`${baseUrl}${url}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${url} → ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** One export of the 2024 lines through the API, timed, with the API's RSS sampled throughout; then the download. */
async function exportOnce({ baseUrl, token, pid, idleRss, format }) {
  const sampler = rssSampler(pid);
  const t0 = performance.now();
  const queued = await call(baseUrl, token, 'POST', '/admin/analytics/export', { datasets: ['lines'], format, period: PERIOD });
  let status = queued;
  while (status.status === 'queued' || status.status === 'running') {
    await sleep(200);
    status = await call(baseUrl, token, 'GET', `/admin/analytics/export/${queued.id}`);
  }
  const wallMs = Math.round(performance.now() - t0);
  const rss = sampler.stop();
  if (status.status !== 'done') throw new Error(`export ${queued.id} ${status.status}: ${status.error}`);
  const runMs = Date.parse(status.finishedAt) - Date.parse(status.startedAt);
  const file = status.files[0];

  // The download streams the file from disk: its RSS growth is sampled too.
  const download = rssSampler(pid);
  const d0 = performance.now();
  const res = await fetch(`${baseUrl}${file.url}`, { headers: { authorization: `Bearer ${token}` } });
  let downloaded = 0;
  for await (const chunk of res.body) downloaded += chunk.length;
  const downloadMs = Math.round(performance.now() - d0);
  const downloadRss = download.stop();
  const mb = (n) => Math.round((n / 1024 / 1024) * 10) / 10;
  return {
    format,
    rows: file.rows,
    bytes: file.bytes,
    runMs,
    wallMs,
    rowsPerSecond: Math.round(file.rows / (runMs / 1000)),
    mbPerSecond: mb(file.bytes / (runMs / 1000)),
    rssGrowthMb: mb(rss.peak - idleRss),
    rssSamples: rss.count,
    download: { ms: downloadMs, bytes: downloaded, complete: downloaded === file.bytes, rssGrowthMb: mb(downloadRss.peak - idleRss) },
  };
}

export async function exportBench({ baseUrl, sqlitePath, login, pid, sizes = [100_000, 1_000_000], formats = ['csv'] }) {
  const token = await login('999999');
  const state = {};
  const levels = [];
  // Idle: the API signed in and doing nothing for a second, before any export (every level is measured against it).
  await sleep(500);
  const idle = rssSampler(pid);
  await sleep(1_000);
  const idleRss = idle.stop().median;
  for (const size of sizes) {
    const s0 = performance.now();
    seedLines(sqlitePath, size, state);
    const seedMs = Math.round(performance.now() - s0);
    const runs = [];
    for (const format of formats) runs.push(await exportOnce({ baseUrl, token, pid, idleRss, format }));
    levels.push({ lines: state.lines, seedMs, idleRssMb: Math.round(idleRss / 1024 / 1024), runs });
  }
  const worst = Math.max(...levels.flatMap((l) => l.runs.map((r) => r.rssGrowthMb)));
  return { levels, rssBudgetMb: EXPORT_RSS_BUDGET_MB, worstRssGrowthMb: worst, withinBudget: worst < EXPORT_RSS_BUDGET_MB };
}

/** The bench summary's lines for the export part. */
export function exportSummary(e) {
  return [
    `BI export (POST /admin/analytics/export of 2024's order lines on SQLite, written by the exports.run job, polled; then downloaded; API RSS sampled every ${SAMPLE_MS} ms)`,
    ...e.levels.flatMap((l) =>
      l.runs.map(
        (r) =>
          `  ${String(l.lines).padStart(9)} lines (${r.format}): run ${r.runMs} ms (${r.wallMs} ms from POST to done), ${r.rowsPerSecond} rows/s, ${r.mbPerSecond} MB/s, file ${(r.bytes / 1024 / 1024).toFixed(1)} MB | API RSS peak +${r.rssGrowthMb} MB over idle ${l.idleRssMb} MB | download ${r.download.ms} ms, RSS +${r.download.rssGrowthMb} MB${r.download.complete ? '' : ' INCOMPLETE'} | seeded in ${l.seedMs} ms`,
      ),
    ),
    `  budget: peak RSS growth < ${e.rssBudgetMb} MB at every size: ${e.withinBudget ? 'OK' : 'OVER'} (worst +${e.worstRssGrowthMb} MB)`,
    '',
  ];
}
