import type { BlockGiftCardInput, GiftCard, GiftCardDetails, GiftCardStatus, Order, Payment, RedeemGiftCardInput, SellGiftCardInput, SellGiftCardResult } from '@pos/contracts';
import type { GiftCardMovementsTable, GiftCardsTable } from '../../../db/schema';
import { addMs, nowIso } from '../../../shared/clock';
import { type Actor, type Db, type OutboundEvent, outcome } from '../../../shared/command';
import { conflict, type DomainError, notFound } from '../../../shared/errors';
import { newId } from '../../../shared/ids';
import type { LoyaltyDeps } from '../deps';
import { maskGiftCardCode, newGiftCardCode } from './codes';
import * as repo from './repository';

const DAY_MS = 86_400_000;

const isExpired = (card: Pick<GiftCardsTable, 'expires_at'>, now: string) => card.expires_at !== null && card.expires_at <= now;

/**
 * Gift cards (issue 18): sold as a line on an order (pending), active once that order is paid,
 * redeemed as a tender through finance's `payStoredValue` (one conditional UPDATE: never below
 * zero, however many tills redeem at once), given back by refunds — a refunded redeem to the same
 * card, a refunded sale off the card sold — and blocked or unblocked by a supervisor. Every change
 * of a card is a row of its append-only history.
 */
export class GiftCardsService {
  constructor(private readonly deps: LoyaltyDeps) {}

  /** A pending card and its line on the order (a new counter order when none is named). */
  async sell(db: Db, actor: Actor, input: SellGiftCardInput) {
    await this.deps.settings.requireOn(db, actor.venueId);
    const events: OutboundEvent[] = [];
    let orderId = input.orderId;
    if (!orderId) {
      const created = await this.deps.orders.taking.create(db, actor, {});
      orderId = created.value.id;
      events.push(...created.events);
    }
    const product = await this.deps.menu.giftCardProduct(db, actor.venueId);
    let code = newGiftCardCode();
    // 65 random bits: a clash is all but impossible, and checked rather than left to the unique index.
    while (await repo.findByCode(db, actor.venueId, code)) code = newGiftCardCode();
    const line = await this.deps.orders.lines.addChargeLine(db, actor, orderId, { productId: product.id, name: `${product.name} ${maskGiftCardCode(code)}`, unitPrice: input.amount });
    const { currency } = await this.deps.auth.venue(db, actor.venueId);
    const now = nowIso();
    const card: GiftCardsTable = {
      id: newId(), venue_id: actor.venueId, code, status: 'pending', initial_amount: input.amount, balance: 0, currency, expires_at: null,
      sale_order_id: orderId, sale_line_id: line.lineId, activated_at: null, blocked_reason: null, created_by: actor.staffId, created_at: now, updated_at: now,
    };
    await repo.insertCard(db, card);
    await this.move(db, actor, card, 'issue', 0, 0, now, { order_id: orderId });
    const result: SellGiftCardResult = { card: toGiftCard(card, now), order: line.value };
    return outcome(result, [...events, ...line.events]);
  }

  /** The card by its code, with its history (who did what). */
  async details(db: Db, venueId: string, code: string): Promise<GiftCardDetails> {
    const card = await this.find(db, venueId, code);
    return this.describe(db, card);
  }

  /** Pays part of a bill from the card: a stored-value payment whose `take` spends the balance in one statement. */
  async redeem(db: Db, actor: Actor, input: RedeemGiftCardInput) {
    const card = await this.find(db, actor.venueId, input.code);
    const tender = { orderId: input.orderId, checkIndex: input.checkIndex, method: 'giftcard' as const, amount: input.amount, reference: maskGiftCardCode(card.code) };
    return this.deps.finance.taking.payStoredValue(db, actor, tender, async (paymentId, order) => {
      const now = nowIso();
      const taken = await repo.redeemBalance(db, card.id, input.amount, now);
      if (!taken) throw refusal(await repo.findById(db, card.id), input.amount, now);
      await this.move(db, actor, card, 'redeem', -input.amount, Number(taken.balance), now, { order_id: order.id, payment_id: paymentId });
    });
  }

  async block(db: Db, actor: Actor, code: string, input: BlockGiftCardInput) {
    return this.setBlocked(db, actor, code, input.reason, true);
  }

  async unblock(db: Db, actor: Actor, code: string, input: BlockGiftCardInput) {
    return this.setBlocked(db, actor, code, input.reason, false);
  }

  /**
   * Finance's port: once the order is paid, the cards sold on it become active (valid for the
   * venue's `giftCardExpiryDays`) — or cancelled when their line was voided before the payment.
   */
  async captured(db: Db, actor: Actor, _payments: Payment[], order: Order): Promise<OutboundEvent[]> {
    if (order.status !== 'paid') return [];
    const pending = (await repo.cardsSoldOn(db, order.id)).filter((c) => c.status === 'pending');
    if (pending.length === 0) return [];
    const { giftCardExpiryDays } = await this.deps.settings.settings(db, actor.venueId);
    const now = nowIso();
    for (const card of pending) {
      const line = order.lines.find((l) => l.id === card.sale_line_id);
      if (line && line.quantity - line.voidedQuantity > 0) {
        await repo.updateCard(db, card.id, { status: 'active', activated_at: now, expires_at: addMs(now, giftCardExpiryDays * DAY_MS), updated_at: now });
        await repo.restoreBalance(db, card.id, card.initial_amount, now);
        await this.move(db, actor, card, 'activate', card.initial_amount, card.initial_amount, now, { order_id: order.id });
      } else {
        await repo.updateCard(db, card.id, { status: 'cancelled', updated_at: now });
        await this.move(db, actor, card, 'cancel', 0, 0, now, { order_id: order.id, reason: 'The sale line was voided' });
      }
    }
    return [];
  }

  /**
   * Finance's port, after `amount` of `payment` was refunded (in the refund's transaction):
   * - a gift card payment: the amount goes back on the same card, linked to its redeem, whatever
   *   the card's state now (blocked or expired keeps the value, and its state);
   * - an order that sold cards: the refund comes off the order's other lines first; beyond them it
   *   takes the value off the cards sold (cancelled at zero). When what is left on them cannot
   *   cover it (already spent), the refund is refused — a 409 that rolls the whole refund back.
   */
  async refunded(db: Db, actor: Actor, payment: Payment, amount: number, order: Order, _refundId: string): Promise<OutboundEvent[]> {
    const now = nowIso();
    if (payment.method === 'giftcard') await this.restore(db, actor, payment, amount, now);
    await this.takeBackSold(db, actor, payment, order, now);
    return [];
  }

  private async restore(db: Db, actor: Actor, payment: Payment, amount: number, now: string) {
    const redeem = await repo.redeemOfPayment(db, payment.id);
    if (!redeem) throw conflict('giftcard.redeem_missing', 'No gift card redeem behind this payment');
    const restored = await repo.restoredFor(db, redeem.id);
    const redeemed = -redeem.amount;
    if (restored + amount > redeemed) {
      throw conflict('giftcard.restore_exceeds_redeem', `Only ${redeemed - restored} of this redeem can go back on the card`, { restorable: redeemed - restored });
    }
    const card = await repo.findById(db, redeem.gift_card_id);
    const { balance } = await repo.restoreBalance(db, card.id, amount, now);
    await this.move(db, actor, card, 'restore', amount, Number(balance), now, { order_id: payment.orderId, payment_id: payment.id, redeem_id: redeem.id });
  }

  private async takeBackSold(db: Db, actor: Actor, payment: Payment, order: Order, now: string) {
    const sold = (await repo.cardsSoldOn(db, order.id)).filter((c) => c.activated_at !== null);
    if (sold.length === 0) return;
    // What the order's payments still back of the cards' value: the rest must come off the cards.
    const issued = sold.reduce((s, c) => s + c.initial_amount, 0);
    const owed = Math.max(0, issued - order.paid) - (await repo.takenByRefunds(db, sold.map((c) => c.id)));
    if (owed <= 0) return;
    const left = sold.reduce((s, c) => s + c.balance, 0);
    if (left < owed) {
      throw conflict('giftcard.sale_refund_spent', `The gift card sold on this order was spent: only ${left} of it can be refunded now`, { refundable: left, needed: owed });
    }
    let rest = owed;
    // The newest card first: a refund undoes the last sale first.
    for (const card of [...sold].reverse()) {
      const take = Math.min(card.balance, rest);
      if (take === 0) continue;
      const taken = await repo.takeBalance(db, card.id, take, now);
      if (!taken) throw conflict('giftcard.sale_refund_spent', 'The gift card sold on this order was just spent; try again', { needed: owed });
      const balance = Number(taken.balance);
      if (balance === 0) await repo.updateCard(db, card.id, { status: 'cancelled', updated_at: now });
      await this.move(db, actor, card, 'cancel', -take, balance, now, { order_id: order.id, payment_id: payment.id, reason: 'The sale was refunded' });
      rest -= take;
      if (rest === 0) break;
    }
  }

  private async setBlocked(db: Db, actor: Actor, code: string, reason: string, blocked: boolean) {
    const card = await this.find(db, actor.venueId, code);
    const from: GiftCardStatus = blocked ? 'active' : 'blocked';
    if (card.status !== from) {
      throw conflict('giftcard.invalid_transition', `A ${card.status} card cannot be ${blocked ? 'blocked' : 'unblocked'}`, { cardStatus: card.status });
    }
    const now = nowIso();
    await repo.updateCard(db, card.id, { status: blocked ? 'blocked' : 'active', blocked_reason: blocked ? reason : null, updated_at: now });
    await this.move(db, actor, card, blocked ? 'block' : 'unblock', 0, card.balance, now, { reason });
    await this.deps.admin.audit(db, actor, blocked ? 'giftcard.blocked' : 'giftcard.unblocked', 'gift_card', card.id, { code: maskGiftCardCode(card.code), reason });
    return outcome(await this.describe(db, await repo.findById(db, card.id)));
  }

  private async find(db: Db, venueId: string, code: string): Promise<GiftCardsTable> {
    const card = await repo.findByCode(db, venueId, code);
    if (!card) throw notFound('giftcard');
    return card;
  }

  private async describe(db: Db, card: GiftCardsTable): Promise<GiftCardDetails> {
    const now = nowIso();
    const [movements, staff] = await Promise.all([repo.movementsOf(db, card.id), this.deps.auth.listStaff(db, card.venue_id)]);
    const nameOf = new Map(staff.map((s) => [s.id, s.name]));
    return {
      card: toGiftCard(card, now),
      movements: movements.map((m) => ({
        id: m.id,
        kind: m.kind as GiftCardDetails['movements'][number]['kind'],
        amount: m.amount,
        balanceAfter: m.balance_after,
        orderId: m.order_id,
        paymentId: m.payment_id,
        redeemId: m.redeem_id,
        staffName: nameOf.get(m.staff_id) ?? '',
        reason: m.reason,
        createdAt: m.created_at,
      })),
    };
  }

  private move(
    db: Db,
    actor: Actor,
    card: GiftCardsTable,
    kind: GiftCardMovementsTable['kind'],
    amount: number,
    balanceAfter: number,
    now: string,
    links: Partial<Pick<GiftCardMovementsTable, 'order_id' | 'payment_id' | 'redeem_id' | 'reason'>> = {},
  ) {
    return repo.insertMovement(db, {
      id: newId(), venue_id: card.venue_id, gift_card_id: card.id, kind, amount, balance_after: balanceAfter,
      order_id: links.order_id ?? null, payment_id: links.payment_id ?? null, redeem_id: links.redeem_id ?? null,
      staff_id: actor.staffId, reason: links.reason ?? null, created_at: now,
    });
  }
}

function toGiftCard(card: GiftCardsTable, now: string): GiftCard {
  return {
    id: card.id,
    code: card.code,
    status: card.status as GiftCardStatus,
    initialAmount: card.initial_amount,
    balance: Number(card.balance),
    currency: card.currency,
    expiresAt: card.expires_at,
    expired: isExpired(card, now),
    saleOrderId: card.sale_order_id,
    activatedAt: card.activated_at,
    blockedReason: card.blocked_reason,
    createdAt: card.created_at,
  };
}

/** Why the card refused a redeem, read after the conditional UPDATE changed nothing. */
function refusal(card: GiftCardsTable, amount: number, now: string): DomainError {
  const status = card.status as GiftCardStatus;
  if (status === 'blocked') return conflict('giftcard.blocked', 'This gift card is blocked', { cardStatus: status });
  if (status !== 'active') return conflict('giftcard.not_active', status === 'pending' ? 'This gift card is not paid for yet' : 'This gift card was cancelled', { cardStatus: status });
  if (isExpired(card, now)) return conflict('giftcard.expired', 'This gift card has expired', { expiresAt: card.expires_at });
  return conflict('giftcard.insufficient_balance', `Only ${card.balance} is left on this gift card`, { balance: Number(card.balance), amount });
}
