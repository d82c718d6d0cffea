import type { OrderLinesTable, OrdersTable } from '../../db/schema';
import { isPostgres } from '../../db/dialect';
import type { Db } from '../../shared/command';

export async function nextOrderNumber(db: Db, venueId: string): Promise<number> {
  const row = await db
    .updateTable('venues')
    .set((eb) => ({ order_seq: eb('order_seq', '+', 1) }))
    .where('id', '=', venueId)
    .returning('order_seq')
    .executeTakeFirstOrThrow();
  return Number(row.order_seq);
}

export const insertOrder = (db: Db, row: OrdersTable) => db.insertInto('orders').values(row).execute();

export const insertLines = (db: Db, rows: OrderLinesTable[]) =>
  rows.length === 0 ? Promise.resolve() : db.insertInto('order_lines').values(rows).execute();

export const findOrder = (db: Db, venueId: string, orderId: string) =>
  db.selectFrom('orders').selectAll().where('venue_id', '=', venueId).where('id', '=', orderId).executeTakeFirst();

/**
 * Bumps the order's version, which is also what serialises writers: the UPDATE row lock holds
 * until the transaction ends. With `expected`, a stale version changes nothing (→ 409).
 */
export async function bumpVersion(db: Db, orderId: string, now: string, expected?: number): Promise<boolean> {
  let q = db
    .updateTable('orders')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: now }))
    .where('id', '=', orderId);
  if (expected !== undefined) q = q.where('version', '=', expected);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Takes the order's row lock for the transaction (PostgreSQL) without changing anything. */
export async function lockOrder(db: Db, orderId: string): Promise<boolean> {
  const result = await db
    .updateTable('orders')
    .set((eb) => ({ version: eb.ref('version') }))
    .where('id', '=', orderId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export const updateOrder = (db: Db, orderId: string, patch: Partial<Omit<OrdersTable, 'id' | 'venue_id'>>) =>
  db.updateTable('orders').set(patch).where('id', '=', orderId).execute();

export function listOrders(
  db: Db,
  venueId: string,
  filter: { status?: string; tableId?: string; sessionId?: string; waiterId?: string; sessionIds?: string[]; openedFrom?: string; openedBefore?: string; source?: string },
) {
  let q = db.selectFrom('orders').selectAll().where('venue_id', '=', venueId);
  if (filter.status) q = q.where('status', '=', filter.status);
  // ISO-8601 UTC strings of one format compare in time order on both databases.
  if (filter.openedFrom) q = q.where('created_at', '>=', filter.openedFrom);
  if (filter.openedBefore) q = q.where('created_at', '<', filter.openedBefore);
  if (filter.tableId) q = q.where('table_id', '=', filter.tableId);
  if (filter.sessionId) q = q.where('session_id', '=', filter.sessionId);
  if (filter.waiterId) q = q.where('waiter_id', '=', filter.waiterId);
  if (filter.source) q = q.where('source', '=', filter.source);
  if (filter.sessionIds) q = filter.sessionIds.length ? q.where('session_id', 'in', filter.sessionIds) : q.where('id', '=', '');
  return q.orderBy('number', 'desc').limit(500).execute();
}

export const linesOf = (db: Db, orderIds: string[]) =>
  orderIds.length === 0
    ? Promise.resolve([] as OrderLinesTable[])
    : db.selectFrom('order_lines').selectAll().where('order_id', 'in', orderIds).orderBy('position').execute();

export const updateLine = (db: Db, lineId: string, patch: Partial<Omit<OrderLinesTable, 'id' | 'order_id'>>) =>
  db.updateTable('order_lines').set(patch).where('id', '=', lineId).execute();

/** Only for a line the kitchen never saw and nothing was voided from (a combo took it over). */
export const deleteLine = (db: Db, lineId: string) => db.deleteFrom('order_lines').where('id', '=', lineId).execute();

export const tableLabels = (db: Db, tableIds: string[]) =>
  tableIds.length === 0
    ? Promise.resolve([])
    : db.selectFrom('tables').select(['id', 'label', 'hall_id']).where('id', 'in', tableIds).execute();

export const staffNames = (db: Db, staffIds: string[]) =>
  staffIds.length === 0 ? Promise.resolve([]) : db.selectFrom('staff').select(['id', 'name']).where('id', 'in', staffIds).execute();

/** The loyalty guests attached to orders (issue 18), by id: one query for a whole list of orders. */
export const customerNames = (db: Db, customerIds: string[]) =>
  customerIds.length === 0 ? Promise.resolve([]) : db.selectFrom('customers').select(['id', 'name']).where('id', 'in', customerIds).execute();

export const productStations = (db: Db, productIds: string[]) =>
  productIds.length === 0
    ? Promise.resolve([])
    : db.selectFrom('products').select(['id', 'station_id']).where('id', 'in', productIds).execute();

export const moveSessionOrders = (
  db: Db,
  sessionId: string,
  patch: Partial<{ waiter_id: string; table_id: string; session_id: string }>,
  now: string,
) =>
  db
    .updateTable('orders')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1), updated_at: now }))
    .where('session_id', '=', sessionId)
    .where('status', '=', 'open')
    .returning('id')
    .execute();

/**
 * Open orders of a shift. With `orphans`, also those no open shift answers for: taken before any
 * shift was open (no shift), or left on a shift that closed over them — the venue's last open
 * shift must not close without listing them, or nobody ever would.
 */
export const openOrdersOfShift = (db: Db, venueId: string, shiftId: string, orphans = false) =>
  db
    .selectFrom('orders as o')
    .leftJoin('shifts as s', 's.id', 'o.shift_id')
    .select(['o.id', 'o.number'])
    .where('o.venue_id', '=', venueId)
    .where('o.status', '=', 'open')
    .where((eb) => (orphans ? eb.or([eb('o.shift_id', '=', shiftId), eb('o.shift_id', 'is', null), eb('s.status', '!=', 'open')]) : eb('o.shift_id', '=', shiftId)))
    .orderBy('o.number')
    .execute();

export { isPostgres };

export const productCategories = (db: Db, productIds: string[]) =>
  productIds.length === 0 ? Promise.resolve([]) : db.selectFrom('products').select(['id', 'category_id']).where('id', 'in', productIds).execute();
