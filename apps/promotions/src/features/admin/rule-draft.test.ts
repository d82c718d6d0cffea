import { aRule, CAKE_ID, DESSERTS_ID, DRINKS_ID } from '../../testing/fixtures';
import { checkDraft, draftOf, errorKey, fieldErrors, inputOf, inputOfRule, newDraft, newWindow, type RuleDraft } from './rule-draft';

const valid = (over: Partial<RuleDraft> = {}): RuleDraft => ({ ...newDraft(), name: 'Счастливые часы', ...over });

describe('the rule draft', () => {
  it('round-trips a saved rule of every kind', () => {
    const rules = [
      aRule(),
      aRule({ effect: { kind: 'fixed', amount: 10000, target: { scope: 'check' } }, conditions: { minSubtotal: 150000, minQuantity: 3 }, limits: { perGuest: 1, total: 100 } }),
      aRule({ effect: { kind: 'buy_x_get_y', buy: { productIds: [], categoryIds: [DESSERTS_ID] }, buyQuantity: 2, get: { productIds: [], categoryIds: [] }, getQuantity: 1, getPercent: 100, reward: 'cheapest' } }),
      aRule({ effect: { kind: 'combo_price', items: [{ items: { productIds: [CAKE_ID], categoryIds: [] }, quantity: 1 }, { items: { productIds: [], categoryIds: [DRINKS_ID] }, quantity: 2 }], price: 50000 }, manual: true, featureFlag: 'promotions-pilot', stacking: 'exclusive' }),
    ];
    for (const rule of rules) expect(inputOf(draftOf(rule))).toEqual(inputOfRule(rule));
  });

  it('sends money in minor units as the fields hold it, empty optional fields as null', () => {
    const input = inputOf(valid({ kind: 'fixed', amount: 15050, minSubtotal: 100000, perGuest: '', total: ' 50 ' }));
    expect(input.effect).toEqual({ kind: 'fixed', amount: 15050, target: { scope: 'check' } });
    expect(input.conditions).toEqual({ minSubtotal: 100000, minQuantity: null });
    expect(input.limits).toEqual({ perGuest: null, total: 50 });
  });

  it('passes a valid draft and marks what the contract refuses, at its path', () => {
    expect(checkDraft(valid())).toMatchObject({ ok: true, input: { name: 'Счастливые часы', effect: { kind: 'percent', percent: 10, target: { scope: 'check' } } } });
    const bad = checkDraft(valid({ name: ' ', percent: '120', priority: 'x', windows: [{ ...newWindow(), from: '18:00', to: '18:00' }] }));
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect([...bad.errors.keys()].sort()).toEqual(['effect.percent', 'name', 'priority', 'schedule.windows.0.to']);
  });

  it('refuses what the schema alone cannot see: an empty set of items, dates the wrong way round, a window without days', () => {
    const check = checkDraft(valid({ scope: 'items', validFrom: '2026-12-31', validTo: '2026-12-01', windows: [{ ...newWindow(), days: [] }] }));
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect([...check.errors.keys()].sort()).toEqual(['effect.target.items', 'schedule.validTo', 'schedule.windows.0.days']);
    const combo = checkDraft(valid({ kind: 'combo_price', price: 50000 }));
    expect(combo.ok ? [] : [...combo.errors.keys()].sort()).toEqual(['effect.items.0.items', 'effect.items.1.items']);
  });

  it('names each failing path in the form’s words', () => {
    const draft = valid({ windows: [{ ...newWindow(), from: '18:00', to: '18:00' }, { ...newWindow(), from: '18:00', to: '19:00' }] });
    expect(errorKey('schedule.windows.0.to', draft)).toBe('window');
    expect(errorKey('schedule.windows.1.to', draft)).toBe('time');
    expect(errorKey('schedule.windows.1.days', draft)).toBe('days');
    expect(errorKey('effect.target.items', draft)).toBe('items');
    expect(errorKey('effect.buy', draft)).toBe('items');
    expect(errorKey('effect.getQuantity', draft)).toBe('quantity');
    expect(errorKey('effect.items', draft)).toBe('groups');
    expect(errorKey('effect.items.1.quantity', draft)).toBe('quantity');
    expect(errorKey('limits.total', draft)).toBe('limit');
    expect(errorKey('something.else', draft)).toBe('other');
  });

  it('reads problem+json paths without their body prefix', () => {
    expect(fieldErrors([{ path: 'body.schedule.windows.0.to', message: 'empty' }, { path: 'body.schedule.windows.0.to', message: 'second' }, { path: 'name', message: 'x' }])).toEqual(
      new Map([
        ['schedule.windows.0.to', 'empty'],
        ['name', 'x'],
      ]),
    );
  });
});
