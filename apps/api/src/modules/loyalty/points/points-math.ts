import type { TenderMethod } from '@pos/contracts';

/**
 * The arithmetic of points (issue 18), pure and in integers: what a payment earns, and what a
 * refund takes back or gives back. Refund shares are computed cumulatively from the payment's
 * totals — never by adding up rounded per-refund shares — so partial refunds never drift and a
 * full refund always lands exactly on everything.
 */

/** Tenders that earn: money the guest paid. Points and gift cards are the venue's own value: they earn nothing. */
export const EARNING_METHODS: readonly TenderMethod[] = ['cash', 'card', 'softpos', 'deferred'];
export const earnsPoints = (method: TenderMethod) => EARNING_METHODS.includes(method);

/** floor(a × b / c) for non-negative integers, exact beyond 2^53 (money × money). */
export function mulDivFloor(a: number, b: number, c: number): number {
  if (c <= 0) return 0;
  return Number((BigInt(a) * BigInt(b)) / BigInt(c));
}

/**
 * The part of a payment that earns: its amount (never the tip) × the share of the bill that is not
 * gift cards being sold (a gift card's purchase earns nothing; its redemption does, as the food it
 * pays for), floored. `giftCardTotal` is the order's gift-card lines total.
 */
export function eligibleAmount(amount: number, orderTotal: number, giftCardTotal: number): number {
  if (amount <= 0 || orderTotal <= 0) return 0;
  const earning = Math.min(orderTotal, Math.max(0, orderTotal - giftCardTotal));
  return mulDivFloor(amount, earning, orderTotal);
}

/** Points earned on an eligible amount: floor(eligible × earnPercent / 100 / pointValue). */
export function earnedPoints(eligible: number, earnPercent: number, pointValue: number): number {
  if (eligible <= 0 || earnPercent <= 0 || pointValue <= 0) return 0;
  return mulDivFloor(eligible, earnPercent, 100 * pointValue);
}

/**
 * Earned points taken back after refunds totalling `refunded` of a payment that captured
 * `captured` (amount + tip) and earned `earned`: what is kept is floor(earned × what stays / captured),
 * the rest is reversed — all of it after a full refund.
 */
export function reversedTotal(earned: number, captured: number, refunded: number): number {
  if (earned <= 0 || captured <= 0) return 0;
  const stays = Math.max(0, captured - Math.min(refunded, captured));
  return earned - mulDivFloor(earned, stays, captured);
}

/** Spent points given back after refunds totalling `refunded` of a points payment of `captured`: all of them after a full refund. */
export function returnedTotal(spent: number, captured: number, refunded: number): number {
  if (spent <= 0 || captured <= 0) return 0;
  return mulDivFloor(spent, Math.min(refunded, captured), captured);
}
