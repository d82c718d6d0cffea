import { sql } from 'kysely';
import type { VenueShiftSettingsTable } from '../../db/schema';
import type { Db } from '../../shared/command';

/** The venue's shift settings row; none means the defaults. */
export const shiftSettings = (db: Db, venueId: string): Promise<VenueShiftSettingsTable | undefined> =>
  db.selectFrom('venue_shift_settings').selectAll().where('venue_id', '=', venueId).executeTakeFirst();

/** Inserted the first time and overwritten after (the same upsert on SQLite and PostgreSQL). */
export const saveShiftSettings = (db: Db, row: VenueShiftSettingsTable) =>
  db
    .insertInto('venue_shift_settings')
    .values(row)
    .onConflict((oc) =>
      oc.column('venue_id').doUpdateSet({ closeout_time: row.closeout_time, auto_close: row.auto_close, max_open_minutes: row.max_open_minutes, updated_at: row.updated_at, updated_by: row.updated_by }),
    )
    .execute();

/** Venues with an open regular shift, with their zone and settings (the tick looks at no other). */
export const venuesWithOpenShifts = (db: Db) =>
  db
    .selectFrom('venues as v')
    .leftJoin('venue_shift_settings as ss', 'ss.venue_id', 'v.id')
    .select(['v.id as venue_id', 'v.timezone', 'ss.closeout_time', 'ss.auto_close', 'ss.max_open_minutes'])
    .where((eb) => eb.exists(eb.selectFrom('shifts as s').select('s.id').whereRef('s.venue_id', '=', 'v.id').where('s.status', '=', sql.lit('open')).where('s.is_rescue', '=', sql.lit(0))))
    .orderBy('v.id')
    .execute();

/**
 * Claims a reminder of a shift: true for the one caller whose row lands (the primary key
 * (shift_id, kind) refuses the rest), so exactly one API instance publishes it.
 */
export async function claimAlert(db: Db, row: { shift_id: string; kind: string; venue_id: string; sent_at: string }): Promise<boolean> {
  const result = await db.insertInto('shift_alerts_sent').values(row).onConflict((oc) => oc.columns(['shift_id', 'kind']).doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}
