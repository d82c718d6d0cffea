import type { Order, Payment, Receipt, RefundReceipt, TenderMethod, Venue } from '@pos/contracts';
import { unitTotal } from '@pos/contracts';
import type { PaymentsTable } from '../../db/schema';
import { nowIso } from '../../shared/clock';
import type { Actor, Db } from '../../shared/command';
import type { AuthService } from '../auth/service';
import { toPayment } from './payment-rows';
import * as repo from './repository';

/**
 * The guest's receipt: the payments that took money (captured, refunded in part or whole), each
 * with what was given back of it, and the order's refunded total; the net is paid − refunded.
 */
export function receipt(venue: Venue, order: Order, payments: Payment[], change: number): Receipt {
  return {
    venueName: venue.name,
    currency: venue.currency,
    orderNumber: order.number,
    tableLabel: order.tableLabel,
    waiterName: order.waiterName,
    lines: order.lines
      .filter((l) => l.quantity - l.voidedQuantity > 0)
      .map((l) => ({ name: l.name, modifiers: l.modifiers.map((m) => m.name), quantity: l.quantity - l.voidedQuantity, unitPrice: unitTotal(l), total: l.lineTotal })),
    subtotal: order.subtotal,
    discount: order.discount,
    promotions: (order.promotions ?? []).map((p) => ({ name: p.name, saving: p.saving })),
    total: order.total,
    tips: order.tips,
    payments: payments.map((p) => ({ method: p.method, amount: p.amount, tip: p.tip, refunded: p.refunded, maskedCard: p.maskedCard })),
    refunded: payments.reduce((s, p) => s + p.refunded, 0),
    change,
    due: order.due,
    issuedAt: nowIso(),
  };
}

/** What a refund's slip says beyond the payment itself. */
interface RefundFacts {
  refundId: string;
  order: Order;
  amount: number;
  refundedTotal: number;
  reason: RefundReceipt['reason'];
  drawer: { id: string; cashierName: string };
  issuedAt: string;
}

/**
 * The slips: the guest's receipt after a payment and the refund slip. Both are built inside the
 * command, so a replay of the same request answers this very slip.
 */
export class Receipts {
  constructor(private readonly auth: AuthService) {}

  /** The receipt for an order just paid: every payment that took money so far, read in this transaction. */
  async forPayment(db: Db, venueId: string, order: Order, change: number): Promise<Receipt> {
    const venue = await this.auth.venue(db, venueId);
    return receipt(venue, order, (await repo.capturedPaymentsOf(db, [order.id])).map(toPayment), change);
  }

  /** The refund slip names the drawer the money left and what is still refundable. */
  async forRefund(db: Db, actor: Actor, row: PaymentsTable, refund: RefundFacts): Promise<RefundReceipt> {
    const venue = await this.auth.venue(db, actor.venueId);
    const captured = row.amount + row.tip;
    return {
      refundId: refund.refundId,
      paymentId: row.id,
      venueName: venue.name,
      currency: venue.currency,
      orderNumber: refund.order.number,
      tableLabel: refund.order.tableLabel,
      method: row.method as TenderMethod,
      maskedCard: row.masked_card,
      reference: row.reference,
      captured,
      amount: refund.amount,
      refundedTotal: refund.refundedTotal,
      refundable: captured - refund.refundedTotal,
      reason: refund.reason,
      staffName: actor.staffName,
      drawer: { shiftId: refund.drawer.id, cashierName: refund.drawer.cashierName },
      issuedAt: refund.issuedAt,
    };
  }
}
