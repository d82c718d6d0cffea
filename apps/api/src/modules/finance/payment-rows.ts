import {
  CAPTURED_STATUSES,
  type CardScheme,
  type CreatePaymentInput,
  type Order,
  type Payment,
  type PaymentAction,
  type PaymentEvent,
  type PaymentStatus,
  settlementMethod,
  type TenderMethod,
} from '@pos/contracts';
import type { LedgerEntriesTable, PaymentEventsTable, PaymentsTable } from '../../db/schema';
import type { Actor } from '../../shared/command';
import { invalid } from '../../shared/errors';
import { newId } from '../../shared/ids';

/** Rows of payments, payment events and ledger entries, and the pure rules over them. */

export const DAY_MS = 86_400_000;

export const toPayment = (row: PaymentsTable): Payment => ({
  id: row.id,
  orderId: row.order_id,
  checkIndex: row.check_index,
  shiftId: row.shift_id,
  method: row.method as TenderMethod,
  status: row.status as PaymentStatus,
  amount: row.amount,
  tip: row.tip,
  tendered: row.tendered,
  change: row.change_given,
  reference: row.reference,
  held: row.held_amount,
  refunded: row.refunded_amount,
  maskedCard: row.masked_card,
  scheme: row.card_scheme as CardScheme | null,
  expiresAt: row.expires_at,
  createdBy: row.created_by,
  createdAt: row.created_at,
});

export const toPaymentEvent = (row: PaymentEventsTable): PaymentEvent => ({
  id: row.id,
  paymentId: row.payment_id,
  action: row.action as PaymentAction,
  fromStatus: row.from_status as PaymentStatus | null,
  toStatus: row.to_status as PaymentStatus,
  amount: row.amount,
  tip: row.tip,
  staffId: row.staff_id,
  reason: row.reason,
  createdAt: row.created_at,
});

export const isCaptured = (status: string) => CAPTURED_STATUSES.includes(status as PaymentStatus);

/** What the terminal reported, as columns (never card data: the schemas refuse it). */
export const terminalPatch = (input: { terminalReference?: string; maskedCard?: string; scheme?: CardScheme }): Partial<PaymentsTable> => ({
  ...(input.terminalReference !== undefined ? { reference: input.terminalReference } : {}),
  ...(input.maskedCard !== undefined ? { masked_card: input.maskedCard } : {}),
  ...(input.scheme !== undefined ? { card_scheme: input.scheme } : {}),
});

export const NO_PENDING = { pending_action: null, pending_amount: 0, pending_tip: 0 } satisfies Partial<PaymentsTable>;

/** What is still due on the bill, or on the check a payment names (a split bill must name one). */
export function dueFor(order: Order, checkIndex: number | undefined): number {
  if (!order.split) {
    if (checkIndex !== undefined && checkIndex !== 0) throw invalid('body.checkIndex', 'This order is not split');
    return order.due;
  }
  if (checkIndex === undefined) throw invalid('body.checkIndex', 'The bill is split: say which check is paid');
  const check = order.checks.find((c) => c.index === checkIndex);
  if (!check) throw invalid('body.checkIndex', `The order has ${order.checks.length} checks`);
  return check.due;
}

/** A new payment row for one tender of a `pay` command. */
export function paymentRow(
  actor: Actor,
  input: CreatePaymentInput,
  shiftId: string,
  now: string,
  t: { method: TenderMethod; status: PaymentStatus; amount: number; tip: number; tendered: number | null; change: number; reference: string | null },
): PaymentsTable {
  return {
    id: newId(),
    venue_id: actor.venueId,
    order_id: input.orderId,
    check_index: input.checkIndex ?? null,
    shift_id: shiftId,
    method: t.method,
    status: t.status,
    amount: t.amount,
    tip: t.tip,
    tendered: t.tendered,
    change_given: t.change,
    reference: t.reference,
    created_by: actor.staffId,
    created_at: now,
    held_amount: 0,
    refunded_amount: 0,
    pending_amount: 0,
    pending_tip: 0,
    pending_action: null,
    masked_card: null,
    card_scheme: null,
    expires_at: null,
    updated_at: now,
  };
}

export function ledgerRow(actor: Actor, p: PaymentsTable, shiftId: string, kind: 'sale' | 'tip' | 'refund' | 'discount', amount: number, now: string): LedgerEntriesTable {
  return {
    id: newId(),
    venue_id: actor.venueId,
    shift_id: shiftId,
    order_id: p.order_id,
    payment_id: p.id,
    kind,
    method: settlementMethod(p.method as TenderMethod),
    amount,
    staff_id: actor.staffId,
    created_at: now,
  };
}

/** A capture's ledger rows: the sale and, when there is one, the tip. */
export function ledgerRows(actor: Actor, p: PaymentsTable, shiftId: string, amount: number, tip: number, now: string): LedgerEntriesTable[] {
  return [ledgerRow(actor, p, shiftId, 'sale', amount, now), ...(tip > 0 ? [ledgerRow(actor, p, shiftId, 'tip', tip, now)] : [])];
}

/**
 * The payment that settles an order with promotions books their discount once (issue 19): a
 * `discount` row with the order's discount, beside the sale rows, so the ledger's gross is at
 * list price. Nothing for an order still open or without a discount.
 */
export function discountRows(actor: Actor, p: PaymentsTable, shiftId: string, order: Pick<Order, 'status' | 'discount'>, now: string): LedgerEntriesTable[] {
  return order.status === 'paid' && order.discount > 0 ? [ledgerRow(actor, p, shiftId, 'discount', order.discount, now)] : [];
}
