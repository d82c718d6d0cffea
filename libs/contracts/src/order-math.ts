import type { Check, Order, Split } from './orders';

/**
 * Order arithmetic, shared by the server (the source of truth) and the tablets (for the
 * optimistic view while offline). All amounts are integer minor units.
 */
export interface PricedLine {
  id: string;
  unitPrice: number;
  modifiers: readonly { priceDelta: number }[];
  quantity: number;
  voidedQuantity: number;
}

/** Price of one portion with its modifiers; a discounting modifier never makes it negative. */
export const unitTotal = (line: PricedLine): number =>
  Math.max(0, line.unitPrice + line.modifiers.reduce((sum, m) => sum + m.priceDelta, 0));

export const standingQuantity = (line: PricedLine): number => line.quantity - line.voidedQuantity;

export const lineTotal = (line: PricedLine): number => unitTotal(line) * standingQuantity(line);

export function orderTotals(lines: readonly PricedLine[], discount = 0) {
  const subtotal = lines.reduce((sum, l) => sum + lineTotal(l), 0);
  const applied = Math.min(discount, subtotal);
  return { subtotal, discount: applied, total: subtotal - applied };
}

/** Splits `total` into `parts` amounts that differ by at most one minor unit and sum exactly. */
export function equalShares(total: number, parts: number): number[] {
  const base = Math.floor(total / parts);
  const rest = total - base * parts;
  return Array.from({ length: parts }, (_, i) => base + (i < rest ? 1 : 0));
}

/**
 * Shares `total` in proportion to `weights` (largest remainder): integers that sum exactly to
 * `total`, each within one minor unit of its exact share. BigInt keeps large amounts exact.
 */
export function proportionalShares(total: number, weights: readonly number[]): number[] {
  const whole = weights.reduce((s, w) => s + w, 0);
  if (whole === 0) return weights.map(() => 0);
  const exact = weights.map((w) => BigInt(w) * BigInt(total));
  const shares = exact.map((e) => e / BigInt(whole));
  let left = total - shares.reduce((s, x) => s + Number(x), 0);
  const byRemainder = exact
    .map((e, i) => ({ i, rest: e % BigInt(whole) }))
    .sort((a, b) => (a.rest === b.rest ? a.i - b.i : a.rest > b.rest ? -1 : 1));
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    shares[i] += 1n;
    left -= 1;
  }
  return shares.map(Number);
}

/**
 * The checks of an order. Without a split there is one check for everything. Split by lines:
 * each check gets its lines (capped at what still stands after voids) and whatever no check
 * claims lands on one extra remainder check, so nothing can be left unpaid. When the order's
 * total differs from its lines (a discount), it is shared over the checks in proportion, so the
 * checks always sum to the total and nobody pays the discounted part.
 */
export function orderChecks(
  total: number,
  lines: readonly PricedLine[],
  split: Split | null,
  payments: readonly { checkIndex: number | null; amount: number }[],
): Check[] {
  const paidOn = (index: number | null) =>
    payments.filter((p) => index === null || p.checkIndex === index).reduce((s, p) => s + p.amount, 0);
  const check = (index: number, amount: number, checkLines: Check['lines']): Check => {
    const paid = paidOn(split ? index : null);
    return { index, amount, paid, due: Math.max(0, amount - paid), lines: checkLines };
  };

  if (!split) return [check(0, total, null)];
  if (split.mode === 'equal') return equalShares(total, split.parts).map((amount, i) => check(i, amount, null));

  const left = new Map(lines.map((l) => [l.id, standingQuantity(l)]));
  const byId = new Map(lines.map((l) => [l.id, l]));
  const priced = (taken: { lineId: string; quantity: number }[]) =>
    taken.reduce((s, t) => s + unitTotal(byId.get(t.lineId)!) * t.quantity, 0);
  const claimed = split.checks.map((allocations) =>
    allocations.flatMap(({ lineId, quantity }) => {
      const line = byId.get(lineId);
      const quantityTaken = Math.min(quantity, left.get(lineId) ?? 0);
      if (!line || quantityTaken <= 0) return [];
      left.set(lineId, (left.get(lineId) ?? 0) - quantityTaken);
      return [{ lineId, quantity: quantityTaken }];
    }),
  );
  const remainder = [...left].filter(([, q]) => q > 0).map(([lineId, quantity]) => ({ lineId, quantity }));
  if (remainder.length > 0 || paidOn(claimed.length) > 0) claimed.push(remainder);

  const atListPrice = claimed.map(priced);
  const listTotal = atListPrice.reduce((s, a) => s + a, 0);
  const amounts = total === listTotal ? atListPrice : proportionalShares(total, atListPrice);
  return claimed.map((taken, i) => check(i, amounts[i], taken));
}

/**
 * True once the server has the order. An order a tablet made offline (or whose answer is still on
 * the way) carries an id made on that tablet and number 0 until the server gives it the venue's
 * next number: the server knows nothing under that id, so it is never asked about it.
 */
export const isOrderOnServer = (order: Pick<Order, 'number'>): boolean => order.number > 0;
