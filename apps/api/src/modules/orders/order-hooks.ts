import { type Order, standingQuantity } from '@pos/contracts';
import type { OrdersTable } from '../../db/schema';
import { nowIso } from '../../shared/clock';
import { type Actor, type Db, event, type OutboundEvent } from '../../shared/command';
import { conflict, notFound } from '../../shared/errors';
import type { UpsellService } from '../upsell/service';
import type { SessionOrders } from '../venues/ports';
import type { OrderEdits } from './order-edits';
import type { OrderFiring } from './order-firing';
import { assertTablesFit } from './order-limits';
import type { OrderReads } from './order-reads';
import * as repo from './repository';

/**
 * What other domains ask of orders: the floor (table totals, closing, transfer, merge — the
 * venues port `SessionOrders`), payments (lock, then settle or refund) and shifts (open checks).
 */
export class OrderHooks implements SessionOrders {
  constructor(
    private readonly reads: OrderReads,
    private readonly edits: OrderEdits,
    private readonly firing: OrderFiring,
    private readonly upsell: UpsellService,
  ) {}

  /** Open-order totals per open table session, for the floor map. */
  openSessionSummaries(db: Db, venueId: string, sessionIds: string[]) {
    return this.reads.openSessionSummaries(db, venueId, sessionIds);
  }

  /** Before parties are seated together: their open bills must fit one table (422 otherwise). */
  async assertSessionsFitTogether(db: Db, venueId: string, sessionIds: string[]): Promise<void> {
    const summaries = await this.reads.openSessionSummaries(db, venueId, sessionIds);
    assertTablesFit(sessionIds.map((id) => summaries.get(id)?.openTotal ?? 0));
  }

  /** Before a table closes: empty orders are voided, anything with money still due blocks it. */
  async settleSessionForClose(db: Db, actor: Actor, sessionId: string): Promise<OutboundEvent[]> {
    // Lock the session's orders first, so nobody adds a dish to an "empty" order being voided.
    const now0 = nowIso();
    for (const row of await repo.listOrders(db, actor.venueId, { status: 'open', sessionId })) await repo.bumpVersion(db, row.id, now0);
    const orders = await this.reads.list(db, actor.venueId, { status: 'open', sessionId });
    const unpaid = orders.filter((o) => o.total > 0 || o.paid > 0);
    if (unpaid.length > 0) {
      throw conflict('table.unpaid_orders', `Orders still to pay: ${unpaid.map((o) => `№${o.number}`).join(', ')}`, {
        orderIds: unpaid.map((o) => o.id),
      });
    }
    const unsent = orders.filter((o) => o.lines.some((l) => standingQuantity(l) < l.firedQuantity));
    const events: OutboundEvent[] = [];
    for (const o of unsent) events.push(...(await this.firing.send(db, actor, o.id, {})).events);
    const now = nowIso();
    for (const o of orders) {
      await repo.updateOrder(db, o.id, { status: 'void', closed_at: now });
      await repo.bumpVersion(db, o.id, now);
      events.push(event('order.updated', { venueId: actor.venueId, order: await this.reads.get(db, actor.venueId, o.id) }));
    }
    return events;
  }

  /** Moves a session's open orders to another waiter, table or session (transfer, merge). */
  async reassignSession(db: Db, venueId: string, sessionId: string, to: { waiterId?: string; tableId?: string; sessionId?: string }) {
    const moved = await repo.moveSessionOrders(
      db,
      sessionId,
      { ...(to.waiterId ? { waiter_id: to.waiterId } : {}), ...(to.tableId ? { table_id: to.tableId } : {}), ...(to.sessionId ? { session_id: to.sessionId } : {}) },
      nowIso(),
    );
    const events: OutboundEvent[] = [];
    for (const { id } of moved) events.push(event('order.updated', { venueId, order: await this.reads.get(db, venueId, id) }));
    return events;
  }

  /** After a payment: lock, and close the order once nothing is due. */
  async lockForPayment(db: Db, venueId: string, orderId: string): Promise<Order> {
    if (!(await repo.findOrder(db, venueId, orderId))) throw notFound('order', orderId);
    await repo.bumpVersion(db, orderId, nowIso());
    // Read again under the lock: another payment may have closed it meanwhile.
    const order = await this.reads.get(db, venueId, orderId);
    if (order.status !== 'open') throw conflict('order.closed', `Order ${order.number} is already ${order.status}`);
    return order;
  }

  async afterPayment(db: Db, venueId: string, orderId: string, shiftId: string) {
    const order = await this.reads.get(db, venueId, orderId);
    const patch: Partial<OrdersTable> = {};
    if (!order.shiftId) patch.shift_id = shiftId;
    if (order.due === 0 && order.total > 0) {
      patch.status = 'paid';
      patch.closed_at = nowIso();
      // What was eaten together feeds "often ordered together" (a combo counts as its dishes).
      const eaten = order.lines.filter((l) => l.comboId === undefined && !l.isCharge && standingQuantity(l) > 0).map((l) => l.productId);
      await this.upsell.recordPaidOrder(db, venueId, eaten);
    }
    if (Object.keys(patch).length) await repo.updateOrder(db, orderId, patch);
    return this.edits.changed(db, venueId, orderId);
  }

  /**
   * Loyalty (issue 18), before it changes the guest on an order: the order locked for the
   * transaction without a version bump (a command that may change nothing), open orders only.
   */
  async lockForGuest(db: Db, venueId: string, orderId: string): Promise<Order> {
    await this.edits.beginEdit(db, venueId, orderId, undefined, true);
    return this.reads.get(db, venueId, orderId);
  }

  /** Takes the order's row lock for the transaction, changing nothing (whatever its status). */
  async lock(db: Db, orderId: string): Promise<void> {
    await repo.lockOrder(db, orderId);
  }

  /** Stores the loyalty guest of an order locked by `lockForGuest` and answers like any edit (version bump, `order.updated`). */
  async setGuest(db: Db, venueId: string, orderId: string, customerId: string | null) {
    const now = nowIso();
    await repo.updateOrder(db, orderId, { customer_id: customerId });
    await repo.bumpVersion(db, orderId, now);
    return this.edits.changed(db, venueId, orderId);
  }

  /**
   * Integrations (issue 20): marks an order just taken as a delivery partner's — its id there and
   * the delivery details — and answers like any edit (version bump, `order.updated`).
   */
  async markDelivery(db: Db, venueId: string, orderId: string, delivery: { integrationId: string; externalId: string; details: Record<string, unknown> }) {
    await repo.updateOrder(db, orderId, { source: 'delivery', integration_id: delivery.integrationId, external_id: delivery.externalId, delivery: JSON.stringify(delivery.details) });
    await repo.bumpVersion(db, orderId, nowIso());
    return this.edits.changed(db, venueId, orderId);
  }

  /**
   * Integrations: the partner's status of a delivery order; `close` voids an open order whose lines
   * were all voided (a cancelled delivery).
   */
  async setExternalStatus(db: Db, venueId: string, orderId: string, status: string, close = false) {
    const patch: Partial<OrdersTable> = { external_status: status };
    if (close) {
      const order = await this.reads.get(db, venueId, orderId);
      if (order.status === 'open' && order.total === 0 && order.paid === 0) Object.assign(patch, { status: 'void', closed_at: nowIso() });
    }
    await repo.updateOrder(db, orderId, patch);
    await repo.bumpVersion(db, orderId, nowIso());
    return this.edits.changed(db, venueId, orderId);
  }

  /** After a refund: the order keeps its status (a paid order stays closed); paid and due change. */
  async afterRefund(db: Db, venueId: string, orderId: string) {
    return this.edits.changed(db, venueId, orderId);
  }
}
