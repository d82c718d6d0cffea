import type { Order, Payment } from '@pos/contracts';
import type { PosApi } from '@pos/plugin-sdk';
import { newOperationKey, type PaymentTerminal, type TerminalReferencedRequest, type TerminalResult } from '../../terminal';

export type FlowStep = 'starting' | 'terminal' | 'recording' | 'capturing' | 'checking' | 'cancelling' | 'releasing';

/** Where a card payment stands, as the cashier sees it. */
export type CardFlowState =
  | { kind: 'idle' }
  | { kind: 'busy'; step: FlowStep }
  | { kind: 'paid'; payment: Payment }
  | { kind: 'held'; payment: Payment }
  | { kind: 'declined'; reason?: string }
  /** The cashier stopped the terminal while it waited for the card; the payment is cancelled. */
  | { kind: 'cancelled' }
  | { kind: 'released' }
  /**
   * The terminal did not answer: the payment stays `unknown` until its status is checked. After
   * a start the terminal is asked by reference; after a capture the capture is asked again with
   * its own key (`capture`), which the terminal answers without capturing twice.
   */
  | { kind: 'unknown'; payment: Payment; transactionRef?: string; mode: CardMode; capture?: TerminalReferencedRequest }
  | { kind: 'failed'; message: string; problem?: 'noReference' };

/** `now`: tap to pay (hold and capture at once); `deferred`: hold only, captured later. */
export type CardMode = 'now' | 'deferred';

export type FlowApi = Pick<PosApi, 'pay' | 'holdPayment' | 'capturePayment' | 'reconcilePayment' | 'cancelPayment'>;

export interface CardPaymentRequest {
  order: Order;
  checkIndex: number | null;
  /** Of the order, without the tip (minor units). */
  amount: number;
  tip: number;
  currency: string;
  mode: CardMode;
}

export interface FlowDeps {
  api: FlowApi;
  terminal: PaymentTerminal;
  onStep(step: FlowStep): void;
}

const CANCEL = Symbol('cancel');

/** The cashier's Cancel while the terminal waits for the card; `cancel()` before or after is a no-op. */
export interface CancelSignal {
  readonly requested: Promise<typeof CANCEL>;
  cancel(): void;
}

export function createCancelSignal(): CancelSignal {
  let fire: (value: typeof CANCEL) => void = () => undefined;
  const requested = new Promise<typeof CANCEL>((resolve) => (fire = resolve));
  return { requested, cancel: () => fire(CANCEL) };
}

const terminalFields = (r: TerminalResult) => ({
  ...(r.transactionRef ? { terminalReference: r.transactionRef } : {}),
  ...(r.maskedCard ? { maskedCard: r.maskedCard } : {}),
  ...(r.scheme ? { scheme: r.scheme } : {}),
});

const reasonOf = (r: TerminalResult) => (r.reason ? { reason: r.reason.slice(0, 200) } : {});

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** For `now`, captures what was held: the order's amount plus the tip (the card was charged both). */
async function captureHeld({ api, onStep }: FlowDeps, payment: Payment, request: Pick<CardPaymentRequest, 'amount' | 'tip'>): Promise<CardFlowState> {
  onStep('capturing');
  const captured = await api.capturePayment(payment.id, { amount: request.amount, ...(request.tip > 0 ? { tip: request.tip } : {}), clientRequestId: newOperationKey() });
  return captured.status === 'captured' ? { kind: 'paid', payment: captured } : { kind: 'failed', message: captured.status };
}

/**
 * Cancel while the card is awaited: the terminal stops the start (voiding a card that went through
 * meanwhile), then the server cancels the payment, which was never held. If the terminal cannot
 * be told, the start's answer is awaited and recorded as usual: money never moves unrecorded.
 */
async function cancelWaiting(deps: FlowDeps, payment: Payment, startKey: string, started: Promise<TerminalResult>): Promise<TerminalResult | 'cancelled'> {
  const { api, terminal, onStep } = deps;
  onStep('cancelling');
  try {
    await terminal.cancel({ startKey }, newOperationKey());
  } catch {
    onStep('terminal');
    return started;
  }
  await api.cancelPayment(payment.id, { reason: 'Cancelled by the cashier at the terminal', clientRequestId: newOperationKey() });
  return 'cancelled';
}

/**
 * One card payment, start to finish: create the payment (`softpos` or `deferred`), let the
 * terminal charge amount + tip (deferred: authorize only), record its answer as a hold (approved
 * → authorized, declined → failed, timeout → unknown) and, for tap to pay, capture at once.
 * Every step has its own key. `signal` lets the cashier cancel while the terminal waits.
 */
export async function runCardPayment(deps: FlowDeps, request: CardPaymentRequest, signal?: CancelSignal): Promise<CardFlowState> {
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
    const startKey = newOperationKey();
    const started = terminal.start({ amount: charge, currency: request.currency, idempotencyKey: startKey, ...(request.mode === 'deferred' ? { authorizeOnly: true } : {}) });
    // Its answer may come after a cancel and is then of no interest; it must not go unhandled.
    started.catch(() => undefined);
    const first = await (signal ? Promise.race([started, signal.requested]) : started);
    const answer = first === CANCEL ? await cancelWaiting(deps, payment, startKey, started) : first;
    if (answer === 'cancelled') return { kind: 'cancelled' };
    onStep('recording');
    const held = await api.holdPayment(payment.id, { amount: charge, outcome: answer.outcome, ...terminalFields(answer), ...reasonOf(answer), clientRequestId: newOperationKey() });
    if (held.status === 'failed') return { kind: 'declined', reason: answer.reason };
    if (held.status === 'unknown') return { kind: 'unknown', payment: held, transactionRef: answer.transactionRef, mode: request.mode };
    if (request.mode === 'deferred') return { kind: 'held', payment: held };
    return await captureHeld(deps, held, request);
  } catch (e) {
    return { kind: 'failed', message: messageOf(e) };
  }
}

/** Records what the terminal said of a capture: approved → captured, declined → failed, timeout → unknown. */
async function recordCapture(deps: FlowDeps, payment: Payment, capture: TerminalReferencedRequest, tip: number, answer: TerminalResult): Promise<CardFlowState> {
  deps.onStep('recording');
  const recorded = await deps.api.capturePayment(payment.id, {
    amount: capture.amount - tip,
    ...(tip > 0 ? { tip } : {}),
    outcome: answer.outcome,
    ...terminalFields(answer),
    ...reasonOf(answer),
    clientRequestId: newOperationKey(),
  });
  if (recorded.status === 'captured') return { kind: 'paid', payment: recorded };
  if (recorded.status === 'unknown') return { kind: 'unknown', payment: recorded, mode: 'deferred', capture };
  return { kind: 'declined', reason: answer.reason };
}

/**
 * Capture a deferred payment's hold (all or part, plus a tip) through the terminal, then record
 * the terminal's answer. A timeout leaves the payment `unknown` with the capture to ask again.
 */
export async function captureHold(deps: FlowDeps, payment: Payment, request: { amount: number; tip: number; currency: string }): Promise<CardFlowState> {
  try {
    deps.onStep('capturing');
    if (!payment.reference) return { kind: 'failed', message: 'no terminal reference', problem: 'noReference' };
    const capture: TerminalReferencedRequest = { transactionRef: payment.reference, amount: request.amount + request.tip, currency: request.currency, idempotencyKey: newOperationKey() };
    const answer = await deps.terminal.capture(capture);
    return await recordCapture(deps, payment, capture, request.tip, answer);
  } catch (e) {
    return { kind: 'failed', message: messageOf(e) };
  }
}

/** Release a hold: the terminal voids the pre-authorization first, then the server cancels the payment. */
export async function releaseHold(deps: FlowDeps, payment: Payment): Promise<CardFlowState> {
  try {
    deps.onStep('releasing');
    if (payment.reference) await deps.terminal.cancel({ transactionRef: payment.reference }, newOperationKey());
    await deps.api.cancelPayment(payment.id, { reason: 'Hold released by the cashier', clientRequestId: newOperationKey() });
    return { kind: 'released' };
  } catch (e) {
    return { kind: 'failed', message: messageOf(e) };
  }
}

/**
 * After a timeout: ask the terminal what happened and settle the `unknown` payment with its
 * answer (reconcile); for tap to pay an approved hold is then captured.
 */
export async function checkUnknownPayment(
  deps: FlowDeps,
  state: Extract<CardFlowState, { kind: 'unknown' }>,
  request: Pick<CardPaymentRequest, 'amount' | 'tip'>,
): Promise<CardFlowState> {
  const { api, terminal, onStep } = deps;
  try {
    onStep('checking');
    let answer: TerminalResult;
    if (state.capture) answer = await terminal.capture(state.capture);
    else if (state.transactionRef) answer = await terminal.status(state.transactionRef, newOperationKey());
    else return state;
    if (answer.outcome === 'timeout') return state;
    const reconciled = await api.reconcilePayment(state.payment.id, {
      outcome: answer.outcome === 'approved' ? 'approved' : 'declined',
      ...terminalFields(answer),
      ...reasonOf(answer),
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
