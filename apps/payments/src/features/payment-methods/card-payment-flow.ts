import type { Order, Payment } from '@pos/contracts';
import type { PosApi } from '@pos/plugin-sdk';
import { newOperationKey, type PaymentTerminal, type TerminalResult } from '../../terminal';

export type FlowStep = 'starting' | 'terminal' | 'recording' | 'capturing' | 'checking';

/** Where a card payment stands, as the cashier sees it. */
export type CardFlowState =
  | { kind: 'idle' }
  | { kind: 'busy'; step: FlowStep }
  | { kind: 'paid'; payment: Payment }
  | { kind: 'held'; payment: Payment }
  | { kind: 'declined'; reason?: string }
  /** The terminal did not answer: the payment stays `unknown` until its status is checked. */
  | { kind: 'unknown'; payment: Payment; transactionRef?: string; mode: CardMode }
  | { kind: 'failed'; message: string };

/** `now`: tap to pay (hold and capture at once); `deferred`: hold only, captured later. */
export type CardMode = 'now' | 'deferred';

export type FlowApi = Pick<PosApi, 'pay' | 'holdPayment' | 'capturePayment' | 'reconcilePayment'>;

export interface CardPaymentRequest {
  order: Order;
  checkIndex: number | null;
  /** Of the order, without the tip (minor units). */
  amount: number;
  tip: number;
  currency: string;
  mode: CardMode;
}

interface Deps {
  api: FlowApi;
  terminal: PaymentTerminal;
  onStep(step: FlowStep): void;
}

const terminalFields = (r: TerminalResult) => ({
  ...(r.transactionRef ? { terminalReference: r.transactionRef } : {}),
  ...(r.maskedCard ? { maskedCard: r.maskedCard } : {}),
  ...(r.scheme ? { scheme: r.scheme } : {}),
});

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** For `now`, captures what was held: the order's amount plus the tip (the card was charged both). */
async function captureHeld({ api, onStep }: Deps, payment: Payment, request: Pick<CardPaymentRequest, 'amount' | 'tip'>): Promise<CardFlowState> {
  onStep('capturing');
  const captured = await api.capturePayment(payment.id, { amount: request.amount, ...(request.tip > 0 ? { tip: request.tip } : {}), clientRequestId: newOperationKey() });
  return captured.status === 'captured' ? { kind: 'paid', payment: captured } : { kind: 'failed', message: captured.status };
}

/**
 * One card payment, start to finish: create the payment (`softpos` or `deferred`), let the
 * terminal charge amount + tip, record its answer as a hold (approved → authorized, declined →
 * failed, timeout → unknown) and, for tap to pay, capture at once. Every step has its own key.
 */
export async function runCardPayment(deps: Deps, request: CardPaymentRequest): Promise<CardFlowState> {
  const { api, terminal, onStep } = deps;
  try {
    onStep('starting');
    const created = await api.pay({
      orderId: request.order.id,
      ...(request.checkIndex !== null ? { checkIndex: request.checkIndex } : {}),
      tenders: [{ method: request.mode === 'now' ? 'softpos' : 'deferred', amount: request.amount }],
      clientRequestId: newOperationKey(),
    });
    const payment = created.payments[0];
    onStep('terminal');
    const charge = request.amount + request.tip;
    const answer = await terminal.start({ amount: charge, currency: request.currency, idempotencyKey: newOperationKey() });
    onStep('recording');
    const held = await api.holdPayment(payment.id, {
      amount: charge,
      outcome: answer.outcome,
      ...terminalFields(answer),
      ...(answer.reason ? { reason: answer.reason.slice(0, 200) } : {}),
      clientRequestId: newOperationKey(),
    });
    if (held.status === 'failed') return { kind: 'declined', reason: answer.reason };
    if (held.status === 'unknown') return { kind: 'unknown', payment: held, transactionRef: answer.transactionRef, mode: request.mode };
    if (request.mode === 'deferred') return { kind: 'held', payment: held };
    return await captureHeld(deps, held, request);
  } catch (e) {
    return { kind: 'failed', message: messageOf(e) };
  }
}

/**
 * After a timeout: ask the terminal what happened and settle the `unknown` payment with its
 * answer (reconcile); for tap to pay an approved hold is then captured.
 */
export async function checkUnknownPayment(
  deps: Deps,
  state: Extract<CardFlowState, { kind: 'unknown' }>,
  request: Pick<CardPaymentRequest, 'amount' | 'tip'>,
): Promise<CardFlowState> {
  const { api, terminal, onStep } = deps;
  try {
    onStep('checking');
    if (!state.transactionRef) return state;
    const answer = await terminal.status(state.transactionRef, newOperationKey());
    if (answer.outcome === 'timeout') return state;
    const reconciled = await api.reconcilePayment(state.payment.id, {
      outcome: answer.outcome === 'approved' ? 'approved' : 'declined',
      ...terminalFields(answer),
      ...(answer.reason ? { reason: answer.reason.slice(0, 200) } : {}),
      clientRequestId: newOperationKey(),
    });
    if (reconciled.status === 'failed' || reconciled.status === 'cancelled') return { kind: 'declined', reason: answer.reason };
    if (reconciled.status === 'captured') return { kind: 'paid', payment: reconciled };
    if (state.mode === 'deferred') return { kind: 'held', payment: reconciled };
    return await captureHeld(deps, reconciled, request);
  } catch (e) {
    return { kind: 'failed', message: messageOf(e) };
  }
}
