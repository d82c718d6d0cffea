import { evaluatePromotions, scheduleAt, spreadShares, type EngineContext, type EngineLine } from './promotion-engine';
import { proportionalShares } from './order-math';
import type { ItemSet, PromotionRule } from './promotions';

const uuid = (n: number, kind = 'a') => `00000000-0000-4000-8000-${kind.repeat(4)}${String(n).padStart(8, '0')}`;
const R = (n: number) => uuid(n, 'a');
const L = (n: number) => uuid(n, 'b');
const P = (n: number) => uuid(n, 'c');
const C = (n: number) => uuid(n, 'd');
const BURGERS = C(1);
const DRINKS = C(2);
const PIZZAS = C(3);
const set = (categoryIds: string[], productIds: string[] = []): ItemSet => ({ productIds, categoryIds });
const NONE = set([]);

type RuleInput = Partial<Omit<PromotionRule, 'schedule' | 'conditions' | 'limits'>> &
  Pick<PromotionRule, 'effect'> & {
    schedule?: Partial<PromotionRule['schedule']>;
    conditions?: Partial<PromotionRule['conditions']>;
    limits?: Partial<PromotionRule['limits']>;
  };

function rule(n: number, r: RuleInput): PromotionRule {
  return {
    id: R(n),
    name: `Rule ${n}`,
    priority: 0,
    stacking: 'stackable',
    manual: false,
    featureFlag: null,
    enabled: true,
    version: 1,
    updatedAt: '2026-12-01T00:00:00.000Z',
    ...r,
    schedule: { validFrom: null, validTo: null, windows: [], ...r.schedule },
    conditions: { minSubtotal: null, minQuantity: null, ...r.conditions },
    limits: { perGuest: null, total: null, ...r.limits },
  };
}

function line(n: number, categoryId: string | null, unitPrice: number, quantity = 1, extra: Partial<EngineLine> = {}): EngineLine {
  return { id: L(n), productId: P(n), categoryId, unitPrice, quantity, firedAt: null, excluded: false, ...extra };
}

// 2026-12-07 is a Monday; 12:00Z is 15:00 in Moscow.
const NOW = '2026-12-07T12:00:00.000Z';
const ctx = (extra: Partial<EngineContext> = {}): EngineContext => ({
  now: NOW,
  timeZone: 'Europe/Moscow',
  exclusiveChoice: 'best_for_guest',
  customerId: null,
  manualRuleIds: [],
  flags: {},
  usage: {},
  ...extra,
});

const savings = (r: ReturnType<typeof evaluatePromotions>) => r.applied.map((a) => [a.ruleId, a.lines.map((l) => [l.lineId, l.saving])]);

describe('percent and fixed', () => {
  it('takes a percent off the whole check, spread over the lines by amount; excluded lines are untouched', () => {
    const r = evaluatePromotions(
      [rule(1, { effect: { kind: 'percent', percent: 10, target: { scope: 'check' } } })],
      [line(1, BURGERS, 1000, 2), line(2, DRINKS, 500), line(3, null, 3000, 1, { excluded: true })],
      ctx(),
    );
    expect(r.discount).toBe(250);
    expect(savings(r)).toEqual([[R(1), [[L(1), 200], [L(2), 50]]]]);
    expect(r.applied[0]).toMatchObject({ name: 'Rule 1', kind: 'percent', manual: false, saving: 250 });
    expect(r.hints).toEqual([]);
  });

  it('rounds a percent of items half up on the total, then shares it by largest remainder', () => {
    // 15 % of 999 = 149.85 → 150; exact shares 49.95 and 99.9 → 50 and 100.
    const r = evaluatePromotions([rule(1, { effect: { kind: 'percent', percent: 15, target: { scope: 'items', items: set([DRINKS]) } } })], [line(1, DRINKS, 333), line(2, DRINKS, 333, 2), line(3, BURGERS, 900)], ctx());
    expect(savings(r)).toEqual([[R(1), [[L(1), 50], [L(2), 100]]]]);
    expect(r.discount).toBe(150);
  });

  it('takes a fixed amount off each portion, never below zero', () => {
    const r = evaluatePromotions([rule(1, { effect: { kind: 'fixed', amount: 100, target: { scope: 'items', items: set([DRINKS], [P(9)]) } } })], [line(1, DRINKS, 250, 3), line(2, DRINKS, 50, 2), line(9, null, 400)], ctx());
    expect(savings(r)).toEqual([[R(1), [[L(1), 300], [L(2), 100], [L(9), 100]]]]);
  });

  it('takes a fixed amount once off the check, at most the check', () => {
    const fixed = rule(1, { effect: { kind: 'fixed', amount: 500, target: { scope: 'check' } } });
    expect(savings(evaluatePromotions([fixed], [line(1, BURGERS, 1000), line(2, DRINKS, 3000)], ctx()))).toEqual([[R(1), [[L(1), 125], [L(2), 375]]]]);
    expect(evaluatePromotions([fixed], [line(1, BURGERS, 300), line(2, DRINKS, 100)], ctx()).discount).toBe(400);
  });

  it('shares like proportionalShares', () => {
    for (const [total, weights] of [[100, [500, 200]], [7, [1, 1, 1]], [0, [3, 4]], [5, [0, 0]], [10, [3, 3, 3, 1]]] as [number, number[]][]) {
      expect(spreadShares(total, weights)).toEqual(proportionalShares(total, weights));
    }
  });
});

describe('buy X get Y', () => {
  const nPlusOne = (reward: 'cheapest' | 'most_expensive') =>
    rule(1, { effect: { kind: 'buy_x_get_y', buy: set([PIZZAS]), buyQuantity: 2, get: NONE, getQuantity: 1, getPercent: 100, reward } });

  it('gives every third pizza away, the cheapest or the dearest', () => {
    const lines = [line(1, PIZZAS, 900, 2), line(2, PIZZAS, 700), line(3, PIZZAS, 800)];
    expect(savings(evaluatePromotions([nPlusOne('cheapest')], lines, ctx()))).toEqual([[R(1), [[L(2), 700]]]]);
    expect(savings(evaluatePromotions([nPlusOne('most_expensive')], lines, ctx()))).toEqual([[R(1), [[L(1), 900]]]]);
    // Six pizzas: two free, the two cheapest.
    const six = [line(1, PIZZAS, 900, 4), line(2, PIZZAS, 700), line(3, PIZZAS, 800)];
    expect(savings(evaluatePromotions([nPlusOne('cheapest')], six, ctx()))).toEqual([[R(1), [[L(2), 700], [L(3), 800]]]]);
  });

  it('counts portions of large quantities without expanding them', () => {
    const r = evaluatePromotions([nPlusOne('cheapest')], [line(1, PIZZAS, 500, 300)], ctx());
    expect(r.discount).toBe(100 * 500);
  });

  it('hints "one more" when a pizza is missing, and nothing for an unrelated order', () => {
    const r = evaluatePromotions([nPlusOne('cheapest')], [line(1, PIZZAS, 900, 2)], ctx());
    expect(r.applied).toEqual([]);
    expect(r.hints).toEqual([{ ruleId: R(1), name: 'Rule 1', reason: 'more_items', missingQuantity: 1, missingItems: set([PIZZAS]) }]);
    expect(evaluatePromotions([nPlusOne('cheapest')], [line(1, DRINKS, 900, 2)], ctx()).hints).toEqual([]);
  });

  it('buy a burger, get a drink at half price', () => {
    const burgerDrink = rule(1, { effect: { kind: 'buy_x_get_y', buy: set([BURGERS]), buyQuantity: 1, get: set([DRINKS]), getQuantity: 1, getPercent: 50, reward: 'cheapest' } });
    expect(savings(evaluatePromotions([burgerDrink], [line(1, BURGERS, 500, 2), line(2, DRINKS, 200), line(3, DRINKS, 300)], ctx()))).toEqual([[R(1), [[L(2), 100], [L(3), 150]]]]);
    expect(savings(evaluatePromotions([burgerDrink], [line(1, BURGERS, 500), line(2, DRINKS, 200), line(3, DRINKS, 300)], ctx()))).toEqual([[R(1), [[L(2), 100]]]]);
    expect(evaluatePromotions([burgerDrink], [line(1, BURGERS, 500)], ctx()).hints).toEqual([{ ruleId: R(1), name: 'Rule 1', reason: 'more_items', missingQuantity: 1, missingItems: set([DRINKS]) }]);
  });

  it('keeps enough buy portions when the sets overlap', () => {
    // Buy 1 of anything (burgers or drinks), get a drink free: two drinks only → one free, one bought.
    const r = rule(1, { effect: { kind: 'buy_x_get_y', buy: set([BURGERS, DRINKS]), buyQuantity: 1, get: set([DRINKS]), getQuantity: 1, getPercent: 100, reward: 'most_expensive' } });
    expect(savings(evaluatePromotions([r], [line(1, DRINKS, 300), line(2, DRINKS, 200)], ctx()))).toEqual([[R(1), [[L(1), 300]]]]);
  });
});

describe('combo price', () => {
  const combo = (price: number) => rule(1, { effect: { kind: 'combo_price', items: [{ items: set([BURGERS]), quantity: 1 }, { items: set([DRINKS]), quantity: 1 }], price } });

  it('sells a burger and a drink for the combo price, the saving shared by value', () => {
    const r = evaluatePromotions([combo(600)], [line(1, BURGERS, 500, 2), line(2, DRINKS, 200)], ctx());
    expect(savings(r)).toEqual([[R(1), [[L(1), 71], [L(2), 29]]]]);
  });

  it('forms as many groups as the order allows, the dearest portions first', () => {
    const r = evaluatePromotions([combo(600)], [line(1, BURGERS, 500), line(2, BURGERS, 450), line(3, DRINKS, 200, 2), line(4, DRINKS, 100)], ctx());
    // Groups: burger 500 + drink 200 → 100 off; burger 450 + drink 200 → 50 off.
    expect(r.discount).toBe(150);
  });

  it('does nothing when the combo costs more than the items, and hints a missing drink', () => {
    expect(evaluatePromotions([combo(800)], [line(1, BURGERS, 500), line(2, DRINKS, 200)], ctx()).applied).toEqual([]);
    expect(evaluatePromotions([combo(600)], [line(1, BURGERS, 500)], ctx()).hints).toEqual([{ ruleId: R(1), name: 'Rule 1', reason: 'more_items', missingQuantity: 1, missingItems: set([DRINKS]) }]);
  });
});

describe('conditions, limits, manual rules and flags', () => {
  const tenPercent = (extra: Partial<RuleInput> = {}) => rule(1, { effect: { kind: 'percent', percent: 10, target: { scope: 'check' } }, ...extra });
  const lines = [line(1, BURGERS, 1000, 3)];

  it('hints the missing subtotal and quantity', () => {
    expect(evaluatePromotions([tenPercent({ conditions: { minSubtotal: 5000 } })], lines, ctx()).hints).toEqual([{ ruleId: R(1), name: 'Rule 1', reason: 'min_subtotal', missingAmount: 2000 }]);
    expect(evaluatePromotions([tenPercent({ conditions: { minQuantity: 5 } })], lines, ctx()).hints).toEqual([{ ruleId: R(1), name: 'Rule 1', reason: 'min_quantity', missingQuantity: 2, missingItems: null }]);
    const drinks = rule(2, { effect: { kind: 'percent', percent: 10, target: { scope: 'items', items: set([BURGERS]) } }, conditions: { minQuantity: 4, minSubtotal: null } });
    expect(evaluatePromotions([drinks], lines, ctx()).hints).toEqual([{ ruleId: R(2), name: 'Rule 2', reason: 'min_quantity', missingQuantity: 1, missingItems: set([BURGERS]) }]);
    expect(evaluatePromotions([tenPercent({ conditions: { minSubtotal: 3000 } })], lines, ctx()).discount).toBe(300);
  });

  it('stops at the limits', () => {
    expect(evaluatePromotions([tenPercent({ limits: { total: 5 } })], lines, ctx({ usage: { [R(1)]: { total: 5, guest: 0 } } })).hints).toEqual([{ ruleId: R(1), name: 'Rule 1', reason: 'limit_reached' }]);
    expect(evaluatePromotions([tenPercent({ limits: { total: 5 } })], lines, ctx({ usage: { [R(1)]: { total: 4, guest: 0 } } })).discount).toBe(300);
    expect(evaluatePromotions([tenPercent({ limits: { perGuest: 1 } })], lines, ctx()).hints).toEqual([{ ruleId: R(1), name: 'Rule 1', reason: 'needs_guest' }]);
    const guest = ctx({ customerId: uuid(1, 'e') });
    expect(evaluatePromotions([tenPercent({ limits: { perGuest: 1 } })], lines, guest).discount).toBe(300);
    expect(evaluatePromotions([tenPercent({ limits: { perGuest: 1 } })], lines, { ...guest, usage: { [R(1)]: { total: 9, guest: 1 } } }).hints[0].reason).toBe('limit_reached');
  });

  it('applies a manual rule only when staff chose it', () => {
    const manual = tenPercent({ manual: true });
    expect(evaluatePromotions([manual], lines, ctx())).toEqual({ applied: [], discount: 0, hints: [{ ruleId: R(1), name: 'Rule 1', reason: 'manual' }] });
    const r = evaluatePromotions([manual], lines, ctx({ manualRuleIds: [R(1)] }));
    expect(r.applied[0]).toMatchObject({ manual: true, saving: 300 });
  });

  it('ignores switched-off rules and rules behind a flag that is off, without a hint', () => {
    expect(evaluatePromotions([tenPercent({ enabled: false })], lines, ctx())).toEqual({ applied: [], discount: 0, hints: [] });
    const pilot = tenPercent({ featureFlag: 'promotions-pilot' });
    expect(evaluatePromotions([pilot], lines, ctx())).toEqual({ applied: [], discount: 0, hints: [] });
    expect(evaluatePromotions([pilot], lines, ctx({ flags: { 'promotions-pilot': false } })).discount).toBe(0);
    expect(evaluatePromotions([pilot], lines, ctx({ flags: { 'promotions-pilot': true } })).discount).toBe(300);
  });

  it('keeps to the validity dates (venue-local)', () => {
    // 2026-12-07T22:30Z is already 2026-12-08 in Moscow.
    const late = ctx({ now: '2026-12-07T22:30:00.000Z' });
    expect(evaluatePromotions([tenPercent({ schedule: { validTo: '2026-12-07' } })], lines, late).discount).toBe(0);
    expect(evaluatePromotions([tenPercent({ schedule: { validFrom: '2026-12-08' } })], lines, late).discount).toBe(300);
    // Starts at the venue's midnight, 1.5 h away: a not_started hint.
    const r = evaluatePromotions([tenPercent({ schedule: { validFrom: '2026-12-08' } })], lines, ctx({ now: '2026-12-07T19:30:00.000Z' }));
    expect(r.hints).toEqual([{ ruleId: R(1), name: 'Rule 1', reason: 'not_started', startsAt: '2026-12-07T21:00:00.000Z', secondsToStart: 5400 }]);
  });
});

describe('windows', () => {
  const happyHour = rule(1, { effect: { kind: 'percent', percent: 50, target: { scope: 'items', items: set([DRINKS]) } }, schedule: { windows: [{ days: [1, 2, 3, 4, 5], from: '15:00', to: '18:00' }] } });
  const drinks = [line(1, DRINKS, 400)];

  it('applies inside the window, hints the start shortly before it', () => {
    expect(evaluatePromotions([happyHour], drinks, ctx()).discount).toBe(200);
    const early = evaluatePromotions([happyHour], drinks, ctx({ now: '2026-12-07T11:00:30.000Z' }));
    expect(early.hints).toEqual([{ ruleId: R(1), name: 'Rule 1', reason: 'not_started', startsAt: '2026-12-07T12:00:00.000Z', secondsToStart: 3570 }]);
    expect(evaluatePromotions([happyHour], drinks, ctx({ now: '2026-12-07T08:00:00.000Z' })).hints).toEqual([]);
    // 18:00 local is past the end (windows are half-open).
    expect(evaluatePromotions([happyHour], drinks, ctx({ now: '2026-12-07T15:00:00.000Z' })).discount).toBe(0);
  });

  it('keeps the discount of a line fired inside the window after it closes (the boundary rule)', () => {
    const after = ctx({ now: '2026-12-07T16:00:00.000Z' }); // 19:00 local
    const r = evaluatePromotions([happyHour], [line(1, DRINKS, 400, 1, { firedAt: '2026-12-07T14:59:00.000Z' }), line(2, DRINKS, 400)], after);
    expect(savings(r)).toEqual([[R(1), [[L(1), 200]]]]);
    // A line fired before the window opened does not get it either, though `now` is inside.
    const inside = evaluatePromotions([happyHour], [line(1, DRINKS, 400, 1, { firedAt: '2026-12-07T11:59:00.000Z' }), line(2, DRINKS, 400)], ctx());
    expect(savings(inside)).toEqual([[R(1), [[L(2), 200]]]]);
  });

  it('runs a window past midnight on the day it starts', () => {
    // Friday 22:00 – 02:00; 2026-12-11 is a Friday.
    const late = { schedule: { validFrom: null, validTo: null, windows: [{ days: [5], from: '22:00', to: '02:00' }] } };
    expect(scheduleAt(late, '2026-12-11T20:00:00.000Z', 'Europe/Moscow')).toEqual({ active: true, endsAt: '2026-12-11T23:00:00.000Z', startsAt: null });
    expect(scheduleAt(late, '2026-12-11T22:30:00.000Z', 'Europe/Moscow')).toEqual({ active: true, endsAt: '2026-12-11T23:00:00.000Z', startsAt: null });
    // Saturday 23:00: not a Friday night any more; next start is the next Friday.
    expect(scheduleAt(late, '2026-12-12T20:00:00.000Z', 'Europe/Moscow')).toEqual({ active: false, endsAt: null, startsAt: '2026-12-18T19:00:00.000Z' });
    // Thursday 23:30 → Friday 00:30 local: Thursday is not in the days.
    expect(scheduleAt(late, '2026-12-10T21:30:00.000Z', 'Europe/Moscow').active).toBe(false);
    // The engine: Saturday 01:00 local still belongs to Friday night; Saturday 02:00 does not.
    const bar = rule(1, { effect: { kind: 'percent', percent: 50, target: { scope: 'check' } }, schedule: late.schedule });
    expect(evaluatePromotions([bar], drinks, ctx({ now: '2026-12-11T22:00:00.000Z' })).discount).toBe(200);
    expect(evaluatePromotions([bar], drinks, ctx({ now: '2026-12-11T23:00:00.000Z' })).discount).toBe(0);
  });

  it('chains back-to-back windows and caps them at validTo', () => {
    const chained = { schedule: { validFrom: null, validTo: '2026-12-08', windows: [{ days: [1, 2], from: '10:00', to: '14:00' }, { days: [1, 2], from: '14:00', to: '01:00' }] } };
    expect(scheduleAt(chained, NOW, 'Europe/Moscow')).toEqual({ active: true, endsAt: '2026-12-07T22:00:00.000Z', startsAt: null });
    expect(scheduleAt(chained, '2026-12-08T20:00:00.000Z', 'Europe/Moscow')).toEqual({ active: true, endsAt: '2026-12-08T21:00:00.000Z', startsAt: null });
    expect(scheduleAt(chained, '2026-12-08T22:00:00.000Z', 'Europe/Moscow')).toEqual({ active: false, endsAt: null, startsAt: null });
    const always = { schedule: { validFrom: '2026-12-09', validTo: null, windows: [] } };
    expect(scheduleAt(always, NOW, 'Europe/Moscow')).toEqual({ active: false, endsAt: null, startsAt: '2026-12-08T21:00:00.000Z' });
    expect(scheduleAt(always, '2026-12-10T00:00:00.000Z', 'Europe/Moscow')).toEqual({ active: true, endsAt: null, startsAt: null });
  });

  it('is DST-safe (Europe/Berlin, 2026-03-29 and 2026-10-25)', () => {
    const berlin = 'Europe/Berlin';
    // Spring: 02:00 CET jumps to 03:00 CEST (01:00Z). A Sunday 02:30–04:00 window starts at the jump.
    const spring = { schedule: { validFrom: null, validTo: null, windows: [{ days: [7], from: '02:30', to: '04:00' }] } };
    expect(scheduleAt(spring, '2026-03-29T00:30:00.000Z', berlin)).toEqual({ active: false, endsAt: null, startsAt: '2026-03-29T01:00:00.000Z' });
    expect(scheduleAt(spring, '2026-03-29T01:30:00.000Z', berlin)).toEqual({ active: true, endsAt: '2026-03-29T02:00:00.000Z', startsAt: null });
    // A daily 18:00–20:00 window starts at 16:00Z in summer time and at 17:00Z in winter time.
    const evening = { schedule: { validFrom: null, validTo: null, windows: [{ days: [1, 2, 3, 4, 5, 6, 7], from: '18:00', to: '20:00' }] } };
    expect(scheduleAt(evening, '2026-10-24T10:00:00.000Z', berlin).startsAt).toBe('2026-10-24T16:00:00.000Z');
    expect(scheduleAt(evening, '2026-10-25T10:00:00.000Z', berlin).startsAt).toBe('2026-10-25T17:00:00.000Z');
    expect(scheduleAt(evening, '2026-03-28T10:00:00.000Z', berlin).startsAt).toBe('2026-03-28T17:00:00.000Z');
    expect(scheduleAt(evening, '2026-03-29T10:00:00.000Z', berlin).startsAt).toBe('2026-03-29T16:00:00.000Z');
    // Saturday night 22:00–02:00 across the autumn change ends at the first 02:00 (00:00Z).
    const night = { schedule: { validFrom: null, validTo: null, windows: [{ days: [6], from: '22:00', to: '02:00' }] } };
    expect(scheduleAt(night, '2026-10-24T23:30:00.000Z', berlin)).toEqual({ active: true, endsAt: '2026-10-25T00:00:00.000Z', startsAt: null });
    // The engine prices by wall time on the change day too.
    const hh = rule(1, { effect: { kind: 'percent', percent: 50, target: { scope: 'check' } }, schedule: { windows: [{ days: [7], from: '18:00', to: '20:00' }] } });
    const at = (now: string) => evaluatePromotions([hh], drinks, ctx({ now, timeZone: berlin })).discount;
    expect(at('2026-10-25T17:30:00.000Z')).toBe(200);
    expect(at('2026-10-25T16:30:00.000Z')).toBe(0);
    expect(at('2026-03-29T16:30:00.000Z')).toBe(200);
  });
});

describe('stacking and exclusive rules', () => {
  const lines = [line(1, BURGERS, 1000)];
  const stackA = rule(1, { priority: 10, effect: { kind: 'percent', percent: 10, target: { scope: 'check' } } });
  const stackB = rule(2, { priority: 5, effect: { kind: 'fixed', amount: 100, target: { scope: 'check' } } });
  const exclusive = rule(3, { priority: 1, stacking: 'exclusive', effect: { kind: 'percent', percent: 25, target: { scope: 'check' } } });

  it('stacks in priority order, each on what the previous left', () => {
    const r = evaluatePromotions([stackB, stackA], lines, ctx());
    expect(savings(r)).toEqual([[R(1), [[L(1), 100]]], [R(2), [[L(1), 100]]]]);
    // 50 % then 10 %: the second takes 10 % of the remaining 500.
    const half = rule(4, { priority: 20, effect: { kind: 'percent', percent: 50, target: { scope: 'check' } } });
    expect(evaluatePromotions([stackA, half], lines, ctx()).discount).toBe(550);
  });

  it('best_for_guest: the exclusive 25 % beats the stack (200), which is outranked', () => {
    const r = evaluatePromotions([stackA, stackB, exclusive], lines, ctx());
    expect(savings(r)).toEqual([[R(3), [[L(1), 250]]]]);
    expect(r.hints).toEqual([
      { ruleId: R(1), name: 'Rule 1', reason: 'outranked', outrankedBy: R(3) },
      { ruleId: R(2), name: 'Rule 2', reason: 'outranked', outrankedBy: R(3) },
    ]);
  });

  it('priority: the stack (priority 10) beats the exclusive rule', () => {
    const r = evaluatePromotions([stackA, stackB, exclusive], lines, ctx({ exclusiveChoice: 'priority' }));
    expect(r.discount).toBe(200);
    expect(r.applied.map((a) => a.ruleId)).toEqual([R(1), R(2)]);
    expect(r.hints).toEqual([{ ruleId: R(3), name: 'Rule 3', reason: 'outranked', outrankedBy: R(1) }]);
  });

  it('applies at most one of several exclusive rules', () => {
    const other = rule(4, { priority: 50, stacking: 'exclusive', effect: { kind: 'fixed', amount: 100, target: { scope: 'check' } } });
    expect(evaluatePromotions([exclusive, other], lines, ctx()).applied.map((a) => a.ruleId)).toEqual([R(3)]);
    expect(evaluatePromotions([exclusive, other], lines, ctx({ exclusiveChoice: 'priority' })).applied.map((a) => a.ruleId)).toEqual([R(4)]);
    // Equal saving and priority: the smaller id.
    const twin = rule(5, { priority: 1, stacking: 'exclusive', effect: { kind: 'fixed', amount: 250, target: { scope: 'check' } } });
    expect(evaluatePromotions([twin, exclusive], lines, ctx()).applied.map((a) => a.ruleId)).toEqual([R(3)]);
  });
});
