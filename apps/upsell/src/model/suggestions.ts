import type { Menu, Order, OrderLine, Product, Recommendation } from '@pos/contracts';

/**
 * The rules of the "Recommended to add" block as small pure functions: what to recommend for,
 * what can be offered right now, and which lines a combo takes over.
 */

export type ComboRecommendation = Extract<Recommendation, { kind: 'combo' }>;

const standing = (line: OrderLine) => line.quantity - line.voidedQuantity;

/** The product to recommend for: the most recently added line still standing (combos aside). */
export function suggestionAnchor(order: Pick<Order, 'lines'>): string | null {
  for (let i = order.lines.length - 1; i >= 0; i--) {
    const line = order.lines[i];
    if (standing(line) > 0 && !line.comboId && !line.comboLineId) return line.productId;
  }
  return null;
}

/** Can be sold now: on the menu, not stop-listed, and `quantity` portions left if stock is tracked. */
export function isSellable(product: Product | undefined, quantity = 1): boolean {
  return product !== undefined && product.isAvailable && (product.stock === null || product.stock >= quantity);
}

/** Whether a product needs a modifier choice before it can be ordered (e.g. a steak's doneness). */
export function needsModifierChoice(product: Product, menu: Pick<Menu, 'modifierGroups'>): boolean {
  return product.modifierGroupIds.some((id) => (menu.modifierGroups.find((g) => g.id === id)?.minSelect ?? 0) > 0);
}

/**
 * The unfired lines of the combo's dishes the combo takes over, never more portions than it holds
 * (the server refuses more). A dish taken over keeps its modifiers, note and course.
 */
export function comboReplacement(combo: Pick<ComboRecommendation, 'items'>, order: Pick<Order, 'lines'>): string[] {
  const left = new Map(combo.items.map((i) => [i.productId, i.quantity]));
  const ids: string[] = [];
  for (const line of order.lines) {
    const wanted = left.get(line.productId) ?? 0;
    if (wanted === 0 || line.comboId || line.comboLineId) continue;
    const unfired = standing(line) - line.firedQuantity;
    if (unfired <= 0) continue;
    ids.push(line.id);
    left.set(line.productId, wanted - Math.min(wanted, unfired));
  }
  return ids;
}

/**
 * The recommendations the waiter can take with one tap: not in the order yet, in stock now (the menu follows the
 * stop-list live), and nothing that would still need a modifier choice. A combo dish with a
 * required modifier is fine when the combo takes over a line of it (the line's choice carries over).
 */
export function offerable(items: readonly Recommendation[], menu: Pick<Menu, 'products' | 'modifierGroups'>, order: Pick<Order, 'lines'>): Recommendation[] {
  const byId = new Map(menu.products.map((p) => [p.id, p]));
  // The list may predate the last change of the order: what it now holds is not suggested again.
  const standingLines = order.lines.filter((l) => standing(l) > 0);
  const inOrder = new Set(standingLines.filter((l) => !l.comboId).map((l) => l.productId));
  const combosInOrder = new Set(standingLines.map((l) => l.comboId));
  return items.filter((item) => {
    if (item.kind === 'product') {
      if (inOrder.has(item.productId)) return false;
      const product = byId.get(item.productId);
      return isSellable(product) && !needsModifierChoice(product as Product, menu);
    }
    if (combosInOrder.has(item.comboId)) return false;
    const replaced = new Set(comboReplacement(item, order).map((id) => order.lines.find((l) => l.id === id)?.productId));
    return item.items.every((dish) => {
      const product = byId.get(dish.productId);
      return isSellable(product, dish.quantity) && (replaced.has(dish.productId) || !needsModifierChoice(product as Product, menu));
    });
  });
}

/** A stable key per card, for React and for "shown once per card per order". */
export const recommendationKey = (item: Recommendation): string => (item.kind === 'product' ? item.productId : item.comboId);
