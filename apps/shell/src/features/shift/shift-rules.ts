import { parseMoney } from '@pos/i18n';

/** How a counted amount compares with what the shift expected. */
export type DifferenceTone = 'balanced' | 'short' | 'over';

/** Counted minus expected: zero balances, below zero is a shortage, above zero a surplus. */
export function differenceTone(difference: number): DifferenceTone {
  if (difference === 0) return 'balanced';
  return difference < 0 ? 'short' : 'over';
}

/** The sign shown before a difference; a typographic minus, since the amount is shown unsigned. */
export function differenceSign(difference: number): '+' | '−' | '' {
  if (difference === 0) return '';
  return difference < 0 ? '−' : '+';
}

/** Whole hours and minutes a shift has been open (never negative on a tablet whose clock runs behind). */
export function shiftDuration(openedAt: string, now: number): { hours: number; minutes: number } {
  const minutes = Math.max(0, Math.floor((now - Date.parse(openedAt)) / 60_000));
  return { hours: Math.floor(minutes / 60), minutes: minutes % 60 };
}

/** What the cashier typed, in minor units; null while the field is empty or not an amount. */
export function parseAmount(text: string, currency: string): number | null {
  return text.trim() === '' ? null : parseMoney(text, currency);
}

export type KeypadKey = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | 'decimal' | 'back';

const MAX_INTEGER_DIGITS = 9;

/**
 * One press of the on-screen money keypad: digits, one decimal separator (the UI language's) with
 * at most two digits after it, no leading zeros, erase. Whatever it builds, parseMoney reads.
 */
export function pressKey(text: string, key: KeypadKey, separator: ',' | '.' = ','): string {
  if (key === 'back') return text.slice(0, -1);
  const [integer, fraction] = text.split(/[.,]/);
  const hasSeparator = fraction !== undefined;
  if (key === 'decimal') return hasSeparator ? text : `${integer === '' ? '0' : integer}${separator}`;
  if (hasSeparator) return fraction.length >= 2 ? text : text + key;
  const digits = `${integer}${key}`.replace(/^0+(?=\d)/, '');
  return digits.replace(/\s/g, '').length > MAX_INTEGER_DIGITS ? text : digits;
}

/** What the till picker needs of a till: whether someone's shift already holds it. */
interface PickableTill {
  id: string;
  openShift: unknown;
}

/**
 * The till the open-shift form preselects: the tablet's own till while it is free, else the first
 * free one; null when every till is taken (or the venue has none).
 */
export function defaultTillId(tills: readonly PickableTill[], deviceTillId: string | null): string | null {
  const free = tills.filter((till) => !till.openShift);
  return (free.find((till) => till.id === deviceTillId) ?? free[0])?.id ?? null;
}
