import { evaluatePromotions } from './promotion-engine';
import { PROMOTION_GOLDEN_CASES } from './promotion-golden';
import { AppliedPromotionSchema, PromotionRuleSchema } from './promotions';

describe('promotion golden cases', () => {
  it('has one case at least for every kind, stacking, exclusive choice and the boundary rule', () => {
    const kinds = new Set(PROMOTION_GOLDEN_CASES.flatMap((c) => c.rules.map((r) => r.effect.kind)));
    expect([...kinds].sort()).toEqual(['buy_x_get_y', 'combo_price', 'fixed', 'percent']);
    expect(new Set(PROMOTION_GOLDEN_CASES.map((c) => c.name)).size).toBe(PROMOTION_GOLDEN_CASES.length);
  });

  it.each(PROMOTION_GOLDEN_CASES.map((c) => [c.name, c] as const))('%s', (_, c) => {
    for (const rule of c.rules) expect(PromotionRuleSchema.parse(rule)).toEqual(rule);
    for (const a of c.expected.applied) expect(AppliedPromotionSchema.parse(a)).toEqual(a);
    const result = evaluatePromotions(c.rules, c.lines, c.context);
    expect(result.applied).toEqual(c.expected.applied);
    expect(result.discount).toBe(c.expected.discount);
    expect(result.hints.map((h) => h.reason)).toEqual(c.expected.hintReasons);
    // The same answer with the rules and lines the other way round.
    expect(evaluatePromotions([...c.rules].reverse(), [...c.lines].reverse(), c.context)).toEqual(result);
  });
});
