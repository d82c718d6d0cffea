import { sql } from 'kysely';
import { isPostgres } from '../../db/dialect';
import type { CashMovementsTable, ShiftsTable } from '../../db/schema';
import type { Db } from '../../shared/command';

const withCashier = (db: Db) =>
  db
    .selectFrom('shifts as s')
    .innerJoin('staff as c', 'c.id', 's.cashier_id')
    .leftJoin('tills as t', 't.id', 's.till_id')
    .selectAll('s')
    .select(['c.name as cashier_name', 't.name as till_name']);

export type ShiftRow = ShiftsTable & { cashier_name: string; till_name: string | null };

export const findShift = (db: Db, venueId: string, shiftId: string) =>
  withCashier(db).where('s.venue_id', '=', venueId).where('s.id', '=', shiftId).executeTakeFirst();

export const findOpenShiftOf = (db: Db, venueId: string, cashierId: string, isRescue = 0) =>
  withCashier(db)
    .where('s.venue_id', '=', venueId)
    .where('s.cashier_id', '=', cashierId)
    .where('s.status', '=', sql.lit('open'))
    .where('s.is_rescue', '=', sql.lit(isRescue ? 1 : 0))
    .executeTakeFirst();

export const latestOpenShift = (db: Db, venueId: string) =>
  withCashier(db)
    .where('s.venue_id', '=', venueId)
    .where('s.status', '=', sql.lit('open'))
    .where('s.is_rescue', '=', sql.lit(0))
    .orderBy('s.opened_at', 'desc')
    .executeTakeFirst();

/**
 * The open regular shift a new order books to, in one read: the one on the till the tablet is
 * attached to (a till in use), else the actor's own, else the venue's latest opened. Only the id
 * comes back; `skip` leaves out shifts a caller could not hold (closed since). The literal 'open'
 * lets SQLite and PostgreSQL use the partial index on the venue's open shifts.
 */
export async function orderShiftId(db: Db, venueId: string, staffId: string, deviceId: string | null, skip: readonly string[] = []): Promise<string | null> {
  const row = await db
    .selectFrom('shifts as s')
    .select('s.id')
    .where('s.venue_id', '=', venueId)
    .where('s.status', '=', sql.lit('open'))
    .where('s.is_rescue', '=', sql.lit(0))
    .$if(skip.length > 0, (q) => q.where('s.id', 'not in', skip))
    .orderBy((eb) => {
      const own = eb('s.cashier_id', '=', staffId);
      if (!deviceId) return eb.case().when(own).then(eb.lit(1)).else(eb.lit(2)).end();
      const tabletTill = eb
        .selectFrom('devices as d')
        .innerJoin('tills as t', 't.id', 'd.till_id')
        .select('t.id')
        .where('d.id', '=', deviceId)
        .where('d.venue_id', '=', venueId)
        .where('t.archived_at', 'is', null);
      return eb.case().when('s.till_id', '=', tabletTill).then(eb.lit(0)).when(own).then(eb.lit(1)).else(eb.lit(2)).end();
    })
    .orderBy('s.opened_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Whether any open regular (non-rescue) shift of the venue other than this one remains. */
export async function hasOtherOpenShift(db: Db, venueId: string, shiftId: string): Promise<boolean> {
  const row = await db
    .selectFrom('shifts')
    .select('id')
    .where('venue_id', '=', venueId)
    .where('status', '=', sql.lit('open'))
    .where('is_rescue', '=', sql.lit(0))
    .where('id', '!=', shiftId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Closes of one venue run one at a time until their transactions end, so two cashiers closing
 * together cannot each see the other still open and both skip the day close. A cash movement
 * takes the same lock before it holds its shift for update, so it and a close take their locks
 * in one order and never wait on each other in a circle. On PostgreSQL that is a
 * transaction-scoped advisory lock (no table row, so orders and payments never wait on it);
 * SQLite runs one write transaction at a time anyway.
 */
export async function serializeCloses(db: Db, venueId: string): Promise<void> {
  if (isPostgres(db)) await sql`SELECT pg_advisory_xact_lock(hashtext(${`shift-close:${venueId}`}))`.execute(db);
}

/**
 * Holds a shift row until the transaction ends and tells whether it is still open. A command
 * booking money or an order to a shift takes it `share`d, closing takes it for `update`, so a
 * payment either commits before the close counts the shift or sees it closed (and goes to a
 * rescue shift) — never lands, uncounted, on a shift that has just been closed. On PostgreSQL
 * that is a row lock; SQLite runs one write transaction at a time, so a plain read suffices.
 */
export async function holdShift(db: Db, shiftId: string, mode: 'share' | 'update'): Promise<boolean> {
  let query = db.selectFrom('shifts').select('status').where('id', '=', shiftId);
  if (isPostgres(db)) query = mode === 'share' ? query.forShare() : query.forUpdate();
  return (await query.executeTakeFirst())?.status === 'open';
}

/** Inserts an open shift; false when that cashier already has one (the partial unique index). */
export async function insertOpenShift(db: Db, row: ShiftsTable): Promise<boolean> {
  const result = await db
    .insertInto('shifts')
    .values(row)
    .onConflict((oc) => oc.columns(['venue_id', 'cashier_id', 'is_rescue']).where('status', '=', sql.lit('open')).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function closeShift(db: Db, shiftId: string, patch: Partial<ShiftsTable>) {
  const result = await db.updateTable('shifts').set(patch).where('id', '=', shiftId).where('status', '=', sql.lit('open')).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export type CashMovementRow = CashMovementsTable & { staff_name: string };

export const insertCashMovement = (db: Db, row: CashMovementsTable) => db.insertInto('cash_movements').values(row).execute();

/** A shift's cash movements with who recorded them, oldest first. */
export const cashMovementsOf = (db: Db, venueId: string, shiftId: string) =>
  db
    .selectFrom('cash_movements as m')
    .innerJoin('staff as s', 's.id', 'm.staff_id')
    .selectAll('m')
    .select('s.name as staff_name')
    .where('m.venue_id', '=', venueId)
    .where('m.shift_id', '=', shiftId)
    .orderBy('m.created_at')
    .orderBy('m.id')
    .execute();

/** Paid in and paid out of a shift (PostgreSQL returns bigint sums as strings). */
export async function cashMovementTotals(db: Db, shiftId: string): Promise<{ paidIn: number; paidOut: number }> {
  const rows = await db
    .selectFrom('cash_movements')
    .select(['kind', (eb) => eb.fn.sum<string | number>('amount').as('total')])
    .where('shift_id', '=', shiftId)
    .groupBy('kind')
    .execute();
  const total = (kind: string) => Number(rows.find((r) => r.kind === kind)?.total ?? 0);
  return { paidIn: total('paid_in'), paidOut: total('paid_out') };
}

/** The open regular shift on a till, if any. */
export const findOpenShiftOnTill = (db: Db, venueId: string, tillId: string) =>
  withCashier(db).where('s.venue_id', '=', venueId).where('s.till_id', '=', tillId).where('s.status', '=', sql.lit('open')).where('s.is_rescue', '=', sql.lit(0)).executeTakeFirst();

/** Every open shift of the venue with how many open orders book to it, longest-running first. */
export const openShiftsWithChecks = (db: Db, venueId: string) =>
  withCashier(db)
    .select((eb) =>
      eb
        .selectFrom('orders as o')
        .select((o) => o.fn.countAll<string | number>().as('n'))
        .whereRef('o.shift_id', '=', 's.id')
        .where('o.status', '=', 'open')
        .as('open_checks'),
    )
    .where('s.venue_id', '=', venueId)
    .where('s.status', '=', sql.lit('open'))
    .orderBy('s.opened_at')
    .execute();
/** The venue's open regular shifts, longest-running first (handover targets, the closeout tick). */
export const openRegularShifts = (db: Db, venueId: string) =>
  withCashier(db).where('s.venue_id', '=', venueId).where('s.status', '=', sql.lit('open')).where('s.is_rescue', '=', sql.lit(0)).orderBy('s.opened_at').orderBy('s.id').execute();

/**
 * Passes open checks on to another shift (or to none: the next shift to open takes them, as the
 * day's last shift answers for open orders with no shift). Only `orders.shift_id` changes: which
 * drawer answers for the check is the server's bookkeeping, so the order's version stays and no
 * tablet's edit of it conflicts.
 */
export async function handOverOrders(db: Db, venueId: string, orderIds: readonly string[], toShiftId: string | null): Promise<void> {
  if (orderIds.length === 0) return;
  await db.updateTable('orders').set({ shift_id: toShiftId }).where('venue_id', '=', venueId).where('id', 'in', orderIds).where('status', '=', sql.lit('open')).execute();
}
