// A quick loop for profiling the order path (not part of `npm run bench`): one API of its own,
// POST /pos/orders at concurrency C (default 4) for `ms` (default 4000) after a 1.5 s warm-up,
// and the API process's own CPU time per order (read from /proc). Needs `npx nx build api`.
//
//   node tools/bench/order-cpu.mjs [ms]
//   C=1 node tools/bench/order-cpu.mjs 5000
//   BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" node tools/bench/order-cpu.mjs 10000
//   BENCH_NODE_ARGS="-r ./tools/bench/sql-profile.cjs" node tools/bench/order-cpu.mjs   (per-statement SQLite times)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { spawnApi } from './api-process.mjs';
import { deviceLogin } from './devices.mjs';
import { closedLoop, processCpuMs } from './orders.mjs';
import { sleep } from './lib.mjs';

const ms = Number(process.argv[2] ?? 4000);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-cpu-'));
const api = await spawnApi({ sqlitePath: path.join(tmp, 'pos.db'), webRoot: path.join(tmp, 'none'), nodeArgs: process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ') : [] });
try {
  let token;
  for (let i = 0; ; i++) { try { token = await deviceLogin(api.baseUrl, 'demo', '1111'); break; } catch (e) { if (i > 100) throw e; await sleep(100); } }
  const menu = await (await fetch(`${api.baseUrl}/pos/menu`, { headers: { authorization: `Bearer ${token}` } })).json();
  const productId = menu.products.find((p) => p.code === 'borscht').id;
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const body = () => JSON.stringify({ items: [{ productId, quantity: 1 }], clientRequestId: `bench-${randomUUID()}` });
  await closedLoop({ url: `${api.baseUrl}/pos/orders`, headers, body, concurrency: 4, durationMs: 1500, okStatus: 201 });
  const r = await closedLoop({ url: `${api.baseUrl}/pos/orders`, headers, body, concurrency: Number(process.env.C ?? 4), durationMs: ms, okStatus: 201, serverPid: api.child.pid });
  console.log(`c=${process.env.C ?? 4} ${r.throughputRps} req/s p50 ${r.p50Ms} p99 ${r.p99Ms} ms; API CPU ${r.serverCpuMsPerRequest} ms/order; errors ${JSON.stringify(r.errors)}`);
} finally {
  await api.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
}
