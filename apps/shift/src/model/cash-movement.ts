import type { CashMovement, CashMovementKind, RecordCashMovementInput } from '@pos/contracts';
import { problemCode, problemFields } from '@pos/i18n';

/**
 * The cash dialog's draft and what the API's refusals mean for it. Pure functions; the panel and
 * the dialog only lay them out. The rules (amount above zero, a reason of 1–200 characters) are
 * the server's: an empty amount goes as null on purpose and comes back named (`amount`).
 */

export interface CashDraft {
  kind: CashMovementKind;
  /** Minor units; null while the field is empty. */
  amount: number | null;
  reason: string;
}

export const AMOUNT_FIELD = 'amount';
export const REASON_FIELD = 'reason';

export const emptyDraft = (kind: CashMovementKind): CashDraft => ({ kind, amount: null, reason: '' });

export function inputOf(draft: CashDraft, clientRequestId: string): RecordCashMovementInput {
  return { kind: draft.kind, amount: draft.amount as number, reason: draft.reason.trim(), clientRequestId };
}

/** A request id for one dialog: a retry of the same movement is recorded once. */
export function newRequestId(): string {
  const c = globalThis.crypto as Crypto | undefined;
  if (c?.randomUUID) return c.randomUUID();
  return `cash-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

/** A refusal's problem paths as the dialog's fields (`amount`, `reason`); others by their path. */
export function fieldErrorsOf(error: unknown): Map<string, string> {
  const fields = new Map<string, string>();
  for (const [path, message] of Object.entries(problemFields(error))) {
    const field = path.split('.')[0] ?? path;
    if (!fields.has(field)) fields.set(field, message);
  }
  return fields;
}

/** With `shift.cash_short`: the cash the drawer should hold now (minor units); null for any other error. */
export function cashShortOf(error: unknown): number | null {
  if (problemCode(error) !== 'shift.cash_short') return null;
  const available = (error as { problem?: { available?: unknown } }).problem?.available;
  return typeof available === 'number' ? available : 0;
}

/** What the movements add up to, by kind. */
export function totalsOf(movements: readonly CashMovement[]): { paidIn: number; paidOut: number } {
  let paidIn = 0;
  let paidOut = 0;
  for (const m of movements) {
    if (m.kind === 'paid_in') paidIn += m.amount;
    else paidOut += m.amount;
  }
  return { paidIn, paidOut };
}

/** "14:05" in the venue's time zone. */
export function clockOf(iso: string, timeZone: string, language: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'ru-RU', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}
