/**
 * Business rules that both the tablet and the API apply: one copy, so a till and the server never
 * disagree about what a valid tender or modifier choice is.
 */

const digitsByCurrency = new Map<string, number>();

/** How many minor-unit digits a currency has (RUB, EUR: 2; JPY: 0), from Intl. */
export function currencyDigits(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}

/** Minor units in one major unit of the currency (100 kopecks in a rouble). */
export const minorPerMajor = (currency: string): number => 10 ** currencyDigits(currency);

/** What a modifier group allows: at least `minSelect` options and at most `maxSelect`. */
export interface ChoiceLimits {
  minSelect: number;
  maxSelect: number;
}

/** Whether `count` chosen options satisfy the group's limits. */
export const isChoiceCountAllowed = (group: ChoiceLimits, count: number): boolean => count >= group.minSelect && count <= group.maxSelect;

/** The limits as staff read them: "1" when exact, "0–2" as a range. */
export const choiceRange = (group: ChoiceLimits): string => (group.minSelect === group.maxSelect ? `${group.minSelect}` : `${group.minSelect}–${group.maxSelect}`);

/** A cash tender: the amount it pays, the tip on top and what the guest handed over (absent: exact). */
export interface CashTender {
  amount: number;
  tip?: number;
  tendered?: number | null;
}

/**
 * The cash handed over for a tender (exact when not given), the change to give back and what is
 * missing when the guest handed over less than the amount and the tip.
 */
export function settleCash({ amount, tip = 0, tendered }: CashTender): { tendered: number; change: number; missing: number } {
  const owed = amount + tip;
  const given = tendered ?? owed;
  return given < owed ? { tendered: given, change: 0, missing: owed - given } : { tendered: given, change: given - owed, missing: 0 };
}
