import { type Kysely, sql } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types */
/**
 * Shift reminders and the closeout hour (issue 17, points 3 and 4).
 *
 * `venue_shift_settings`: one row per venue (like `venue_payment_settings`); a venue without one
 * has the defaults — no closeout time, no auto-close, a shift runs long after 720 minutes.
 * `closeout_time` is a wall-clock 'HH:MM' in the venue's time zone.
 *
 * `shift_alerts_sent`: which reminder of which shift went out. Its primary key makes "send once"
 * hold across API instances: the instance whose insert lands publishes, the others do nothing.
 *
 * `shifts.carried_over`: the open checks a closing shift passed on (JSON
 * `[{ orderId, number, toShiftId | null }]`): to another open shift on a handover, or to the
 * next shift (null) on an auto-close — so the shift's report can list them. Null when none.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('venue_shift_settings')
    .ifNotExists()
    .addColumn('venue_id', 'text', (c) => c.primaryKey().references('venues.id'))
    .addColumn('closeout_time', 'text')
    .addColumn('auto_close', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_open_minutes', 'integer', (c) => c.notNull().defaultTo(720))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();

  await db.schema
    .createTable('shift_alerts_sent')
    .ifNotExists()
    .addColumn('shift_id', 'text', (c) => c.notNull().references('shifts.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('venue_id', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('shift_alerts_sent_pk', ['shift_id', 'kind'])
    .execute();

  await db.schema.alterTable('shifts').addColumn('carried_over', 'text').execute();
  // The tick looks for the open shifts of every venue every 30 s.
  await sql`CREATE INDEX IF NOT EXISTS shifts_open_by_venue ON shifts (venue_id, opened_at) WHERE status = 'open'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX IF EXISTS shifts_open_by_venue`.execute(db);
  await db.schema.alterTable('shifts').dropColumn('carried_over').execute();
  await db.schema.dropTable('shift_alerts_sent').ifExists().execute();
  await db.schema.dropTable('venue_shift_settings').ifExists().execute();
}
