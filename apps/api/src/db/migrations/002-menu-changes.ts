import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types */
/**
 * The recent history of menu availability changes, one row per menu version, so a client that
 * missed events can catch up with a delta instead of a full snapshot. Only the newest versions
 * of each venue are kept (see MenuService).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('menu_changes')
    .addColumn('venue_id', 'text', (c) => c.notNull().references('venues.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('stock', 'integer')
    .addColumn('is_available', 'integer', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('menu_changes_pk', ['venue_id', 'version'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('menu_changes').execute();
}
