import { problemCode, problemFields } from '@pos/i18n';

/**
 * The supervisor's board and its blind close, as pure functions: the board and the dialog only
 * lay them out. The rules themselves (a reason of 3–200 characters, both amounts) are the
 * server's; the draft checks them first so nothing half-filled is sent.
 */

export interface BlindCloseDraft {
  /** Minor units; null while the field is empty. */
  cash: number | null;
  card: number | null;
  reason: string;
}

export const emptyBlindClose = (): BlindCloseDraft => ({ cash: null, card: null, reason: '' });

export type BlindCloseField = 'cash' | 'card' | 'reason';

export const MIN_REASON = 3;

/** What is still missing before the close may be sent, field by field. */
export function missingOf(draft: BlindCloseDraft): Set<BlindCloseField> {
  const missing = new Set<BlindCloseField>();
  if (draft.cash === null) missing.add('cash');
  if (draft.card === null) missing.add('card');
  if (draft.reason.trim().length < MIN_REASON) missing.add('reason');
  return missing;
}

/** A refusal's fields as the dialog's (`counted.cash` → cash, `reason` → reason). */
export function fieldErrorsOf(error: unknown): Map<BlindCloseField, string> {
  const fields = new Map<BlindCloseField, string>();
  for (const [path, message] of Object.entries(problemFields(error))) {
    const field = path === 'reason' ? 'reason' : path === 'counted.cash' ? 'cash' : path === 'counted.card' ? 'card' : null;
    if (field && !fields.has(field)) fields.set(field, message);
  }
  return fields;
}

/** How a refused close is said: the open checks, already closed, no connection, or the server's own code. */
export type CloseRefusal = { kind: 'open_checks'; count: number } | { kind: 'closed' } | { kind: 'offline' } | { kind: 'other' };

export function refusalOf(error: unknown): CloseRefusal {
  const code = problemCode(error);
  if (code === 'shift.open_checks') {
    const ids = (error as { problem?: { orderIds?: unknown } }).problem?.orderIds;
    return { kind: 'open_checks', count: Array.isArray(ids) ? ids.length : 0 };
  }
  if (code === 'shift.closed') return { kind: 'closed' };
  if (code === 'network') return { kind: 'offline' };
  return { kind: 'other' };
}

/** Whether the server answered (so the command did not happen and a new try is a new command) or the answer was lost. */
export const wasAnswered = (error: unknown) => problemCode(error) !== 'network';

/**
 * When a shift was opened, as the board says it in the venue's time zone: the clock alone on the
 * venue's today, with the day before it otherwise (a shift left open overnight stands out).
 */
export function openedAtText(iso: string, now: number, timeZone: string, language: string): string {
  const locale = language === 'en' ? 'en-GB' : 'ru-RU';
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const clock = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
  if (day.format(new Date(iso)) === day.format(new Date(now))) return clock;
  const date = new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'short' }).format(new Date(iso));
  return `${date}, ${clock}`;
}

/** Whole hours and minutes a shift has been open (never negative on a tablet whose clock runs behind). */
export function openFor(iso: string, now: number): { hours: number; minutes: number } {
  const minutes = Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000));
  return { hours: Math.floor(minutes / 60), minutes: minutes % 60 };
}

/** How a counted amount compares with the expected one. */
export type DifferenceTone = 'balanced' | 'short' | 'over';

export const differenceTone = (difference: number): DifferenceTone => (difference === 0 ? 'balanced' : difference < 0 ? 'short' : 'over');
