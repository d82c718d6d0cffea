import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../dialect';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types */
/**
 * Gift cards (issue 18): stored value sold on an order and redeemed as a tender.
 *
 * - `gift_cards`: one row per card, its code normalized and unique per venue, its balance never
 *   below zero (a CHECK on both dialects; the redeem's conditional UPDATE keeps it there anyway).
 * - `gift_card_movements`: the card's append-only history (issue, activate, redeem, restore,
 *   block, unblock, cancel), each with the balance it left. `payment_id` has no reference: a
 *   redeem is written inside finance's `payStoredValue` just before the payment row itself.
 * - `products.kind`: 'item' (a dish, the default) or 'gift_card' — the one product per venue a
 *   card's order line names; every menu read leaves it out, so nobody can order it by id.
 * - `order_lines.is_charge`: a line sold at a given price that the kitchen never gets (a gift card).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('products').addColumn('kind', 'text', (c) => c.notNull().defaultTo('item')).execute();
  await db.schema.alterTable('order_lines').addColumn('is_charge', 'integer', (c) => c.notNull().defaultTo(0)).execute();

  await db.schema
    .createTable('gift_cards')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('venue_id', 'text', (c) => c.notNull().references('venues.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('initial_amount', 'integer', (c) => c.notNull())
    .addColumn('balance', 'integer', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    .addColumn('sale_order_id', 'text', (c) => c.notNull().references('orders.id'))
    // No reference: the line belongs to the orders module, which may rewrite its lines.
    .addColumn('sale_line_id', 'text', (c) => c.notNull())
    .addColumn('activated_at', 'text')
    .addColumn('blocked_reason', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('gift_cards_balance_not_negative', sql`balance >= 0`)
    .addCheckConstraint('gift_cards_initial_positive', sql`initial_amount > 0`)
    .execute();
  await db.schema.createIndex('gift_cards_venue_code').unique().on('gift_cards').columns(['venue_id', 'code']).execute();
  await db.schema.createIndex('gift_cards_sale_order').on('gift_cards').column('sale_order_id').execute();

  await db.schema
    .createTable('gift_card_movements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('venue_id', 'text', (c) => c.notNull().references('venues.id'))
    .addColumn('gift_card_id', 'text', (c) => c.notNull().references('gift_cards.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('balance_after', 'integer', (c) => c.notNull())
    .addColumn('order_id', 'text', (c) => c.references('orders.id'))
    .addColumn('payment_id', 'text')
    .addColumn('redeem_id', 'text', (c) => c.references('gift_card_movements.id'))
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('gift_card_movements_card').on('gift_card_movements').columns(['gift_card_id', 'created_at']).execute();
  await db.schema.createIndex('gift_card_movements_payment').on('gift_card_movements').column('payment_id').execute();
  await db.schema.createIndex('gift_card_movements_redeem').on('gift_card_movements').column('redeem_id').execute();

  if (isPostgres(db)) {
    await sql`CREATE OR REPLACE FUNCTION gift_card_movements_append_only() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'gift_card_movements is append-only'; END $$ LANGUAGE plpgsql`.execute(db);
    await sql`CREATE OR REPLACE TRIGGER gift_card_movements_append_only BEFORE UPDATE OR DELETE ON gift_card_movements
      FOR EACH ROW EXECUTE FUNCTION gift_card_movements_append_only()`.execute(db);
  } else {
    await sql`CREATE TRIGGER IF NOT EXISTS gift_card_movements_no_update BEFORE UPDATE ON gift_card_movements
      BEGIN SELECT RAISE(ABORT, 'gift_card_movements is append-only'); END`.execute(db);
    await sql`CREATE TRIGGER IF NOT EXISTS gift_card_movements_no_delete BEFORE DELETE ON gift_card_movements
      BEGIN SELECT RAISE(ABORT, 'gift_card_movements is append-only'); END`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) await sql`DROP FUNCTION IF EXISTS gift_card_movements_append_only() CASCADE`.execute(db);
  await db.schema.dropTable('gift_card_movements').ifExists().execute();
  await db.schema.dropTable('gift_cards').ifExists().execute();
  await db.schema.alterTable('order_lines').dropColumn('is_charge').execute();
  await db.schema.alterTable('products').dropColumn('kind').execute();
}
