import { MAX_ORDER_TOTAL } from '@pos/contracts/constants';
import { type CreatePaymentInput, type Order, type PaymentResult, settleCash } from '@pos/contracts';
import type { PaymentsTable } from '../../db/schema';
import { nowIso } from '../../shared/clock';
import { type Actor, type Db, event, type OutboundEvent, outcome } from '../../shared/command';
import { conflict, invalid } from '../../shared/errors';
import type { OrderHooks } from '../orders';
import type { ShiftsService } from '../shifts/service';
import type { Ledger } from './ledger';
import type { PaymentListener, StoredValueTender } from './ports';
import { discountRows, dueFor, ledgerRows, paymentRow, toPayment } from './payment-rows';
import type { Receipts } from './receipts';
import * as repo from './repository';
import type { PaymentSettingsService } from './settings';

/** Taking payment on a bill: cash and card captured at once, terminal payments opened for the card lifecycle. */
export class PaymentTaking {
  constructor(
    private readonly orders: OrderHooks,
    private readonly shifts: ShiftsService,
    private readonly settings: PaymentSettingsService,
    private readonly ledger: Ledger,
    private readonly receipts: Receipts,
    private readonly listener: PaymentListener,
  ) {}

  async pay(db: Db, actor: Actor, input: CreatePaymentInput) {
    const order = await this.orders.lockForPayment(db, actor.venueId, input.orderId);
    const due = dueFor(order, input.checkIndex);
    const amount = input.tenders.reduce((s, t) => s + t.amount, 0);
    if (due === 0) throw conflict('payment.nothing_due', 'Nothing is due on this bill');
    if (amount > due) throw conflict('payment.exceeds_due', `Only ${due} is due`, { due });

    await this.settings.assertCardTipsWithinTolerance(db, actor.venueId, input, amount);
    // Tips add to the order's answer too: together they stay within what a bill may carry.
    const tips = input.tenders.reduce((s, t) => s + (t.tip ?? 0), 0);
    if (order.tips + tips > MAX_ORDER_TOTAL) throw conflict('payment.tips_too_large', 'The tips on this bill would exceed the largest bill allowed', { max: MAX_ORDER_TOTAL });

    const now = nowIso();
    const shiftId = await this.shifts.shiftForPayment(db, actor, input.shiftId);
    const rows: PaymentsTable[] = input.tenders.map((t, i) => {
      const tip = t.tip ?? 0;
      if (t.method === 'cash') {
        const cash = settleCash({ amount: t.amount, tip, tendered: t.tendered });
        if (cash.missing > 0) throw invalid(`body.tenders.${i}.tendered`, 'Less cash than the amount and the tip');
        return paymentRow(actor, input, shiftId, now, { method: 'cash', status: 'captured', amount: t.amount, tip, tendered: cash.tendered, change: cash.change, reference: null });
      }
      if (t.tendered !== undefined) throw invalid(`body.tenders.${i}.tendered`, 'Only cash is tendered');
      if (t.method === 'card') {
        return paymentRow(actor, input, shiftId, now, { method: 'card', status: 'captured', amount: t.amount, tip, tendered: null, change: 0, reference: t.reference ?? null });
      }
      // Tap-to-pay and deferred payments go through the terminal first: the tip is recorded at
      // capture. A tip named here is the one the terminal is about to add: it was checked against
      // the venue's tolerance above, before any card is touched (a tap-to-pay charges amount + tip
      // at once, so a refusal at capture would come after the money was taken).
      return paymentRow(actor, input, shiftId, now, { method: t.method, status: 'created', amount: t.amount, tip: 0, tendered: null, change: 0, reference: t.reference ?? null });
    });
    const events: OutboundEvent[] = [];
    for (const row of rows) {
      await repo.insertPayment(db, row);
      await this.ledger.logTransition(db, actor, row, 'create', null, row.status, row.amount, row.tip, null, now);
      events.push(event('payment.status', { venueId: actor.venueId, action: 'create', payment: toPayment(row) }));
    }
    await repo.appendLedger(db, rows.filter((p) => p.status === 'captured').flatMap((p) => ledgerRows(actor, p, p.shift_id, p.amount, p.tip, now)));

    const changed = await this.orders.afterPayment(db, actor.venueId, order.id, shiftId);
    await repo.appendLedger(db, discountRows(actor, rows[0], shiftId, changed.value, now));
    const payments = rows.map(toPayment);
    const heard = await this.listener.captured(db, actor, payments.filter((p) => p.status === 'captured'), changed.value);
    const change = payments.reduce((s, p) => s + p.change, 0);
    const receipt = await this.receipts.forPayment(db, actor.venueId, changed.value, change);
    const result: PaymentResult = { payments, change, order: changed.value, receipt };
    return outcome(result, [...events, ...changed.events, ...heard]);
  }

  /**
   * A stored-value tender (gift card, points): captured at once, never above what is due. `take`
   * runs after the order is locked and the amount checked, with the new payment's id: it takes the
   * value off the card or the account (and throws, so nothing is written, when there is not enough).
   * No ledger row: no money enters a drawer or a terminal.
   */
  async payStoredValue(db: Db, actor: Actor, tender: StoredValueTender, take: (paymentId: string, order: Order) => Promise<void>) {
    const order = await this.orders.lockForPayment(db, actor.venueId, tender.orderId);
    const due = dueFor(order, tender.checkIndex);
    if (due === 0) throw conflict('payment.nothing_due', 'Nothing is due on this bill');
    if (tender.amount > due) throw conflict('payment.exceeds_due', `Only ${due} is due`, { due });
    const now = nowIso();
    const shiftId = await this.shifts.shiftForPayment(db, actor, tender.shiftId);
    const input = { orderId: tender.orderId, checkIndex: tender.checkIndex, tenders: [] } satisfies CreatePaymentInput;
    const row = paymentRow(actor, input, shiftId, now, { method: tender.method, status: 'captured', amount: tender.amount, tip: 0, tendered: null, change: 0, reference: tender.reference });
    await take(row.id, order);
    await repo.insertPayment(db, row);
    await this.ledger.logTransition(db, actor, row, 'create', null, 'captured', row.amount, 0, null, now);
    const payment = toPayment(row);
    const changed = await this.orders.afterPayment(db, actor.venueId, order.id, shiftId);
    await repo.appendLedger(db, discountRows(actor, row, shiftId, changed.value, now));
    const heard = await this.listener.captured(db, actor, [payment], changed.value);
    const receipt = await this.receipts.forPayment(db, actor.venueId, changed.value, 0);
    const result: PaymentResult = { payments: [payment], change: 0, order: changed.value, receipt };
    return outcome(result, [event('payment.status', { venueId: actor.venueId, action: 'create', payment }), ...changed.events, ...heard]);
  }
}
