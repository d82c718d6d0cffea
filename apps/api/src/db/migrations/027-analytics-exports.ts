import type { Kysely } from 'kysely';
import { grantPermission } from './grant-permission';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types */
/**
 * BI export (issue 20).
 * - `analytics_exports`: one row per export a venue's admin asked for: the request (JSON in the
 *   contract's shape), its state (queued → running → done | failed, claimed with a conditional
 *   UPDATE so one instance runs it), progress, the change window it covered (`cursor_from`,
 *   `cursor_to`: the next incremental export starts at the last `cursor_to`) and the files written
 *   (JSON `[{ dataset, file, bytes, rows }]`). `heartbeat_at` moves every batch: a running export
 *   whose heartbeat stopped (its process died) is taken over.
 * - `orders_venue_updated_idx`: incremental exports read the orders whose `updated_at` moved.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('analytics_exports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('venue_id', 'text', (c) => c.notNull().references('venues.id'))
    .addColumn('requested_by', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('request', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('rows_done', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_total', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('cursor_from', 'text')
    .addColumn('cursor_to', 'text')
    .addColumn('files', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('heartbeat_at', 'text')
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('analytics_exports_venue_idx').on('analytics_exports').columns(['venue_id', 'created_at']).execute();
  await db.schema.createIndex('analytics_exports_status_idx').on('analytics_exports').columns(['status', 'created_at']).execute();
  await db.schema.createIndex('orders_venue_updated_idx').ifNotExists().on('orders').columns(['venue_id', 'updated_at', 'id']).execute();
  await grantPermission(db, ['admin'], 'admin.analytics');
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('orders_venue_updated_idx').ifExists().execute();
  await db.schema.dropTable('analytics_exports').ifExists().execute();
}
