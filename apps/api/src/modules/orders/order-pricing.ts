import { type ApplyPromotionInput, type EngineLine, type OrderPromotions, unitTotal } from '@pos/contracts';
import type { Kysely } from 'kysely';
import type { Database, OrderLinesTable, OrdersTable } from '../../db/schema';
import { clock, nowIso } from '../../shared/clock';
import { type Actor, type Db, event, type OutboundEvent } from '../../shared/command';
import { conflict, notFound } from '../../shared/errors';
import { parseJson } from '../../shared/json';
import type { PricingInputs, PromotionsService } from '../promotions/service';
import type { VenuesService } from '../venues/service';
import type { OrderReads } from './order-reads';
import * as repo from './repository';

/**
 * Promotions on orders (issue 19): the server is the authority and prices an open order with the
 * pure engine on every change (`OrderEdits.changed` calls `reprice` before it answers), and again
 * when a window opens or closes or a gating flag flips (`tick`, every few seconds, once across
 * instances). A voided order gives back the uses it held; a paid one keeps its price.
 */
export class OrderPricing {
  constructor(
    private readonly reads: OrderReads,
    private readonly venues: VenuesService,
    private readonly promotions: PromotionsService,
  ) {}

  /** The engine's view of an order's lines: portion prices with modifiers, first firing, what is never discounted. */
  async engineLines(db: Db, orderId: string, lines?: OrderLinesTable[]): Promise<EngineLine[]> {
    const rows = lines ?? (await repo.linesOf(db, [orderId]));
    const categories = new Map((await repo.productCategories(db, [...new Set(rows.map((r) => r.product_id))])).map((p) => [p.id, p.category_id]));
    return rows.map((r) => toEngineLine(r, categories.get(r.product_id) ?? null));
  }

  /** Prices the order (locked by the caller) and stores what applies; true when that changed. `lines`: its lines, when the caller read them already. */
  async reprice(db: Db, venueId: string, row: OrdersTable, inputs?: PricingInputs, lines?: OrderLinesTable[]): Promise<boolean> {
    if (row.status === 'void') {
      await this.promotions.releaseAll(db, row.id);
      return false;
    }
    if (row.status !== 'open') return false;
    const engineLines = await this.engineLines(db, row.id, lines);
    return (await this.promotions.price(db, venueId, { id: row.id, customerId: row.customer_id ?? null, lines: engineLines }, inputs)).changed;
  }

  /** `GET /pos/orders/{id}/promotions`. */
  async explain(db: Db, venueId: string, orderId: string): Promise<OrderPromotions> {
    const row = await repo.findOrder(db, venueId, orderId);
    if (!row) throw notFound('order', orderId);
    const lines = await this.engineLines(db, orderId);
    return this.promotions.explain(db, venueId, { id: row.id, version: row.version, customerId: row.customer_id ?? null, lines });
  }

  /**
   * Applies a manual rule to the order (`promotions.apply`), or takes it off. The order must be
   * open; a rule that saves nothing on it is refused (409 `promotion.not_applicable`), nothing written.
   */
  async apply(db: Db, actor: Actor, orderId: string, input: ApplyPromotionInput, begin: (expected?: number) => Promise<OrdersTable>) {
    const row = await begin(input.version);
    await this.promotions.setManual(db, actor, orderId, input.ruleId, input.remove === true);
    await this.reprice(db, actor.venueId, row);
    if (!input.remove) {
      const applied = (await this.promotions.appliedOf(db, [orderId])).get(orderId) ?? [];
      if (!applied.some((a) => a.ruleId === input.ruleId)) {
        throw conflict('promotion.not_applicable', 'This promotion gives nothing on this order (its items, minimum, time or limits are not met)');
      }
    }
  }

  /**
   * One run of the periodic job: for every venue whose set of live rules changed since the last
   * run (a window opened or closed, a rule or a flag changed), every open order is priced again,
   * each in its own transaction; the orders whose price changed are published, then
   * `promotions.changed` so tablets refetch their list. The stored signature makes a second
   * instance (or a late run) a no-op.
   */
  async tick(db: Kysely<Database>, publish: (events: readonly OutboundEvent[]) => void): Promise<OutboundEvent[]> {
    const sent: OutboundEvent[] = [];
    const at = clock.now().toISOString();
    for (const { venue_id: venueId } of await this.promotions.venuesToWatch(db)) {
      const inputs = await this.promotions.pricingInputs(db, venueId);
      if (!(await this.promotions.swapStateKey(db, venueId, this.promotions.stateKey(inputs, at), nowIso()))) continue;
      const events: OutboundEvent[] = [];
      for (const open of await repo.listOrders(db, venueId, { status: 'open' })) {
        const changed = await db.transaction().execute(async (tx) => {
          if (!(await repo.lockOrder(tx, open.id))) return null;
          const row = await repo.findOrder(tx, venueId, open.id);
          if (!row || !(await this.reprice(tx, venueId, row, inputs))) return null;
          await repo.bumpVersion(tx, open.id, nowIso());
          const order = await this.reads.get(tx, venueId, open.id);
          const out: OutboundEvent[] = [event('order.updated', { venueId, order })];
          if (order.tableId) out.push(await this.venues.tableEvent(tx, venueId, order.tableId));
          return out;
        });
        if (changed) events.push(...changed);
      }
      events.push(this.promotions.changedEvent(venueId, 'window'));
      publish(events);
      sent.push(...events);
    }
    return sent;
  }
}

function toEngineLine(r: OrderLinesTable, categoryId: string | null): EngineLine {
  const modifiers = parseJson<{ priceDelta: number }[]>(r.modifiers, []);
  return {
    id: r.id,
    productId: r.product_id,
    categoryId,
    unitPrice: unitTotal({ id: r.id, unitPrice: r.unit_price, modifiers, quantity: r.quantity, voidedQuantity: r.voided_quantity }),
    quantity: r.quantity - r.voided_quantity,
    firedAt: r.first_fired_at ?? null,
    excluded: Boolean(r.combo_id || r.combo_line_id || r.is_charge),
  };
}
