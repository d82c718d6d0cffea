import type { KitchenTicketsTable, TicketItemsTable } from '../../db/schema';
import type { Db } from '../../shared/command';

export async function nextTicketNumber(db: Db, venueId: string): Promise<number> {
  const row = await db
    .updateTable('venues')
    .set((eb) => ({ ticket_seq: eb('ticket_seq', '+', 1) }))
    .where('id', '=', venueId)
    .returning('ticket_seq')
    .executeTakeFirstOrThrow();
  return Number(row.ticket_seq);
}

export const insertTicket = (db: Db, row: KitchenTicketsTable) => db.insertInto('kitchen_tickets').values(row).execute();

export const insertItems = (db: Db, rows: TicketItemsTable[]) =>
  rows.length === 0 ? Promise.resolve() : db.insertInto('ticket_items').values(rows).execute();

/** Tickets with what a cook's screen shows: order number, table (and its hall), waiter, station code. */
export function listTickets(db: Db, venueId: string, filter: { ids?: string[]; orderId?: string; stationCode?: string; status?: string }) {
  let q = db
    .selectFrom('kitchen_tickets as k')
    .innerJoin('orders as o', 'o.id', 'k.order_id')
    .innerJoin('stations as s', 's.id', 'k.station_id')
    .innerJoin('staff as w', 'w.id', 'o.waiter_id')
    .leftJoin('tables as t', 't.id', 'o.table_id')
    .leftJoin('halls as h', 'h.id', 't.hall_id')
    .selectAll('k')
    .select(['o.number as order_number', 'o.table_id', 't.label as table_label', 'h.id as hall_id', 'h.name as hall_name', 'o.waiter_id', 'w.name as waiter_name', 's.code as station_code', 'o.held_courses', 'o.external_id', 'o.delivery'])
    .where('k.venue_id', '=', venueId);
  if (filter.ids) q = filter.ids.length ? q.where('k.id', 'in', filter.ids) : q.where('k.id', '=', '');
  if (filter.orderId) q = q.where('k.order_id', '=', filter.orderId);
  if (filter.stationCode) q = q.where('s.code', '=', filter.stationCode);
  if (filter.status === 'active') q = q.where('k.status', '!=', 'served');
  else if (filter.status) q = q.where('k.status', '=', filter.status);
  return q.orderBy('k.created_at').orderBy('k.number').limit(1000).execute();
}

/** Per order, the courses with portions not fired yet (standing portions beyond the fired ones; combo lines are never fired). */
export function coursesWaiting(db: Db, orderIds: string[]) {
  if (orderIds.length === 0) return Promise.resolve([] as { order_id: string; course: number }[]);
  return db
    .selectFrom('order_lines')
    .select(['order_id', 'course'])
    .distinct()
    .where('order_id', 'in', orderIds)
    .where((eb) => eb(eb('quantity', '-', eb.ref('voided_quantity')), '>', eb.ref('fired_quantity')))
    .where('combo_id', 'is', null)
    .execute();
}

export type TicketRow = Awaited<ReturnType<typeof listTickets>>[number];

export const itemsOf = (db: Db, ticketIds: string[]) =>
  ticketIds.length === 0
    ? Promise.resolve([] as TicketItemsTable[])
    : db.selectFrom('ticket_items').selectAll().where('ticket_id', 'in', ticketIds).orderBy('position').execute();

export const findTicket = (db: Db, venueId: string, ticketId: string) =>
  db.selectFrom('kitchen_tickets').selectAll().where('venue_id', '=', venueId).where('id', '=', ticketId).executeTakeFirst();

/** Moves the ticket only from the status (and version) the caller saw: a double bump is a 409. */
export async function moveTicket(db: Db, ticketId: string, from: { status: string; version: number }, to: string, now: string) {
  const result = await db
    .updateTable('kitchen_tickets')
    .set({ status: to, version: from.version + 1, status_changed_at: now })
    .where('id', '=', ticketId)
    .where('status', '=', from.status)
    .where('version', '=', from.version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
