// Small helpers shared by the bench scripts (no test framework, no build step).
import net from 'node:net';

/** Nearest-rank percentile of an ascending-sorted array. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

const round2 = (v) => (v == null ? null : Math.round(v * 100) / 100);

/** p50/p99/max (ms) and the sample count. */
export function latencyStats(samples) {
  const sorted = Float64Array.from(samples).sort();
  return {
    count: sorted.length,
    p50Ms: round2(percentile(sorted, 50)),
    p99Ms: round2(percentile(sorted, 99)),
    maxMs: round2(sorted.length ? sorted[sorted.length - 1] : null),
  };
}

export function ratio(a, b) {
  if (a == null || b == null || b === 0) return null;
  return Math.round((a / b) * 100) / 100;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Resolves with the value, or rejects after `ms` with `what` in the message. */
export function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Runs `fn(i)` for i in [0, n) with at most `batch` promises in flight per step. */
export async function inBatches(n, batch, fn) {
  const out = [];
  for (let i = 0; i < n; i += batch) {
    const part = await Promise.all(Array.from({ length: Math.min(batch, n - i) }, (_, k) => fn(i + k)));
    out.push(...part);
  }
  return out;
}
