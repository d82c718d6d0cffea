import { type CustomerProfile, lineTotal, type Order, type Payment, type PaymentResult, type RedeemPointsInput } from '@pos/contracts';
import { nowIso } from '../../../shared/clock';
import { type Actor, type Db, type OutboundEvent, type Outcome, outcome } from '../../../shared/command';
import { conflict } from '../../../shared/errors';
import { newId } from '../../../shared/ids';
import type { LoyaltyDeps } from '../deps';
import { earnedPoints, earnsPoints, eligibleAmount, returnedTotal, reversedTotal } from './points-math';
import * as repo from './repository';

const RECENT_VISITS = 5;
const RECENT_MOVEMENTS = 20;

/** Payments that still hold money the guest paid (a fully refunded one has nothing left to earn on). */
const EARNING_STATUSES: readonly Payment['status'][] = ['captured', 'partially_refunded'];

/**
 * A guest's points (issue 18): the guest on an order, points earned on what money paid and spent
 * as a tender, both reversed pro rata by refunds; the visits; the profile the till shows. Every
 * movement is an append-only `points_movements` row written with the cached balance.
 */
export class PointsService {
  constructor(private readonly deps: LoyaltyDeps) {}

  /**
   * Attaches a guest to an open order. The same guest again changes nothing; another guest is
   * refused once points were earned or spent on the order (they belong to the first). Payments
   * already captured on the order that earned nothing yet earn now.
   */
  async attach(db: Db, actor: Actor, orderId: string, customerId: string): Promise<Outcome<Order>> {
    await this.deps.settings.requireOn(db, actor.venueId);
    const order = await this.deps.orders.hooks.lockForGuest(db, actor.venueId, orderId);
    await this.deps.customers.get(db, actor.venueId, customerId);
    if (order.customer?.id === customerId) return outcome(order);
    if (order.customer) await this.assertNoPoints(db, order);
    const changed = await this.deps.orders.hooks.setGuest(db, actor.venueId, orderId, customerId);
    await this.accrueEarlier(db, actor, customerId, changed.value);
    return changed;
  }

  /** Takes the guest off an open order, unless points were earned or spent on it. No guest: nothing to do. */
  async detach(db: Db, actor: Actor, orderId: string): Promise<Outcome<Order>> {
    const order = await this.deps.orders.hooks.lockForGuest(db, actor.venueId, orderId);
    if (!order.customer) return outcome(order);
    await this.assertNoPoints(db, order);
    return this.deps.orders.hooks.setGuest(db, actor.venueId, orderId, null);
  }

  /** Points earned or spent on an order belong to its guest: the guest stays. */
  private async assertNoPoints(db: Db, order: Order) {
    if (await repo.hasMovements(db, order.id)) {
      throw conflict('loyalty.customer_locked', `Points were earned or spent on order ${order.number} by its guest: the guest stays`, { customerId: order.customer?.id });
    }
  }

  /** What the till shows of a guest: profile, balance, the point's value, last visits and movements. */
  async profile(db: Db, venueId: string, customerId: string): Promise<CustomerProfile> {
    const customer = await this.deps.customers.get(db, venueId, customerId);
    const [settings, points, visits, movements] = await Promise.all([
      this.deps.settings.settings(db, venueId),
      repo.balanceOf(db, venueId, customerId),
      repo.recentVisits(db, venueId, customerId, RECENT_VISITS),
      repo.recentMovements(db, venueId, customerId, RECENT_MOVEMENTS),
    ]);
    return {
      customer,
      points,
      pointValue: settings.pointValue,
      lastVisits: visits.map((v) => ({ orderId: v.order_id, orderNumber: v.order_number, total: v.total, closedAt: v.closed_at })),
      pointsHistory: movements.map((m) => ({
        id: m.id,
        kind: m.kind as CustomerProfile['pointsHistory'][number]['kind'],
        points: m.points,
        orderId: m.order_id,
        orderNumber: m.order_number ?? null,
        paymentId: m.payment_id,
        createdAt: m.created_at,
      })),
    };
  }

  /**
   * Spends the attached guest's points on the bill (or one check): a `points` payment of
   * points × the venue's point value, through finance. The balance is taken in one conditional
   * UPDATE, so concurrent spends never overspend; a short balance is a 409 and nothing is written.
   */
  async redeem(db: Db, actor: Actor, input: RedeemPointsInput): Promise<Outcome<PaymentResult>> {
    await this.deps.settings.requireOn(db, actor.venueId);
    const { pointValue } = await this.deps.settings.settings(db, actor.venueId);
    const tender = { orderId: input.orderId, checkIndex: input.checkIndex, method: 'points' as const, amount: input.points * pointValue, reference: `${input.points} pt` };
    return this.deps.finance.taking.payStoredValue(db, actor, tender, async (paymentId, order) => {
      const customerId = order.customer?.id;
      if (!customerId) throw conflict('loyalty.no_customer', 'Attach a guest to the order to spend points');
      if (!(await repo.takePoints(db, actor.venueId, customerId, input.points))) {
        const balance = await repo.balanceOf(db, actor.venueId, customerId);
        throw conflict('loyalty.insufficient_points', `The guest has ${balance} points`, { balance });
      }
      await repo.insertMovement(db, this.movement(actor, customerId, order.id, paymentId, null, 'spend', -input.points));
    });
  }

  /** Finance's listener: payments captured on `order` earn for its guest; an order that became paid is a visit. */
  async captured(db: Db, actor: Actor, payments: Payment[], order: Order): Promise<OutboundEvent[]> {
    const customerId = order.customer?.id;
    if (!customerId) return [];
    const earning = payments.filter((p) => earnsPoints(p.method));
    if (earning.length > 0) {
      const giftCards = this.giftCardTotal(order);
      const settings = await this.deps.settings.settings(db, actor.venueId);
      for (const payment of earning) await this.earn(db, actor, customerId, order, payment, giftCards, settings);
    }
    if (order.status === 'paid') {
      const closedAt = order.closedAt ?? nowIso();
      const isNew = await repo.insertVisit(db, { order_id: order.id, venue_id: actor.venueId, customer_id: customerId, order_number: order.number, total: order.total, closed_at: closedAt });
      if (isNew) await repo.countVisit(db, customerId, closedAt);
    }
    return [];
  }

  /**
   * Finance's listener: a refund of `payment` (its `refunded` already counts it). Earned points
   * are taken back and spent points given back pro rata — computed on the payment's totals, so
   * the sum over partial refunds is exact and a full refund moves everything.
   */
  async refunded(db: Db, actor: Actor, payment: Payment, _amount: number, order: Order, refundId: string): Promise<OutboundEvent[]> {
    // A guest is attached to open orders only, under the order's lock, and earns then for what was
    // paid and refunded so far. Taking that lock here too makes a concurrent attach and refund run
    // one after the other on PostgreSQL: neither misses the other's points.
    if (order.status === 'open') await this.deps.orders.hooks.lock(db, order.id);
    if (earnsPoints(payment.method)) await this.reverseEarned(db, actor, payment, refundId);
    if (payment.method === 'points') await this.returnSpent(db, actor, payment, refundId);
    return [];
  }

  private async earn(db: Db, actor: Actor, customerId: string, order: Order, payment: Payment, giftCards: number, settings: { earnPercent: number; pointValue: number }) {
    const points = earnedPoints(eligibleAmount(payment.amount, order.total, giftCards), settings.earnPercent, settings.pointValue);
    if (points === 0) return;
    await repo.appendMovement(db, this.movement(actor, customerId, order.id, payment.id, null, 'earn', points));
    // Attached after a partial refund: what that refund would have taken back goes at once.
    if (payment.refunded > 0) await this.reverseEarned(db, actor, payment, null);
  }

  /** Payments captured before the guest was attached that earned nothing yet. */
  private async accrueEarlier(db: Db, actor: Actor, customerId: string, order: Order) {
    const earned = new Set(await repo.earnedPaymentIds(db, order.id));
    const payments = (await this.deps.finance.ledger.payments(db, actor.venueId, order.id)).filter((p) => EARNING_STATUSES.includes(p.status) && earnsPoints(p.method) && !earned.has(p.id));
    if (payments.length === 0) return;
    const giftCards = this.giftCardTotal(order);
    const settings = await this.deps.settings.settings(db, actor.venueId);
    for (const payment of payments) await this.earn(db, actor, customerId, order, payment, giftCards, settings);
  }

  private async reverseEarned(db: Db, actor: Actor, payment: Payment, refundId: string | null) {
    const movements = await repo.movementsOfPayment(db, payment.id);
    const earned = movements.find((m) => m.kind === 'earn');
    if (!earned) return;
    const soFar = -movements.filter((m) => m.kind === 'earn_reversal').reduce((s, m) => s + m.points, 0);
    const more = reversedTotal(earned.points, payment.amount + payment.tip, payment.refunded) - soFar;
    if (more > 0) await repo.appendMovement(db, this.movement(actor, earned.customer_id, payment.orderId, payment.id, refundId, 'earn_reversal', -more));
  }

  private async returnSpent(db: Db, actor: Actor, payment: Payment, refundId: string) {
    const movements = await repo.movementsOfPayment(db, payment.id);
    const spend = movements.find((m) => m.kind === 'spend');
    if (!spend) return;
    const soFar = movements.filter((m) => m.kind === 'spend_return').reduce((s, m) => s + m.points, 0);
    const more = returnedTotal(-spend.points, payment.amount + payment.tip, payment.refunded) - soFar;
    if (more > 0) await repo.appendMovement(db, this.movement(actor, spend.customer_id, payment.orderId, payment.id, refundId, 'spend_return', more));
  }

  /** The order's gift-card lines (charge lines: a gift card sold on it): their purchase earns nothing. */
  private giftCardTotal(order: Order): number {
    return order.lines.filter((l) => l.isCharge).reduce((s, l) => s + lineTotal(l), 0);
  }

  private movement(actor: Actor, customerId: string, orderId: string, paymentId: string, refundId: string | null, kind: 'earn' | 'spend' | 'earn_reversal' | 'spend_return', points: number) {
    return { id: newId(), venue_id: actor.venueId, customer_id: customerId, order_id: orderId, payment_id: paymentId, refund_id: refundId, kind, points, staff_id: actor.staffId, created_at: nowIso() };
  }
}
