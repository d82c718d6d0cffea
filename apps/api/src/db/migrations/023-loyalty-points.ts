import { type Kysely, sql } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types */
/**
 * Loyalty points (issue 18): the guest attached to an order (`orders.customer_id`), each guest's
 * cached balance (`customers.points`, changed in the same transaction as every movement), the
 * append-only ledger of movements, and the visits (one per paid order with a guest).
 *
 * Once only, on SQLite and PostgreSQL alike: a payment earns once and a points tender spends once
 * (a partial unique index on (payment_id, kind) for those two kinds — both databases support
 * `CREATE UNIQUE INDEX … WHERE`), and a refund moves points once (unique refund_id where set).
 * Rows without a payment or refund (a seeded or opening balance) have NULL there; NULLs are
 * distinct in a unique index on both databases, so they never collide.
 * payment_id and refund_id carry no foreign key: a points tender's 'spend' row is written just
 * before its payment row (it must be refused before the payment exists), and a refund id is the
 * refund's payment_events row.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('orders').addColumn('customer_id', 'text', (c) => c.references('customers.id')).execute();
  // The guest first: an index led by venue_id would look like a cheaper way to every venue-wide
  // read of orders to PostgreSQL's planner (it chose it over orders_shift_idx for a shift's orders).
  await db.schema.createIndex('orders_customer_venue_idx').on('orders').columns(['customer_id', 'venue_id']).execute();
  await db.schema.alterTable('customers').addColumn('points', 'integer', (c) => c.notNull().defaultTo(0)).execute();

  await db.schema
    .createTable('points_movements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('venue_id', 'text', (c) => c.notNull().references('venues.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('order_id', 'text', (c) => c.references('orders.id'))
    .addColumn('payment_id', 'text')
    .addColumn('refund_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('points', 'integer', (c) => c.notNull())
    .addColumn('staff_id', 'text', (c) => c.references('staff.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('points_movements_customer_idx').on('points_movements').columns(['customer_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('points_movements_order_idx').on('points_movements').column('order_id').execute();
  await sql`CREATE UNIQUE INDEX points_movements_payment_once ON points_movements (payment_id, kind) WHERE kind IN ('earn', 'spend')`.execute(db);
  await sql`CREATE UNIQUE INDEX points_movements_refund_once ON points_movements (refund_id) WHERE refund_id IS NOT NULL`.execute(db);

  await db.schema
    .createTable('customer_visits')
    .addColumn('order_id', 'text', (c) => c.primaryKey().references('orders.id'))
    .addColumn('venue_id', 'text', (c) => c.notNull().references('venues.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('order_number', 'integer', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('closed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('customer_visits_customer_idx').on('customer_visits').columns(['customer_id', 'closed_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('customer_visits').ifExists().execute();
  await db.schema.dropTable('points_movements').ifExists().execute();
  await db.schema.dropIndex('orders_customer_venue_idx').ifExists().execute();
  await db.schema.alterTable('customers').dropColumn('points').execute();
  await db.schema.alterTable('orders').dropColumn('customer_id').execute();
}
