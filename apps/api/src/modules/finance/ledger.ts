import type { Payment, PaymentAction, PaymentEvent, PaymentStatus } from '@pos/contracts';
import { PAYMENT_TRANSITIONS } from '@pos/contracts';
import type { PaymentsTable } from '../../db/schema';
import { type Actor, type Db, event, outcome } from '../../shared/command';
import { conflict, notFound } from '../../shared/errors';
import { newId } from '../../shared/ids';
import type { OrderPayments, OrderReads } from '../orders';
import { toPayment, toPaymentEvent } from './payment-rows';
import * as repo from './repository';

/**
 * The append-only records: every payment transition (PAYMENT_TRANSITIONS) is a `payment_events`
 * row with who and why; sales, tips and refunds are ledger rows. Only captured money counts toward
 * an order (captured minus refunded): orders read it through their `OrderPayments` port.
 */
export class Ledger implements OrderPayments {
  constructor(private readonly reads: OrderReads) {}

  /** Each payment's share of its order: refunds come off the sale first, then the tip. */
  async paymentShares(db: Db, orderIds: string[]) {
    return (await repo.capturedPaymentsOf(db, orderIds)).map((p) => {
      const fromTip = Math.max(0, p.refunded_amount - p.amount);
      return { orderId: p.order_id, checkIndex: p.check_index, amount: p.amount - (p.refunded_amount - fromTip), tip: p.tip - fromTip };
    });
  }

  async payments(db: Db, venueId: string, orderId: string): Promise<Payment[]> {
    await this.reads.get(db, venueId, orderId);
    return (await repo.paymentsOfOrder(db, venueId, orderId)).map(toPayment);
  }

  async paymentEvents(db: Db, venueId: string, paymentId: string): Promise<PaymentEvent[]> {
    const rows = await repo.eventsOfPayment(db, venueId, paymentId);
    if (rows.length === 0) throw notFound('payment', paymentId);
    return rows.map(toPaymentEvent);
  }

  /** One transition of the table: the row changes, the log gains a row, screens hear of it. */
  async move(
    db: Db,
    actor: Actor,
    row: PaymentsTable,
    action: PaymentAction,
    to: PaymentStatus,
    patch: Partial<PaymentsTable>,
    amount: number,
    tip: number,
    reason: string | undefined,
    now: string,
  ) {
    if (!PAYMENT_TRANSITIONS[row.status as PaymentStatus]?.[action]?.includes(to)) {
      throw conflict('payment.invalid_transition', `A ${row.status} payment cannot go to ${to} by ${action}`, { paymentStatus: row.status, action });
    }
    const next: PaymentsTable = { ...row, ...patch, status: to, updated_at: now };
    await repo.updatePayment(db, row.id, { ...patch, status: to, updated_at: now });
    const transitionId = await this.logTransition(db, actor, row, action, row.status, to, amount, tip, reason ?? null, now);
    const payment = toPayment(next);
    return { ...outcome(payment, [event('payment.status', { venueId: actor.venueId, action, payment })]), transitionId };
  }

  /** Appends the transition to the log; its row id names the transition (a refund's slip uses it). */
  async logTransition(db: Db, actor: Actor, row: PaymentsTable, action: PaymentAction, from: string | null, to: string, amount: number, tip: number, reason: string | null, now: string) {
    const id = newId();
    await repo.appendPaymentEvent(db, { id, venue_id: actor.venueId, payment_id: row.id, action, from_status: from, to_status: to, amount, tip, staff_id: actor.staffId, reason, created_at: now });
    return id;
  }

  /** Sales, tips and refunds of a shift per method, from the ledger. */
  async shiftTotals(db: Db, shiftId: string) {
    return repo.ledgerTotals(db, shiftId);
  }

  /** The same rows per staff member who took the money (a till's shift has several). */
  async shiftStaffTotals(db: Db, shiftId: string) {
    return repo.ledgerStaffTotals(db, shiftId);
  }
}
