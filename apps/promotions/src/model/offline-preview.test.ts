import { anOrder, aLine } from '@pos/contracts/testing';
import { anActiveList, anActivePromotion, aRule, anApplied } from '../testing/fixtures';
import { engineLines, previewPromotions } from './offline-preview';

const evaluatePromotions = jest.fn(() => ({ applied: [], discount: 0, hints: [] }));
jest.mock('@pos/contracts', () => ({ ...jest.requireActual('@pos/contracts'), evaluatePromotions: (...args: unknown[]) => (evaluatePromotions as jest.Mock)(...args) }));

const category = (id: string) => (id === 'p-soup' ? 'c-hot' : null);

describe('the offline preview', () => {
  it('gives the engine the lines standing, at their unit price with modifiers, fired or not, combos and charges excluded', () => {
    const order = anOrder({ updatedAt: '2026-01-01T12:30:00.000Z' });
    const lines = [
      aLine({ id: 'a', productId: 'p-soup', unitPrice: 45000, modifiers: [{ id: 'm', name: 'Сметана', priceDelta: 5000 }], quantity: 3, voidedQuantity: 1 }),
      aLine({ id: 'b', productId: 'p-tea', firedQuantity: 1, kitchenState: 'fired' }),
      aLine({ id: 'c', comboId: 'combo' }),
      aLine({ id: 'd', comboLineId: 'c' }),
      aLine({ id: 'e', isCharge: true }),
    ];
    expect(engineLines({ ...order, lines }, category)).toEqual([
      { id: 'a', productId: 'p-soup', categoryId: 'c-hot', unitPrice: 50000, quantity: 2, firedAt: null, excluded: false },
      expect.objectContaining({ id: 'b', categoryId: null, firedAt: '2026-01-01T12:30:00.000Z', excluded: false }),
      expect.objectContaining({ id: 'c', excluded: true }),
      expect.objectContaining({ id: 'd', excluded: true }),
      expect.objectContaining({ id: 'e', excluded: true }),
    ]);
  });

  it('runs the engine on the cached rules with the venue’s zone and choice, the order’s guest and manual rules, the listed flags on', () => {
    const gated = aRule({ featureFlag: 'promotions-pilot' });
    const manual = anApplied({ manual: true, ruleId: 'manual-rule' });
    const list = anActiveList([anActivePromotion(), anActivePromotion({ rule: gated })], { settings: { exclusiveChoice: 'best_for_guest' } });
    const order = anOrder({ customer: { id: 'guest', name: 'Ольга' }, promotions: [anApplied(), manual] });
    previewPromotions(order, list, category, Date.parse('2026-01-01T15:00:00.000Z'));
    expect(evaluatePromotions).toHaveBeenCalledWith(list.promotions.map((p) => p.rule), [], {
      now: '2026-01-01T15:00:00.000Z',
      timeZone: 'Europe/Moscow',
      exclusiveChoice: 'best_for_guest',
      customerId: 'guest',
      manualRuleIds: ['manual-rule'],
      flags: { 'promotions-pilot': true },
      usage: {},
    });
  });
});
