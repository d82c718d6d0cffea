import type { Payment, Receipt, RefundReceipt } from '../finance';
import type { Shift } from '../shifts';
import { FIXTURE_IDS, FIXTURE_TIME, fixtureId } from './ids';

/** 450 ₽ taken in cash for the order, captured, no tip. */
export const aPayment = (over: Partial<Payment> = {}): Payment => ({
  id: fixtureId(),
  orderId: FIXTURE_IDS.order,
  checkIndex: null,
  shiftId: FIXTURE_IDS.shift,
  method: 'cash',
  status: 'captured',
  amount: 45000,
  tip: 0,
  tendered: null,
  change: 0,
  reference: null,
  held: 0,
  refunded: 0,
  maskedCard: null,
  scheme: null,
  expiresAt: null,
  createdBy: FIXTURE_IDS.cashier,
  createdAt: FIXTURE_TIME,
  ...over,
});

/** The guest's receipt of order №12 (table 7): one borscht paid in cash. */
export const aReceipt = (over: Partial<Receipt> = {}): Receipt => ({
  venueName: 'Ресторан «Демо»',
  currency: 'RUB',
  orderNumber: 12,
  tableLabel: '7',
  waiterName: 'Анна',
  lines: [{ name: 'Борщ', modifiers: [], quantity: 1, unitPrice: 45000, total: 45000 }],
  subtotal: 45000,
  discount: 0,
  total: 45000,
  tips: 0,
  payments: [{ method: 'cash', amount: 45000, tip: 0 }],
  change: 0,
  due: 0,
  issuedAt: FIXTURE_TIME,
  ...over,
});

/** The slip of a full refund of a 450 ₽ cash payment, booked to cashier Вера's drawer. */
export const aRefundReceipt = (over: Partial<RefundReceipt> = {}): RefundReceipt => ({
  refundId: fixtureId(),
  paymentId: fixtureId(),
  venueName: 'Ресторан «Демо»',
  currency: 'RUB',
  orderNumber: 12,
  tableLabel: '7',
  method: 'cash',
  maskedCard: null,
  reference: null,
  captured: 45000,
  amount: 45000,
  refundedTotal: 45000,
  refundable: 0,
  reason: 'Гость передумал',
  staffName: 'Анна',
  drawer: { shiftId: FIXTURE_IDS.shift, cashierName: 'Вера' },
  issuedAt: FIXTURE_TIME,
  ...over,
});

/** Cashier Вера's shift, open since 9:00 with a 5 000 ₽ float, nothing sold yet. */
export const aShift = (over: Partial<Shift> = {}): Shift => ({
  id: FIXTURE_IDS.shift,
  cashierId: FIXTURE_IDS.cashier,
  cashierName: 'Вера',
  status: 'open',
  isRescue: false,
  tillId: null,
  tillName: null,
  closeMode: null,
  openedAt: '2026-01-01T09:00:00.000Z',
  closedAt: null,
  openingFloat: 500_000,
  totals: {
    cash: { sales: 0, tips: 0, refunds: 0, expected: 500_000 },
    card: { sales: 0, tips: 0, refunds: 0, expected: 0 },
  },
  cashMovements: { paidIn: 0, paidOut: 0 },
  counted: null,
  difference: null,
  closedBy: null,
  overrideReason: null,
  ...over,
});
