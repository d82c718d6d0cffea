import { sql } from 'kysely';
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
