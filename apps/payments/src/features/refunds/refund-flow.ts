import { canPayment, type Order, type Payment, type RefundResult, type TenderMethod } from '@pos/contracts';
import { problemCode } from '@pos/i18n';
import { ApiError, type PosApi } from '@pos/plugin-sdk';
import { refundPayment } from '../../api/refund-payment';
import { newOperationKey, type PaymentTerminal, type TerminalResult } from '../../terminal';
import type { PendingRefunds } from './pending-refunds';

/** Whether the order row offers a refund: something was paid (tips included) and not given back yet. */
export const hasMoneyToGiveBack = (order: Pick<Order, 'paid' | 'tips'>): boolean => order.paid + order.tips > 0;

/** Card-present methods that went through our terminal: their money goes back through it first. */
export const goesBackThroughTerminal = (method: TenderMethod): boolean => method === 'softpos' || method === 'deferred';

/** What the payment took: the sale and the tip (0 when it never captured). */
export const capturedOf = (p: Payment): number => (canPayment(p.status, 'refund') || p.status === 'refunded' ? p.amount + p.tip : 0);

/** What can still be given back of the payment. */
export const refundableOf = (p: Payment): number => (canPayment(p.status, 'refund') ? Math.max(0, p.amount + p.tip - p.refunded) : 0);

export interface RefundFormErrors {
  amount?: 'amountZero' | 'amountOver';
  reason?: 'reasonRequired';
}

/** The amount is more than zero and at most what is refundable; a reason is required. */
export function validateRefund(input: { amount: number | null; reason: string; refundable: number }): RefundFormErrors {
  const errors: RefundFormErrors = {};
  if (input.amount === null || input.amount <= 0) errors.amount = 'amountZero';
  else if (input.amount > input.refundable) errors.amount = 'amountOver';
  if (input.reason.trim() === '') errors.reason = 'reasonRequired';
  return errors;
}

/**
 * One refund the cashier confirmed. Its keys never change through retries: the terminal gives
 * back once per `terminalKey`, the server records once per `clientRequestId`, so a lost answer
 * asked again never refunds twice. Plain data: it is written to the tablet's storage
 * (`pending-refunds.ts`) before the terminal or the server is asked, and survives a reload.
 */
export interface RefundAttempt {
  paymentId: string;
  orderId: string;
  method: TenderMethod;
  /** The sale's terminal reference the refund quotes (terminal payments; null otherwise). */
  transactionRef: string | null;
  amount: number;
  reason: string;
  currency: string;
  terminalKey: string;
  clientRequestId: string;
  /** Set once the terminal approved: it is not asked again, only the record is retried. */
  terminalAnswer?: TerminalResult;
  startedAt: string;
}

export const newRefundAttempt = (payment: Payment, amount: number, reason: string, currency: string): RefundAttempt => ({
  paymentId: payment.id,
  orderId: payment.orderId,
  method: payment.method,
  transactionRef: payment.reference,
  amount,
  reason: reason.trim().slice(0, 200),
  currency,
  terminalKey: newOperationKey(),
  clientRequestId: newOperationKey(),
  startedAt: new Date().toISOString(),
});

/**
 * How far an unfinished refund got: `terminal` — the terminal was asked and its answer is not
 * known; `recording` — the money is back (or never went through our terminal) and the server was
 * asked to record it.
 */
export type RefundStage = 'terminal' | 'recording';

export const stageOf = (attempt: RefundAttempt): RefundStage => (goesBackThroughTerminal(attempt.method) && !attempt.terminalAnswer ? 'terminal' : 'recording');

export type RefundStep = 'terminal' | 'recording' | 'checking';

export type RefundFlowState =
  | { kind: 'busy'; step: RefundStep }
  /** The terminal refused: nothing moved, nothing recorded; the cashier may try again. */
  | { kind: 'declined'; reason?: string }
  /** The terminal did not answer: ask it again with the same key; nothing is recorded until it approves. */
  | { kind: 'unknown'; attempt: RefundAttempt }
  /**
   * The server's answer did not come (or the terminal already gave the money back): retry with the
   * same key. No `message` when the answer was lost with the page (a reload mid-request).
   */
  | { kind: 'failed'; attempt: RefundAttempt; message?: string; code?: string | null }
  /** The server refused for sure and the terminal was not involved: nothing recorded. */
  | { kind: 'refused'; message: string; code: string | null }
  /** The attempt could not be written to the tablet's storage: nothing was asked, nothing moved. */
  | { kind: 'notSaved'; message: string }
  /** A terminal payment without the terminal's reference cannot be given back through it. */
  | { kind: 'noReference' }
  | { kind: 'done'; result: RefundResult };

export interface RefundDeps {
  api: Pick<PosApi, 'refundPayment'>;
  terminal: PaymentTerminal;
  /** Where unfinished refunds are written down (the tablet's host storage). */
  pending: Pick<PendingRefunds, 'get' | 'save' | 'update' | 'forget'>;
  onStep(step: RefundStep): void;
  /** A supervisor's inline approval for this run, when the staff member may not refund alone (kept in memory only). */
  approval?: string;
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Writes the attempt down before the terminal or the server is asked. Null when it is in storage;
 * otherwise why not. A rewrite that fails does not matter when the attempt is stored already
 * (a check or a retry): its keys are there.
 */
async function writeDown(pending: RefundDeps['pending'], attempt: RefundAttempt): Promise<string | null> {
  try {
    await pending.save({ ...attempt, stage: stageOf(attempt) });
    return null;
  } catch (e) {
    const stored = await pending.get(attempt.paymentId).catch(() => undefined);
    return stored?.clientRequestId === attempt.clientRequestId ? null : messageOf(e);
  }
}

/** The refund ended in a known outcome; a forget that fails leaves an entry that a retry finishes. */
const forget = (deps: RefundDeps, paymentId: string) => deps.pending.forget(paymentId).catch(() => undefined);

/**
 * Gives money back: through the terminal first for `softpos` / `deferred` (declined → nothing
 * recorded; timeout → `unknown`), then records the refund on the server. The attempt is in the
 * tablet's storage before either is asked, until the refund ends in a known outcome (recorded,
 * declined, refused). Run it again with the same attempt (after a reload too) to check an unknown
 * terminal answer (`isCheck`) or to retry a lost record: the server answers a repeated
 * `clientRequestId` with the refund it recorded, never a second one.
 */
export async function runRefund(deps: RefundDeps, attempt: RefundAttempt, isCheck = false): Promise<RefundFlowState> {
  let current = attempt;
  const isThroughTerminal = goesBackThroughTerminal(attempt.method) && !current.terminalAnswer;
  if (isThroughTerminal && !attempt.transactionRef) return { kind: 'noReference' };
  const notSaved = await writeDown(deps.pending, current);
  if (notSaved !== null) return { kind: 'notSaved', message: notSaved };
  if (isThroughTerminal) {
    deps.onStep(isCheck ? 'checking' : 'terminal');
    let answer: TerminalResult;
    try {
      answer = await deps.terminal.refund({ transactionRef: attempt.transactionRef ?? '', amount: attempt.amount, currency: attempt.currency, idempotencyKey: attempt.terminalKey });
    } catch {
      // The terminal may or may not have acted: the same as no answer.
      answer = { outcome: 'timeout' };
    }
    if (answer.outcome === 'declined') {
      await forget(deps, attempt.paymentId);
      return { kind: 'declined', reason: answer.reason };
    }
    if (answer.outcome === 'timeout') return { kind: 'unknown', attempt: current };
    current = { ...current, terminalAnswer: answer };
    // The money is back: from now on only the record is retried. Should this write fail, the
    // stored attempt asks the terminal again with the same key, which answers the same approval.
    await deps.pending.update(attempt.paymentId, { terminalAnswer: answer, stage: 'recording' }).catch(() => undefined);
  }
  deps.onStep('recording');
  try {
    const result = await refundPayment(deps.api, attempt.paymentId, { amount: current.amount, reason: current.reason, clientRequestId: current.clientRequestId }, deps.approval);
    await forget(deps, attempt.paymentId);
    return { kind: 'done', result };
  } catch (e) {
    const isDefiniteRefusal = e instanceof ApiError && !e.isTransient;
    if (isDefiniteRefusal && !current.terminalAnswer) {
      await forget(deps, attempt.paymentId);
      return { kind: 'refused', message: e.message, code: problemCode(e) };
    }
    const message = messageOf(e);
    await deps.pending.update(attempt.paymentId, { message }).catch(() => undefined);
    return { kind: 'failed', attempt: current, message, code: problemCode(e) };
  }
}
