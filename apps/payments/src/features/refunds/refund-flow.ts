import { canPayment, type Order, type Payment, type RefundResult, type TenderMethod } from '@pos/contracts';
import { ApiError, type PosApi } from '@pos/plugin-sdk';
import { refundPayment } from '../../api/refund-payment';
import { newOperationKey, type PaymentTerminal, type TerminalResult } from '../../terminal';

/** Whether the order row offers a refund: something was paid (tips included) and not given back yet. */
export const hasMoneyToGiveBack = (order: Pick<Order, 'paid' | 'tips'>): boolean => order.paid + order.tips > 0;

/** Card-present methods that went through our terminal: their money goes back through it first. */
export const goesBackThroughTerminal = (method: TenderMethod): boolean => method === 'softpos' || method === 'deferred';

/** What the payment took: the sale and the tip (0 when it never captured). */
export const capturedOf = (p: Payment): number => (canPayment(p.status, 'refund') || p.status === 'refunded' ? p.amount + p.tip : 0);

/** What can still be given back of the payment. */
export const refundableOf = (p: Payment): number => (canPayment(p.status, 'refund') ? Math.max(0, p.amount + p.tip - (p.refunded ?? 0)) : 0);

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
 * asked again never refunds twice.
 */
export interface RefundAttempt {
  payment: Payment;
  amount: number;
  reason: string;
  currency: string;
  terminalKey: string;
  clientRequestId: string;
  /** Set once the terminal approved: it is not asked again, only the record is retried. */
  terminalAnswer?: TerminalResult;
}

export const newRefundAttempt = (payment: Payment, amount: number, reason: string, currency: string): RefundAttempt => ({
  payment,
  amount,
  reason: reason.trim().slice(0, 200),
  currency,
  terminalKey: newOperationKey(),
  clientRequestId: newOperationKey(),
});

export type RefundStep = 'terminal' | 'recording' | 'checking';

export type RefundFlowState =
  | { kind: 'busy'; step: RefundStep }
  /** The terminal refused: nothing moved, nothing recorded; the cashier may try again. */
  | { kind: 'declined'; reason?: string }
  /** The terminal did not answer: ask it again with the same key; nothing is recorded until it approves. */
  | { kind: 'unknown'; attempt: RefundAttempt }
  /** The server's answer did not come (or the terminal already gave the money back): retry with the same key. */
  | { kind: 'failed'; attempt: RefundAttempt; message: string }
  /** The server refused for sure and the terminal was not involved: nothing recorded. */
  | { kind: 'refused'; message: string }
  /** A terminal payment without the terminal's reference cannot be given back through it. */
  | { kind: 'noReference' }
  | { kind: 'done'; result: RefundResult };

export interface RefundDeps {
  api: Pick<PosApi, 'refundPayment'>;
  terminal: PaymentTerminal;
  onStep(step: RefundStep): void;
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Gives money back: through the terminal first for `softpos` / `deferred` (declined → nothing
 * recorded; timeout → `unknown`), then records the refund on the server. Run it again with the
 * same attempt to check an unknown terminal answer (`isCheck`) or to retry a lost record.
 */
export async function runRefund(deps: RefundDeps, attempt: RefundAttempt, isCheck = false): Promise<RefundFlowState> {
  const { payment } = attempt;
  let current = attempt;
  if (goesBackThroughTerminal(payment.method) && !current.terminalAnswer) {
    if (!payment.reference) return { kind: 'noReference' };
    deps.onStep(isCheck ? 'checking' : 'terminal');
    let answer: TerminalResult;
    try {
      answer = await deps.terminal.refund({ transactionRef: payment.reference, amount: attempt.amount, currency: attempt.currency, idempotencyKey: attempt.terminalKey });
    } catch {
      // The terminal may or may not have acted: the same as no answer.
      answer = { outcome: 'timeout' };
    }
    if (answer.outcome === 'declined') return { kind: 'declined', reason: answer.reason };
    if (answer.outcome === 'timeout') return { kind: 'unknown', attempt: current };
    current = { ...current, terminalAnswer: answer };
  }
  deps.onStep('recording');
  try {
    const result = await refundPayment(deps.api, payment.id, { amount: current.amount, reason: current.reason, clientRequestId: current.clientRequestId });
    return { kind: 'done', result };
  } catch (e) {
    const isDefiniteRefusal = e instanceof ApiError && !e.isTransient;
    if (isDefiniteRefusal && !current.terminalAnswer) return { kind: 'refused', message: e.message };
    return { kind: 'failed', attempt: current, message: messageOf(e) };
  }
}
