import { sql } from 'kysely';
import type { TillsTable } from '../../db/schema';
import type { Db } from '../../shared/command';

/** The venue's tills, each with its open regular shift (if any) and who opened it. */
export function listTills(db: Db, venueId: string, withArchived: boolean) {
  let query = db
    .selectFrom('tills as t')
    .leftJoin('shifts as s', (j) => j.onRef('s.till_id', '=', 't.id').on('s.status', '=', sql.lit('open')).on('s.is_rescue', '=', sql.lit(0)))
    .leftJoin('staff as c', 'c.id', 's.cashier_id')
    .select(['t.id', 't.name', 't.archived_at', 's.id as shift_id', 's.cashier_id', 's.opened_at', 'c.name as cashier_name'])
    .where('t.venue_id', '=', venueId);
  if (!withArchived) query = query.where('t.archived_at', 'is', null);
  return query.orderBy('t.name').execute();
}

export type TillRow = Awaited<ReturnType<typeof listTills>>[number];

export const findTill = (db: Db, venueId: string, tillId: string) =>
  db.selectFrom('tills').selectAll().where('venue_id', '=', venueId).where('id', '=', tillId).executeTakeFirst();

export const insertTill = (db: Db, row: TillsTable) => db.insertInto('tills').values(row).execute();

export const updateTill = (db: Db, venueId: string, tillId: string, patch: Partial<Pick<TillsTable, 'name' | 'archived_at'>>) =>
  db.updateTable('tills').set(patch).where('venue_id', '=', venueId).where('id', '=', tillId).execute();

/** The till a tablet is attached to (the verified device of the session), if any and not archived. */
export async function deviceTillId(db: Db, venueId: string, deviceId: string | null): Promise<string | null> {
  if (!deviceId) return null;
  const row = await db
    .selectFrom('devices as d')
    .innerJoin('tills as t', 't.id', 'd.till_id')
    .select('t.id')
    .where('d.id', '=', deviceId)
    .where('d.venue_id', '=', venueId)
    .where('t.archived_at', 'is', null)
    .executeTakeFirst();
  return row?.id ?? null;
}
