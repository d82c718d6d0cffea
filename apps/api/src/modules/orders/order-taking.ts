import { type ApplyPromotionInput, type CreateOrderInput, type Split, standingQuantity, type UpdateOrderInput } from '@pos/contracts';
import type { OrdersTable } from '../../db/schema';
import { nowIso } from '../../shared/clock';
import type { Actor, Db, OutboundEvent } from '../../shared/command';
import { conflict, invalid } from '../../shared/errors';
import { newId } from '../../shared/ids';
import type { MenuService } from '../menu/service';
import type { VenuesService } from '../venues/service';
import type { OrderEdits } from './order-edits';
import { assertOrderFits, newLinesAmount } from './order-limits';
import type { OrderLines } from './order-lines';
import type { OrderPricing } from './order-pricing';
import type { OrderReads } from './order-reads';
import type { OrderShifts } from './ports';
import * as repo from './repository';

/** Opening an order (at a table or not) and changing it as a whole: note, guests, held courses, split. */
export class OrderTaking {
  constructor(
    private readonly reads: OrderReads,
    private readonly edits: OrderEdits,
    private readonly lines: OrderLines,
    private readonly menu: MenuService,
    private readonly venues: VenuesService,
    private readonly shifts: OrderShifts,
    private readonly pricing: OrderPricing,
  ) {}

  async create(db: Db, actor: Actor, input: CreateOrderInput) {
    const now = nowIso();
    const events: OutboundEvent[] = [];
    const items = input.items ?? [];
    // Priced and measured before anything is written: an order too big is refused whole.
    const priced = items.length ? await this.menu.priceItems(db, actor.venueId, items, 'body.items') : [];
    const growth = { lines: items.length, amount: newLinesAmount(priced.map((p, i) => ({ ...p, quantity: items[i].quantity }))) };
    assertOrderFits({ lineCount: 0, subtotal: 0, tableOpenTotal: null }, growth);
    let sessionId: string | null = null;
    let guests = input.guests ?? 1;
    if (input.tableId) {
      const { session, opened } = await this.venues.ensureSession(db, actor, input.tableId, guests);
      sessionId = session.id;
      // A table opened just now has no bill yet; one already seated must have room for this order.
      if (!opened) {
        guests = input.guests ?? session.guests;
        assertOrderFits({ lineCount: 0, subtotal: 0, tableOpenTotal: await this.edits.tableOpenTotal(db, actor.venueId, session.id) }, growth);
      }
    }
    const shiftId = await this.shifts.shiftForOrder(db, actor, input.shiftId);
    const id = newId();
    await repo.insertOrder(db, {
      id,
      venue_id: actor.venueId,
      number: await repo.nextOrderNumber(db, actor.venueId),
      table_id: input.tableId ?? null,
      session_id: sessionId,
      waiter_id: actor.staffId,
      shift_id: shiftId,
      status: 'open',
      guests,
      note: input.note ?? null,
      held_courses: JSON.stringify([...new Set(input.heldCourses ?? [])].sort()),
      split: null,
      version: 1,
      created_by: actor.staffId,
      created_at: now,
      updated_at: now,
      closed_at: null,
    });
    if (items.length) events.push(...(await this.lines.insertItems(db, actor.venueId, id, items, priced, 0)));
    return this.edits.changed(db, actor.venueId, id, events);
  }

  async update(db: Db, actor: Actor, orderId: string, input: UpdateOrderInput) {
    if (input.note === undefined && input.guests === undefined && input.heldCourses === undefined) {
      throw invalid('body', 'Nothing to change: send note, guests or heldCourses');
    }
    await this.edits.beginEdit(db, actor.venueId, orderId, input.version);
    const patch: Partial<OrdersTable> = {};
    if (input.note !== undefined) patch.note = input.note || null;
    if (input.guests !== undefined) patch.guests = input.guests;
    if (input.heldCourses !== undefined) patch.held_courses = JSON.stringify([...new Set(input.heldCourses)].sort());
    await repo.updateOrder(db, orderId, patch);
    return this.edits.changed(db, actor.venueId, orderId);
  }

  async split(db: Db, actor: Actor, orderId: string, split: Split | null, version: number) {
    await this.edits.beginEdit(db, actor.venueId, orderId, version);
    const order = await this.reads.get(db, actor.venueId, orderId);
    if (order.paid > 0) throw conflict('order.has_payments', 'Part of this order is paid; the split cannot change now');
    if (split?.mode === 'lines') {
      const claimed = new Map<string, number>();
      split.checks.forEach((check, c) =>
        check.forEach(({ lineId, quantity }, i) => {
          const line = order.lines.find((l) => l.id === lineId);
          if (!line) throw invalid(`body.split.checks.${c}.${i}.lineId`, 'No such line in this order');
          const total = (claimed.get(lineId) ?? 0) + quantity;
          if (total > standingQuantity(line)) {
            throw invalid(`body.split.checks.${c}.${i}.quantity`, `Only ${standingQuantity(line)} × ${line.name} to share`);
          }
          claimed.set(lineId, total);
        }),
      );
    }
    await repo.updateOrder(db, orderId, { split: split ? JSON.stringify(split) : null });
    return this.edits.changed(db, actor.venueId, orderId);
  }

  /** `POST /pos/orders/{id}/promotion/apply`: a manual promotion on (or off) the order, which is priced again. */
  async applyPromotion(db: Db, actor: Actor, orderId: string, input: ApplyPromotionInput) {
    await this.pricing.apply(db, actor, orderId, input, (expected) => this.edits.beginEdit(db, actor.venueId, orderId, expected));
    return this.edits.changed(db, actor.venueId, orderId);
  }
}
