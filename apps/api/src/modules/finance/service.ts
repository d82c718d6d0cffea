import { type CreatePaymentInput, type Order, type Payment, type PaymentMethod, type PaymentResult, type Receipt, unitTotal, type Venue } from '@pos/contracts';
import type { LedgerEntriesTable, PaymentsTable } from '../../db/schema';
import type { Services } from '../../services';
import { nowIso } from '../../shared/clock';
import { type Actor, type Db, outcome } from '../../shared/command';
import { conflict, invalid } from '../../shared/errors';
import { newId } from '../../shared/ids';
import * as repo from './repository';

const toPayment = (row: PaymentsTable): Payment => ({
  id: row.id,
  orderId: row.order_id,
  checkIndex: row.check_index,
  shiftId: row.shift_id,
  method: row.method as PaymentMethod,
  status: 'captured',
  amount: row.amount,
  tip: row.tip,
  tendered: row.tendered,
  change: row.change_given,
  reference: row.reference,
  createdBy: row.created_by,
  createdAt: row.created_at,
});

/** Payments and the transaction ledger: every sale and tip is an append-only ledger row. */
export class FinanceService {
  constructor(private readonly services: Services) {}

  async paymentShares(db: Db, orderIds: string[]) {
    return (await repo.capturedPaymentsOf(db, orderIds)).map((p) => ({ orderId: p.order_id, checkIndex: p.check_index, amount: p.amount, tip: p.tip }));
  }

  async pay(db: Db, actor: Actor, input: CreatePaymentInput) {
    const order = await this.services.orders.lockForPayment(db, actor.venueId, input.orderId);
    const due = this.dueFor(order, input.checkIndex);
    const amount = input.tenders.reduce((s, t) => s + t.amount, 0);
    if (due === 0) throw conflict('payment.nothing_due', 'Nothing is due on this bill');
    if (amount > due) throw conflict('payment.exceeds_due', `Only ${due} is due`, { due });

    const now = nowIso();
    const shiftId = await this.services.shifts.shiftForPayment(db, actor, input.shiftId);
    const rows: PaymentsTable[] = input.tenders.map((t, i) => {
      const tip = t.tip ?? 0;
      if (t.method === 'cash') {
        const tendered = t.tendered ?? t.amount + tip;
        if (tendered < t.amount + tip) throw invalid(`body.tenders.${i}.tendered`, 'Less cash than the amount and the tip');
        return this.paymentRow(actor, input, shiftId, now, { method: 'cash', amount: t.amount, tip, tendered, change: tendered - t.amount - tip, reference: null });
      }
      if (t.tendered !== undefined) throw invalid(`body.tenders.${i}.tendered`, 'Only cash is tendered');
      return this.paymentRow(actor, input, shiftId, now, { method: t.method, amount: t.amount, tip, tendered: null, change: 0, reference: t.reference ?? null });
    });
    for (const row of rows) await repo.insertPayment(db, row);
    await repo.appendLedger(db, rows.flatMap((p) => this.ledgerRows(actor, p, now)));

    const changed = await this.services.orders.afterPayment(db, actor.venueId, order.id, shiftId);
    const payments = rows.map(toPayment);
    const change = payments.reduce((s, p) => s + p.change, 0);
    const venue = await this.services.auth.venue(db, actor.venueId);
    const receipt = this.receipt(venue, changed.value, (await repo.capturedPaymentsOf(db, [order.id])).map(toPayment), change);
    const result: PaymentResult = { payments, change, order: changed.value, receipt };
    return outcome(result, changed.events);
  }

  private dueFor(order: Order, checkIndex: number | undefined): number {
    if (!order.split) {
      if (checkIndex !== undefined && checkIndex !== 0) throw invalid('body.checkIndex', 'This order is not split');
      return order.due;
    }
    if (checkIndex === undefined) throw invalid('body.checkIndex', 'The bill is split: say which check is paid');
    const check = order.checks.find((c) => c.index === checkIndex);
    if (!check) throw invalid('body.checkIndex', `The order has ${order.checks.length} checks`);
    return check.due;
  }

  private paymentRow(
    actor: Actor,
    input: CreatePaymentInput,
    shiftId: string,
    now: string,
    t: { method: PaymentMethod; amount: number; tip: number; tendered: number | null; change: number; reference: string | null },
  ): PaymentsTable {
    return {
      id: newId(),
      venue_id: actor.venueId,
      order_id: input.orderId,
      check_index: input.checkIndex ?? null,
      shift_id: shiftId,
      method: t.method,
      status: 'captured',
      amount: t.amount,
      tip: t.tip,
      tendered: t.tendered,
      change_given: t.change,
      reference: t.reference,
      created_by: actor.staffId,
      created_at: now,
    };
  }

  private ledgerRows(actor: Actor, p: PaymentsTable, now: string): LedgerEntriesTable[] {
    const row = (kind: string, amount: number): LedgerEntriesTable => ({
      id: newId(),
      venue_id: actor.venueId,
      shift_id: p.shift_id,
      order_id: p.order_id,
      payment_id: p.id,
      kind,
      method: p.method,
      amount,
      staff_id: actor.staffId,
      created_at: now,
    });
    return [row('sale', p.amount), ...(p.tip > 0 ? [row('tip', p.tip)] : [])];
  }

  receipt(venue: Venue, order: Order, payments: Payment[], change: number): Receipt {
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
      total: order.total,
      tips: order.tips,
      payments: payments.map((p) => ({ method: p.method, amount: p.amount, tip: p.tip })),
      change,
      due: order.due,
      issuedAt: nowIso(),
    };
  }

  /** Sales, tips and refunds of a shift per method, from the ledger. */
  async shiftTotals(db: Db, shiftId: string) {
    return repo.ledgerTotals(db, shiftId);
  }
}
