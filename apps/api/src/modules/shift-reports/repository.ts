import { CAPTURED_STATUSES, STORED_VALUE_METHODS } from '@pos/contracts';
import type { ExpressionBuilder } from 'kysely';
import type { Database, ZReportsTable } from '../../db/schema';
import type { Db } from '../../shared/command';

/**
 * Read queries of the shift reports over orders and lines of one shift, and the `z_reports` table.
 * The orders in scope are named by a subquery, never by a list of ids: a Z of 20,000 checks stays
 * a few indexed scans and never hits a bind-parameter limit.
 */

/** Orders a sale of the shift was booked against (paid, in whole or part, in this shift). */
const paidOrders = (db: Db, shiftId: string) =>
  db.selectFrom('ledger_entries').select('order_id').where('shift_id', '=', shiftId).where('kind', '=', 'sale').where('order_id', 'is not', null);

/**
 * The checks the shift answered for when it closed: those booked to it, and those it handed over
 * to another shift (or to the next one) at the close (`shifts.carried_over`). A handover moves the
 * check on, but the voids and the open check belong to the report of the shift that had them.
 */
export async function carriedOverIds(db: Db, shiftId: string): Promise<string[]> {
  const row = await db.selectFrom('shifts').select('carried_over').where('id', '=', shiftId).executeTakeFirst();
  const list = JSON.parse(row?.carried_over ?? '[]') as { orderId: string }[];
  return list.map((o) => o.orderId);
}

/** Lines of the checks paid in the shift, with their menu category. */
export const paidLinesWithCategory = (db: Db, shiftId: string) =>
  db
    .selectFrom('order_lines as l')
    .innerJoin('products as p', 'p.id', 'l.product_id')
    .innerJoin('categories as c', 'c.id', 'p.category_id')
    .select(['l.order_id', 'l.product_id', 'l.name', 'l.unit_price', 'l.modifiers', 'l.quantity', 'l.voided_quantity', 'c.id as category_id', 'c.name as category_name', 'c.sort as category_sort'])
    .where('l.order_id', 'in', paidOrders(db, shiftId))
    .execute();

/** Voided lines of the orders booked to the shift or paid in it, with the reason given. */
export const voidedLines = (db: Db, venueId: string, shiftId: string, carried: readonly string[] = []) =>
  db
    .selectFrom('order_lines as l')
    .select(['l.order_id', 'l.product_id', 'l.name', 'l.unit_price', 'l.modifiers', 'l.quantity', 'l.voided_quantity', 'l.void_reason'])
    .where('l.venue_id', '=', venueId)
    .where('l.voided_quantity', '>', 0)
    .where((eb) =>
      eb.or([
        eb('l.order_id', 'in', eb.selectFrom('orders').select('id').where('shift_id', '=', shiftId)),
        eb('l.order_id', 'in', paidOrders(db, shiftId)),
        ...(carried.length ? [eb('l.order_id', 'in', carried)] : []),
      ]),
    )
    .execute();

/** Guests at the checks paid in the shift (PostgreSQL returns bigint sums as strings). */
export async function guestsOfPaidOrders(db: Db, shiftId: string): Promise<number> {
  const row = await db
    .selectFrom('orders')
    .select((eb) => eb.fn.sum<string | number>('guests').as('guests'))
    .where('id', 'in', paidOrders(db, shiftId))
    .executeTakeFirst();
  return Number(row?.guests ?? 0);
}

/** Checks of the shift still open, with their table and lines. */
export async function openChecks(db: Db, venueId: string, shiftId: string, carried: readonly string[] = []) {
  // Booked to the shift now, or handed over by it at its close.
  const ofShift = (eb: ExpressionBuilder<Database & { o: Database['orders'] }, 'o'>) =>
    carried.length ? eb.or([eb('o.shift_id', '=', shiftId), eb('o.id', 'in', carried)]) : eb('o.shift_id', '=', shiftId);
  const orders = await db
    .selectFrom('orders as o')
    .leftJoin('tables as t', 't.id', 'o.table_id')
    .select(['o.id', 'o.number', 't.label as table_label'])
    .where('o.venue_id', '=', venueId)
    .where(ofShift)
    .where('o.status', '=', 'open')
    .orderBy('o.number')
    .execute();
  const lines =
    orders.length === 0
      ? []
      : await db
          .selectFrom('order_lines as l')
          .innerJoin('orders as o', 'o.id', 'l.order_id')
          .select(['l.order_id', 'l.unit_price', 'l.modifiers', 'l.quantity', 'l.voided_quantity'])
          .where('o.venue_id', '=', venueId)
          .where(ofShift)
          .where('o.status', '=', 'open')
          .execute();
  return { orders, lines };
}

/** Refunds booked to the shift: how many ledger rows. */
export async function refundCount(db: Db, shiftId: string): Promise<number> {
  const row = await db
    .selectFrom('ledger_entries')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('shift_id', '=', shiftId)
    .where('kind', '=', 'refund')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Stored-value tenders (gift cards, points) booked to the shift: how many, how much, how much was put back. */
export async function storedValueTenders(db: Db, shiftId: string) {
  const rows = await db
    .selectFrom('payments')
    .select(['method', (eb) => eb.fn.countAll<string | number>().as('n'), (eb) => eb.fn.sum<string | number>('amount').as('amount'), (eb) => eb.fn.sum<string | number>('refunded_amount').as('refunded')])
    .where('shift_id', '=', shiftId)
    .where('method', 'in', [...STORED_VALUE_METHODS])
    .where('status', 'in', [...CAPTURED_STATUSES])
    .groupBy('method')
    .execute();
  return rows.map((r) => ({ method: r.method as (typeof STORED_VALUE_METHODS)[number], count: Number(r.n), amount: Number(r.amount ?? 0), refunded: Number(r.refunded ?? 0) }));
}

export const staffName = async (db: Db, venueId: string, staffId: string) =>
  (await db.selectFrom('staff').select('name').where('venue_id', '=', venueId).where('id', '=', staffId).executeTakeFirst())?.name ?? null;

/** The venue's last Z (its number and hash continue the chain). */
export const lastZ = (db: Db, venueId: string) =>
  db.selectFrom('z_reports').select(['number', 'hash']).where('venue_id', '=', venueId).orderBy('number', 'desc').limit(1).executeTakeFirst();

export const insertZ = (db: Db, row: ZReportsTable) => db.insertInto('z_reports').values(row).execute();

export const zOfShift = (db: Db, venueId: string, shiftId: string) =>
  db.selectFrom('z_reports').selectAll().where('venue_id', '=', venueId).where('shift_id', '=', shiftId).executeTakeFirst();

/** Counts one more print and answers how many there are now, this one included. */
export async function countPrint(db: Db, id: string): Promise<number> {
  const row = await db.updateTable('z_reports').set((eb) => ({ prints: eb('prints', '+', 1) })).where('id', '=', id).returning('prints').executeTakeFirstOrThrow();
  return Number(row.prints);
}

/** A page of the venue's chain in number order, after `afterNumber`. */
export const chainPage = (db: Db, venueId: string, afterNumber: number, limit: number) =>
  db
    .selectFrom('z_reports')
    .select(['number', 'data', 'prev_hash', 'hash'])
    .where('venue_id', '=', venueId)
    .where('number', '>', afterNumber)
    .orderBy('number')
    .limit(limit)
    .execute();

export interface ArchiveFilter {
  from?: string;
  to?: string;
  /** Only numbers below this one (the page before). */
  before?: number;
  /** Only this cashier's shifts. */
  cashierId?: string;
  /** Only this shift's Z. */
  shiftId?: string;
}

/** The venue's Z archive, newest first, with the shift's cashier and till. */
export function archivePage(db: Db, venueId: string, filter: ArchiveFilter, limit: number) {
  let query = db
    .selectFrom('z_reports as z')
    .innerJoin('shifts as s', 's.id', 'z.shift_id')
    .innerJoin('staff as c', 'c.id', 's.cashier_id')
    .leftJoin('tills as t', 't.id', 's.till_id')
    .select(['z.number', 'z.shift_id', 'z.issued_at', 'z.data', 'z.prints', 's.opened_at', 's.closed_at', 's.close_mode', 'c.name as cashier_name', 't.name as till_name'])
    .where('z.venue_id', '=', venueId);
  if (filter.from) query = query.where('z.issued_at', '>=', filter.from);
  if (filter.to) query = query.where('z.issued_at', '<=', filter.to);
  if (filter.before) query = query.where('z.number', '<', filter.before);
  if (filter.cashierId) query = query.where('s.cashier_id', '=', filter.cashierId);
  if (filter.shiftId) query = query.where('z.shift_id', '=', filter.shiftId);
  return query.orderBy('z.number', 'desc').limit(limit).execute();
}
