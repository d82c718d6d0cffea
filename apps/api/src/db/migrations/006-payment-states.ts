import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../dialect';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types */
/**
 * The payment state machine: held / refunded amounts, what the terminal reported (its
 * reference is the existing `reference`; a masked card and the scheme, never card data), hold
 * expiry, the operation a terminal timeout left pending, and an append-only transition log.
 * Payments taken before this migration are all `captured` and keep working unchanged.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const columns: [string, 'integer' | 'text', boolean][] = [
    ['held_amount', 'integer', true],
    ['refunded_amount', 'integer', true],
    ['pending_amount', 'integer', true],
    ['pending_tip', 'integer', true],
    ['pending_action', 'text', false],
    ['masked_card', 'text', false],
    ['card_scheme', 'text', false],
    ['expires_at', 'text', false],
    ['updated_at', 'text', false],
  ];
  for (const [name, type, money] of columns) {
    await db.schema
      .alterTable('payments')
      .addColumn(name, type, (c) => (money ? c.notNull().defaultTo(0) : c))
      .execute();
  }
  await db.schema.createIndex('payments_status_expiry_idx').on('payments').columns(['venue_id', 'status', 'expires_at']).execute();
  await db.schema.createIndex('ledger_entries_payment_idx').on('ledger_entries').column('payment_id').execute();

  await db.schema
    .createTable('payment_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('venue_id', 'text', (c) => c.notNull().references('venues.id'))
    .addColumn('payment_id', 'text', (c) => c.notNull().references('payments.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('tip', 'integer', (c) => c.notNull())
    .addColumn('staff_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('payment_events_payment_idx').on('payment_events').column('payment_id').execute();

  await db.schema
    .createTable('venue_payment_settings')
    .addColumn('venue_id', 'text', (c) => c.primaryKey().references('venues.id'))
    .addColumn('tip_tolerance_percent', 'integer', (c) => c.notNull())
    .addColumn('hold_expiry_days', 'integer', (c) => c.notNull())
    .addColumn('day_close_policy', 'text', (c) => c.notNull())
    .execute();

  // Like the ledger, the transition log is append-only: the database refuses to change a row.
  if (isPostgres(db)) {
    await sql`CREATE FUNCTION payment_events_append_only() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'payment_events is append-only'; END $$ LANGUAGE plpgsql`.execute(db);
    await sql`CREATE TRIGGER payment_events_append_only BEFORE UPDATE OR DELETE ON payment_events
      FOR EACH ROW EXECUTE FUNCTION payment_events_append_only()`.execute(db);
  } else {
    await sql`CREATE TRIGGER payment_events_no_update BEFORE UPDATE ON payment_events
      BEGIN SELECT RAISE(ABORT, 'payment_events is append-only'); END`.execute(db);
    await sql`CREATE TRIGGER payment_events_no_delete BEFORE DELETE ON payment_events
      BEGIN SELECT RAISE(ABORT, 'payment_events is append-only'); END`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) await sql`DROP FUNCTION IF EXISTS payment_events_append_only() CASCADE`.execute(db);
  await db.schema.dropTable('venue_payment_settings').execute();
  await db.schema.dropTable('payment_events').execute();
  await db.schema.dropIndex('ledger_entries_payment_idx').execute();
  await db.schema.dropIndex('payments_status_expiry_idx').execute();
  for (const name of ['updated_at', 'expires_at', 'card_scheme', 'masked_card', 'pending_action', 'pending_tip', 'pending_amount', 'refunded_amount', 'held_amount']) {
    await db.schema.alterTable('payments').dropColumn(name).execute();
  }
}
