import type { ItemSet, PromotionInput, PromotionRule, PromotionWindow } from '@pos/contracts';
import type { PromotionsTable } from '../../db/schema';
import { parseJson } from '../../shared/json';

/** A stored rule as the contract (and the engine) reads it. */
export function toRule(row: PromotionsTable): PromotionRule {
  return {
    id: row.id,
    name: row.name,
    effect: parseJson(row.effect, null as unknown as PromotionRule['effect']),
    schedule: parseJson(row.schedule, { validFrom: null, validTo: null, windows: [] }),
    conditions: parseJson(row.conditions, { minSubtotal: null, minQuantity: null }),
    limits: parseJson(row.limits, { perGuest: null, total: null }),
    priority: row.priority,
    stacking: row.stacking as PromotionRule['stacking'],
    manual: row.manual === 1,
    featureFlag: row.feature_flag as PromotionRule['featureFlag'],
    enabled: row.enabled === 1,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

/** The columns an input writes (everything but id, venue, uses, version and the timestamps). */
export function ruleColumns(input: PromotionInput) {
  return {
    name: input.name,
    kind: input.effect.kind,
    effect: JSON.stringify(input.effect),
    schedule: JSON.stringify(input.schedule),
    conditions: JSON.stringify(input.conditions),
    limits: JSON.stringify(input.limits),
    priority: input.priority,
    stacking: input.stacking,
    manual: input.manual ? 1 : 0,
    feature_flag: input.featureFlag,
    enabled: input.enabled ? 1 : 0,
    total_limit: input.limits.total,
  } satisfies Partial<PromotionsTable>;
}

/** Every item set of an input with its body path, for the existence checks. */
export function itemSetsOf(input: PromotionInput): { path: string; set: ItemSet; required: boolean }[] {
  const e = input.effect;
  switch (e.kind) {
    case 'percent':
    case 'fixed':
      return e.target.scope === 'items' ? [{ path: 'body.effect.target.items', set: e.target.items, required: true }] : [];
    case 'buy_x_get_y':
      return [
        { path: 'body.effect.buy', set: e.buy, required: true },
        { path: 'body.effect.get', set: e.get, required: false },
      ];
    case 'combo_price':
      return e.items.map((item, i) => ({ path: `body.effect.items.${i}.items`, set: item.items, required: true }));
  }
}

const WEEK = 7 * 1440;
const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** A window's stretches in minutes of the week (Monday 00:00 = 0); one past midnight wraps into the next day. */
function stretches(w: PromotionWindow): [number, number][] {
  const from = minutes(w.from);
  const to = minutes(w.to);
  const length = to > from ? to - from : to + 1440 - from;
  return w.days.flatMap((d): [number, number][] => {
    const start = (d - 1) * 1440 + from;
    const end = start + length;
    return end <= WEEK ? [[start, end]] : [[start, WEEK], [0, end - WEEK]];
  });
}

/** The index of the first window that overlaps an earlier one of the same rule, or -1. */
export function overlappingWindow(windows: readonly PromotionWindow[]): number {
  const seen: [number, number][] = [];
  for (let i = 0; i < windows.length; i++) {
    const own = stretches(windows[i]);
    if (own.some(([a, b]) => seen.some(([c, d]) => a < d && c < b))) return i;
    seen.push(...own);
  }
  return -1;
}
