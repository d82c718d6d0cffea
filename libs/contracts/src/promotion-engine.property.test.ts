// eslint-disable-next-line @nx/enforce-module-boundaries -- test only: the engine's property tests; the library itself still imports zod alone
import fc from 'fast-check';
import { evaluatePromotions, scheduleAt, spreadShares, type EngineContext, type EngineLine, type EngineResult } from './promotion-engine';
import { proportionalShares } from './order-math';
import { AppliedPromotionSchema, PromotionHintSchema, PromotionRuleSchema, type ItemSet, type PromotionRule, type PromotionWindow } from './promotions';

/** Arbitrary rules and orders over small pools of products and categories, so that they meet. */
const id = (kind: string, n: number) => `00000000-0000-4000-8000-${kind.repeat(4)}${String(n).padStart(8, '0')}`;
const PRODUCTS = [1, 2, 3, 4, 5, 6].map((n) => id('c', n));
const CATEGORIES = [1, 2, 3].map((n) => id('d', n));
const categoryOf = (p: number) => (p === 5 ? null : CATEGORIES[p % 3]);
const NOW_MS = Date.parse('2026-12-07T12:00:00.000Z');
const HOUR = 3_600_000;

const pad = (n: number) => String(n).padStart(2, '0');
const time = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45)).map(([h, m]) => `${pad(h)}:${pad(m)}`);
const itemSet: fc.Arbitrary<ItemSet> = fc
  .record({ productIds: fc.subarray(PRODUCTS, { maxLength: 3 }), categoryIds: fc.subarray(CATEGORIES, { maxLength: 2 }) })
  .filter((s) => s.productIds.length + s.categoryIds.length > 0);
const target = fc.oneof(fc.constant({ scope: 'check' as const }), itemSet.map((items) => ({ scope: 'items' as const, items })));
const effect: fc.Arbitrary<PromotionRule['effect']> = fc.oneof(
  fc.record({ kind: fc.constant('percent' as const), percent: fc.integer({ min: 1, max: 100 }), target }),
  fc.record({ kind: fc.constant('fixed' as const), amount: fc.integer({ min: 1, max: 3000 }), target }),
  fc.record({
    kind: fc.constant('buy_x_get_y' as const),
    buy: itemSet,
    buyQuantity: fc.integer({ min: 1, max: 3 }),
    get: fc.oneof(fc.constant<ItemSet>({ productIds: [], categoryIds: [] }), itemSet),
    getQuantity: fc.integer({ min: 1, max: 2 }),
    getPercent: fc.integer({ min: 1, max: 100 }),
    reward: fc.constantFrom('cheapest' as const, 'most_expensive' as const),
  }),
  fc.record({
    kind: fc.constant('combo_price' as const),
    items: fc.array(fc.record({ items: itemSet, quantity: fc.integer({ min: 1, max: 2 }) }), { minLength: 2, maxLength: 3 }),
    price: fc.integer({ min: 0, max: 3000 }),
  }),
);
/** Mostly null: most rules have no dates, conditions or limits, so that many apply. */
const rarely = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.oneof({ arbitrary: fc.constant(null), weight: 4 }, { arbitrary: arb, weight: 1 });
const date = rarely(fc.constantFrom('2026-12-06', '2026-12-07', '2026-12-08'));
const window = fc
  .record({ days: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }), from: time, to: time })
  .filter((w) => w.from !== w.to);
const ruleFields = fc.record({
  name: fc.constantFrom('Happy hour', 'Combo', 'N+1'),
  effect,
  schedule: fc.record({ validFrom: date, validTo: date, windows: fc.oneof({ arbitrary: fc.constant<PromotionWindow[]>([]), weight: 2 }, { arbitrary: fc.array(window, { minLength: 1, maxLength: 2 }), weight: 1 }) }),
  conditions: fc.record({ minSubtotal: rarely(fc.integer({ min: 1, max: 8000 })), minQuantity: rarely(fc.integer({ min: 1, max: 6 })) }),
  limits: fc.record({ perGuest: rarely(fc.integer({ min: 1, max: 3 })), total: rarely(fc.integer({ min: 1, max: 3 })) }),
  priority: fc.integer({ min: 0, max: 3 }),
  stacking: fc.constantFrom('stackable' as const, 'stackable' as const, 'exclusive' as const),
  manual: fc.constantFrom(false, false, false, true),
  featureFlag: fc.constantFrom(null, null, 'promotions-pilot' as const),
  enabled: fc.oneof(fc.constant(true), fc.constant(true), fc.constant(false)),
});
const rules = fc.array(ruleFields, { maxLength: 6 }).map((fields) =>
  fields.map((f, k): PromotionRule => ({ id: id('a', k + 1), ...f, version: 1, updatedAt: '2026-12-01T00:00:00.000Z' })),
);
const lineFields = fc.record({
  product: fc.integer({ min: 0, max: 5 }),
  unitPrice: fc.integer({ min: 0, max: 5000 }),
  quantity: fc.oneof(fc.integer({ min: 0, max: 4 }), fc.constant(250)),
  firedAt: fc.option(fc.integer({ min: -6 * HOUR, max: 0 }).map((d) => new Date(NOW_MS + d).toISOString())),
  excluded: fc.boolean(),
});
const lines = fc.array(lineFields, { maxLength: 8 }).map((fields) =>
  fields.map((f, k): EngineLine => ({ id: id('b', k + 1), productId: PRODUCTS[f.product], categoryId: categoryOf(f.product), unitPrice: f.unitPrice, quantity: f.quantity, firedAt: f.firedAt, excluded: f.excluded })),
);
const context = (ruleCount: number): fc.Arbitrary<EngineContext> =>
  fc.record({
    now: fc.integer({ min: -30 * HOUR, max: 30 * HOUR }).map((d) => new Date(NOW_MS + Math.round(d / 60_000) * 60_000).toISOString()),
    timeZone: fc.constantFrom('Europe/Moscow', 'Europe/Berlin'),
    exclusiveChoice: fc.constantFrom('priority' as const, 'best_for_guest' as const),
    customerId: fc.constantFrom(null, id('e', 1)),
    manualRuleIds: fc.subarray(Array.from({ length: ruleCount }, (_, k) => id('a', k + 1))),
    flags: fc.constantFrom<Record<string, boolean>>({}, { 'promotions-pilot': true }, { 'promotions-pilot': false }),
    usage: fc.dictionary(
      fc.constantFrom(...Array.from({ length: 6 }, (_, k) => id('a', k + 1))),
      fc.record({ total: fc.integer({ min: 0, max: 4 }), guest: fc.integer({ min: 0, max: 4 }) }),
    ),
  });
const input = rules.chain((r) => fc.record({ rules: fc.constant(r), lines, context: context(r.length), seed: fc.integer() }));

/** A deterministic shuffle (the seed comes from fast-check, so failures shrink and replay). */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1_103_515_245) + 12_345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const counted = (l: EngineLine) => !l.excluded && l.quantity > 0;
const savedPerLine = (r: EngineResult) => {
  const m = new Map<string, number>();
  for (const a of r.applied) for (const l of a.lines) m.set(l.lineId, (m.get(l.lineId) ?? 0) + l.saving);
  return m;
};
const RUNS = { numRuns: 400 };

describe('promotion engine properties', () => {
  it('generates valid rules', () => {
    fc.assert(fc.property(rules, (r) => r.every((x) => PromotionRuleSchema.safeParse(x).success)), { numRuns: 100 });
  });

  it('discount = sum of savings, within the list total, each line within its amount, excluded lines untouched', () => {
    fc.assert(
      fc.property(input, ({ rules, lines, context }) => {
        const r = evaluatePromotions(rules, lines, context);
        const listTotal = lines.filter(counted).reduce((s, l) => s + l.unitPrice * l.quantity, 0);
        expect(r.discount).toBe(r.applied.reduce((s, a) => s + a.saving, 0));
        expect(r.discount).toBeGreaterThanOrEqual(0);
        expect(r.discount).toBeLessThanOrEqual(listTotal);
        for (const a of r.applied) {
          expect(AppliedPromotionSchema.parse(a)).toEqual(a);
          expect(a.saving).toBeGreaterThan(0);
          expect(a.saving).toBe(a.lines.reduce((s, l) => s + l.saving, 0));
          expect(a.lines.every((l) => l.saving > 0 && Number.isInteger(l.saving))).toBe(true);
          expect(a.lines.map((l) => l.lineId)).toEqual([...a.lines.map((l) => l.lineId)].sort());
        }
        const saved = savedPerLine(r);
        for (const l of lines) {
          const s = saved.get(l.id) ?? 0;
          if (!counted(l)) expect(s).toBe(0);
          else expect(s).toBeLessThanOrEqual(l.unitPrice * l.quantity);
        }
      }),
      RUNS,
    );
  });

  it('does not depend on the order of rules and lines, and is pure (same answer twice, inputs untouched)', () => {
    fc.assert(
      fc.property(input, ({ rules, lines, context, seed }) => {
        const before = JSON.stringify({ rules, lines, context });
        const r = evaluatePromotions(rules, lines, context);
        expect(evaluatePromotions(rules, lines, context)).toEqual(r);
        expect(evaluatePromotions(shuffled(rules, seed), shuffled(lines, seed ^ 0x5bd1e995), context)).toEqual(r);
        expect(JSON.stringify({ rules, lines, context })).toBe(before);
      }),
      RUNS,
    );
  });

  it('applies at most one rule when every rule is exclusive', () => {
    fc.assert(
      fc.property(input, ({ rules, lines, context }) => {
        const r = evaluatePromotions(rules.map((x) => ({ ...x, stacking: 'exclusive' as const })), lines, context);
        expect(r.applied.length).toBeLessThanOrEqual(1);
      }),
      RUNS,
    );
  });

  it('is not changed by a switched-off rule', () => {
    fc.assert(
      fc.property(input, ruleFields, ({ rules, lines, context }, extra) => {
        const off: PromotionRule = { id: id('f', 1), ...extra, enabled: false, version: 1, updatedAt: '2026-12-01T00:00:00.000Z' };
        expect(evaluatePromotions([...rules, off], lines, context)).toEqual(evaluatePromotions(rules, lines, context));
      }),
      RUNS,
    );
  });

  it('gives at most one valid hint per rule, none for an applied rule, in rule order, without undefined keys', () => {
    fc.assert(
      fc.property(input, ({ rules, lines, context }) => {
        const r = evaluatePromotions(rules, lines, context);
        const hinted = r.hints.map((h) => h.ruleId);
        expect(new Set(hinted).size).toBe(hinted.length);
        const appliedIds = new Set(r.applied.map((a) => a.ruleId));
        const byId = new Map(rules.map((x) => [x.id, x]));
        for (const h of r.hints) {
          expect(appliedIds.has(h.ruleId)).toBe(false);
          expect(PromotionHintSchema.parse(h)).toEqual(h);
          expect(Object.values(h).some((v) => v === undefined)).toBe(false);
          expect(byId.get(h.ruleId)?.enabled).toBe(true);
        }
        const rank = hinted.map((ruleId) => byId.get(ruleId)!);
        for (let k = 1; k < rank.length; k++) {
          const a = rank[k - 1];
          const b = rank[k];
          expect(a.priority > b.priority || (a.priority === b.priority && a.id < b.id)).toBe(true);
        }
      }),
      RUNS,
    );
  });
});

describe('spreadShares', () => {
  it('answers exactly as proportionalShares', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.array(fc.integer({ min: 0, max: 100_000 }), { maxLength: 60 }), (total, weights) => {
        expect(spreadShares(total, weights)).toEqual(proportionalShares(total, weights));
      }),
      { numRuns: 1_000 },
    );
  });
});

describe('scheduleAt', () => {
  const instant = fc
    .tuple(fc.constantFrom('2026-03-28T12:00:00Z', '2026-10-24T12:00:00Z', '2026-12-07T12:00:00Z'), fc.integer({ min: -2 * 24 * 60, max: 3 * 24 * 60 }))
    .map(([base, minutes]) => new Date(Date.parse(base) + minutes * 60_000).toISOString());
  const schedule = fc.record({
    validFrom: rarely(fc.constantFrom('2026-03-29', '2026-10-25', '2026-12-08')),
    validTo: rarely(fc.constantFrom('2026-03-29', '2026-10-26', '2026-12-09')),
    windows: fc.array(window, { maxLength: 3 }),
  });

  it('starts exactly at startsAt and ends exactly at endsAt (venue wall clock, DST included)', () => {
    fc.assert(
      fc.property(schedule, instant, fc.constantFrom('Europe/Berlin', 'Europe/Moscow', 'America/New_York'), (s, at, tz) => {
        const r = scheduleAt({ schedule: s }, at, tz);
        const active = (ms: number) => scheduleAt({ schedule: s }, new Date(ms).toISOString(), tz).active;
        if (r.active) {
          expect(r.startsAt).toBeNull();
          if (r.endsAt !== null) {
            const end = Date.parse(r.endsAt);
            expect(end).toBeGreaterThan(Date.parse(at));
            expect(active(end - 1)).toBe(true);
            expect(active(end)).toBe(false);
          }
        } else {
          expect(r.endsAt).toBeNull();
          if (r.startsAt !== null) {
            const start = Date.parse(r.startsAt);
            expect(start).toBeGreaterThan(Date.parse(at));
            expect(start - Date.parse(at)).toBeLessThanOrEqual(8 * 86_400_000);
            expect(active(start)).toBe(true);
            expect(active(start - 1)).toBe(false);
          }
        }
      }),
      { numRuns: 1_000 },
    );
  });
});
