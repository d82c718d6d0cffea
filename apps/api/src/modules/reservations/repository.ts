import { sql } from 'kysely';
import { isPostgres } from '../../db/dialect';
import type { ReservationsTable, ReservationTablesTable } from '../../db/schema';
import type { Db } from '../../shared/command';

export const venueTimeZone = async (db: Db, venueId: string): Promise<string> =>
  (await db.selectFrom('venues').select('timezone').where('id', '=', venueId).executeTakeFirstOrThrow()).timezone;

/**
 * Holds these tables until the transaction ends, so two bookings of one table are checked for
 * overlap one after the other. PostgreSQL row locks in id order; SQLite runs one write
 * transaction at a time already.
 */
export async function holdTables(db: Db, venueId: string, tableIds: readonly string[]): Promise<void> {
  if (!isPostgres(db) || tableIds.length === 0) return;
  await db.selectFrom('tables').select('id').where('venue_id', '=', venueId).where('id', 'in', [...tableIds]).orderBy('id').forUpdate().execute();
}

export async function findReservation(db: Db, venueId: string, id: string, lock = false) {
  const query = db.selectFrom('reservations').selectAll().where('venue_id', '=', venueId).where('id', '=', id);
  return (lock && isPostgres(db) ? query.forUpdate() : query).executeTakeFirst();
}

export function listReservations(db: Db, venueId: string, filter: { from: string; to: string; hallId?: string; tableId?: string }) {
  let query = db
    .selectFrom('reservations as r')
    .selectAll('r')
    .where('r.venue_id', '=', venueId)
    .where('r.starts_at', '>=', filter.from)
    .where('r.starts_at', '<', filter.to);
  const { hallId, tableId } = filter;
  if (hallId || tableId) {
    query = query.where((eb) => {
      let tables = eb.selectFrom('reservation_tables as rt').innerJoin('tables as t', 't.id', 'rt.table_id').select(sql.lit(1).as('one')).whereRef('rt.reservation_id', '=', 'r.id');
      if (hallId) tables = tables.where('t.hall_id', '=', hallId);
      if (tableId) tables = tables.where('t.id', '=', tableId);
      return eb.exists(tables);
    });
  }
  return query.orderBy('r.starts_at').orderBy('r.id').execute();
}

/**
 * Reservations that hold any of these tables in a window overlapping [startsAt, endsAt): booked
 * ones, and seated ones while their party is still at the table. Touching windows do not clash.
 */
export function findClashes(db: Db, venueId: string, tableIds: readonly string[], startsAt: string, endsAt: string, exceptId?: string) {
  const query = db
    .selectFrom('reservations as r')
    .leftJoin('table_sessions as s', 's.id', 'r.session_id')
    .selectAll('r')
    .where('r.venue_id', '=', venueId)
    .where('r.starts_at', '<', endsAt)
    .where('r.ends_at', '>', startsAt)
    .where((eb) => eb.or([eb('r.status', '=', 'booked'), eb.and([eb('r.status', '=', 'seated'), eb('s.status', '=', 'open')])]))
    .where((eb) => eb.exists(eb.selectFrom('reservation_tables as rt').select(sql.lit(1).as('one')).whereRef('rt.reservation_id', '=', 'r.id').where('rt.table_id', 'in', [...tableIds])))
    .orderBy('r.starts_at');
  return (exceptId ? query.where('r.id', '!=', exceptId) : query).execute();
}

export function tablesOfReservations(db: Db, reservationIds: readonly string[]) {
  if (reservationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('reservation_tables as rt')
    .innerJoin('tables as t', 't.id', 'rt.table_id')
    .select(['rt.reservation_id', 'rt.position', 't.id', 't.hall_id', 't.label', 't.seats'])
    .where('rt.reservation_id', 'in', [...reservationIds])
    .orderBy('rt.reservation_id')
    .orderBy('rt.position')
    .execute();
}

export function staffNames(db: Db, staffIds: readonly string[]) {
  if (staffIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('staff').select(['id', 'name']).where('id', 'in', [...new Set(staffIds)]).execute();
}

export const insertReservation = (db: Db, row: ReservationsTable) => db.insertInto('reservations').values(row).execute();

export async function replaceReservationTables(db: Db, reservationId: string, tableIds: readonly string[]): Promise<void> {
  await db.deleteFrom('reservation_tables').where('reservation_id', '=', reservationId).execute();
  const rows: ReservationTablesTable[] = tableIds.map((table_id, position) => ({ reservation_id: reservationId, table_id, position }));
  await db.insertInto('reservation_tables').values(rows).execute();
}

export const updateReservation = (db: Db, id: string, patch: Partial<Omit<ReservationsTable, 'id' | 'venue_id'>>) =>
  db.updateTable('reservations').set(patch).where('id', '=', id).execute();
