import { aHint, aRule, DESSERTS_ID, toolsIn } from '../testing/fixtures';
import { hintText } from './hint-text';

const time = () => '17:00';
const ru = { ...toolsIn('ru'), time };
const en = { ...toolsIn('en'), time };
const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const dessertFree = aRule({
  effect: { kind: 'buy_x_get_y', buy: { productIds: [], categoryIds: [DESSERTS_ID] }, buyQuantity: 2, get: { productIds: [], categoryIds: [] }, getQuantity: 1, getPercent: 100, reward: 'cheapest' },
});

describe('"why not applied" hints', () => {
  it('say what is missing', () => {
    expect(hintText(aHint({ reason: 'not_started', startsAt: '2026-01-01T14:00:00.000Z', secondsToStart: 60 }), ru)).toBe('с 17:00');
    expect(nbsp(hintText(aHint({ reason: 'min_subtotal', missingAmount: 35000 }), ru))).toBe('ещё 350 ₽ до скидки');
    expect(nbsp(hintText(aHint({ reason: 'min_subtotal', missingAmount: 35000 }), en))).toBe('₽350 more for the discount');
    expect(hintText(aHint({ reason: 'min_quantity', missingQuantity: 2, missingLabel: 'Напитки' }), ru)).toBe('ещё 2 × Напитки');
    expect(hintText(aHint({ reason: 'min_quantity', missingQuantity: 2 }), en)).toBe('2 more × any items');
  });

  it('say what one more item unlocks, from the rule when the list has it', () => {
    const hint = aHint({ reason: 'more_items', missingQuantity: 1, missingLabel: 'Десерты' });
    expect(hintText(hint, { ...ru, rule: dessertFree })).toBe('ещё 1 × Десерты — и один бесплатно');
    expect(hintText(hint, { ...en, rule: dessertFree })).toBe('1 more × Десерты — and one free');
    expect(hintText(hint, ru)).toBe('ещё 1 × Десерты — и акция сработает');
    const half = aRule({ effect: { ...dessertFree.effect, getPercent: 50 } as typeof dessertFree.effect });
    expect(hintText(hint, { ...ru, rule: half })).toBe('ещё 1 × Десерты — и скидка 50 %');
    const combo = aRule({ effect: { kind: 'combo_price', items: [{ items: { productIds: [], categoryIds: [DESSERTS_ID] }, quantity: 1 }, { items: { productIds: [], categoryIds: [DESSERTS_ID] }, quantity: 1 }], price: 50000 } });
    expect(nbsp(hintText(hint, { ...ru, rule: combo }))).toBe('ещё 1 × Десерты — и комбо за 500 ₽');
  });

  it('name the guest, the limit, manual rules and the winner of an exclusive choice', () => {
    expect(hintText(aHint({ reason: 'needs_guest' }), ru)).toBe('добавьте гостя');
    expect(hintText(aHint({ reason: 'needs_guest' }), en)).toBe('add a guest');
    expect(hintText(aHint({ reason: 'limit_reached' }), ru)).toBe('лимит исчерпан');
    expect(hintText(aHint({ reason: 'manual' }), ru)).toBe('можно применить вручную');
    const winner = aRule({ name: 'Бизнес-ланч' });
    expect(hintText(aHint({ reason: 'outranked', outrankedBy: winner.id }), { ...ru, nameOf: (id) => (id === winner.id ? winner.name : undefined) })).toBe('действует «Бизнес-ланч»');
    expect(hintText(aHint({ reason: 'outranked' }), ru)).toBe('действует другая акция');
  });
});
