import type { ActivePromotions, Order, PromotionRule } from '@pos/contracts';
import { aLine, anOrder, PROMOTION_GOLDEN_CASES } from '@pos/contracts/testing';
import { previewPromotions } from './offline-preview';

/**
 * The engine's golden cases (libs/contracts/src/promotion-golden), priced the way the tablet
 * prices an order offline: an `Order` as the host holds it and the cached active list through
 * `previewPromotions`. The API runs the same cases through the server, so the two cannot drift.
 * Left out, by design of the offline estimate: cases that count other orders' uses (unknown
 * offline), switch a gating flag off (the server lists only rules whose flag is on), or fire
 * lines at different moments (the order's last change stands in for a line's firing).
 */
const offlineCases = PROMOTION_GOLDEN_CASES.filter((c) => {
  const firings = new Set(c.lines.flatMap((l) => (l.firedAt ? [l.firedAt] : [])));
  const flagsOn = c.rules.every((r) => r.featureFlag === null || c.context.flags[r.featureFlag] === true);
  return Object.keys(c.context.usage).length === 0 && firings.size <= 1 && flagsOn;
});

describe('golden cases priced by the tablet offline', () => {
  it('runs most of them', () => {
    expect(offlineCases.length).toBeGreaterThanOrEqual(PROMOTION_GOLDEN_CASES.length - 4);
  });

  it.each(offlineCases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const firedAt = c.lines.find((l) => l.firedAt)?.firedAt ?? c.context.now;
    const order: Order = anOrder({
      updatedAt: firedAt,
      customer: c.context.customerId ? { id: c.context.customerId, name: 'Гость' } : null,
      lines: c.lines.map((l) =>
        aLine({ id: l.id, productId: l.productId, unitPrice: l.unitPrice, quantity: l.quantity, voidedQuantity: 0, firedQuantity: l.firedAt ? l.quantity : 0, modifiers: [], ...(l.excluded ? { isCharge: true } : {}) }),
      ),
      promotions: c.context.manualRuleIds.map((ruleId) => ({ ruleId, name: '', kind: 'percent', manual: true, saving: 0, lines: [] })),
    });
    const active: ActivePromotions = {
      serverTime: c.context.now,
      timeZone: c.context.timeZone,
      settings: { exclusiveChoice: c.context.exclusiveChoice },
      promotions: (c.rules as PromotionRule[]).map((rule) => ({ rule, activeNow: true, endsAt: null, secondsToEnd: null, startsAt: null, secondsToStart: null })),
    };
    const category = new Map(c.lines.map((l) => [l.productId, l.categoryId]));
    const result = previewPromotions(order, active, (productId) => category.get(productId) ?? null, Date.parse(c.context.now));
    expect(result.applied).toEqual(c.expected.applied);
    expect(result.discount).toBe(c.expected.discount);
    expect(result.hints.map((h) => h.reason)).toEqual(c.expected.hintReasons);
  });
});
