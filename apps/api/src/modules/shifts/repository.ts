import { sql } from 'kysely';
import { isPostgres } from '../../db/dialect';
import type { ShiftsTable } from '../../db/schema';
import type { Db } from '../../shared/command';

const withCashier = (db: Db) =>
  db.selectFrom('shifts as s').innerJoin('staff as c', 'c.id', 's.cashier_id').selectAll('s').select('c.name as cashier_name');

export type ShiftRow = ShiftsTable & { cashier_name: string };

export const findShift = (db: Db, venueId: string, shiftId: string) =>
  withCashier(db).where('s.venue_id', '=', venueId).where('s.id', '=', shiftId).executeTakeFirst();

export const findOpenShiftOf = (db: Db, venueId: string, cashierId: string, isRescue = 0) =>
  withCashier(db)
    .where('s.venue_id', '=', venueId)
    .where('s.cashier_id', '=', cashierId)
    .where('s.status', '=', 'open')
    .where('s.is_rescue', '=', isRescue)
    .executeTakeFirst();

export const latestOpenShift = (db: Db, venueId: string) =>
  withCashier(db)
    .where('s.venue_id', '=', venueId)
    .where('s.status', '=', 'open')
    .where('s.is_rescue', '=', 0)
    .orderBy('s.opened_at', 'desc')
    .executeTakeFirst();

/** Whether any open regular (non-rescue) shift of the venue other than this one remains. */
export async function hasOtherOpenShift(db: Db, venueId: string, shiftId: string): Promise<boolean> {
  const row = await db
    .selectFrom('shifts')
    .select('id')
    .where('venue_id', '=', venueId)
    .where('status', '=', 'open')
    .where('is_rescue', '=', 0)
    .where('id', '!=', shiftId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Closes of one venue run one at a time until their transactions end, so two cashiers closing
 * together cannot each see the other still open and both skip the day close. On PostgreSQL that
 * is a transaction-scoped advisory lock (no table row, so orders and payments never wait on it);
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
  const result = await db.updateTable('shifts').set(patch).where('id', '=', shiftId).where('status', '=', 'open').executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
