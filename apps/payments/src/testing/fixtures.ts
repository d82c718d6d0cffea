import type { CapturePaymentInput, HoldPaymentInput, Order, Payment, PaymentStatus, ReconcilePaymentInput, TenderMethod } from '@pos/contracts';
import { canPayment } from '@pos/contracts';
import type { PosApi } from '@pos/plugin-sdk';
import { createTestHost, TEST_STAFF_ID } from '@pos/plugin-sdk/testing';
import { paymentsTexts } from '../texts';

const id = (n: number) => `0190a000-0000-7000-8000-${String(n).padStart(12, '0')}`;

export const ORDER_ID = id(401);
export const SHIFT_ID = id(501);

export function order(over: Partial<Order> = {}): Order {
  return { id: ORDER_ID, number: 12, status: 'open', version: 3, lines: [], total: 45000, paid: 0, due: 45000, tips: 0, split: false, checks: [], tableLabel: '5', ...over } as unknown as Order;
}

/**
 * An in-memory stand-in for the finance routes: payments move only along the contract's
 * transition table, the order's due drops on capture. Enough to drive the UI's flows.
 */
export function fakeFinance(initial: Order = order()) {
  let current = initial;
  const payments = new Map<string, Payment>();
  let seq = 0;
  const move = (paymentId: string, action: 'hold' | 'capture' | 'reconcile' | 'cancel', to: PaymentStatus, patch: Partial<Payment> = {}) => {
    const p = payments.get(paymentId);
    if (!p) throw new Error('no such payment');
    if (!canPayment(p.status, action)) throw new Error(`cannot ${action} a ${p.status} payment`);
    const next = { ...p, ...patch, status: to };
    payments.set(paymentId, next);
    if (to === 'captured') current = { ...current, paid: current.paid + next.amount, due: current.due - next.amount, version: current.version + 1 };
    return Promise.resolve(next);
  };
  const terminal = (b: HoldPaymentInput | CapturePaymentInput | ReconcilePaymentInput) => ({
    ...(b.terminalReference ? { reference: b.terminalReference } : {}),
    ...(b.maskedCard ? { maskedCard: b.maskedCard } : {}),
  });
  const api = {
    pay: jest.fn((body: Parameters<PosApi['pay']>[0]) => {
      const tender = body.tenders[0];
      const p: Payment = {
        id: id(600 + ++seq),
        orderId: body.orderId,
        checkIndex: body.checkIndex ?? null,
        shiftId: SHIFT_ID,
        method: tender.method as TenderMethod,
        status: 'created',
        amount: tender.amount,
        tip: 0,
        tendered: null,
        change: 0,
        reference: null,
        held: 0,
        createdBy: TEST_STAFF_ID,
        createdAt: '2026-11-25T12:00:00.000Z',
      };
      payments.set(p.id, p);
      return Promise.resolve({ payments: [p], change: 0, order: current, receipt: {} } as Awaited<ReturnType<PosApi['pay']>>);
    }),
    holdPayment: jest.fn((pid: string, b: HoldPaymentInput) => {
      const to: PaymentStatus = b.outcome === 'declined' ? 'failed' : b.outcome === 'timeout' ? 'unknown' : 'authorized';
      return move(pid, 'hold', to, { ...terminal(b), ...(to === 'authorized' ? { held: b.amount } : {}) });
    }),
    capturePayment: jest.fn((pid: string, b: CapturePaymentInput) => move(pid, 'capture', 'captured', { amount: b.amount ?? payments.get(pid)?.amount ?? 0, tip: b.tip ?? 0 })),
    reconcilePayment: jest.fn((pid: string, b: ReconcilePaymentInput) => {
      const held = payments.get(pid)?.amount ?? 0;
      return move(pid, 'reconcile', b.outcome === 'approved' ? 'authorized' : b.outcome === 'declined' ? 'failed' : 'cancelled', { ...terminal(b), held });
    }),
    cancelPayment: jest.fn((pid: string) => move(pid, 'cancel', 'cancelled')),
    payments: jest.fn(() => Promise.resolve([...payments.values()])),
    order: jest.fn(() => Promise.resolve(current)),
  };
  return { api, payments, order: () => current };
}

export function paymentsHost(api: Partial<PosApi>, language: 'ru' | 'en' = 'ru') {
  return createTestHost({ namespace: { name: 'payments', resources: paymentsTexts }, api, language });
}
