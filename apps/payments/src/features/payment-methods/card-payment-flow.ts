import { canPayment, type Order, type Payment } from '@pos/contracts';
import { problemCode } from '@pos/i18n';
import type { PosApi } from '@pos/plugin-sdk';
import { newOperationKey, type PaymentTerminal, type TerminalResult } from '../../terminal';
import { captureRequestOf, newCaptureOp, newStartOp, type PendingCardOp, type PendingCardOps } from './pending-card-ops';

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
   * The terminal did not answer: the payment stays `unknown` until its status is checked with the
   * operation written down before the terminal was called (`op`): a start is asked by reference
   * (or the same start again, same key); a capture is asked again with its own key. The terminal
   * answers either without charging twice. `isStill`: it was asked again and still did not answer.
   */
  | { kind: 'unknown'; payment: Payment; op: PendingCardOp; isStill?: boolean }
  | { kind: 'failed'; message: string; problem?: 'noReference'; code?: string | null };

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
  /** Where unfinished terminal operations are written down (the tablet's host storage). */
  ops: Pick<PendingCardOps, 'get' | 'save' | 'update' | 'forget' | 'running'>;
  onStep(step: FlowStep): void;
}

/** The reason recorded when the cashier settles a payment by what the terminal's own journal shows. */
export const MANUAL_REASON = 'manual: checked on terminal';
/** One text for the cancel after a stopped start, so a retry sends the very same request. */
const STOPPED_REASON = 'Cancelled by the cashier at the terminal';

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
/** A failure as staff are told it: the problem's code (shown in their language), the English message for logs. */
const failure = (e: unknown): CardFlowState => ({ kind: 'failed', message: messageOf(e), code: problemCode(e) });

/** A terminal call that fails may or may not have acted: the same as no answer, to be checked. */
const NO_ANSWER: TerminalResult = { outcome: 'timeout' };
const orNoAnswer = (answer: Promise<TerminalResult>): Promise<TerminalResult> => answer.catch(() => NO_ANSWER);

/** The operation ended in a known outcome; a forget that fails leaves an entry the list cleans up later. */
const forget = (deps: FlowDeps, paymentId: string) => deps.ops.forget(paymentId).catch(() => undefined);

/**
 * Records a sale the terminal already made (tap to pay: the card was charged amount + tip) as
 * captured. No terminal call: the money moved with the start. `clientRequestId` is the step's own.
 */
async function captureSale(deps: FlowDeps, payment: Payment, sale: { amount: number; tip: number; clientRequestId: string }): Promise<CardFlowState> {
  deps.onStep('capturing');
  const captured = await deps.api.capturePayment(payment.id, { amount: sale.amount, ...(sale.tip > 0 ? { tip: sale.tip } : {}), clientRequestId: sale.clientRequestId });
  if (captured.status !== 'captured') return { kind: 'failed', message: captured.status };
  await forget(deps, payment.id);
  return { kind: 'paid', payment: captured };
}

/** What the server made of a start's answer, carried on as the flow goes: a tap to pay is captured at once. */
async function afterStartRecorded(deps: FlowDeps, op: PendingCardOp, recorded: Payment, answer: TerminalResult): Promise<CardFlowState> {
  switch (recorded.status) {
    case 'failed':
    case 'cancelled':
      await forget(deps, recorded.id);
      return { kind: 'declined', reason: answer.reason };
    case 'unknown':
      return { kind: 'unknown', payment: recorded, op };
    case 'authorized':
      if (op.mode === 'now') return captureSale(deps, recorded, { amount: op.amount, tip: op.tip, clientRequestId: op.requestIds.capture });
      await forget(deps, recorded.id);
      return { kind: 'held', payment: recorded };
    case 'captured':
      await forget(deps, recorded.id);
      return { kind: 'paid', payment: recorded };
    default:
      return { kind: 'failed', message: recorded.status };
  }
}

/**
 * Records the terminal's answer to a start on the payment as the server has it: `created` → hold
 * (approved → authorized, declined → failed, timeout → unknown), `unknown` → reconcile.
 */
async function recordStart(deps: FlowDeps, op: PendingCardOp, payment: Payment, answer: TerminalResult): Promise<CardFlowState> {
  const { api, ops, onStep } = deps;
  let current = op;
  if (answer.transactionRef && answer.transactionRef !== op.transactionRef) {
    current = { ...op, transactionRef: answer.transactionRef };
    // Known from now on: a later check asks by reference. The keys alone are enough if this write fails.
    await ops.update(op.paymentId, { transactionRef: answer.transactionRef }).catch(() => undefined);
  }
  if (canPayment(payment.status, 'hold')) {
    onStep('recording');
    const charge = current.amount + current.tip;
    const held = await api.holdPayment(payment.id, { amount: charge, outcome: answer.outcome, ...terminalFields(answer), ...reasonOf(answer), clientRequestId: current.requestIds.hold });
    return afterStartRecorded(deps, current, held, answer);
  }
  if (canPayment(payment.status, 'reconcile')) {
    if (answer.outcome === 'timeout') return { kind: 'unknown', payment, op: current, isStill: true };
    onStep('recording');
    const reconciled = await api.reconcilePayment(payment.id, {
      outcome: answer.outcome === 'approved' ? 'approved' : 'declined',
      ...terminalFields(answer),
      ...reasonOf(answer),
      clientRequestId: current.requestIds.reconcile,
    });
    return afterStartRecorded(deps, current, reconciled, answer);
  }
  // Recorded already (an answer that got lost on the way back): carry on from there.
  return afterStartRecorded(deps, current, payment, answer);
}

/**
 * Cancel while the card is awaited: the terminal stops the start (voiding a card that went through
 * meanwhile), then the server cancels the payment, which was never held. If the terminal cannot
 * be told, the start's answer is awaited and recorded as usual: money never moves unrecorded.
 */
async function cancelWaiting(deps: FlowDeps, op: PendingCardOp, payment: Payment, started: Promise<TerminalResult>): Promise<TerminalResult | 'cancelled'> {
  const { api, terminal, ops, onStep } = deps;
  onStep('cancelling');
  try {
    await terminal.cancel({ startKey: op.terminalKey }, newOperationKey());
  } catch {
    onStep('terminal');
    return started;
  }
  // Should the server's cancel get lost, "check status" later cancels without asking the terminal.
  await ops.update(payment.id, { isStopped: true }).catch(() => undefined);
  await api.cancelPayment(payment.id, { reason: STOPPED_REASON, clientRequestId: op.requestIds.cancel });
  await forget(deps, payment.id);
  return 'cancelled';
}

/**
 * One card payment, start to finish: create the payment (`softpos` or `deferred`), write down the
 * terminal operation (host storage), let the terminal charge amount + tip (deferred: authorize
 * only), record its answer as a hold (approved → authorized, declined → failed, timeout →
 * unknown) and, for tap to pay, capture at once. Every step has its own key, kept for retries.
 * `signal` lets the cashier cancel while the terminal waits.
 */
export async function runCardPayment(deps: FlowDeps, request: CardPaymentRequest, signal?: CancelSignal): Promise<CardFlowState> {
  const { api, terminal, ops, onStep } = deps;
  let payment: Payment;
  try {
    onStep('starting');
    const created = await api.pay({
      orderId: request.order.id,
      ...(request.checkIndex !== null ? { checkIndex: request.checkIndex } : {}),
      // The tip goes with the request, so a tip over the venue's tolerance is refused before the terminal charges it.
      tenders: [{ method: request.mode === 'now' ? 'softpos' : 'deferred', amount: request.amount, ...(request.tip > 0 ? { tip: request.tip } : {}) }],
      clientRequestId: newOperationKey(),
    });
    payment = created.payments[0];
  } catch (e) {
    return failure(e);
  }
  const op = newStartOp({ paymentId: payment.id, orderId: request.order.id, mode: request.mode, amount: request.amount, tip: request.tip, currency: request.currency });
  return ops.running(payment.id, async () => {
    try {
      await ops.save(op);
    } catch (e) {
      // Without the keys written down a lost answer could never be asked about: the terminal is not called.
      await api.cancelPayment(payment.id, { reason: 'Not started: the tablet could not store the operation', clientRequestId: op.requestIds.cancel }).catch(() => undefined);
      return failure(e);
    }
    try {
      onStep('terminal');
      const started = orNoAnswer(
        terminal.start({ amount: op.amount + op.tip, currency: op.currency, idempotencyKey: op.terminalKey, ...(op.mode === 'deferred' ? { authorizeOnly: true } : {}) }),
      );
      const first = await (signal ? Promise.race([started, signal.requested]) : started);
      const answer = first === CANCEL ? await cancelWaiting(deps, op, payment, started) : first;
      if (answer === 'cancelled') return { kind: 'cancelled' };
      return await recordStart(deps, op, payment, answer);
    } catch (e) {
      return failure(e);
    }
  });
}

/** Records what the terminal said of a capture: approved → captured, declined → failed, timeout → unknown. */
async function recordCapture(deps: FlowDeps, op: PendingCardOp, payment: Payment, answer: TerminalResult): Promise<CardFlowState> {
  let recorded: Payment;
  if (canPayment(payment.status, 'reconcile')) {
    if (answer.outcome === 'timeout') return { kind: 'unknown', payment, op, isStill: true };
    deps.onStep('recording');
    recorded = await deps.api.reconcilePayment(payment.id, {
      outcome: answer.outcome === 'approved' ? 'approved' : 'declined',
      ...terminalFields(answer),
      ...reasonOf(answer),
      clientRequestId: op.requestIds.reconcile,
    });
  } else if (canPayment(payment.status, 'capture')) {
    deps.onStep('recording');
    recorded = await deps.api.capturePayment(payment.id, {
      amount: op.amount,
      ...(op.tip > 0 ? { tip: op.tip } : {}),
      outcome: answer.outcome,
      ...terminalFields(answer),
      ...reasonOf(answer),
      clientRequestId: op.requestIds.capture,
    });
  } else {
    recorded = payment;
  }
  if (recorded.status === 'unknown') return { kind: 'unknown', payment: recorded, op };
  await forget(deps, payment.id);
  if (recorded.status === 'captured') return { kind: 'paid', payment: recorded };
  return { kind: 'declined', reason: answer.reason };
}

/** Asks the terminal again about the operation, with its own key; it never charges twice. */
function askTerminal({ terminal }: FlowDeps, op: PendingCardOp): Promise<TerminalResult> {
  if (op.operation === 'capture') return orNoAnswer(terminal.capture(captureRequestOf(op)));
  if (op.transactionRef) return orNoAnswer(terminal.status(op.transactionRef, newOperationKey()));
  // No reference yet (the answer never came): the same start, same key, answers the same transaction.
  return orNoAnswer(terminal.start({ amount: op.amount + op.tip, currency: op.currency, idempotencyKey: op.terminalKey, ...(op.mode === 'deferred' ? { authorizeOnly: true } : {}) }));
}

async function resume(deps: FlowDeps, op: PendingCardOp, payment: Payment): Promise<CardFlowState> {
  if (op.operation === 'start' && op.isStopped && canPayment(payment.status, 'cancel')) {
    // The terminal confirmed the stop, only the server's cancel got lost: nothing to ask.
    deps.onStep('cancelling');
    await deps.api.cancelPayment(payment.id, { reason: STOPPED_REASON, clientRequestId: op.requestIds.cancel });
    await forget(deps, payment.id);
    return { kind: 'cancelled' };
  }
  deps.onStep('checking');
  const answer = await askTerminal(deps, op);
  return op.operation === 'capture' ? recordCapture(deps, op, payment, answer) : recordStart(deps, op, payment, answer);
}

/**
 * "Check status" of an operation written down on this tablet (a timeout, or a flow cut short by a
 * reload or a crash): ask the terminal with the operation's keys, record its answer on the
 * payment as the server has it (`created` → hold, `unknown` → reconcile, an authorized hold's
 * capture → capture) with the same clientRequestIds, and carry on as the flow would.
 */
export function resumeCardOp(deps: FlowDeps, op: PendingCardOp, payment: Payment): Promise<CardFlowState> {
  return deps.ops.running(payment.id, () => resume(deps, op, payment).catch(failure));
}

/**
 * Capture a deferred payment's hold (all or part, plus a tip) through the terminal, then record
 * the terminal's answer. A timeout leaves the payment `unknown` with the capture written down to
 * ask again. A capture of this hold left unfinished earlier is carried on instead (same amount,
 * same keys): asking the terminal for a second capture could take the money twice.
 */
export function captureHold(deps: FlowDeps, payment: Payment, request: { amount: number; tip: number; currency: string }): Promise<CardFlowState> {
  return deps.ops.running(payment.id, async () => {
    try {
      deps.onStep('capturing');
      if (!payment.reference) return { kind: 'failed', message: 'no terminal reference', problem: 'noReference' };
      const unfinished = await deps.ops.get(payment.id).catch(() => undefined);
      if (unfinished?.operation === 'capture') return await resume(deps, unfinished, payment);
      const op = newCaptureOp({ paymentId: payment.id, orderId: payment.orderId, transactionRef: payment.reference, amount: request.amount, tip: request.tip, currency: request.currency });
      await deps.ops.save(op);
      const answer = await orNoAnswer(deps.terminal.capture(captureRequestOf(op)));
      return await recordCapture(deps, op, payment, answer);
    } catch (e) {
      return failure(e);
    }
  });
}

/**
 * Records a tap-to-pay sale left `authorized` (its capture never reached the server) as captured:
 * the terminal took amount + tip with the start, so it is not asked to capture anything.
 */
export function captureTakenSale(deps: FlowDeps, payment: Payment): Promise<CardFlowState> {
  return deps.ops.running(payment.id, async () => {
    try {
      const op = await deps.ops.get(payment.id).catch(() => undefined);
      if (op?.operation === 'start') return await captureSale(deps, payment, { amount: op.amount, tip: op.tip, clientRequestId: op.requestIds.capture });
      return await captureSale(deps, payment, { amount: payment.amount, tip: Math.max(0, payment.held - payment.amount), clientRequestId: newOperationKey() });
    } catch (e) {
      return failure(e);
    }
  });
}

/** Release a hold: the terminal voids the pre-authorization first, then the server cancels the payment. */
export function releaseHold(deps: FlowDeps, payment: Payment): Promise<CardFlowState> {
  return deps.ops.running(payment.id, async () => {
    try {
      deps.onStep('releasing');
      if (payment.reference) await deps.terminal.cancel({ transactionRef: payment.reference }, newOperationKey());
      await deps.api.cancelPayment(payment.id, { reason: 'Hold released by the cashier', clientRequestId: newOperationKey() });
      await forget(deps, payment.id);
      return { kind: 'released' };
    } catch (e) {
      return failure(e);
    }
  });
}

/**
 * The cashier found in the terminal's own journal that a `created` payment did not go through:
 * the server cancels it. When this tablet started it, the terminal is told to stop that start
 * first, so a card that went through after all is voided rather than charged unrecorded.
 */
export function cancelByHand(deps: FlowDeps, payment: Payment, clientRequestId: string): Promise<CardFlowState> {
  return deps.ops.running(payment.id, async () => {
    try {
      deps.onStep('cancelling');
      const op = await deps.ops.get(payment.id).catch(() => undefined);
      if (op?.operation === 'start' && !op.isStopped) {
        try {
          await deps.terminal.cancel({ startKey: op.terminalKey }, newOperationKey());
        } catch {
          // The cashier checked the terminal's journal; their word stands.
        }
      }
      await deps.api.cancelPayment(payment.id, { reason: MANUAL_REASON, clientRequestId });
      await forget(deps, payment.id);
      return { kind: 'cancelled' };
    } catch (e) {
      return failure(e);
    }
  });
}

/**
 * The cashier found in the terminal's own journal whether an `unknown` payment went through:
 * reconcile it so. An approved tap to pay left authorized is then captured, as the flow does.
 */
export function reconcileByHand(deps: FlowDeps, payment: Payment, outcome: 'approved' | 'declined', keys: { reconcile: string; capture: string }): Promise<CardFlowState> {
  return deps.ops.running(payment.id, async () => {
    try {
      deps.onStep('recording');
      const reconciled = await deps.api.reconcilePayment(payment.id, { outcome, reason: MANUAL_REASON, clientRequestId: keys.reconcile });
      await forget(deps, payment.id);
      switch (reconciled.status) {
        case 'captured':
          return { kind: 'paid', payment: reconciled };
        case 'authorized': {
          if (reconciled.method !== 'softpos') return { kind: 'held', payment: reconciled };
          return await captureSale(deps, reconciled, { amount: reconciled.amount, tip: Math.max(0, reconciled.held - reconciled.amount), clientRequestId: keys.capture });
        }
        case 'failed':
        case 'cancelled':
          return { kind: 'declined' };
        default:
          return { kind: 'failed', message: reconciled.status };
      }
    } catch (e) {
      return failure(e);
    }
  });
}
