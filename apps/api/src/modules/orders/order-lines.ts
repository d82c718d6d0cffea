import {
  type AddComboInput,
  type AddItemInput,
  type UpdateLineInput,
  unitTotal,
  type VoidLineInput,
} from '@pos/contracts';
import type { OrderLinesTable } from '../../db/schema';
import { nowIso } from '../../shared/clock';
import type { Actor, Db, OutboundEvent } from '../../shared/command';
import { conflict, forbidden, invalid, notFound } from '../../shared/errors';
import { newId } from '../../shared/ids';
import type { AdminService } from '../admin/service';
import type { MenuService, OrderableItem } from '../menu/service';
import type { UpsellService } from '../upsell/service';
import { planReplacement } from './combo-lines';
import { toLine, wasEverFired } from './line-state';
import type { OrderEdits } from './order-edits';
import { newLinesAmount } from './order-limits';
import type { OrderReads } from './order-reads';
import * as repo from './repository';

/** The lines of an open order: dishes and combos added, quantities and notes changed, portions voided. */
export class OrderLines {
  constructor(
    private readonly reads: OrderReads,
    private readonly edits: OrderEdits,
    private readonly menu: MenuService,
    private readonly upsell: UpsellService,
    private readonly admin: AdminService,
  ) {}

  /** Takes stock for priced items and appends them as lines; the stock events come back. */
  async insertItems(db: Db, venueId: string, orderId: string, items: AddItemInput[], priced: OrderableItem[], position: number) {
    const events = await this.menu.takeStock(db, venueId, items, priced);
    const now = nowIso();
    await repo.insertLines(
      db,
      priced.map((p, i) => ({
        id: newId(),
        order_id: orderId,
        venue_id: venueId,
        product_id: p.productId,
        name: p.name,
        unit_price: p.unitPrice,
        modifiers: JSON.stringify(p.modifiers),
        quantity: items[i].quantity,
        voided_quantity: 0,
        fired_quantity: 0,
        fired_note: null,
        note: items[i].note || null,
        course: items[i].course ?? 1,
        void_reason: null,
        position: position + i,
        created_at: now,
      })),
    );
    return events;
  }

  async addItems(db: Db, actor: Actor, orderId: string, items: AddItemInput[], version?: number) {
    await this.edits.beginEdit(db, actor.venueId, orderId, version);
    const priced = await this.menu.priceItems(db, actor.venueId, items, 'body.items');
    await this.edits.assertRoomFor(db, actor.venueId, orderId, {
      lines: items.length,
      amount: newLinesAmount(priced.map((p, i) => ({ ...p, quantity: items[i].quantity }))),
    });
    const existing = await repo.linesOf(db, [orderId]);
    const position = existing.reduce((max, l) => Math.max(max, l.position + 1), 0);
    const events = await this.insertItems(db, actor.venueId, orderId, items, priced, position);
    return this.edits.changed(db, actor.venueId, orderId, events);
  }

  /**
   * Adds a charge line: a name and a unit price given by the caller (a gift card sold for its
   * amount), one portion, with the same version bump and limits as adding dishes. It is stored as
   * fired already, so it never goes to the kitchen, and it is sold as it is (void it, never edit it).
   */
  async addChargeLine(db: Db, actor: Actor, orderId: string, charge: { productId: string; name: string; unitPrice: number }, version?: number) {
    await this.edits.beginEdit(db, actor.venueId, orderId, version);
    await this.edits.assertRoomFor(db, actor.venueId, orderId, { lines: 1, amount: charge.unitPrice });
    const existing = await repo.linesOf(db, [orderId]);
    const lineId = newId();
    await repo.insertLines(db, [
      {
        id: lineId, order_id: orderId, venue_id: actor.venueId, product_id: charge.productId, name: charge.name, unit_price: charge.unitPrice, modifiers: '[]',
        quantity: 1, voided_quantity: 0, fired_quantity: 1, fired_note: '', note: null, course: 1, void_reason: null,
        position: existing.reduce((max, l) => Math.max(max, l.position + 1), 0), created_at: nowIso(), is_charge: 1,
      },
    ]);
    return { lineId, ...(await this.edits.changed(db, actor.venueId, orderId)) };
  }

  /**
   * Sells a combo on the order: one combo line at the combo price, and its dishes as lines of
   * their own (priced 0, paid modifiers still count) that the kitchen gets like any dish — at
   * their stations, with modifiers, notes and courses. `replaceLineIds` are lines the combo takes
   * over: their unfired portions of the combo's products go (stock comes back, the dishes take it
   * again) and their modifiers, note and course carry over to the combo's dishes.
   */
  async addCombo(db: Db, actor: Actor, orderId: string, input: AddComboInput) {
    const venueId = actor.venueId;
    await this.edits.beginEdit(db, venueId, orderId, input.version);
    const combo = await this.upsell.comboForOrder(db, venueId, input.comboId);
    const quantity = input.quantity ?? 1;
    const rows = await repo.linesOf(db, [orderId]);
    const events: OutboundEvent[] = [];

    const plan = planReplacement(combo.items, quantity, rows, input.replaceLineIds ?? []);
    const given = new Map<string, NonNullable<AddComboInput['parts']>[number]>();
    (input.parts ?? []).forEach((p, i) => {
      if (!combo.items.some((item) => item.productId === p.productId)) throw invalid(`body.parts.${i}.productId`, 'Not a dish of this combo');
      given.set(p.productId, p);
    });
    // Error paths name the dish by its place in the combo (body.parts.N, N as in combo.items).
    const items: AddItemInput[] = combo.items.map((item) => {
      const part = given.get(item.productId);
      const carried = plan.carried.get(item.productId);
      const note = part?.note ?? carried?.note ?? undefined;
      return {
        productId: item.productId,
        quantity: item.quantity * quantity,
        modifierIds: part?.modifierIds ?? carried?.modifierIds,
        ...(note ? { note } : {}),
        course: input.course ?? carried?.course ?? 1,
      };
    });
    const priced = await this.menu.priceItems(db, venueId, items, 'body.parts');
    // What the order gains: the combo line at its price and its dishes (priced 0, paid modifiers
    // count), less the portions the combo takes over — measured before anything changes.
    const added = combo.price * quantity + newLinesAmount(priced.map((p, i) => ({ ...p, unitPrice: 0, quantity: items[i].quantity })));
    const takenOver = plan.replaced.reduce((sum, r) => sum + unitTotal(toLine(r.row)) * r.take, 0);
    await this.edits.assertRoomFor(db, venueId, orderId, {
      lines: 1 + priced.length - plan.replaced.filter((r) => r.deleteLine).length,
      amount: added - takenOver,
    });

    // The lines taken over give their stock back first: the combo's dishes take it again.
    for (const r of plan.replaced) {
      if (r.deleteLine) await repo.deleteLine(db, r.row.id);
      else await repo.updateLine(db, r.row.id, { quantity: r.row.quantity - r.take });
      events.push(...(await this.menu.returnStock(db, venueId, r.row.product_id, r.take)));
    }
    events.push(...(await this.menu.takeStock(db, venueId, items, priced)));

    const now = nowIso();
    const position = rows.reduce((max, l) => Math.max(max, l.position + 1), 0);
    const comboLineId = newId();
    const line = (over: Partial<OrderLinesTable>): OrderLinesTable => ({
      id: newId(), order_id: orderId, venue_id: venueId, product_id: combo.productId, name: combo.name, unit_price: 0, modifiers: '[]',
      quantity, voided_quantity: 0, fired_quantity: 0, fired_note: null, note: null, course: input.course ?? 1, void_reason: null,
      position, created_at: now, combo_id: null, combo_line_id: null, ...over,
    });
    await repo.insertLines(db, [
      // The combo line names the combo's own product (its owner) only to satisfy the line's product reference.
      line({ id: comboLineId, unit_price: combo.price, combo_id: combo.id, course: Math.min(...items.map((i) => i.course ?? 1)) }),
      ...priced.map((p, i) =>
        line({
          product_id: p.productId,
          name: p.name,
          modifiers: JSON.stringify(p.modifiers),
          quantity: items[i].quantity,
          note: items[i].note || null,
          course: items[i].course ?? 1,
          position: position + 1 + i,
          combo_line_id: comboLineId,
        }),
      ),
    ]);
    return this.edits.changed(db, venueId, orderId, events);
  }

  private async requireLine(db: Db, orderId: string, lineId: string): Promise<OrderLinesTable> {
    const line = (await repo.linesOf(db, [orderId])).find((l) => l.id === lineId);
    if (!line) throw notFound('line', lineId);
    return line;
  }

  async updateLine(db: Db, actor: Actor, orderId: string, lineId: string, input: UpdateLineInput) {
    await this.edits.beginEdit(db, actor.venueId, orderId, input.version);
    const row = await this.requireLine(db, orderId, lineId);
    if (row.is_charge) throw conflict('line.charge', 'This line is sold as it is: void it instead');
    if ((row.combo_id || row.combo_line_id) && input.quantity !== undefined && input.quantity !== row.quantity - row.voided_quantity) {
      throw conflict('line.combo', 'A combo changes as a whole: void it, or add another combo');
    }
    if (row.combo_id && input.course !== undefined && input.course !== row.course) {
      throw conflict('line.combo', "A combo's dishes keep their own courses: change those instead");
    }
    const events: OutboundEvent[] = [];
    const patch: Partial<OrderLinesTable> = {};
    if (input.note !== undefined) patch.note = input.note || null;
    if (input.course !== undefined && input.course !== row.course) {
      if (wasEverFired(row)) throw conflict('line.fired', 'The kitchen already has this line; its course cannot change');
      patch.course = input.course;
    }
    if (input.quantity !== undefined) {
      const standing = row.quantity - row.voided_quantity;
      const diff = input.quantity - standing;
      if (diff > 0) {
        await this.edits.assertRoomFor(db, actor.venueId, orderId, { lines: 0, amount: unitTotal(toLine(row)) * diff });
        events.push(...(await this.menu.takeStock(db, actor.venueId, [{ productId: row.product_id, quantity: diff }])));
      } else if (diff < 0) {
        if (input.quantity < row.fired_quantity) {
          throw conflict('line.fired', 'The kitchen already has these portions: void them with a reason instead', {
            firedQuantity: row.fired_quantity,
          });
        }
        events.push(...(await this.menu.returnStock(db, actor.venueId, row.product_id, -diff)));
      }
      patch.quantity = row.quantity + diff;
    }
    await repo.updateLine(db, lineId, patch);
    return this.edits.changed(db, actor.venueId, orderId, events);
  }

  /**
   * Voids portions of a line (of a combo line: its dishes with it). A dish of a combo alone
   * cannot go: the guest would keep the combo price for less.
   */
  async voidLine(db: Db, actor: Actor, orderId: string, lineId: string, input: VoidLineInput) {
    await this.edits.beginEdit(db, actor.venueId, orderId, input.version);
    const row = await this.requireLine(db, orderId, lineId);
    const standing = row.quantity - row.voided_quantity;
    const quantity = input.quantity ?? standing;
    if (standing === 0) throw conflict('line.voided', 'This line is already voided');
    if (quantity > standing) throw invalid('body.quantity', `Only ${standing} left on this line`);
    if (row.combo_line_id) throw conflict('line.combo_part', 'This dish is part of a combo: void the combo line');
    let events: OutboundEvent[];
    if (row.combo_id) {
      // The combo's dishes go with it, portion for portion; the kitchen is told as for any line.
      events = [];
      for (const part of (await repo.linesOf(db, [orderId])).filter((l) => l.combo_line_id === row.id)) {
        events.push(...(await this.voidPortions(db, actor, orderId, part, (part.quantity / row.quantity) * quantity, input.reason)));
      }
      await repo.updateLine(db, lineId, { voided_quantity: row.voided_quantity + quantity, void_reason: input.reason ?? row.void_reason });
    } else {
      events = await this.voidPortions(db, actor, orderId, row, quantity, input.reason);
    }
    await this.assertPaidChecksIntact(db, actor.venueId, orderId);
    return this.edits.changed(db, actor.venueId, orderId, events);
  }

  /**
   * Voids portions of one line. Portions the kitchen does not have yet go freely (stock comes
   * back); fired ones need `orders.void` and a reason, and the next firing cancels them.
   */
  private async voidPortions(db: Db, actor: Actor, orderId: string, row: OrderLinesTable, quantity: number, reason: string | undefined) {
    const standing = row.quantity - row.voided_quantity;
    if (row.is_charge) {
      // No kitchen and no stock behind a charge line: it goes freely, and stays "fired" so no firing cancels it.
      await repo.updateLine(db, row.id, { voided_quantity: row.voided_quantity + quantity, fired_quantity: standing - quantity, void_reason: reason ?? row.void_reason });
      return [];
    }
    const unfired = Math.max(0, standing - row.fired_quantity);
    const firedToVoid = Math.max(0, quantity - unfired);
    const events: OutboundEvent[] = [];
    if (firedToVoid > 0) {
      if (!actor.permissions.has('orders.void')) {
        throw forbidden('auth.forbidden', 'Voiding what the kitchen already has needs a supervisor (orders.void)');
      }
      if (!reason) throw invalid('body.reason', 'Give a reason: the kitchen already has this dish');
      await this.admin.audit(db, actor, 'order.line.voided', 'order', orderId, { lineId: row.id, quantity: firedToVoid, reason });
    }
    const freeToVoid = quantity - firedToVoid;
    if (freeToVoid > 0) events.push(...(await this.menu.returnStock(db, actor.venueId, row.product_id, freeToVoid)));
    await repo.updateLine(db, row.id, {
      voided_quantity: row.voided_quantity + quantity,
      void_reason: reason ?? row.void_reason,
    });
    return events;
  }

  /** A void must not take away what a guest has already paid for. */
  private async assertPaidChecksIntact(db: Db, venueId: string, orderId: string) {
    const order = await this.reads.get(db, venueId, orderId);
    if (order.checks.some((c) => c.paid > c.amount) || order.paid > order.total) {
      throw conflict('order.paid_check_changed', 'That part of the bill is already paid; refund it first');
    }
  }
}
