// Order creation on SQLite at fixed concurrency levels, vs a bare Fastify route in this process.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import Fastify from 'fastify';
import { latencyStats, ratio } from './lib.mjs';

/**
 * Closed-loop load: `concurrency` workers each send the next request as soon as the previous
 * answered, for `durationMs` (after a short unmeasured warm-up). Global fetch keeps connections alive.
 */
export async function closedLoop({ url, headers, body, concurrency, durationMs, warmupMs = 300, okStatus, serverPid }) {
  const latencies = [];
  const errors = new Map();
  let measuring = false;
  let stopAt = Infinity;
  const one = async () => {
    const counted = measuring; // requests started during the warm-up are not measured
    const t = performance.now();
    let status = 0;
    try {
      const res = await fetch(url, { method: 'POST', headers, body: body() });
      status = res.status;
      await res.arrayBuffer();
    } catch (err) {
      status = err.cause?.code ?? err.name;
    }
    const dt = performance.now() - t;
    if (!counted) return;
    if (status === okStatus) latencies.push(dt);
    else errors.set(String(status), (errors.get(String(status)) ?? 0) + 1);
  };
  const worker = async () => {
    while (performance.now() < stopAt) await one();
  };
  const start = performance.now();
  stopAt = start + warmupMs + durationMs;
  const workers = Array.from({ length: concurrency }, worker);
  let measuredFrom = 0;
  let cpuFrom = null;
  setTimeout(() => {
    measuring = true;
    measuredFrom = performance.now();
    cpuFrom = serverPid ? processCpuMs(serverPid) : null;
  }, warmupMs);
  await Promise.all(workers);
  const elapsedS = (performance.now() - measuredFrom) / 1000;
  const cpuTo = serverPid ? processCpuMs(serverPid) : null;
  return {
    concurrency,
    requests: latencies.length,
    throughputRps: Math.round(latencies.length / elapsedS),
    ...latencyStats(latencies),
    // The server process's own CPU per answered request (user + system, from /proc): steadier than
    // throughput on a shared machine, and what the order path's work costs whatever the client does.
    ...(cpuFrom != null && cpuTo != null && latencies.length ? { serverCpuMsPerRequest: Math.round(((cpuTo - cpuFrom) / latencies.length) * 100) / 100 } : {}),
    errors: Object.fromEntries(errors),
  };
}

/** CPU time (user + system) a process has used, in ms, from /proc (null where there is none). */
export function processCpuMs(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}
const CLOCK_TICKS = 100;

export async function ordersBench({ baseUrl, token, productId, levels, durationMs, serverPid }) {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const body = () => JSON.stringify({ items: [{ productId, quantity: 1 }], clientRequestId: `bench-${randomUUID()}` });

  const api = [];
  for (const concurrency of levels) {
    api.push(await closedLoop({ url: `${baseUrl}/pos/orders`, headers, body, concurrency, durationMs, okStatus: 201, serverPid }));
  }

  const bare = Fastify({ logger: false });
  bare.post('/pos/orders', async () => ({ ok: true }));
  const baseline = [];
  try {
    const address = await bare.listen({ host: '127.0.0.1', port: 0 });
    for (const concurrency of levels) {
      baseline.push(await closedLoop({ url: `${address}/pos/orders`, headers, body, concurrency, durationMs, okStatus: 200 }));
    }
  } finally {
    await bare.close();
  }

  const ratios = levels.map((concurrency, i) => ({
    concurrency,
    p99: ratio(api[i].p99Ms, baseline[i].p99Ms),
    throughput: ratio(api[i].throughputRps, baseline[i].throughputRps),
  }));
  return { levels, durationMs, api, bareFastify: baseline, ratios };
}

/** The highest measured throughput whose p99 stays within the budget (null if none does). */
export function highestRateWithin(levels, budgetMs) {
  const ok = levels.filter((l) => l.p99Ms != null && l.p99Ms <= budgetMs && Object.keys(l.errors).length === 0);
  if (!ok.length) return null;
  const best = ok.reduce((a, b) => (b.throughputRps > a.throughputRps ? b : a));
  return { concurrency: best.concurrency, throughputRps: best.throughputRps, p99Ms: best.p99Ms };
}
