import type { OrdersTable } from '../../db/schema';
import { nowIso } from '../../shared/clock';
import { type Db, event, type OutboundEvent, outcome } from '../../shared/command';
import { conflict, notFound } from '../../shared/errors';
import type { VenuesService } from '../venues/service';
import type { OrderPricing } from './order-pricing';
import type { OrderReads } from './order-reads';
import { assertOrderFits, type OrderGrowth } from './order-limits';
import * as repo from './repository';

/**
 * The protocol every order command shares: lock the order (and bump its version), check it
 * still fits the limits, and answer with the order and the events screens need.
 */
export class OrderEdits {
  constructor(
    private readonly reads: OrderReads,
    private readonly venues: VenuesService,
    private readonly pricing: OrderPricing,
  ) {}

  /**
   * Events every order change sends: the order itself and, for a table order, its table. The
   * order is priced first (promotions): every change re-evaluates them, in the same transaction.
   */
  async changed(db: Db, venueId: string, orderId: string, extra: OutboundEvent[] = []) {
    const row = await repo.findOrder(db, venueId, orderId);
    if (!row) throw notFound('order', orderId);
    // Pricing changes neither the order's row nor its lines: both are read once, for it and for the answer.
    const lines = await repo.linesOf(db, [orderId]);
    await this.pricing.reprice(db, venueId, row, undefined, lines);
    const order = await this.reads.assembleOne(db, row, lines);
    const events: OutboundEvent[] = [...extra, event('order.updated', { venueId, order })];
    if (order.tableId) events.push(await this.venues.tableEvent(db, venueId, order.tableId));
    return outcome(order, events);
  }

  /**
   * Locks the order for this transaction and checks it can still be edited. An edit bumps the
   * version; `lockOnly` takes the lock without it, for a command that may turn out to change nothing.
   */
  async beginEdit(db: Db, venueId: string, orderId: string, expectedVersion?: number, lockOnly = false): Promise<OrdersTable> {
    const row = await repo.findOrder(db, venueId, orderId);
    if (!row) throw notFound('order', orderId);
    const locked = lockOnly ? await repo.lockOrder(db, orderId) : await repo.bumpVersion(db, orderId, nowIso(), expectedVersion);
    if (!locked) {
      const current = await repo.findOrder(db, venueId, orderId);
      throw conflict('order.version_conflict', 'Someone else changed this order; reload it and try again', {
        currentVersion: current?.version,
      });
    }
    if (row.status !== 'open') throw conflict('order.closed', `Order ${row.number} is ${row.status}`);
    return row;
  }

  /**
   * Refuses a change that would grow the order (or its table's open bill) past the limits
   * (order-limits.ts). Commands call it before they write lines or take stock.
   */
  async assertRoomFor(db: Db, venueId: string, orderId: string, growth: OrderGrowth): Promise<void> {
    const order = await this.reads.get(db, venueId, orderId);
    const tableOpenTotal = order.sessionId && growth.amount > 0 ? await this.tableOpenTotal(db, venueId, order.sessionId) : null;
    assertOrderFits({ lineCount: order.lines.length, subtotal: order.subtotal, tableOpenTotal }, growth);
  }

  async tableOpenTotal(db: Db, venueId: string, sessionId: string): Promise<number> {
    return (await this.reads.openSessionSummaries(db, venueId, [sessionId])).get(sessionId)?.openTotal ?? 0;
  }
}
