import {
  type Feature,
  type ItemSet,
  type PromotionEffect,
  type PromotionInput,
  PromotionInputSchema,
  type PromotionKind,
  type PromotionRule,
} from '@pos/contracts';

/**
 * The rule form edits a draft: numbers as typed (text), money as amounts (minor units, null while
 * empty), optional fields empty for "none". `checkDraft` turns it into the API's input and checks
 * it with the contract's own schema, so a field is marked before anything is sent; the server's
 * problem+json paths (`effect.percent`, `schedule.windows.0.to`) land on the same fields.
 */

export interface WindowDraft {
  key: string;
  days: number[];
  from: string;
  to: string;
}

export interface ComboGroupDraft {
  key: string;
  items: ItemSet;
  quantity: string;
}

export interface RuleDraft {
  name: string;
  kind: PromotionKind;
  percent: string;
  amount: number | null;
  scope: 'check' | 'items';
  target: ItemSet;
  buy: ItemSet;
  buyQuantity: string;
  /** false: `get` names its own items; true: the same as `buy` (N+1). */
  getSame: boolean;
  get: ItemSet;
  getQuantity: string;
  getPercent: string;
  reward: 'cheapest' | 'most_expensive';
  groups: ComboGroupDraft[];
  price: number | null;
  validFrom: string;
  validTo: string;
  windows: WindowDraft[];
  minSubtotal: number | null;
  minQuantity: string;
  perGuest: string;
  total: string;
  priority: string;
  stacking: 'stackable' | 'exclusive';
  manual: boolean;
  featureFlag: Feature | null;
  enabled: boolean;
}

export const emptySet = (): ItemSet => ({ productIds: [], categoryIds: [] });

let seq = 0;
const nextKey = () => `k${++seq}`;

export const newWindow = (): WindowDraft => ({ key: nextKey(), days: [1, 2, 3, 4, 5, 6, 7], from: '17:00', to: '19:00' });
export const newGroup = (): ComboGroupDraft => ({ key: nextKey(), items: emptySet(), quantity: '1' });

/** A new rule: 10 % off the whole check, all day, on. */
export function newDraft(): RuleDraft {
  return {
    name: '',
    kind: 'percent',
    percent: '10',
    amount: null,
    scope: 'check',
    target: emptySet(),
    buy: emptySet(),
    buyQuantity: '2',
    getSame: true,
    get: emptySet(),
    getQuantity: '1',
    getPercent: '100',
    reward: 'cheapest',
    groups: [newGroup(), newGroup()],
    price: null,
    validFrom: '',
    validTo: '',
    windows: [],
    minSubtotal: null,
    minQuantity: '',
    perGuest: '',
    total: '',
    priority: '0',
    stacking: 'stackable',
    manual: false,
    featureFlag: null,
    enabled: true,
  };
}

const isEmptySet = (s: ItemSet) => s.productIds.length === 0 && s.categoryIds.length === 0;

/** The draft of a saved rule: its own kind's fields filled, the others at their defaults. */
export function draftOf(rule: PromotionRule): RuleDraft {
  const draft = newDraft();
  const { effect } = rule;
  const kindFields: Partial<RuleDraft> =
    effect.kind === 'percent'
      ? { percent: String(effect.percent), scope: effect.target.scope, target: effect.target.scope === 'items' ? effect.target.items : emptySet() }
      : effect.kind === 'fixed'
        ? { amount: effect.amount, scope: effect.target.scope, target: effect.target.scope === 'items' ? effect.target.items : emptySet() }
        : effect.kind === 'buy_x_get_y'
          ? {
              buy: effect.buy,
              buyQuantity: String(effect.buyQuantity),
              getSame: isEmptySet(effect.get),
              get: effect.get,
              getQuantity: String(effect.getQuantity),
              getPercent: String(effect.getPercent),
              reward: effect.reward,
            }
          : { groups: effect.items.map((g) => ({ key: nextKey(), items: g.items, quantity: String(g.quantity) })), price: effect.price };
  return {
    ...draft,
    ...kindFields,
    name: rule.name,
    kind: effect.kind,
    validFrom: rule.schedule.validFrom ?? '',
    validTo: rule.schedule.validTo ?? '',
    windows: rule.schedule.windows.map((w) => ({ key: nextKey(), days: [...w.days], from: w.from, to: w.to })),
    minSubtotal: rule.conditions.minSubtotal,
    minQuantity: rule.conditions.minQuantity === null ? '' : String(rule.conditions.minQuantity),
    perGuest: rule.limits.perGuest === null ? '' : String(rule.limits.perGuest),
    total: rule.limits.total === null ? '' : String(rule.limits.total),
    priority: String(rule.priority),
    stacking: rule.stacking,
    manual: rule.manual,
    featureFlag: rule.featureFlag,
    enabled: rule.enabled,
  };
}

/** A whole number as typed, NaN when it is not one (the schema then names the field). */
const whole = (text: string): number => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN);
const optionalWhole = (text: string): number | null => (text.trim() === '' ? null : whole(text));

function effectOf(d: RuleDraft): PromotionEffect {
  const target = d.scope === 'check' ? ({ scope: 'check' } as const) : ({ scope: 'items', items: d.target } as const);
  switch (d.kind) {
    case 'percent':
      return { kind: 'percent', percent: whole(d.percent), target };
    case 'fixed':
      // A missing amount goes as NaN on purpose: the schema names `effect.amount`.
      return { kind: 'fixed', amount: d.amount ?? Number.NaN, target };
    case 'buy_x_get_y':
      return {
        kind: 'buy_x_get_y',
        buy: d.buy,
        buyQuantity: whole(d.buyQuantity),
        get: d.getSame ? emptySet() : d.get,
        getQuantity: whole(d.getQuantity),
        getPercent: whole(d.getPercent),
        reward: d.reward,
      };
    case 'combo_price':
      return { kind: 'combo_price', items: d.groups.map((g) => ({ items: g.items, quantity: whole(g.quantity) })), price: d.price ?? Number.NaN };
  }
}

/** The API's input of a draft (money in minor units as the fields hold it). */
export function inputOf(d: RuleDraft): PromotionInput {
  return {
    name: d.name.trim(),
    effect: effectOf(d),
    schedule: {
      validFrom: d.validFrom || null,
      validTo: d.validTo || null,
      windows: d.windows.map((w) => ({ days: [...w.days].sort((a, b) => a - b), from: w.from, to: w.to })),
    },
    conditions: { minSubtotal: d.minSubtotal, minQuantity: optionalWhole(d.minQuantity) },
    limits: { perGuest: optionalWhole(d.perGuest), total: optionalWhole(d.total) },
    priority: whole(d.priority),
    stacking: d.stacking,
    manual: d.manual,
    featureFlag: d.featureFlag,
    enabled: d.enabled,
  };
}

/** problem+json `errors` (or the schema's issues) as field path → message; the first per path. */
export function fieldErrors(errors: readonly { path: string; message: string }[] | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const e of errors ?? []) {
    const path = e.path.replace(/^(body)\.?/, '');
    if (!map.has(path)) map.set(path, e.message);
  }
  return map;
}

export type DraftCheck = { ok: true; input: PromotionInput } | { ok: false; errors: Map<string, string> };

/**
 * The input, or the fields the contract refuses (the server says the same). Also what the schema
 * cannot see alone: a set of items that names nothing where one is needed, dates the wrong way
 * round.
 */
export function checkDraft(d: RuleDraft): DraftCheck {
  const input = inputOf(d);
  const parsed = PromotionInputSchema.safeParse(input);
  const issues = parsed.success ? [] : parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const effect = input.effect;
  const empty = (set: ItemSet, path: string) => isEmptySet(set) && issues.push({ path, message: 'A set must name a product or a category' });
  if ((effect.kind === 'percent' || effect.kind === 'fixed') && effect.target.scope === 'items') empty(effect.target.items, 'effect.target.items');
  if (effect.kind === 'buy_x_get_y') empty(effect.buy, 'effect.buy');
  if (effect.kind === 'combo_price') effect.items.forEach((g, i) => empty(g.items, `effect.items.${i}.items`));
  if (input.schedule.validFrom && input.schedule.validTo && input.schedule.validTo < input.schedule.validFrom) issues.push({ path: 'schedule.validTo', message: 'Ends before it starts' });
  return issues.length === 0 ? { ok: true, input } : { ok: false, errors: fieldErrors(issues) };
}

/** The errors text key for a failing path (the form shows its own words, not the server's English). */
export function errorKey(path: string, d: RuleDraft): string {
  const window = /^schedule\.windows\.(\d+)\.(from|to|days)$/.exec(path);
  if (window) {
    const w = d.windows[Number(window[1])];
    if (window[2] === 'days') return 'days';
    return w && w.from === w.to ? 'window' : 'time';
  }
  if (/^schedule\.valid(From|To)$/.test(path)) return 'dates';
  if (/^effect\.items$/.test(path)) return 'groups';
  if (/^effect\.items\.\d+\.quantity$/.test(path)) return 'quantity';
  if (/(^|\.)(items|buy|get|target)(\.|$)/.test(path) && !/Quantity|Percent/.test(path)) return 'items';
  const last = path.split('.').at(-1) ?? '';
  const known: Record<string, string> = {
    name: 'name',
    percent: 'percent',
    getPercent: 'percent',
    amount: 'amount',
    price: 'price',
    buyQuantity: 'quantity',
    getQuantity: 'quantity',
    minSubtotal: 'minSubtotal',
    minQuantity: 'minQuantity',
    perGuest: 'limit',
    total: 'limit',
    priority: 'priority',
  };
  return known[last] ?? 'other';
}

/** A saved rule as the API's input again (to change one field of it, e.g. switch it off). */
export function inputOfRule(rule: PromotionRule): PromotionInput {
  const { name, effect, schedule, conditions, limits, priority, stacking, manual, featureFlag, enabled } = rule;
  return { name, effect, schedule, conditions, limits, priority, stacking, manual, featureFlag, enabled };
}
