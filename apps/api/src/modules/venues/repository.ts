import { sql } from 'kysely';
import type { Db } from '../../shared/command';

export const listHalls = (db: Db, venueId: string) =>
  db.selectFrom('halls').selectAll().where('venue_id', '=', venueId).orderBy('sort').execute();

export function listTables(db: Db, venueId: string, hallId?: string) {
  let q = db.selectFrom('tables').selectAll().where('venue_id', '=', venueId);
  if (hallId) q = q.where('hall_id', '=', hallId);
  return q.orderBy('hall_id').orderBy('label').execute();
}

export const findTable = (db: Db, venueId: string, tableId: string) =>
  db.selectFrom('tables').selectAll().where('venue_id', '=', venueId).where('id', '=', tableId).executeTakeFirst();

const sessionColumns = [
  's.id',
  's.table_id',
  's.waiter_id',
  'st.name as waiter_name',
  's.guests',
  's.status',
  's.opened_at',
  's.closed_at',
] as const;

export const listOpenSessions = (db: Db, venueId: string) =>
  db
    .selectFrom('table_sessions as s')
    .innerJoin('staff as st', 'st.id', 's.waiter_id')
    .select(sessionColumns)
    .where('s.venue_id', '=', venueId)
    .where('s.status', '=', 'open')
    .execute();

export const findOpenSessionOfTable = (db: Db, venueId: string, tableId: string) =>
  db
    .selectFrom('table_sessions as s')
    .innerJoin('staff as st', 'st.id', 's.waiter_id')
    .select(sessionColumns)
    .where('s.venue_id', '=', venueId)
    .where('s.table_id', '=', tableId)
    .where('s.status', '=', 'open')
    .executeTakeFirst();

export const findSession = (db: Db, venueId: string, sessionId: string) =>
  db
    .selectFrom('table_sessions as s')
    .innerJoin('staff as st', 'st.id', 's.waiter_id')
    .select(sessionColumns)
    .where('s.venue_id', '=', venueId)
    .where('s.id', '=', sessionId)
    .executeTakeFirst();

export type SessionRow = NonNullable<Awaited<ReturnType<typeof findSession>>>;

/** Inserts an open session; false when the table already has one (the partial unique index). */
export async function insertOpenSession(
  db: Db,
  row: { id: string; venue_id: string; table_id: string; waiter_id: string; guests: number; opened_at: string },
): Promise<boolean> {
  const result = await db
    .insertInto('table_sessions')
    .values({ ...row, status: 'open', closed_at: null, merged_into: null })
    .onConflict((oc) => oc.column('table_id').where('status', '=', sql.lit('open')).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export const updateSession = (
  db: Db,
  sessionId: string,
  patch: Partial<{ table_id: string; waiter_id: string; guests: number; status: string; closed_at: string; merged_into: string }>,
) => db.updateTable('table_sessions').set(patch).where('id', '=', sessionId).execute();
