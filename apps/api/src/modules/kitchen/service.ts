import {
  type KitchenStatus,
  type KitchenTicket,
  type Order,
  TICKET_STATUSES,
  TICKET_TRANSITIONS,
  type TicketsQuery,
  type TicketStatus,
  type TicketStatusInput,
} from '@pos/contracts';
import { nowIso } from '../../shared/clock';
import { type Actor, type Db, event, outcome } from '../../shared/command';
import { conflict, notFound } from '../../shared/errors';
import { newId } from '../../shared/ids';
import { parseJson } from '../../shared/json';
import type { FireDelta, OrderKitchen, OrderReads } from '../orders';
import type { VenuesService } from '../venues/service';
import * as repo from './repository';

export const canMoveTicket = (from: TicketStatus, to: TicketStatus): boolean => TICKET_TRANSITIONS[from].includes(to);

/** Kitchen tickets per station and their state machine (queued → cooking → ready → served). */
export class KitchenService implements OrderKitchen {
  constructor(
    private readonly orders: OrderReads,
    private readonly venues: VenuesService,
  ) {}

  async tickets(db: Db, venueId: string, query: TicketsQuery & { ids?: string[] }): Promise<KitchenTicket[]> {
    const rows = await repo.listTickets(db, venueId, { ids: query.ids, orderId: query.orderId, stationCode: query.station, status: query.status ?? (query.ids || query.orderId ? undefined : 'active') });
    const items = await repo.itemsOf(db, rows.map((r) => r.id));
    // A held course is worth the cook's attention only while it still has dishes to send.
    const waiting = new Set((await repo.coursesWaiting(db, [...new Set(rows.map((r) => r.order_id))])).map((w) => `${w.order_id}:${Number(w.course)}`));
    const heldOf = (r: (typeof rows)[number]) =>
      parseJson<number[]>(r.held_courses, [])
        .filter((c) => waiting.has(`${r.order_id}:${c}`))
        .sort((a, b) => a - b);
    return rows.map((r) => ({
      id: r.id,
      number: r.number,
      orderId: r.order_id,
      orderNumber: r.order_number,
      tableId: r.table_id,
      tableLabel: r.table_label,
      hallId: r.hall_id,
      hallName: r.hall_name,
      waiterId: r.waiter_id,
      waiterName: r.waiter_name,
      stationId: r.station_id,
      stationCode: r.station_code,
      course: r.course,
      heldCourses: heldOf(r),
      status: r.status as TicketStatus,
      items: items
        .filter((i) => i.ticket_id === r.id)
        .map((i) => ({ id: i.id, lineId: i.line_id, name: i.name, modifiers: parseJson<string[]>(i.modifiers, []), quantity: i.quantity, note: i.note, kind: i.kind as 'add' | 'cancel' | 'note' })),
      createdAt: r.created_at,
      statusChangedAt: r.status_changed_at,
      version: r.version,
      delivery: r.external_id ? { partnerName: parseJson<{ partnerName?: string }>(r.delivery ?? null, {}).partnerName ?? '', externalId: r.external_id } : null,
    }));
  }

  async ticket(db: Db, venueId: string, ticketId: string): Promise<KitchenTicket> {
    const [ticket] = await this.tickets(db, venueId, { ids: [ticketId] });
    if (!ticket) throw notFound('ticket', ticketId);
    return ticket;
  }

  /** One ticket per station for a firing; its course is set when every item shares one. */
  async createTickets(db: Db, venueId: string, order: Order, deltas: FireDelta[]) {
    const byStation = new Map<string, FireDelta[]>();
    for (const d of deltas) byStation.set(d.stationId, [...(byStation.get(d.stationId) ?? []), d]);
    const now = nowIso();
    const ids: string[] = [];
    for (const [stationId, items] of byStation) {
      const id = newId();
      const courses = new Set(items.map((i) => i.line.course));
      await repo.insertTicket(db, {
        id,
        venue_id: venueId,
        number: await repo.nextTicketNumber(db, venueId),
        order_id: order.id,
        station_id: stationId,
        course: courses.size === 1 ? [...courses][0] : null,
        status: 'queued',
        version: 1,
        created_at: now,
        status_changed_at: now,
      });
      await repo.insertItems(
        db,
        items.map((d, position) => ({
          id: newId(),
          ticket_id: id,
          line_id: d.line.id,
          name: d.line.name,
          modifiers: JSON.stringify(d.line.modifiers.map((m) => m.name)),
          quantity: d.quantity,
          note: d.note,
          kind: d.kind,
          position,
        })),
      );
      ids.push(id);
    }
    const tickets = ids.length ? await this.tickets(db, venueId, { ids }) : [];
    return outcome(tickets, tickets.map((ticket) => event('kitchen.ticket.updated', { venueId, ticket })));
  }

  async setStatus(db: Db, actor: Actor, ticketId: string, input: TicketStatusInput) {
    const row = await repo.findTicket(db, actor.venueId, ticketId);
    if (!row) throw notFound('ticket', ticketId);
    const from = row.status as TicketStatus;
    if (input.version !== undefined && input.version !== row.version) {
      throw conflict('ticket.version_conflict', 'The ticket changed on another screen', { currentStatus: from, currentVersion: row.version });
    }
    if (!canMoveTicket(from, input.status)) {
      throw conflict('ticket.illegal_transition', `A ${from} ticket cannot become ${input.status}`, { currentStatus: from, allowed: TICKET_TRANSITIONS[from] });
    }
    if (!(await repo.moveTicket(db, ticketId, { status: from, version: row.version }, input.status, nowIso()))) {
      throw conflict('ticket.version_conflict', 'The ticket changed on another screen', { currentStatus: from });
    }
    const ticket = await this.ticket(db, actor.venueId, ticketId);
    // The floor tile says what the kitchen is doing for the table (cooking, ready at the pass).
    const table = ticket.tableId ? [await this.venues.tableEvent(db, actor.venueId, ticket.tableId)] : [];
    return outcome(ticket, [event('kitchen.ticket.updated', { venueId: actor.venueId, ticket }), ...table]);
  }

  async orderStatus(db: Db, venueId: string, orderId: string): Promise<KitchenStatus> {
    const order = await this.orders.get(db, venueId, orderId);
    const tickets = await this.tickets(db, venueId, { orderId });
    const rank = (s: TicketStatus) => TICKET_STATUSES.indexOf(s);
    return {
      orderId,
      tickets,
      lines: order.lines.map((line) => {
        const carrying = tickets.filter((t) => t.items.some((i) => i.lineId === line.id && i.kind === 'add'));
        const least = carrying.reduce<TicketStatus | null>((acc, t) => (acc === null || rank(t.status) < rank(acc) ? t.status : acc), null);
        const isDone = least === 'ready' || least === 'served';
        const readyAt = isDone ? carrying.map((t) => t.statusChangedAt).sort().at(-1)! : null;
        return { lineId: line.id, name: line.name, quantity: line.quantity - line.voidedQuantity, firedQuantity: line.firedQuantity, status: least ?? 'not_fired', readyAt };
      }),
    };
  }
}
