import { type ActivePromotions, type EngineLine, type EngineResult, evaluatePromotions, type Order, unitTotal } from '@pos/contracts';

/**
 * Offline, the tablet prices the order's promotions itself: the one engine the server runs
 * (`evaluatePromotions`) on the active list it cached and the order's lines as the host has them.
 * An estimate — the server re-prices the order when the network is back.
 */

/** The order's lines as the engine sees them. `firedAt` is not on the order: the order's last change stands in for it. */
export function engineLines(order: Order, categoryOf: (productId: string) => string | null): EngineLine[] {
  return order.lines.map((line) => ({
    id: line.id,
    productId: line.productId,
    categoryId: categoryOf(line.productId),
    unitPrice: unitTotal(line),
    quantity: line.quantity - line.voidedQuantity,
    firedAt: line.firedQuantity === 0 ? null : order.updatedAt,
    excluded: Boolean(line.comboId) || Boolean(line.comboLineId) || Boolean(line.isCharge),
  }));
}

/**
 * The promotions of `order` at local time `now` by the cached list. Flags: the server lists only
 * rules whose gating flag is on, so every flag a listed rule names counts as on. Usage of limited
 * rules by other orders is unknown offline (none counted).
 */
export function previewPromotions(order: Order, active: ActivePromotions, categoryOf: (productId: string) => string | null, now: number): EngineResult {
  const rules = active.promotions.map((p) => p.rule);
  const flags = Object.fromEntries(rules.flatMap((r) => (r.featureFlag ? [[r.featureFlag, true]] : [])));
  return evaluatePromotions(rules, engineLines(order, categoryOf), {
    now: new Date(now).toISOString(),
    timeZone: active.timeZone,
    exclusiveChoice: active.settings.exclusiveChoice,
    customerId: order.customer?.id ?? null,
    manualRuleIds: (order.promotions ?? []).filter((p) => p.manual).map((p) => p.ruleId),
    flags,
    usage: {},
  });
}
