// Stock-change fan-out as the clients grow: 500 and 5,000 Socket.IO clients on one instance (the
// bench's main API, in-memory adapter) and on two instances over Redis (two API processes on the
// same SQLite file, the Socket.IO Redis adapter between them, half the clients on each; the
// change is made on the first), each beside the bare `ws` broadcast to the same number of clients.
// Every client lives in this one Node process: at 5,000 its CPU (decoding 5,000 frames a round)
// is part of every figure, the bare ws baseline's too.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Redis from 'ioredis';
import { spawnApi } from './api-process.mjs';
import { deviceLogin } from './devices.mjs';
import { socketIoFanout, wsBaselineFanout } from './fanout.mjs';
import { ratio, sleep } from './lib.mjs';

export const FANOUT_SCALE_GOAL = { twoInstancesP99VsWs: 1.25, clients: 5000 };

async function cookAndProduct(baseUrl) {
  // The start-up codes come right after the first ping.
  let token;
  for (let waited = 0; ; waited += 100) {
    try {
      token = await deviceLogin(baseUrl, 'demo', '4444');
      break;
    } catch (error) {
      if (waited > 10_000 || !String(error.message).startsWith('no start-up enrollment code')) throw error;
      await sleep(100);
    }
  }
  const menu = await (await fetch(`${baseUrl}/pos/menu`, { headers: { authorization: `Bearer ${token}` } })).json();
  const product = menu.products?.find((p) => p.code === 'solyanka');
  if (!product) throw new Error("product 'solyanka' not in the demo menu");
  return { token, productId: product.id };
}

const brief = (r) => ({
  clients: r.clients,
  rounds: r.rounds,
  receipts: r.receipts,
  expectedReceipts: r.expectedReceipts,
  p50Ms: r.p50Ms,
  p99Ms: r.p99Ms,
  maxMs: r.maxMs,
  ...(r.connectAllMs != null ? { connectAllMs: r.connectAllMs, restCallP50Ms: r.restCall.p50Ms, restErrors: r.restErrors.length, strayEvents: r.strayEvents } : {}),
  incompleteRounds: r.incompleteRounds.length,
  benchCpuPercent: r.benchCpuPercent,
});

/** Throws unless a Redis answers PING at `url` within 2 s (without one the pair would start and never fan out). */
async function redisAnswers(url) {
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: 2_000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new Error(`no Redis answers at ${url.replace(/\/\/[^@]*@/, '//')} (${error.message}); set REDIS_URL`);
  } finally {
    redis.disconnect();
  }
}

/** The soft limit on open files of this process (each client is one socket here). */
function openFilesLimit() {
  try {
    const m = /Max open files\s+(\d+|unlimited)/.exec(fs.readFileSync('/proc/self/limits', 'utf8'));
    return m ? (m[1] === 'unlimited' ? Infinity : Number(m[1])) : null;
  } catch {
    return null;
  }
}

/** Runs `fn` and adds the bench process's own CPU over it (a core = 100 %): the clients' share of the figure. */
async function withCpu(fn) {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const result = await fn();
  const used = process.cpuUsage(cpu);
  result.benchCpuPercent = Math.round(((used.user + used.system) / 1000 / (performance.now() - t)) * 100);
  return result;
}

/**
 * `main` is the driver's API ({ baseUrl, token, productId }); `tmpDir` holds the pair's database.
 * `redisUrl` defaults to REDIS_URL or the local Redis; without one answering, the pair is skipped.
 */
export async function fanoutScaleBench({ main, tmpDir, counts = [500, 5000], rounds = 20, redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379', log = () => {} }) {
  const rows = [];
  const fdLimit = openFilesLimit();
  let pair = null;
  let pairError = null;
  const sqlitePath = path.join(tmpDir, 'fanout-pair.db');
  try {
    try {
      await redisAnswers(redisUrl);
      const env = { REDIS_URL: redisUrl, JOBS_PREFIX: `pos-bench-${process.pid}-${Date.now()}` };
      const webRoot = path.join(tmpDir, 'none');
      // The first instance migrates and seeds the file; the second starts on it afterwards.
      const a = await spawnApi({ sqlitePath, webRoot, env });
      const b = await spawnApi({ sqlitePath, webRoot, env }).catch(async (error) => {
        await a.stop();
        throw error;
      });
      pair = { a, b, ...(await cookAndProduct(a.baseUrl)) };
    } catch (error) {
      pairError = String(error.message ?? error).split('\n')[0];
    }
    for (const clients of counts) {
      // The bare ws phase holds both ends of every connection in this process.
      if (fdLimit != null && fdLimit < 2 * clients + 500) {
        rows.push({ clients, skipped: `ulimit -n is ${fdLimit}: ${clients} clients need about ${2 * clients + 500} open files (raise it: ulimit -n 20000)` });
        continue;
      }
      const r = Math.max(10, Math.round(clients >= 2000 ? rounds : rounds * 1.5));
      log(`fan-out scale: ${clients} clients, one instance …`);
      const one = await withCpu(() => socketIoFanout({ baseUrl: main.baseUrl, token: main.token, productId: main.productId, clients, rounds: r }));
      const payload = one.samplePayload ?? { venueId: 'demo', productId: main.productId, stock: null, isAvailable: true, menuVersion: 1 };
      let two = null;
      if (pair) {
        log(`fan-out scale: ${clients} clients, two instances over Redis (${clients / 2} on each) …`);
        two = await withCpu(() => socketIoFanout({ baseUrl: pair.a.baseUrl, clientUrls: [pair.a.baseUrl, pair.b.baseUrl], token: pair.token, productId: pair.productId, clients, rounds: r }));
      }
      log(`fan-out scale: ${clients} bare ws clients …`);
      const ws = await withCpu(() => wsBaselineFanout({ payload, clients, rounds: r }));
      const complete = (x) => x && x.receipts === x.expectedReceipts;
      rows.push({
        clients,
        rounds: r,
        oneInstance: brief(one),
        twoInstances: two ? brief(two) : null,
        bareWs: brief(ws),
        ratioP99: { oneInstance: ratio(one.p99Ms, ws.p99Ms), twoInstances: two ? ratio(two.p99Ms, ws.p99Ms) : null },
        goalMet: clients === FANOUT_SCALE_GOAL.clients ? Boolean(two && complete(two) && ratio(two.p99Ms, ws.p99Ms) <= FANOUT_SCALE_GOAL.twoInstancesP99VsWs) : undefined,
      });
    }
  } finally {
    if (pair) await Promise.all([pair.a.stop(), pair.b.stop()]);
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(sqlitePath + suffix, { force: true });
  }
  return { rows, openFilesLimit: fdLimit, redisUrl: redisUrl.replace(/\/\/[^@]*@/, '//'), pairError };
}

const fmt = (v) => (v == null ? 'n/a' : String(v));
const cell = (x) => (x ? `p50 ${String(fmt(x.p50Ms)).padStart(6)} p99 ${String(fmt(x.p99Ms)).padStart(6)} ms ${x.receipts === x.expectedReceipts ? '' : `(${x.receipts}/${x.expectedReceipts} receipts)`}` : 'not measured');

export function fanoutScaleSummary(r) {
  const measured = r.rows.filter((row) => !row.skipped);
  return [
    `Fan-out as clients grow (REST PATCH → menu.stock on every client, emit→receive across all clients; all clients in the bench's one Node process)`,
    `  clients × rounds | one instance (no Redis)      | two instances over Redis     | bare ws broadcast            | ×ws p99 one / two | goal: two instances at ${FANOUT_SCALE_GOAL.clients} p99 ≤ ${FANOUT_SCALE_GOAL.twoInstancesP99VsWs}× ws`,
    ...r.rows.map((row) =>
      row.skipped
        ? `  ${String(row.clients).padStart(16)} | not measured: ${row.skipped}`
        :
        `  ${String(`${row.clients} × ${row.rounds}`).padStart(16)} | ${cell(row.oneInstance).padEnd(28)} | ${cell(row.twoInstances).padEnd(28)} | ${cell(row.bareWs).padEnd(28)} | ×${fmt(row.ratioP99.oneInstance)} / ×${fmt(row.ratioP99.twoInstances)}` +
        (row.goalMet === undefined ? '' : ` | ${row.goalMet ? 'goal met' : 'goal NOT met'}`),
    ),
    `  connect all (one / two instances): ${measured.map((row) => `${row.clients}: ${fmt(row.oneInstance.connectAllMs)} / ${fmt(row.twoInstances?.connectAllMs)} ms`).join(', ')}`,
    `  the bench process's own CPU (the clients; connect + rounds) one / two / ws: ${measured.map((row) => `${row.clients}: ${fmt(row.oneInstance.benchCpuPercent)} / ${fmt(row.twoInstances?.benchCpuPercent)} / ${fmt(row.bareWs.benchCpuPercent)} %`).join(', ')} of a core; ulimit -n ${fmt(r.openFilesLimit)}`,
    r.pairError ? `  two instances: not measured — ${r.pairError}` : `  two instances: two API processes on one SQLite file (WAL), Socket.IO Redis adapter at ${r.redisUrl}, half the clients on each`,
    `  the part ran in ${fmt(r.partSeconds)} s`,
    '',
  ];
}
