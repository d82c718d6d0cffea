import { MAX_ORDER_TOTAL } from '@pos/contracts/constants';
import {
  CAPTURED_STATUSES,
  type CancelPaymentInput,
  type CapturePaymentInput,
  type CardScheme,
  type CreatePaymentInput,
  type HoldPaymentInput,
  type Order,
  PAYMENT_TRANSITIONS,
  type Payment,
  type PaymentAction,
  type PaymentEvent,
  type PaymentResult,
  type PaymentSettings,
  type PaymentStatus,
  type Receipt,
  type ReconcilePaymentInput,
  type RefundPaymentInput,
  type RefundResult,
  type SettleHoldsResult,
  settleCash,
  settlementMethod,
  type TenderMethod,
  unitTotal,
  type UpdatePaymentSettingsInput,
  type Venue,
} from '@pos/contracts';
import type { LedgerEntriesTable, PaymentEventsTable, PaymentsTable } from '../../db/schema';
import type { Services } from '../../services';
import { addMs, nowIso } from '../../shared/clock';
import { type Actor, type Db, event, type OutboundEvent, outcome } from '../../shared/command';
import { conflict, invalid, notFound } from '../../shared/errors';
import { newId } from '../../shared/ids';
import * as repo from './repository';

const DAY_MS = 86_400_000;

/** What a venue gets until it sets its own payment rules. */
export const DEFAULT_PAYMENT_SETTINGS: PaymentSettings = { tipTolerancePercent: 20, holdExpiryDays: 7, dayClosePolicy: 'release' };

const toPayment = (row: PaymentsTable): Payment => ({
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

const toPaymentEvent = (row: PaymentEventsTable): PaymentEvent => ({
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

/** The largest tip the venue's tolerance allows on `amount` (minor units, rounded down). */
const tipLimit = (amount: number, tipTolerancePercent: number) => Math.floor((amount * tipTolerancePercent) / 100);

const isCaptured = (status: string) => CAPTURED_STATUSES.includes(status as PaymentStatus);

/** What the terminal reported, as columns (never card data: the schemas refuse it). */
const terminalPatch = (input: { terminalReference?: string; maskedCard?: string; scheme?: CardScheme }): Partial<PaymentsTable> => ({
  ...(input.terminalReference !== undefined ? { reference: input.terminalReference } : {}),
  ...(input.maskedCard !== undefined ? { masked_card: input.maskedCard } : {}),
  ...(input.scheme !== undefined ? { card_scheme: input.scheme } : {}),
});

const NO_PENDING = { pending_action: null, pending_amount: 0, pending_tip: 0 } satisfies Partial<PaymentsTable>;

/**
 * Payments and the transaction ledger: every sale, tip and refund is an append-only ledger row;
 * every payment transition (PAYMENT_TRANSITIONS) an append-only `payment_events` row with who
 * and why. Only captured money counts toward an order: captured minus refunded.
 */
export class FinanceService {
  constructor(private readonly services: Services) {}

  /** Each payment's share of its order: refunds come off the sale first, then the tip. */
  async paymentShares(db: Db, orderIds: string[]) {
    return (await repo.capturedPaymentsOf(db, orderIds)).map((p) => {
      const fromTip = Math.max(0, p.refunded_amount - p.amount);
      return { orderId: p.order_id, checkIndex: p.check_index, amount: p.amount - (p.refunded_amount - fromTip), tip: p.tip - fromTip };
    });
  }

  async pay(db: Db, actor: Actor, input: CreatePaymentInput) {
    const order = await this.services.orders.lockForPayment(db, actor.venueId, input.orderId);
    const due = this.dueFor(order, input.checkIndex);
    const amount = input.tenders.reduce((s, t) => s + t.amount, 0);
    if (due === 0) throw conflict('payment.nothing_due', 'Nothing is due on this bill');
    if (amount > due) throw conflict('payment.exceeds_due', `Only ${due} is due`, { due });

    await this.assertCardTipsWithinTolerance(db, actor.venueId, input, amount);
    // Tips add to the order's answer too: together they stay within what a bill may carry.
    const tips = input.tenders.reduce((s, t) => s + (t.tip ?? 0), 0);
    if (order.tips + tips > MAX_ORDER_TOTAL) throw conflict('payment.tips_too_large', 'The tips on this bill would exceed the largest bill allowed', { max: MAX_ORDER_TOTAL });

    const now = nowIso();
    const shiftId = await this.services.shifts.shiftForPayment(db, actor, input.shiftId);
    const rows: PaymentsTable[] = input.tenders.map((t, i) => {
      const tip = t.tip ?? 0;
      if (t.method === 'cash') {
        const cash = settleCash({ amount: t.amount, tip, tendered: t.tendered });
        if (cash.missing > 0) throw invalid(`body.tenders.${i}.tendered`, 'Less cash than the amount and the tip');
        return this.paymentRow(actor, input, shiftId, now, { method: 'cash', status: 'captured', amount: t.amount, tip, tendered: cash.tendered, change: cash.change, reference: null });
      }
      if (t.tendered !== undefined) throw invalid(`body.tenders.${i}.tendered`, 'Only cash is tendered');
      if (t.method === 'card') {
        return this.paymentRow(actor, input, shiftId, now, { method: 'card', status: 'captured', amount: t.amount, tip, tendered: null, change: 0, reference: t.reference ?? null });
      }
      // Tap-to-pay and deferred payments go through the terminal first: the tip is recorded at
      // capture. A tip named here is the one the terminal is about to add: it was checked against
      // the venue's tolerance above, before any card is touched (a tap-to-pay charges amount + tip
      // at once, so a refusal at capture would come after the money was taken).
      return this.paymentRow(actor, input, shiftId, now, { method: t.method, status: 'created', amount: t.amount, tip: 0, tendered: null, change: 0, reference: t.reference ?? null });
    });
    const events: OutboundEvent[] = [];
    for (const row of rows) {
      await repo.insertPayment(db, row);
      await this.logTransition(db, actor, row, 'create', null, row.status, row.amount, row.tip, null, now);
      events.push(event('payment.status', { venueId: actor.venueId, action: 'create', payment: toPayment(row) }));
    }
    await repo.appendLedger(db, rows.filter((p) => p.status === 'captured').flatMap((p) => this.ledgerRows(actor, p, p.shift_id, p.amount, p.tip, now)));

    const changed = await this.services.orders.afterPayment(db, actor.venueId, order.id, shiftId);
    const payments = rows.map(toPayment);
    const change = payments.reduce((s, p) => s + p.change, 0);
    const venue = await this.services.auth.venue(db, actor.venueId);
    const receipt = this.receipt(venue, changed.value, (await repo.capturedPaymentsOf(db, [order.id])).map(toPayment), change);
    const result: PaymentResult = { payments, change, order: changed.value, receipt };
    return outcome(result, [...events, ...changed.events]);
  }

  // --- the state machine ---

  async payments(db: Db, venueId: string, orderId: string): Promise<Payment[]> {
    await this.services.orders.get(db, venueId, orderId);
    return (await repo.paymentsOfOrder(db, venueId, orderId)).map(toPayment);
  }

  async paymentEvents(db: Db, venueId: string, paymentId: string): Promise<PaymentEvent[]> {
    const rows = await repo.eventsOfPayment(db, venueId, paymentId);
    if (rows.length === 0) throw notFound('payment', paymentId);
    return rows.map(toPaymentEvent);
  }

  async settings(db: Db, venueId: string): Promise<PaymentSettings> {
    const row = await repo.paymentSettingsOf(db, venueId);
    if (!row) return DEFAULT_PAYMENT_SETTINGS;
    return { tipTolerancePercent: row.tip_tolerance_percent, holdExpiryDays: row.hold_expiry_days, dayClosePolicy: row.day_close_policy === 'capture' ? 'capture' : 'release' };
  }

  /** Changes the venue's payment rules; fields left out keep their value (or the default). */
  async saveSettings(db: Db, venueId: string, input: UpdatePaymentSettingsInput): Promise<PaymentSettings> {
    const next: PaymentSettings = { ...(await this.settings(db, venueId)), ...input };
    await repo.savePaymentSettings(db, { venue_id: venueId, tip_tolerance_percent: next.tipTolerancePercent, hold_expiry_days: next.holdExpiryDays, day_close_policy: next.dayClosePolicy });
    return next;
  }

  /** The terminal authorized (held) money on the card, declined, or did not answer in time. */
  async hold(db: Db, actor: Actor, paymentId: string, input: HoldPaymentInput) {
    const row = await this.lock(db, actor, paymentId, 'hold');
    const order = await this.services.orders.get(db, actor.venueId, row.order_id);
    if (order.status !== 'open') throw conflict('order.closed', `Order ${order.number} is already ${order.status}`);
    const amount = input.amount ?? row.amount;
    // The tablet reports the hold. It covers the payment and at most a tip within the venue's
    // tolerance (tap to pay charges amount + tip at once and records that as the hold), no more.
    const { tipTolerancePercent } = await this.settings(db, actor.venueId);
    const limit = row.amount + tipLimit(row.amount, tipTolerancePercent);
    if (amount > limit) throw conflict('payment.hold_exceeds_payment', `A hold covers the payment (${row.amount}) and a tip within the tolerance: at most ${limit}`, { limit });
    const now = nowIso();
    const terminal = terminalPatch(input);
    switch (input.outcome ?? 'approved') {
      case 'approved': {
        const { holdExpiryDays } = await this.settings(db, actor.venueId);
        return this.move(db, actor, row, 'hold', 'authorized', { ...terminal, held_amount: amount, expires_at: addMs(now, holdExpiryDays * DAY_MS) }, amount, 0, input.reason, now);
      }
      case 'declined':
        return this.move(db, actor, row, 'hold', 'failed', terminal, amount, 0, input.reason, now);
      case 'timeout':
        return this.move(db, actor, row, 'hold', 'unknown', { ...terminal, pending_action: 'hold', pending_amount: amount, pending_tip: 0 }, amount, 0, input.reason, now);
    }
  }

  /**
   * Capture the hold (all or part, with a tip within the venue's tolerance of what is captured) or
   * sell directly from `created`. Capturing a payment that is already captured changes nothing.
   * The money books to the actor's own shift (another's named one needs shifts.book.other).
   */
  capture(db: Db, actor: Actor, paymentId: string, input: CapturePaymentInput) {
    return this.captureTo(db, actor, paymentId, input, () => this.services.shifts.shiftForPayment(db, actor, input.shiftId));
  }

  private async captureTo(db: Db, actor: Actor, paymentId: string, input: CapturePaymentInput, shiftOf: () => Promise<string>) {
    const row = await this.find(db, actor, paymentId);
    if (isCaptured(row.status)) {
      if ((input.amount === undefined || input.amount === row.amount) && (input.tip === undefined || input.tip === row.tip)) return outcome(toPayment(row));
      throw conflict('payment.already_captured', 'This payment was captured already, with another amount', { amount: row.amount, tip: row.tip });
    }
    this.assertCan(row, 'capture');
    const order = await this.services.orders.lockForPayment(db, actor.venueId, row.order_id);
    const due = this.dueFor(order, row.check_index ?? undefined);
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
    if (tip > 0) await this.assertTipWithinTolerance(db, actor.venueId, tip, amount);

    const now = nowIso();
    const terminal = terminalPatch(input);
    switch (input.outcome ?? 'approved') {
      case 'approved':
        return this.book(db, actor, row, 'capture', { ...terminal, ...NO_PENDING }, amount, tip, input.reason, now, shiftOf);
      case 'declined':
        return this.move(db, actor, row, 'capture', 'failed', terminal, amount, tip, input.reason, now);
      case 'timeout':
        return this.move(db, actor, row, 'capture', 'unknown', { ...terminal, pending_action: 'capture', pending_amount: amount, pending_tip: tip }, amount, tip, input.reason, now);
    }
  }

  /** Void a hold (or a payment never sent to the terminal). */
  async cancel(db: Db, actor: Actor, paymentId: string, input: CancelPaymentInput) {
    const row = await this.lock(db, actor, paymentId, 'cancel');
    return this.move(db, actor, row, 'cancel', 'cancelled', {}, row.held_amount, 0, input.reason, nowIso());
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
    const drawer = await this.services.shifts.shiftForRefund(db, actor, input.shiftId, row.shift_id);
    const shiftId = drawer.id;
    const now = nowIso();
    const refunded = row.refunded_amount + input.amount;
    const to: PaymentStatus = refunded === captured ? 'refunded' : 'partially_refunded';
    const moved = await this.move(db, actor, row, 'refund', to, { refunded_amount: refunded }, input.amount, 0, input.reason, now);
    await repo.appendLedger(db, [this.ledgerRow(actor, row, shiftId, 'refund', input.amount, now)]);
    const changed = await this.services.orders.afterRefund(db, actor.venueId, row.order_id);
    // Built inside the command, so a replay of the same request answers this very slip.
    const venue = await this.services.auth.venue(db, actor.venueId);
    const result: RefundResult = {
      ...moved.value,
      refundReceipt: {
        refundId: moved.transitionId,
        paymentId: row.id,
        venueName: venue.name,
        currency: venue.currency,
        orderNumber: changed.value.number,
        tableLabel: changed.value.tableLabel,
        method: row.method as TenderMethod,
        maskedCard: row.masked_card,
        reference: row.reference,
        captured,
        amount: input.amount,
        refundedTotal: refunded,
        refundable: captured - refunded,
        reason: input.reason,
        staffName: actor.staffName,
        drawer: { shiftId, cashierName: drawer.cashierName },
        issuedAt: now,
      },
    };
    return outcome(result, [...moved.events, ...changed.events]);
  }

  /** The terminal's answer for a payment left `unknown` by a timeout. */
  async reconcile(db: Db, actor: Actor, paymentId: string, input: ReconcilePaymentInput) {
    const row = await this.lock(db, actor, paymentId, 'reconcile');
    const now = nowIso();
    const terminal = { ...terminalPatch(input), ...NO_PENDING };
    if (input.outcome === 'declined') return this.move(db, actor, row, 'reconcile', 'failed', terminal, row.pending_amount, row.pending_tip, input.reason, now);
    if (input.outcome === 'reversed') return this.move(db, actor, row, 'reconcile', 'cancelled', terminal, row.pending_amount, row.pending_tip, input.reason, now);
    if (row.pending_action === 'hold') {
      const { holdExpiryDays } = await this.settings(db, actor.venueId);
      return this.move(db, actor, row, 'reconcile', 'authorized', { ...terminal, held_amount: row.pending_amount, expires_at: addMs(now, holdExpiryDays * DAY_MS) }, row.pending_amount, 0, input.reason, now);
    }
    // The terminal took the money: it is booked even if the bill was settled meanwhile (never lost;
    // an overpayment is refunded from the order list).
    const order = await this.services.orders.get(db, actor.venueId, row.order_id);
    if (order.status === 'open') await this.services.orders.lockForPayment(db, actor.venueId, order.id);
    const shiftOf = () => this.services.shifts.shiftForPayment(db, actor);
    return this.book(db, actor, row, 'reconcile', terminal, row.pending_amount, row.pending_tip, input.reason, now, shiftOf, order.status === 'open');
  }

  /** Authorized holds past the venue's expiry, listed for the cashier. */
  async expiredHolds(db: Db, venueId: string) {
    const settings = await this.settings(db, venueId);
    return { settings, holds: (await repo.expiredHolds(db, venueId, nowIso())).map(toPayment) };
  }

  /**
   * Day close: expired holds are captured or released, as the venue chose. Captures book to
   * `closingShiftId` when given (the shift being closed, whoever closes it: the close checked
   * they may), else to the actor's own open shift.
   */
  async settleExpiredHolds(db: Db, actor: Actor, closingShiftId?: string) {
    const shiftOf = () => (closingShiftId ? this.services.shifts.closingShift(db, actor.venueId, closingShiftId) : this.services.shifts.shiftForPayment(db, actor));
    const { settings, holds } = await this.expiredHolds(db, actor.venueId);
    const captured: Payment[] = [];
    const released: Payment[] = [];
    const events: OutboundEvent[] = [];
    for (const hold of holds) {
      const order = await this.services.orders.get(db, actor.venueId, hold.orderId);
      const due = order.status === 'open' ? this.dueFor(order, hold.checkIndex ?? undefined) : 0;
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
    const moved = await this.move(db, actor, row, action, 'captured', { ...patch, amount, tip }, amount, tip, reason, now);
    await repo.appendLedger(db, this.ledgerRows(actor, row, shiftId, amount, tip, now));
    const changed = isOrderOpen ? await this.services.orders.afterPayment(db, actor.venueId, row.order_id, shiftId) : await this.services.orders.afterRefund(db, actor.venueId, row.order_id);
    return outcome(moved.value, [...moved.events, ...changed.events]);
  }

  /** One transition of the table: the row changes, the log gains a row, screens hear of it. */
  private async move(
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
  private async logTransition(db: Db, actor: Actor, row: PaymentsTable, action: PaymentAction, from: string | null, to: string, amount: number, tip: number, reason: string | null, now: string) {
    const id = newId();
    await repo.appendPaymentEvent(db, { id, venue_id: actor.venueId, payment_id: row.id, action, from_status: from, to_status: to, amount, tip, staff_id: actor.staffId, reason, created_at: now });
    return id;
  }

  /**
   * A card tip is a figure the tablet reports, and what is refundable to the card: it stays within
   * the venue's tip tolerance of what it pays for. A cash tip is money in the drawer (the tendered
   * cash covers it, the close counts it; "keep the change" is often more), so it is not bounded.
   * The pay dialog puts the whole bill's tip on one card tender, so a command's card tips count
   * together against everything the command pays.
   */
  private async assertCardTipsWithinTolerance(db: Db, venueId: string, input: CreatePaymentInput, amount: number) {
    const cardTips = input.tenders.reduce((s, t) => s + (settlementMethod(t.method) === 'card' ? (t.tip ?? 0) : 0), 0);
    if (cardTips > 0) await this.assertTipWithinTolerance(db, venueId, cardTips, amount);
  }

  private async assertTipWithinTolerance(db: Db, venueId: string, tip: number, amount: number) {
    const { tipTolerancePercent } = await this.settings(db, venueId);
    const limit = tipLimit(amount, tipTolerancePercent);
    if (tip > limit) throw conflict('payment.tip_over_tolerance', `A tip of at most ${tipTolerancePercent} % (${limit}) of ${amount}`, { limit });
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

  private ledgerRow(actor: Actor, p: PaymentsTable, shiftId: string, kind: 'sale' | 'tip' | 'refund', amount: number, now: string): LedgerEntriesTable {
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

  private ledgerRows(actor: Actor, p: PaymentsTable, shiftId: string, amount: number, tip: number, now: string): LedgerEntriesTable[] {
    return [this.ledgerRow(actor, p, shiftId, 'sale', amount, now), ...(tip > 0 ? [this.ledgerRow(actor, p, shiftId, 'tip', tip, now)] : [])];
  }

  /**
   * The guest's receipt: the payments that took money (captured, refunded in part or whole), each
   * with what was given back of it, and the order's refunded total; the net is paid − refunded.
   */
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
      payments: payments.map((p) => ({ method: p.method, amount: p.amount, tip: p.tip, refunded: p.refunded, maskedCard: p.maskedCard })),
      refunded: payments.reduce((s, p) => s + p.refunded, 0),
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
