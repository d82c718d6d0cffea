import { type Kysely, sql } from 'kysely';
import { grantPermission } from './grant-permission';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types */
/**
 * Tills (issue 17, point 0): the venue's cash drawers. A cash shift is opened on a till and
 * every payment and refund taken on a tablet attached to that till books to the till's open
 * shift, whoever takes it (each row keeps who did). `shifts.till_id` stays null for a shift opened
 * without a till (a personal drawer, as before) and for the history before tills. One open
 * regular shift per till (partial unique index), as there is one per cashier.
 *
 * `shifts.close_mode` tells how a shift was closed: `counted` (its cashier counted the drawer),
 * `blind` (a supervisor counted another's drawer before seeing the expected figure), `auto`
 * (closed at the venue's closeout hour, not counted). Earlier closes are `counted`. Supervisors and
 * admins of existing venues get the new `shifts.close-others`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('tills')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('venue_id', 'text', (c) => c.notNull().references('venues.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute();
  await db.schema.createIndex('tills_venue_name').ifNotExists().unique().on('tills').columns(['venue_id', 'name']).execute();

  await db.schema.alterTable('shifts').addColumn('till_id', 'text', (c) => c.references('tills.id')).execute();
  await db.schema.alterTable('shifts').addColumn('close_mode', 'text').execute();
  await db.updateTable('shifts').set({ close_mode: 'counted' }).where('status', '=', 'closed').where('close_mode', 'is', null).execute();
  await sql`CREATE UNIQUE INDEX IF NOT EXISTS shifts_one_open_per_till ON shifts (till_id) WHERE status = 'open' AND is_rescue = 0 AND till_id IS NOT NULL`.execute(db);

  await db.schema.alterTable('devices').addColumn('till_id', 'text', (c) => c.references('tills.id')).execute();

  // Closing another's shift is its own permission now (`shifts.close.override` keeps closing over
  // open checks): supervisors and admins of existing venues get it, as the defaults give new ones.
  await grantPermission(db, ['supervisor', 'admin'], 'shifts.close-others');
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX IF EXISTS shifts_one_open_per_till`.execute(db);
  await db.schema.alterTable('devices').dropColumn('till_id').execute();
  await db.schema.alterTable('shifts').dropColumn('close_mode').execute();
  await db.schema.alterTable('shifts').dropColumn('till_id').execute();
  await db.schema.dropTable('tills').ifExists().execute();
}
