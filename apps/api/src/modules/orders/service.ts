import {
  type AddComboInput,
  type AddItemInput,
  addDays,
  businessDate,
  businessDayBounds,
  type CreateOrderInput,
  lineTotal,
  type Order,
  orderChecks,
  type OrderLine,
  type OrdersQuery,
  orderTotals,
  type SendOrderInput,
  type Split,
  standingQuantity,
  type UpdateLineInput,
  unitTotal,
  type UpdateOrderInput,
  type VoidLineInput,
} from '@pos/contracts';
import { MAX_DAYS_AHEAD } from '@pos/contracts/constants';
import type { OrderLinesTable, OrdersTable } from '../../db/schema';
import type { Services } from '../../services';
import { clock, nowIso } from '../../shared/clock';
import { type Actor, type Db, event, type OutboundEvent, outcome } from '../../shared/command';
import { conflict, forbidden, invalid, notFound } from '../../shared/errors';
import { newId } from '../../shared/ids';
import { parseJson } from '../../shared/json';
import type { OrderableItem } from '../menu/service';
import { planReplacement, withComboKitchenState } from './combo-lines';
import { assertOrderFits, assertTablesFit, newLinesAmount, type OrderGrowth } from './order-limits';
import * as repo from './repository';

type PaymentShare = { orderId: string; checkIndex: number | null; amount: number; tip: number };

/** What a firing must tell the kitchen about one line. */
export interface FireDelta {
  line: OrderLine;
  stationId: string;
  quantity: number;
  kind: 'add' | 'cancel' | 'note';
  note: string | null;
}

function toLine(row: OrderLinesTable): OrderLine {
  const modifiers = parseJson<OrderLine['modifiers']>(row.modifiers, []);
  const standing = row.quantity - row.voided_quantity;
  const line = {
    id: row.id,
    productId: row.product_id,
    name: row.name,
    unitPrice: row.unit_price,
    modifiers,
    quantity: row.quantity,
    voidedQuantity: row.voided_quantity,
    firedQuantity: row.fired_quantity,
    note: row.note,
    course: row.course,
    voidReason: row.void_reason,
    ...(row.combo_id ? { comboId: row.combo_id } : {}),
    ...(row.combo_line_id ? { comboLineId: row.combo_line_id } : {}),
  };
  const everFired = wasEverFired(row);
  const noteChanged = firedNoteChanged(row);
  // A line voided whole before firing has nothing to tell the kitchen: it counts as settled.
  const kitchenState: OrderLine['kitchenState'] = !everFired
    ? standing > 0
      ? 'new'
      : 'fired'
    : row.fired_quantity === standing && (standing === 0 || !noteChanged)
      ? 'fired'
      : 'changed';
  return { ...line, kitchenState, lineTotal: lineTotal(line) };
}

/** Every firing records the note the kitchen saw ('' for none), so null means never fired. */
function wasEverFired(row: OrderLinesTable): boolean {
  return row.fired_note !== null;
}

/** The kitchen has this line with another note than the one it carries now. */
function firedNoteChanged(row: OrderLinesTable): boolean {
  return wasEverFired(row) && (row.fired_note ?? '') !== (row.note ?? '');
}

/**
 * The quantity/note changes of a line the kitchen has not been told about yet. A note changed
 * together with the quantity is told for the portions the kitchen keeps as well, not only for
 * the added ones: otherwise the cook would go on with the old note on those.
 */
export function lineDeltas(row: OrderLinesTable): { quantity: number; kind: FireDelta['kind'] }[] {
  const standing = row.quantity - row.voided_quantity;
  const diff = standing - row.fired_quantity;
  const deltas: { quantity: number; kind: FireDelta['kind'] }[] = [];
  if (diff > 0) deltas.push({ quantity: diff, kind: 'add' });
  if (diff < 0) deltas.push({ quantity: diff, kind: 'cancel' });
  const kept = Math.min(standing, row.fired_quantity);
  if (firedNoteChanged(row) && kept > 0) deltas.push({ quantity: kept, kind: 'note' });
  return deltas;
}

export class OrdersService {
  constructor(private readonly services: Services) {}

  // --- reading ---

  async get(db: Db, venueId: string, orderId: string): Promise<Order> {
    const row = await repo.findOrder(db, venueId, orderId);
    if (!row) throw notFound('order', orderId);
    return (await this.assemble(db, [row]))[0];
  }

  /** Orders matching the filters; `date` is the venue's business day the order was opened on. */
  async list(db: Db, venueId: string, query: OrdersQuery): Promise<Order[]> {
    const { date, ...filter } = query;
    let opened = {};
    if (date) {
      const { timezone } = await this.services.auth.venue(db, venueId);
      const latest = addDays(businessDate(clock.now(), timezone), MAX_DAYS_AHEAD);
      if (date > latest) throw invalid('query.date', `A business day up to ${latest}`);
      const { from, to } = businessDayBounds(date, timezone);
      opened = { openedFrom: from, openedBefore: to };
    }
    return this.assemble(db, await repo.listOrders(db, venueId, { ...filter, ...opened }));
  }

  private async assemble(db: Db, rows: OrdersTable[]): Promise<Order[]> {
    const ids = rows.map((r) => r.id);
    const [lines, payments, tables, staff] = await Promise.all([
      repo.linesOf(db, ids),
      this.services.finance.paymentShares(db, ids),
      repo.tableLabels(db, [...new Set(rows.flatMap((r) => (r.table_id ? [r.table_id] : [])))]),
      repo.staffNames(db, [...new Set(rows.map((r) => r.waiter_id))]),
    ]);
    const labelOf = new Map(tables.map((t) => [t.id, t.label]));
    const nameOf = new Map(staff.map((s) => [s.id, s.name]));
    return rows.map((row) =>
      this.toOrder(
        row,
        withComboKitchenState(lines.filter((l) => l.order_id === row.id).map(toLine)),
        payments.filter((p) => p.orderId === row.id),
        row.table_id ? (labelOf.get(row.table_id) ?? null) : null,
        nameOf.get(row.waiter_id) ?? '',
      ),
    );
  }

  private toOrder(row: OrdersTable, lines: OrderLine[], payments: PaymentShare[], tableLabel: string | null, waiterName: string): Order {
    const totals = orderTotals(lines);
    const split = parseJson<Split | null>(row.split, null);
    const paid = payments.reduce((s, p) => s + p.amount, 0);
    return {
      id: row.id,
      number: row.number,
      tableId: row.table_id,
      tableLabel,
      sessionId: row.session_id,
      waiterId: row.waiter_id,
      waiterName,
      shiftId: row.shift_id,
      status: row.status as Order['status'],
      guests: row.guests,
      note: row.note,
      heldCourses: parseJson<number[]>(row.held_courses, []),
      version: row.version,
      lines,
      split,
      checks: orderChecks(totals.total, lines, split, payments),
      ...totals,
      paid,
      tips: payments.reduce((s, p) => s + p.tip, 0),
      due: Math.max(0, totals.total - paid),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      closedAt: row.closed_at,
    };
  }

  /** Open-order totals per open table session, for the floor map. */
  /**
   * Per open table session: the bill still open, and whether money was taken — a table whose
   * orders are all paid but not yet closed shows as "bill", not as an empty seated table.
   */
  async openSessionSummaries(db: Db, venueId: string, sessionIds: string[]) {
    const rows = (await repo.listOrders(db, venueId, { sessionIds })).filter((r) => r.status !== 'void');
    const orders = await this.assemble(db, rows);
    const summaries = new Map<string, { openTotal: number; hasPayments: boolean }>();
    for (const o of orders) {
      const s = summaries.get(o.sessionId!) ?? { openTotal: 0, hasPayments: false };
      summaries.set(o.sessionId!, { openTotal: s.openTotal + (o.status === 'open' ? o.total : 0), hasPayments: s.hasPayments || o.paid > 0 });
    }
    return summaries;
  }

  // --- writing ---

  /** Events every order change sends: the order itself and, for a table order, its table. */
  private async changed(db: Db, venueId: string, orderId: string, extra: OutboundEvent[] = []) {
    const order = await this.get(db, venueId, orderId);
    const events: OutboundEvent[] = [...extra, event('order.updated', { venueId, order })];
    if (order.tableId) events.push(await this.services.venues.tableEvent(db, venueId, order.tableId));
    return outcome(order, events);
  }

  /**
   * Locks the order for this transaction and checks it can still be edited. An edit bumps the
   * version; `lockOnly` takes the lock without it, for a command that may turn out to change nothing.
   */
  private async beginEdit(db: Db, venueId: string, orderId: string, expectedVersion?: number, lockOnly = false): Promise<OrdersTable> {
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

  async create(db: Db, actor: Actor, input: CreateOrderInput) {
    const now = nowIso();
    const events: OutboundEvent[] = [];
    const items = input.items ?? [];
    // Priced and measured before anything is written: an order too big is refused whole.
    const priced = items.length ? await this.services.menu.priceItems(db, actor.venueId, items, 'body.items') : [];
    const growth = { lines: items.length, amount: newLinesAmount(priced.map((p, i) => ({ ...p, quantity: items[i].quantity }))) };
    assertOrderFits({ lineCount: 0, subtotal: 0, tableOpenTotal: null }, growth);
    let sessionId: string | null = null;
    let guests = input.guests ?? 1;
    if (input.tableId) {
      const { session, opened } = await this.services.venues.ensureSession(db, actor, input.tableId, guests);
      sessionId = session.id;
      // A table opened just now has no bill yet; one already seated must have room for this order.
      if (!opened) {
        guests = input.guests ?? session.guests;
        assertOrderFits({ lineCount: 0, subtotal: 0, tableOpenTotal: await this.tableOpenTotal(db, actor.venueId, session.id) }, growth);
      }
    }
    const shiftId = await this.services.shifts.shiftForOrder(db, actor, input.shiftId);
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
    if (items.length) events.push(...(await this.insertItems(db, actor.venueId, id, items, priced, 0)));
    return this.changed(db, actor.venueId, id, events);
  }

  /** Takes stock for priced items and appends them as lines; the stock events come back. */
  private async insertItems(db: Db, venueId: string, orderId: string, items: AddItemInput[], priced: OrderableItem[], position: number) {
    const events = await this.services.menu.takeStock(db, venueId, items);
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

  /**
   * Refuses a change that would grow the order (or its table's open bill) past the limits
   * (order-limits.ts). Commands call it before they write lines or take stock.
   */
  private async assertRoomFor(db: Db, venueId: string, orderId: string, growth: OrderGrowth): Promise<void> {
    const order = await this.get(db, venueId, orderId);
    const tableOpenTotal = order.sessionId && growth.amount > 0 ? await this.tableOpenTotal(db, venueId, order.sessionId) : null;
    assertOrderFits({ lineCount: order.lines.length, subtotal: order.subtotal, tableOpenTotal }, growth);
  }

  private async tableOpenTotal(db: Db, venueId: string, sessionId: string): Promise<number> {
    return (await this.openSessionSummaries(db, venueId, [sessionId])).get(sessionId)?.openTotal ?? 0;
  }

  /** Before parties are seated together: their open bills must fit one table (422 otherwise). */
  async assertSessionsFitTogether(db: Db, venueId: string, sessionIds: string[]): Promise<void> {
    const summaries = await this.openSessionSummaries(db, venueId, sessionIds);
    assertTablesFit(sessionIds.map((id) => summaries.get(id)?.openTotal ?? 0));
  }

  async addItems(db: Db, actor: Actor, orderId: string, items: AddItemInput[], version?: number) {
    await this.beginEdit(db, actor.venueId, orderId, version);
    const priced = await this.services.menu.priceItems(db, actor.venueId, items, 'body.items');
    await this.assertRoomFor(db, actor.venueId, orderId, {
      lines: items.length,
      amount: newLinesAmount(priced.map((p, i) => ({ ...p, quantity: items[i].quantity }))),
    });
    const existing = await repo.linesOf(db, [orderId]);
    const position = existing.reduce((max, l) => Math.max(max, l.position + 1), 0);
    const events = await this.insertItems(db, actor.venueId, orderId, items, priced, position);
    return this.changed(db, actor.venueId, orderId, events);
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
    await this.beginEdit(db, venueId, orderId, input.version);
    const combo = await this.services.upsell.comboForOrder(db, venueId, input.comboId);
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
    const priced = await this.services.menu.priceItems(db, venueId, items, 'body.parts');
    // What the order gains: the combo line at its price and its dishes (priced 0, paid modifiers
    // count), less the portions the combo takes over — measured before anything changes.
    const added = combo.price * quantity + newLinesAmount(priced.map((p, i) => ({ ...p, unitPrice: 0, quantity: items[i].quantity })));
    const takenOver = plan.replaced.reduce((sum, r) => sum + unitTotal(toLine(r.row)) * r.take, 0);
    await this.assertRoomFor(db, venueId, orderId, {
      lines: 1 + priced.length - plan.replaced.filter((r) => r.deleteLine).length,
      amount: added - takenOver,
    });

    // The lines taken over give their stock back first: the combo's dishes take it again.
    for (const r of plan.replaced) {
      if (r.deleteLine) await repo.deleteLine(db, r.row.id);
      else await repo.updateLine(db, r.row.id, { quantity: r.row.quantity - r.take });
      events.push(...(await this.services.menu.returnStock(db, venueId, r.row.product_id, r.take)));
    }
    events.push(...(await this.services.menu.takeStock(db, venueId, items)));

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
    return this.changed(db, venueId, orderId, events);
  }

  private async requireLine(db: Db, orderId: string, lineId: string): Promise<OrderLinesTable> {
    const line = (await repo.linesOf(db, [orderId])).find((l) => l.id === lineId);
    if (!line) throw notFound('line', lineId);
    return line;
  }

  async updateLine(db: Db, actor: Actor, orderId: string, lineId: string, input: UpdateLineInput) {
    await this.beginEdit(db, actor.venueId, orderId, input.version);
    const row = await this.requireLine(db, orderId, lineId);
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
        await this.assertRoomFor(db, actor.venueId, orderId, { lines: 0, amount: unitTotal(toLine(row)) * diff });
        events.push(...(await this.services.menu.takeStock(db, actor.venueId, [{ productId: row.product_id, quantity: diff }])));
      } else if (diff < 0) {
        if (input.quantity < row.fired_quantity) {
          throw conflict('line.fired', 'The kitchen already has these portions: void them with a reason instead', {
            firedQuantity: row.fired_quantity,
          });
        }
        events.push(...(await this.services.menu.returnStock(db, actor.venueId, row.product_id, -diff)));
      }
      patch.quantity = row.quantity + diff;
    }
    await repo.updateLine(db, lineId, patch);
    return this.changed(db, actor.venueId, orderId, events);
  }

  /**
   * Voids portions of a line (of a combo line: its dishes with it). A dish of a combo alone
   * cannot go: the guest would keep the combo price for less.
   */
  async voidLine(db: Db, actor: Actor, orderId: string, lineId: string, input: VoidLineInput) {
    await this.beginEdit(db, actor.venueId, orderId, input.version);
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
    return this.changed(db, actor.venueId, orderId, events);
  }

  /**
   * Voids portions of one line. Portions the kitchen does not have yet go freely (stock comes
   * back); fired ones need `orders.void` and a reason, and the next firing cancels them.
   */
  private async voidPortions(db: Db, actor: Actor, orderId: string, row: OrderLinesTable, quantity: number, reason: string | undefined) {
    const standing = row.quantity - row.voided_quantity;
    const unfired = Math.max(0, standing - row.fired_quantity);
    const firedToVoid = Math.max(0, quantity - unfired);
    const events: OutboundEvent[] = [];
    if (firedToVoid > 0) {
      if (!actor.permissions.has('orders.void')) {
        throw forbidden('auth.forbidden', 'Voiding what the kitchen already has needs a supervisor (orders.void)');
      }
      if (!reason) throw invalid('body.reason', 'Give a reason: the kitchen already has this dish');
      await this.services.admin.audit(db, actor, 'order.line.voided', 'order', orderId, { lineId: row.id, quantity: firedToVoid, reason });
    }
    const freeToVoid = quantity - firedToVoid;
    if (freeToVoid > 0) events.push(...(await this.services.menu.returnStock(db, actor.venueId, row.product_id, freeToVoid)));
    await repo.updateLine(db, row.id, {
      voided_quantity: row.voided_quantity + quantity,
      void_reason: reason ?? row.void_reason,
    });
    return events;
  }

  /** A void must not take away what a guest has already paid for. */
  private async assertPaidChecksIntact(db: Db, venueId: string, orderId: string) {
    const order = await this.get(db, venueId, orderId);
    if (order.checks.some((c) => c.paid > c.amount) || order.paid > order.total) {
      throw conflict('order.paid_check_changed', 'That part of the bill is already paid; refund it first');
    }
  }

  async update(db: Db, actor: Actor, orderId: string, input: UpdateOrderInput) {
    if (input.note === undefined && input.guests === undefined && input.heldCourses === undefined) {
      throw invalid('body', 'Nothing to change: send note, guests or heldCourses');
    }
    await this.beginEdit(db, actor.venueId, orderId, input.version);
    const patch: Partial<OrdersTable> = {};
    if (input.note !== undefined) patch.note = input.note || null;
    if (input.guests !== undefined) patch.guests = input.guests;
    if (input.heldCourses !== undefined) patch.held_courses = JSON.stringify([...new Set(input.heldCourses)].sort());
    await repo.updateOrder(db, orderId, patch);
    return this.changed(db, actor.venueId, orderId);
  }

  async split(db: Db, actor: Actor, orderId: string, split: Split | null, version: number) {
    await this.beginEdit(db, actor.venueId, orderId, version);
    const order = await this.get(db, actor.venueId, orderId);
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
    return this.changed(db, actor.venueId, orderId);
  }

  /**
   * Fires to the kitchen what changed since the last firing: new portions, cancelled portions and
   * changed notes, of the courses asked for (default: every course not held). Firing again with
   * nothing changed produces no ticket, so a retry never doubles a dish — nor bumps the version
   * under a colleague who is editing the order.
   */
  async send(db: Db, actor: Actor, orderId: string, input: SendOrderInput) {
    const row = await this.beginEdit(db, actor.venueId, orderId, undefined, true);
    const held = parseJson<number[]>(row.held_courses, []);
    const courses = input.courses ? new Set(input.courses) : undefined;
    const stillHeld = courses ? held.filter((c) => !courses.has(c)) : held;
    if (stillHeld.length !== held.length) await repo.updateOrder(db, orderId, { held_courses: JSON.stringify(stillHeld) });
    const order = await this.get(db, actor.venueId, orderId);
    const isFiring = (course: number) => (courses ? courses.has(course) : !held.includes(course));
    const stations = new Map((await repo.productStations(db, [...new Set(order.lines.map((l) => l.productId))])).map((p) => [p.id, p.station_id]));
    const rows = new Map((await repo.linesOf(db, [orderId])).map((r) => [r.id, r]));

    // New portions wait for their course; cancellations and note changes of what the kitchen
    // already has never wait — a held course must not hide a "stop" from the cooks.
    // A combo line is the price; its dishes are lines of their own and fire like any other.
    const deltas: FireDelta[] = order.lines.filter((line) => line.comboId === undefined).flatMap((line) =>
      lineDeltas(rows.get(line.id)!)
        .filter((delta) => isFiring(line.course) || delta.kind !== 'add')
        .map((delta) => ({ line, stationId: stations.get(line.productId)!, note: line.note, ...delta })),
    );
    if (deltas.length === 0 && stillHeld.length === held.length) return outcome({ order, tickets: [] });
    await repo.bumpVersion(db, orderId, nowIso());
    for (const line of new Set(deltas.map((d) => d.line))) {
      const quantityFired = deltas.some((d) => d.line === line && d.kind !== 'note');
      await repo.updateLine(db, line.id, {
        ...(quantityFired ? { fired_quantity: standingQuantity(line) } : {}),
        fired_note: line.note ?? '',
      });
    }
    const tickets = await this.services.kitchen.createTickets(db, actor.venueId, order, deltas);
    const changed = await this.changed(db, actor.venueId, orderId, tickets.events);
    return outcome({ order: changed.value, tickets: tickets.value }, changed.events);
  }

  /** Before a table closes: empty orders are voided, anything with money still due blocks it. */
  async settleSessionForClose(db: Db, actor: Actor, sessionId: string): Promise<OutboundEvent[]> {
    // Lock the session's orders first, so nobody adds a dish to an "empty" order being voided.
    const now0 = nowIso();
    for (const row of await repo.listOrders(db, actor.venueId, { status: 'open', sessionId })) await repo.bumpVersion(db, row.id, now0);
    const orders = await this.list(db, actor.venueId, { status: 'open', sessionId });
    const unpaid = orders.filter((o) => o.total > 0 || o.paid > 0);
    if (unpaid.length > 0) {
      throw conflict('table.unpaid_orders', `Orders still to pay: ${unpaid.map((o) => `№${o.number}`).join(', ')}`, {
        orderIds: unpaid.map((o) => o.id),
      });
    }
    const unsent = orders.filter((o) => o.lines.some((l) => standingQuantity(l) < l.firedQuantity));
    const events: OutboundEvent[] = [];
    for (const o of unsent) events.push(...(await this.send(db, actor, o.id, {})).events);
    const now = nowIso();
    for (const o of orders) {
      await repo.updateOrder(db, o.id, { status: 'void', closed_at: now });
      await repo.bumpVersion(db, o.id, now);
      events.push(event('order.updated', { venueId: actor.venueId, order: await this.get(db, actor.venueId, o.id) }));
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
    for (const { id } of moved) events.push(event('order.updated', { venueId, order: await this.get(db, venueId, id) }));
    return events;
  }

  /** After a payment: lock, and close the order once nothing is due. */
  async lockForPayment(db: Db, venueId: string, orderId: string): Promise<Order> {
    if (!(await repo.findOrder(db, venueId, orderId))) throw notFound('order', orderId);
    await repo.bumpVersion(db, orderId, nowIso());
    // Read again under the lock: another payment may have closed it meanwhile.
    const order = await this.get(db, venueId, orderId);
    if (order.status !== 'open') throw conflict('order.closed', `Order ${order.number} is already ${order.status}`);
    return order;
  }

  async afterPayment(db: Db, venueId: string, orderId: string, shiftId: string) {
    const order = await this.get(db, venueId, orderId);
    const patch: Partial<OrdersTable> = {};
    if (!order.shiftId) patch.shift_id = shiftId;
    if (order.due === 0 && order.total > 0) {
      patch.status = 'paid';
      patch.closed_at = nowIso();
      // What was eaten together feeds "often ordered together" (a combo counts as its dishes).
      const eaten = order.lines.filter((l) => l.comboId === undefined && standingQuantity(l) > 0).map((l) => l.productId);
      await this.services.upsell.recordPaidOrder(db, venueId, eaten);
    }
    if (Object.keys(patch).length) await repo.updateOrder(db, orderId, patch);
    return this.changed(db, venueId, orderId);
  }

  /** After a refund: the order keeps its status (a paid order stays closed); paid and due change. */
  async afterRefund(db: Db, venueId: string, orderId: string) {
    return this.changed(db, venueId, orderId);
  }

  /** Open orders booked to a shift (a shift cannot close over them without an override). */
  /** Open orders of the shift; `orphans` adds those no open shift answers for (see the repository). */
  async openOrdersOfShift(db: Db, venueId: string, shiftId: string, orphans = false) {
    return repo.openOrdersOfShift(db, venueId, shiftId, orphans);
  }
}

