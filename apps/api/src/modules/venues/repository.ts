import { sql } from 'kysely';
import { isPostgres, isUniqueViolation } from '../../db/dialect';
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
    .where('s.status', '=', sql.lit('open'))
    .execute();

export const findOpenSessionOfTable = (db: Db, venueId: string, tableId: string) =>
  db
    .selectFrom('table_sessions as s')
    .innerJoin('staff as st', 'st.id', 's.waiter_id')
    .select(sessionColumns)
    .where('s.venue_id', '=', venueId)
    .where('s.table_id', '=', tableId)
    .where('s.status', '=', sql.lit('open'))
    .executeTakeFirst();

export const findSession = (db: Db, venueId: string, sessionId: string) =>
  db
    .selectFrom('table_sessions as s')
    .innerJoin('staff as st', 'st.id', 's.waiter_id')
    .select(sessionColumns)
    .where('s.venue_id', '=', venueId)
    .where('s.id', '=', sessionId)
    .executeTakeFirst();

/**
 * Holds the open sessions of these tables until the transaction ends, so two floor commands on
 * the same table (close and merge, two crossed merges, an order arriving while the table closes)
 * run one after the other and each sees what the other did. Read the sessions again afterwards.
 * `share` lets orders for one table proceed side by side; `update` is for changing the session.
 * On PostgreSQL these are row locks, taken in id order so crossed merges cannot deadlock; SQLite
 * runs one write transaction at a time already.
 */
export async function holdOpenSessions(db: Db, venueId: string, tableIds: string[], mode: 'share' | 'update'): Promise<void> {
  if (!isPostgres(db) || tableIds.length === 0) return;
  const query = db
    .selectFrom('table_sessions')
    .select('id')
    .where('venue_id', '=', venueId)
    .where('table_id', 'in', tableIds)
    .where('status', '=', sql.lit('open'))
    .orderBy('id');
  await (mode === 'share' ? query.forShare() : query.forUpdate()).execute();
}

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

/**
 * Moves an open session to another table; false when that table already has an open session.
 * The partial unique index decides: a check-then-update lets two concurrent moves (or a move and
 * an open) both through the check, and the loser would otherwise surface as a 500.
 */
export async function moveSessionToTable(db: Db, sessionId: string, tableId: string): Promise<boolean> {
  try {
    await db.updateTable('table_sessions').set({ table_id: tableId }).where('id', '=', sessionId).execute();
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/**
 * Portions on the kitchen's tickets for the sessions' open orders that are not served yet, per
 * session and ticket status (cancellations are not dishes to pick up: only added portions count).
 */
export async function kitchenCountsOfSessions(db: Db, venueId: string, sessionIds: readonly string[]) {
  if (sessionIds.length === 0) return [];
  const rows = await db
    .selectFrom('kitchen_tickets as t')
    .innerJoin('orders as o', 'o.id', 't.order_id')
    .innerJoin('ticket_items as i', 'i.ticket_id', 't.id')
    .select(['o.session_id', 't.status', (eb) => eb.fn.sum<number | string>('i.quantity').as('n')])
    .where('t.venue_id', '=', venueId)
    .where('o.session_id', 'in', [...sessionIds])
    .where('o.status', '=', 'open')
    .where('t.status', 'in', ['queued', 'cooking', 'ready'])
    .where('i.kind', '=', 'add')
    .groupBy(['o.session_id', 't.status'])
    .execute();
  return rows.map((r) => ({ sessionId: r.session_id!, status: r.status, count: Number(r.n) }));
}
