import type { RevenuePlansTable, VenuePlanSettingsTable } from '../../db/schema';
import type { Db } from '../../shared/command';

/** The venue's revenue plans: a row per planned weekday, and the plan settings row. */

export const planRows = (db: Db, venueId: string): Promise<RevenuePlansTable[]> =>
  db.selectFrom('revenue_plans').selectAll().where('venue_id', '=', venueId).orderBy('weekday').execute();

export const planRow = (db: Db, venueId: string, weekday: number): Promise<RevenuePlansTable | undefined> =>
  db.selectFrom('revenue_plans').selectAll().where('venue_id', '=', venueId).where('weekday', '=', weekday).executeTakeFirst();

export const planSettings = (db: Db, venueId: string): Promise<VenuePlanSettingsTable | undefined> =>
  db.selectFrom('venue_plan_settings').selectAll().where('venue_id', '=', venueId).executeTakeFirst();

/** A weekday's hours, inserted the first time and overwritten after (the same upsert on SQLite and PostgreSQL). */
export const savePlanRow = (db: Db, row: RevenuePlansTable) =>
  db
    .insertInto('revenue_plans')
    .values(row)
    .onConflict((oc) => oc.columns(['venue_id', 'weekday']).doUpdateSet({ hours: row.hours }))
    .execute();

export const savePlanSettings = (db: Db, row: VenuePlanSettingsTable) =>
  db
    .insertInto('venue_plan_settings')
    .values(row)
    .onConflict((oc) => oc.column('venue_id').doUpdateSet({ threshold_percent: row.threshold_percent, updated_at: row.updated_at, updated_by: row.updated_by }))
    .execute();
