/**
 * What a gift card or the guest's points can pay of a bill. Amounts are minor units; points are
 * whole and worth `pointValue` minor units each, so a points payment is always a whole number of
 * points (never a fraction of one left on the bill or taken from the balance).
 */

/** The most a card pays: its balance, at most what is due. */
export const giftCardPayable = (balance: number, due: number): number => Math.max(0, Math.min(balance, due));

/** The value of `points` in minor units. */
export const pointsValue = (points: number, pointValue: number): number => points * pointValue;

/** The most points the guest can spend on `due`: their balance, at most the whole points the bill still holds. */
export function maxPointsFor({ balance, pointValue, due }: { balance: number; pointValue: number; due: number }): number {
  if (pointValue <= 0 || balance <= 0 || due <= 0) return 0;
  return Math.min(balance, Math.floor(due / pointValue));
}

export type AmountProblem = 'empty' | 'zero' | 'over';

/** Why an amount typed for a tender cannot be paid (null: it can): nothing typed, zero, or above `max`. */
export function amountProblem(amount: number | null, max: number): AmountProblem | null {
  if (amount === null) return 'empty';
  if (amount <= 0) return 'zero';
  return amount > max ? 'over' : null;
}

/** Points typed by the cashier: a whole positive number, or null. */
export function parsePoints(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '');
  if (!/^\d{1,10}$/.test(cleaned)) return null;
  const points = Number(cleaned);
  return points > 0 ? points : null;
}
