// The promotions engine (libs/contracts/src/promotion-engine.ts, bundled here with esbuild): one
// 50-line order priced against 20, 200 and 2,000 active rules, sequential, p50 / p99 per evaluation.
// Budget: p99 ≤ 1 ms at 200 rules (the server runs it on every order change, the tablet on every tap).
// Runs alone too: `node tools/bench/promotions.mjs` prints the summary and the JSON.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { latencyStats, ratio } from './lib.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ENGINE = path.join(HERE, '..', '..', 'libs', 'contracts', 'src', 'promotion-engine.ts');
export const PROMOTIONS_BUDGET_P99_MS = 1;

async function loadEngine() {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-bench-promotions-'));
  const outfile = path.join(outDir, 'promotion-engine.mjs');
  try {
    await build({ entryPoints: [ENGINE], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile, logLevel: 'error' });
    return await import(pathToFileURL(outfile).href);
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

/** A small deterministic PRNG (mulberry32), so every run prices the same orders. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const uuid = (kind, n) => `00000000-0000-4000-8000-${kind.repeat(4)}${String(n).padStart(8, '0')}`;
const PRODUCTS = 400;
const CATEGORIES = 25;
const categoryOf = (p) => uuid('d', p % CATEGORIES);
const NOW = '2026-12-07T12:00:00.000Z';

/** A venue's worth of rules: mostly % and fixed on a few categories or products, some N+1 and combos, a third windowed. */
function makeRules(count, rnd) {
  const pick = (n) => Math.floor(rnd() * n);
  const set = () => (rnd() < 0.5 ? { productIds: [], categoryIds: [uuid('d', pick(CATEGORIES))] } : { productIds: Array.from({ length: 1 + pick(8) }, () => uuid('c', pick(PRODUCTS))), categoryIds: [] });
  const effect = () => {
    const k = rnd();
    if (k < 0.3) return { kind: 'percent', percent: 5 + pick(30), target: rnd() < 0.2 ? { scope: 'check' } : { scope: 'items', items: set() } };
    if (k < 0.55) return { kind: 'fixed', amount: 50 + pick(300), target: rnd() < 0.2 ? { scope: 'check' } : { scope: 'items', items: set() } };
    if (k < 0.8) return { kind: 'buy_x_get_y', buy: set(), buyQuantity: 1 + pick(3), get: rnd() < 0.5 ? { productIds: [], categoryIds: [] } : set(), getQuantity: 1, getPercent: rnd() < 0.5 ? 100 : 50, reward: rnd() < 0.8 ? 'cheapest' : 'most_expensive' };
    return { kind: 'combo_price', items: [{ items: set(), quantity: 1 }, { items: set(), quantity: 1 }], price: 500 + pick(1500) };
  };
  return Array.from({ length: count }, (_, i) => ({
    id: uuid('a', i + 1),
    name: `Rule ${i + 1}`,
    effect: effect(),
    schedule: { validFrom: rnd() < 0.2 ? '2026-12-01' : null, validTo: rnd() < 0.2 ? '2026-12-31' : null, windows: rnd() < 0.35 ? [{ days: [1, 2, 3, 4, 5], from: '12:00', to: '16:00' }, { days: [5, 6], from: '22:00', to: '02:00' }] : [] },
    conditions: { minSubtotal: rnd() < 0.2 ? 1000 + pick(20_000) : null, minQuantity: rnd() < 0.1 ? 1 + pick(4) : null },
    limits: { perGuest: rnd() < 0.1 ? 3 : null, total: rnd() < 0.1 ? 1000 : null },
    priority: pick(10),
    stacking: rnd() < 0.8 ? 'stackable' : 'exclusive',
    manual: rnd() < 0.1,
    featureFlag: rnd() < 0.05 ? 'promotions-pilot' : null,
    enabled: true,
    version: 1,
    updatedAt: '2026-12-01T09:00:00.000Z',
  }));
}

function makeLines(count, rnd) {
  return Array.from({ length: count }, (_, i) => {
    const p = Math.floor(rnd() * PRODUCTS);
    return {
      id: uuid('b', i + 1),
      productId: uuid('c', p),
      categoryId: categoryOf(p),
      unitPrice: 100 + Math.floor(rnd() * 3000),
      quantity: 1 + Math.floor(rnd() * 3),
      firedAt: rnd() < 0.5 ? new Date(Date.parse(NOW) - Math.floor(rnd() * 3 * 3_600_000)).toISOString() : null,
      excluded: rnd() < 0.05,
    };
  });
}

export async function promotionsBench({ lines = 50, levels = [20, 200, 2_000], iterations = 3_000 } = {}) {
  const { evaluatePromotions } = await loadEngine();
  const rnd = prng(19);
  const orderLines = makeLines(lines, rnd);
  const context = { now: NOW, timeZone: 'Europe/Moscow', exclusiveChoice: 'best_for_guest', customerId: uuid('e', 1), manualRuleIds: [], flags: {}, usage: {} };
  const results = [];
  for (const count of levels) {
    const rules = makeRules(count, rnd);
    const runs = count >= 2_000 ? Math.max(300, Math.floor(iterations / 5)) : iterations;
    let last;
    for (let i = 0; i < Math.min(500, runs); i++) last = evaluatePromotions(rules, orderLines, context); // warm-up (JIT, offset cache)
    const samples = new Array(runs);
    const cpu = new Array(runs);
    for (let i = 0; i < runs; i++) {
      // A fresh `now` each time a minute apart keeps the caches honest (a new instant per call).
      const ctx = { ...context, now: new Date(Date.parse(NOW) + (i % 60) * 60_000).toISOString() };
      const c = process.cpuUsage();
      const t = performance.now();
      last = evaluatePromotions(rules, orderLines, ctx);
      samples[i] = performance.now() - t;
      const used = process.cpuUsage(c);
      cpu[i] = (used.user + used.system) / 1000;
    }
    const stats = latencyStats(samples);
    const ms = (v) => Math.round(v * 1000) / 1000;
    results.push({
      rules: count,
      ...stats,
      p50Ms: ms(percentileOf(samples, 50)),
      p99Ms: ms(percentileOf(samples, 99)),
      // CPU time of the process (µs resolution): what the engine costs when it is not waiting for a
      // core. Only the median: the tail also counts V8's helper threads (GC, compiler) running beside.
      cpuP50Ms: ms(percentileOf(cpu, 50)),
      applied: last.applied.length,
      hints: last.hints.length,
      discount: last.discount,
    });
  }
  const at = (n) => results.find((r) => r.rules === n);
  const base = at(200) ?? results[0];
  return {
    lines,
    levels: results,
    p99MsAt200: base.p99Ms,
    withinBudget: base.p99Ms != null && base.p99Ms <= PROMOTIONS_BUDGET_P99_MS,
    growthP50: { x10: ratio(at(200)?.p50Ms, at(20)?.p50Ms), x100: ratio(at(2_000)?.p50Ms, at(20)?.p50Ms) },
    loadavg: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

function percentileOf(samples, p) {
  const sorted = Float64Array.from(samples).sort();
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** The summary lines run.mjs prints. */
export function promotionsSummary(pr) {
  return [
    `Promotions engine (evaluatePromotions, one ${pr.lines}-line order, sequential, in process)`,
    ...pr.levels.map((l) => `  ${String(l.rules).padStart(5)} rules: p50 ${l.p50Ms} ms, p99 ${l.p99Ms} ms, max ${l.maxMs} ms | CPU p50 ${l.cpuP50Ms} ms (${l.count} runs; ${l.applied} applied, ${l.hints} hints, discount ${l.discount})`),
    `  budget p99 ≤ ${PROMOTIONS_BUDGET_P99_MS} ms at 200 rules: ${pr.withinBudget ? 'OK' : 'OVER'} (load average ${pr.loadavg.join(' / ')}); p50 growth ×${pr.growthP50.x10} for 10× the rules, ×${pr.growthP50.x100} for 100×`,
    '',
  ];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const result = await promotionsBench();
  console.log(promotionsSummary(result).join('\n'));
  console.log(JSON.stringify({ ...result, machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version } }, null, 2));
}
