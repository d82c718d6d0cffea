import type {
  CancelPaymentInput,
  CapturePaymentInput,
  HoldPaymentInput,
  Order,
  Payment,
  PaymentStatus,
  ReconcilePaymentInput,
  RefundPaymentInput,
  RefundResult,
  TenderMethod,
} from '@pos/contracts';
import { canPayment } from '@pos/contracts';
import { anOrder, aPayment, aRefundReceipt } from '@pos/contracts/testing';
import type { PosApi } from '@pos/plugin-sdk';
import { ApiError } from '@pos/plugin-sdk';
import { createTestHost, type TestHostOptions, TEST_STAFF_ID } from '@pos/plugin-sdk/testing';
import { paymentsTexts } from '../texts';

const id = (n: number) => `0190a000-0000-7000-8000-${String(n).padStart(12, '0')}`;

export const ORDER_ID = id(401);
export const SHIFT_ID = id(501);

/** Order №12 of table 5 at version 3: 450 ₽ due, nothing paid. */
export function order(over: Partial<Order> = {}): Order {
  return anOrder({ id: ORDER_ID, number: 12, status: 'open', version: 3, lines: [], total: 45000, paid: 0, due: 45000, tips: 0, split: null, checks: [], tableLabel: '5', ...over });
}

/** A payment as the server lists it; captured cash by default. */
export function payment(over: Partial<Payment> = {}): Payment {
  return aPayment({
    id: id(700),
    orderId: ORDER_ID,
    shiftId: SHIFT_ID,
    method: 'cash',
    status: 'captured',
    amount: 45000,
    tip: 0,
    refunded: 0,
    createdBy: TEST_STAFF_ID,
    createdAt: '2026-11-25T12:00:00.000Z',
    ...over,
  });
}

/** A refused or lost request as the api client raises it. */
export const networkError = () => new ApiError(0, { type: 'about:blank', title: 'No connection to the server', status: 0, code: 'network' });

type Pending = { action: 'hold' | 'capture'; amount: number; tip: number };

/**
 * An in-memory stand-in for the finance routes: payments move only along the contract's
 * transition table, the order's due drops on capture and its paid on refund, a timed-out
 * hold or capture is reconciled as the server does (by the pending action), and a refund is
 * idempotent by `clientRequestId`. Enough to drive the UI's flows.
 */
export function fakeFinance(initial: Order = order()) {
  let current = initial;
  const payments = new Map<string, Payment>();
  const pending = new Map<string, Pending>();
  /** Stored answers by clientRequestId, as the server's idempotency layer replays them. */
  const replies = new Map<string, RefundResult>();
  const failures = { loseNextRefundAnswer: false };
  let seq = 0;
  const move = (paymentId: string, action: 'hold' | 'capture' | 'reconcile' | 'cancel' | 'refund', to: PaymentStatus, patch: Partial<Payment> = {}) => {
    const p = payments.get(paymentId);
    if (!p) throw new Error('no such payment');
    if (!canPayment(p.status, action)) throw new Error(`cannot ${action} a ${p.status} payment`);
    const next = { ...p, ...patch, status: to };
    payments.set(paymentId, next);
    if (to === 'captured') current = { ...current, paid: current.paid + next.amount, tips: current.tips + next.tip, due: current.due - next.amount, version: current.version + 1 };
    return Promise.resolve(next);
  };
  const terminal = (b: HoldPaymentInput | CapturePaymentInput | ReconcilePaymentInput) => ({
    ...(b.terminalReference ? { reference: b.terminalReference } : {}),
    ...(b.maskedCard ? { maskedCard: b.maskedCard } : {}),
  });
  const refund = (pid: string, b: RefundPaymentInput): Promise<RefundResult> => {
    const stored = b.clientRequestId ? replies.get(b.clientRequestId) : undefined;
    if (stored) return Promise.resolve(stored);
    const p = payments.get(pid);
    if (!p) return Promise.reject(new Error('no such payment'));
    const refundable = p.amount + p.tip - (p.refunded ?? 0);
    if (b.amount > refundable) {
      return Promise.reject(new ApiError(409, { type: 'about:blank', title: `Only ${refundable} can be refunded`, status: 409, code: 'payment.exceeds_refundable' }));
    }
    const refunded = (p.refunded ?? 0) + b.amount;
    const captured = p.amount + p.tip;
    return move(pid, 'refund', refunded === captured ? 'refunded' : 'partially_refunded', { refunded }).then((moved) => {
      current = { ...current, paid: current.paid - Math.min(b.amount, current.paid), version: current.version + 1 };
      const result: RefundResult = {
        ...moved,
        refundReceipt: aRefundReceipt({
          refundId: id(900 + ++seq),
          paymentId: pid,
          venueName: 'Ресторан «Демо»',
          currency: 'RUB',
          orderNumber: current.number,
          tableLabel: current.tableLabel,
          method: p.method,
          maskedCard: p.maskedCard ?? null,
          reference: p.reference,
          captured,
          amount: b.amount,
          refundedTotal: refunded,
          refundable: captured - refunded,
          reason: b.reason,
          staffName: 'Анна',
          drawer: { shiftId: 's1', cashierName: 'Вера' },
          issuedAt: '2026-11-25T15:30:00.000Z',
        }),
      };
      if (b.clientRequestId) replies.set(b.clientRequestId, result);
      if (failures.loseNextRefundAnswer) {
        failures.loseNextRefundAnswer = false;
        throw networkError();
      }
      return result;
    });
  };
  const api = {
    pay: jest.fn((body: Parameters<PosApi['pay']>[0]) => {
      const tender = body.tenders[0];
      const p = payment({
        id: id(600 + ++seq),
        orderId: body.orderId,
        checkIndex: body.checkIndex ?? null,
        method: tender.method as TenderMethod,
        status: 'created',
        amount: tender.amount,
      });
      payments.set(p.id, p);
      return Promise.resolve({ payments: [p], change: 0, order: current, receipt: {} } as Awaited<ReturnType<PosApi['pay']>>);
    }),
    holdPayment: jest.fn((pid: string, b: HoldPaymentInput) => {
      const to: PaymentStatus = b.outcome === 'declined' ? 'failed' : b.outcome === 'timeout' ? 'unknown' : 'authorized';
      if (to === 'unknown') pending.set(pid, { action: 'hold', amount: b.amount ?? 0, tip: 0 });
      return move(pid, 'hold', to, { ...terminal(b), ...(to === 'authorized' ? { held: b.amount } : {}) });
    }),
    capturePayment: jest.fn((pid: string, b: CapturePaymentInput) => {
      const amount = b.amount ?? payments.get(pid)?.amount ?? 0;
      const tip = b.tip ?? 0;
      if (b.outcome === 'declined') return move(pid, 'capture', 'failed', terminal(b));
      if (b.outcome === 'timeout') {
        pending.set(pid, { action: 'capture', amount, tip });
        return move(pid, 'capture', 'unknown', terminal(b));
      }
      return move(pid, 'capture', 'captured', { ...terminal(b), amount, tip });
    }),
    reconcilePayment: jest.fn((pid: string, b: ReconcilePaymentInput) => {
      const was = pending.get(pid) ?? { action: 'hold', amount: payments.get(pid)?.amount ?? 0, tip: 0 };
      pending.delete(pid);
      if (b.outcome !== 'approved') return move(pid, 'reconcile', b.outcome === 'declined' ? 'failed' : 'cancelled', terminal(b));
      if (was.action === 'capture') return move(pid, 'reconcile', 'captured', { ...terminal(b), amount: was.amount, tip: was.tip });
      return move(pid, 'reconcile', 'authorized', { ...terminal(b), held: was.amount });
    }),
    cancelPayment: jest.fn((pid: string, _body?: CancelPaymentInput) => move(pid, 'cancel', 'cancelled')),
    refundPayment: jest.fn(refund),
    payments: jest.fn(() => Promise.resolve([...payments.values()])),
    order: jest.fn(() => Promise.resolve(current)),
  };
  /** Puts a payment on the order as if taken earlier (its money counted in the order's paid). */
  const seed = (p: Payment) => {
    payments.set(p.id, p);
    return p;
  };
  return { api, payments, seed, failures, order: () => current };
}

export function paymentsHost(api: Partial<PosApi>, language: 'ru' | 'en' = 'ru', options: Omit<TestHostOptions, 'api' | 'language' | 'namespace'> = {}) {
  return createTestHost({ namespace: { name: 'payments', resources: paymentsTexts }, api, language, ...options });
}
