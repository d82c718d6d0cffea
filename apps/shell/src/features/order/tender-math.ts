import type { PaymentMethod, TenderInput } from '@pos/contracts';
import { minorPerMajor, settleCash } from '@pos/contracts/rules';

export type PayMode = 'cash' | 'card' | 'mixed';

export type TipChoice = { kind: 'none' } | { kind: 'percent'; percent: number } | { kind: 'amount'; amount: number | null };

export const TIP_PERCENTS = [5, 10, 15] as const;

/** Banknotes offered as one-tap "tendered" amounts, in major units of the currency. */
export const QUICK_NOTES = [500, 1000, 2000, 5000] as const;


/** The tip in minor units: a percentage of the bill rounds to the nearest minor unit. */
export function tipAmount(base: number, choice: TipChoice): number {
  if (choice.kind === 'percent') return Math.round((base * choice.percent) / 100);
  if (choice.kind === 'amount') return Math.max(0, choice.amount ?? 0);
  return 0;
}

/** Quick-cash buttons in minor units: the usual notes, each usable only if it covers the sum. */
export function quickCash(toPay: number, currency: string): { amount: number; isEnough: boolean }[] {
  const unit = minorPerMajor(currency);
  return QUICK_NOTES.map((note) => ({ amount: note * unit, isEnough: note * unit >= toPay }));
}

export interface TenderDraft {
  id: string;
  method: PaymentMethod;
  amount: number | null;
  /** Cash only: what the guest handed over for this tender (empty = exact). */
  tendered?: number | null;
}

export type TenderProblem =
  | { code: 'nothingDue' }
  | { code: 'notEnoughCash'; missing: number }
  | { code: 'mixedMismatch'; remaining: number }
  | { code: 'cashShort'; index: number; missing: number };

export interface TenderPlan {
  tenders: TenderInput[];
  /** Change to hand back, all cash tenders together. */
  change: number;
  /** What the guest pays in total: the bill plus the tip. */
  toPay: number;
  problem: TenderProblem | null;
}

export interface TenderState {
  mode: PayMode;
  /** Due on the bill (or the chosen check), without the tip. */
  due: number;
  tip: number;
  /** Cash mode: cash handed over; null means exact. */
  tendered: number | null;
  /** Mixed mode: the tenders as entered. */
  drafts: readonly TenderDraft[];
  /** Mixed mode: the tender the cashier chose to carry the tip (null or absent: the default, see `tipCarrierId`). */
  tipDraftId?: string | null;
}

/**
 * Mixed mode: the id of the tender that carries the tip — the cashier's choice while that row
 * has an amount, otherwise the first card tender (terminals take tips), otherwise the first
 * tender. Null while no row has an amount.
 */
export function tipCarrierId(drafts: readonly TenderDraft[], chosenId: string | null = null): string | null {
  const filled = drafts.filter((d) => (d.amount ?? 0) > 0);
  const chosen = filled.find((d) => d.id === chosenId);
  return (chosen ?? filled.find((d) => d.method === 'card') ?? filled[0])?.id ?? null;
}

/**
 * Turns what the cashier entered into the tenders for POST /pos/finance/payments, with the
 * change and the first thing that stops the payment (shown next to the Pay button).
 * Mixed tenders (empty rows ignored) must add up to exactly what is due; the tip rides on the
 * tender `tipCarrierId` names, on top of its amount.
 */
export function planTenders({ mode, due, tip, tendered, drafts, tipDraftId = null }: TenderState): TenderPlan {
  const toPay = due + tip;
  const none = (problem: TenderProblem | null, change = 0): TenderPlan => ({ tenders: [], change, toPay, problem });
  if (due <= 0) return none({ code: 'nothingDue' });

  if (mode === 'card') return { tenders: [{ method: 'card', amount: due, ...(tip ? { tip } : {}) }], change: 0, toPay, problem: null };

  if (mode === 'cash') {
    const cash = settleCash({ amount: due, tip, tendered });
    if (cash.missing > 0) return none({ code: 'notEnoughCash', missing: cash.missing });
    return { tenders: [{ method: 'cash', amount: due, ...(tip ? { tip } : {}), tendered: cash.tendered }], change: cash.change, toPay, problem: null };
  }

  // Rows left empty are ignored: the cashier may add a row and not need it after all.
  const filled = drafts.filter((d) => (d.amount ?? 0) > 0);
  const sum = filled.reduce((s, d) => s + (d.amount ?? 0), 0);
  if (filled.length === 0 || sum !== due) return none({ code: 'mixedMismatch', remaining: due - sum });

  const carrierId = tipCarrierId(filled, tipDraftId);
  let change = 0;
  const tenders: TenderInput[] = [];
  for (const [i, d] of filled.entries()) {
    const amount = d.amount ?? 0;
    const tenderTip = d.id === carrierId ? tip : 0;
    const base: TenderInput = { method: d.method, amount, ...(tenderTip ? { tip: tenderTip } : {}) };
    if (d.method === 'cash') {
      const cash = settleCash({ amount, tip: tenderTip, tendered: d.tendered });
      if (cash.missing > 0) return none({ code: 'cashShort', index: i, missing: cash.missing });
      change += cash.change;
      tenders.push({ ...base, tendered: cash.tendered });
    } else tenders.push(base);
  }
  return { tenders, change, toPay, problem: null };
}

/** What is left to cover in mixed mode (negative: entered too much). */
export const mixedRemaining = (due: number, drafts: readonly TenderDraft[]): number => due - drafts.reduce((s, d) => s + (d.amount ?? 0), 0);
