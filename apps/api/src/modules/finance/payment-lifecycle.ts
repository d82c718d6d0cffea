import {
  type CancelPaymentInput,
  type CapturePaymentInput,
  type HoldPaymentInput,
  PAYMENT_TRANSITIONS,
  type Payment,
  type PaymentAction,
  type PaymentStatus,
  type ReconcilePaymentInput,
  type RefundPaymentInput,
  type RefundResult,
  type SettleHoldsResult,
  isStoredValue,
  type TenderMethod,
} from '@pos/contracts';
import type { PaymentsTable } from '../../db/schema';
import { addMs, nowIso } from '../../shared/clock';
import { type Actor, type Db, type OutboundEvent, outcome } from '../../shared/command';
import { conflict, notFound } from '../../shared/errors';
import type { OrderHooks, OrderReads } from '../orders';
import type { ShiftLedger } from '../shifts/ports';
import type { ShiftsService } from '../shifts/service';
import type { Ledger } from './ledger';
import type { PaymentListener } from './ports';
import { DAY_MS, discountRows, dueFor, isCaptured, ledgerRow, ledgerRows, NO_PENDING, terminalPatch, toPayment } from './payment-rows';
import type { Receipts } from './receipts';
import * as repo from './repository';
import { type PaymentSettingsService, tipLimit } from './settings';

/**
 * A payment after it was opened (PAYMENT_TRANSITIONS): the terminal's hold, capture, cancel,
 * refund and reconcile, and the day close's settling of expired holds (the `settleExpiredHolds`
 * half of the shifts port `ShiftLedger`).
 */
export class PaymentLifecycle implements Pick<ShiftLedger, 'settleExpiredHolds'> {
  constructor(
    private readonly reads: OrderReads,
    private readonly orders: OrderHooks,
    private readonly shifts: ShiftsService,
    private readonly settings: PaymentSettingsService,
    private readonly ledger: Ledger,
    private readonly receipts: Receipts,
    private readonly listener: PaymentListener,
  ) {}

  /** The terminal authorized (held) money on the card, declined, or did not answer in time. */
  async hold(db: Db, actor: Actor, paymentId: string, input: HoldPaymentInput) {
    const row = await this.lock(db, actor, paymentId, 'hold');
    const order = await this.reads.get(db, actor.venueId, row.order_id);
    if (order.status !== 'open') throw conflict('order.closed', `Order ${order.number} is already ${order.status}`);
    const amount = input.amount ?? row.amount;
    // The tablet reports the hold. It covers the payment and at most a tip within the venue's
    // tolerance (tap to pay charges amount + tip at once and records that as the hold), no more.
    const { tipTolerancePercent } = await this.settings.settings(db, actor.venueId);
    const limit = row.amount + tipLimit(row.amount, tipTolerancePercent);
    if (amount > limit) throw conflict('payment.hold_exceeds_payment', `A hold covers the payment (${row.amount}) and a tip within the tolerance: at most ${limit}`, { limit });
    const now = nowIso();
    const terminal = terminalPatch(input);
    switch (input.outcome ?? 'approved') {
      case 'approved': {
        const { holdExpiryDays } = await this.settings.settings(db, actor.venueId);
        return this.ledger.move(db, actor, row, 'hold', 'authorized', { ...terminal, held_amount: amount, expires_at: addMs(now, holdExpiryDays * DAY_MS) }, amount, 0, input.reason, now);
      }
      case 'declined':
        return this.ledger.move(db, actor, row, 'hold', 'failed', terminal, amount, 0, input.reason, now);
      case 'timeout':
        return this.ledger.move(db, actor, row, 'hold', 'unknown', { ...terminal, pending_action: 'hold', pending_amount: amount, pending_tip: 0 }, amount, 0, input.reason, now);
    }
  }

  /**
   * Capture the hold (all or part, with a tip within the venue's tolerance of what is captured) or
   * sell directly from `created`. Capturing a payment that is already captured changes nothing.
   * The money books to the actor's own shift (another's named one needs shifts.book.other).
   */
  capture(db: Db, actor: Actor, paymentId: string, input: CapturePaymentInput) {
    return this.captureTo(db, actor, paymentId, input, () => this.shifts.shiftForPayment(db, actor, input.shiftId));
  }

  private async captureTo(db: Db, actor: Actor, paymentId: string, input: CapturePaymentInput, shiftOf: () => Promise<string>) {
    const row = await this.find(db, actor, paymentId);
    if (isCaptured(row.status)) {
      if ((input.amount === undefined || input.amount === row.amount) && (input.tip === undefined || input.tip === row.tip)) return outcome(toPayment(row));
      throw conflict('payment.already_captured', 'This payment was captured already, with another amount', { amount: row.amount, tip: row.tip });
    }
    this.assertCan(row, 'capture');
    const order = await this.orders.lockForPayment(db, actor.venueId, row.order_id);
    const due = dueFor(order, row.check_index ?? undefined);
    const tip = input.tip ?? 0;
    let amount: number;
    if (row.status === 'authorized') {
      // The hold may include the tip; the sale itself is never more than the payment was opened for.
      amount = input.amount ?? Math.min(row.held_amount, row.amount, due);
      if (amount > row.held_amount) throw conflict('payment.exceeds_held', `Only ${row.held_amount} is held`, { held: row.held_amount });
      if (amount > row.amount) throw conflict('payment.exceeds_requested', `The payment was opened for ${row.amount}`, { amount: row.amount });
    } else {
      amount = input.amount ?? Math.min(row.amount, due);
      if (amount > row.amount) throw conflict('payment.exceeds_requested', `The payment was opened for ${row.amount}`, { amount: row.amount });
    }
    if (due === 0 || amount === 0) throw conflict('payment.nothing_due', 'Nothing is due on this bill');
    if (amount > due) throw conflict('payment.exceeds_due', `Only ${due} is due`, { due });
    if (tip > 0) await this.settings.assertTipWithinTolerance(db, actor.venueId, tip, amount);

    const now = nowIso();
    const terminal = terminalPatch(input);
    switch (input.outcome ?? 'approved') {
      case 'approved':
        return this.book(db, actor, row, 'capture', { ...terminal, ...NO_PENDING }, amount, tip, input.reason, now, shiftOf);
      case 'declined':
        return this.ledger.move(db, actor, row, 'capture', 'failed', terminal, amount, tip, input.reason, now);
      case 'timeout':
        return this.ledger.move(db, actor, row, 'capture', 'unknown', { ...terminal, pending_action: 'capture', pending_amount: amount, pending_tip: tip }, amount, tip, input.reason, now);
    }
  }

  /** Void a hold (or a payment never sent to the terminal). */
  async cancel(db: Db, actor: Actor, paymentId: string, input: CancelPaymentInput) {
    const row = await this.lock(db, actor, paymentId, 'cancel');
    return this.ledger.move(db, actor, row, 'cancel', 'cancelled', {}, row.held_amount, 0, input.reason, nowIso());
  }

  /**
   * Give money back, several times if needed, never above what was captured. The refund books to
   * the drawer the money leaves (shifts.shiftForRefund: the refunding staff's open shift, else the
   * sale's till while open, else the till open now; naming another's needs shifts.book.other; a
   * closed shift sends it to a rescue shift), even when the sale's order and shift are long closed;
   * the order stays closed. The slip names the drawer.
   */
  async refund(db: Db, actor: Actor, paymentId: string, input: RefundPaymentInput) {
    const row = await this.lock(db, actor, paymentId, 'refund');
    const captured = row.amount + row.tip;
    const refundable = captured - row.refunded_amount;
    if (input.amount > refundable) throw conflict('payment.exceeds_refundable', `Only ${refundable} can be refunded`, { refundable });
    const drawer = await this.shifts.shiftForRefund(db, actor, input.shiftId, row.shift_id);
    const shiftId = drawer.id;
    const now = nowIso();
    const refunded = row.refunded_amount + input.amount;
    const to: PaymentStatus = refunded === captured ? 'refunded' : 'partially_refunded';
    const moved = await this.ledger.move(db, actor, row, 'refund', to, { refunded_amount: refunded }, input.amount, 0, input.reason, now);
    // Stored value (gift card, points) goes back where it came from (the listener); money leaves the drawer.
    if (!isStoredValue(row.method as TenderMethod)) await repo.appendLedger(db, [ledgerRow(actor, row, shiftId, 'refund', input.amount, now)]);
    const changed = await this.orders.afterRefund(db, actor.venueId, row.order_id);
    const heard = await this.listener.refunded(db, actor, moved.value, input.amount, changed.value, moved.transitionId);
    const refundReceipt = await this.receipts.forRefund(db, actor, row, {
      refundId: moved.transitionId,
      order: changed.value,
      amount: input.amount,
      refundedTotal: refunded,
      reason: input.reason,
      drawer,
      issuedAt: now,
    });
    const result: RefundResult = { ...moved.value, refundReceipt };
    return outcome(result, [...moved.events, ...changed.events, ...heard]);
  }

  /** The terminal's answer for a payment left `unknown` by a timeout. */
  async reconcile(db: Db, actor: Actor, paymentId: string, input: ReconcilePaymentInput) {
    const row = await this.lock(db, actor, paymentId, 'reconcile');
    const now = nowIso();
    const terminal = { ...terminalPatch(input), ...NO_PENDING };
    if (input.outcome === 'declined') return this.ledger.move(db, actor, row, 'reconcile', 'failed', terminal, row.pending_amount, row.pending_tip, input.reason, now);
    if (input.outcome === 'reversed') return this.ledger.move(db, actor, row, 'reconcile', 'cancelled', terminal, row.pending_amount, row.pending_tip, input.reason, now);
    if (row.pending_action === 'hold') {
      const { holdExpiryDays } = await this.settings.settings(db, actor.venueId);
      return this.ledger.move(db, actor, row, 'reconcile', 'authorized', { ...terminal, held_amount: row.pending_amount, expires_at: addMs(now, holdExpiryDays * DAY_MS) }, row.pending_amount, 0, input.reason, now);
    }
    // The terminal took the money: it is booked even if the bill was settled meanwhile (never lost;
    // an overpayment is refunded from the order list).
    const order = await this.reads.get(db, actor.venueId, row.order_id);
    if (order.status === 'open') await this.orders.lockForPayment(db, actor.venueId, order.id);
    const shiftOf = () => this.shifts.shiftForPayment(db, actor);
    return this.book(db, actor, row, 'reconcile', terminal, row.pending_amount, row.pending_tip, input.reason, now, shiftOf, order.status === 'open');
  }

  /** Authorized holds past the venue's expiry, listed for the cashier. */
  async expiredHolds(db: Db, venueId: string) {
    const settings = await this.settings.settings(db, venueId);
    return { settings, holds: (await repo.expiredHolds(db, venueId, nowIso())).map(toPayment) };
  }

  /**
   * Day close: expired holds are captured or released, as the venue chose. Captures book to
   * `closingShiftId` when given (the shift being closed, whoever closes it: the close checked
   * they may), else to the actor's own open shift.
   */
  async settleExpiredHolds(db: Db, actor: Actor, closingShiftId?: string) {
    const shiftOf = () => (closingShiftId ? this.shifts.closingShift(db, actor.venueId, closingShiftId) : this.shifts.shiftForPayment(db, actor));
    const { settings, holds } = await this.expiredHolds(db, actor.venueId);
    const captured: Payment[] = [];
    const released: Payment[] = [];
    const events: OutboundEvent[] = [];
    for (const hold of holds) {
      const order = await this.reads.get(db, actor.venueId, hold.orderId);
      const due = order.status === 'open' ? dueFor(order, hold.checkIndex ?? undefined) : 0;
      const done =
        settings.dayClosePolicy === 'capture' && due > 0
          ? await this.captureTo(db, actor, hold.id, { amount: Math.min(hold.held, due), reason: 'Day close: expired hold captured' }, shiftOf)
          : await this.cancel(db, actor, hold.id, { reason: 'Day close: expired hold released' });
      (done.value.status === 'cancelled' ? released : captured).push(done.value);
      events.push(...done.events);
    }
    const result: SettleHoldsResult = { captured, released };
    return outcome(result, events);
  }

  private async find(db: Db, actor: Actor, paymentId: string): Promise<PaymentsTable> {
    const row = await repo.lockPayment(db, actor.venueId, paymentId);
    if (!row) throw notFound('payment', paymentId);
    return row;
  }

  private async lock(db: Db, actor: Actor, paymentId: string, action: PaymentAction): Promise<PaymentsTable> {
    const row = await this.find(db, actor, paymentId);
    this.assertCan(row, action);
    return row;
  }

  private assertCan(row: PaymentsTable, action: PaymentAction) {
    if (!PAYMENT_TRANSITIONS[row.status as PaymentStatus]?.[action]) {
      throw conflict('payment.invalid_transition', `A ${row.status} payment cannot ${action}`, { paymentStatus: row.status, action });
    }
  }

  /** Captures money: the ledger gets the sale and the tip, booked to the capturing staff's shift. */
  private async book(
    db: Db,
    actor: Actor,
    row: PaymentsTable,
    action: PaymentAction,
    patch: Partial<PaymentsTable>,
    amount: number,
    tip: number,
    reason: string | undefined,
    now: string,
    shiftOf: () => Promise<string>,
    isOrderOpen = true,
  ) {
    const shiftId = await shiftOf();
    const moved = await this.ledger.move(db, actor, row, action, 'captured', { ...patch, amount, tip }, amount, tip, reason, now);
    await repo.appendLedger(db, ledgerRows(actor, row, shiftId, amount, tip, now));
    const changed = isOrderOpen ? await this.orders.afterPayment(db, actor.venueId, row.order_id, shiftId) : await this.orders.afterRefund(db, actor.venueId, row.order_id);
    if (isOrderOpen) await repo.appendLedger(db, discountRows(actor, row, shiftId, changed.value, now));
    const heard = await this.listener.captured(db, actor, [moved.value], changed.value);
    return outcome(moved.value, [...moved.events, ...changed.events, ...heard]);
  }
}
