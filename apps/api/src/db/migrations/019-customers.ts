import type { Kysely } from 'kysely';
import { grantPermission } from './grant-permission';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types */
/**
 * Loyalty guests (issue 18): profiles keyed by phone within a venue (E.164, unique), marketing
 * consent per channel with the time it was given or withdrawn, printed cards (static signed codes
 * the venue can revoke), and each venue's loyalty key that signs the guest app's rotating codes.
 * Waiters, cashiers and supervisors of existing venues get `customers.view` (look a guest up at the
 * till); admins get it and `admin.customers` (create, edit, export, print cards).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('customers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('venue_id', 'text', (c) => c.notNull().references('venues.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('sms_consent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sms_consent_at', 'text')
    .addColumn('email_consent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('email_consent_at', 'text')
    .addColumn('tier', 'text', (c) => c.notNull().defaultTo('base'))
    .addColumn('visits', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_visit_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // Name and phone in lower case as JavaScript folds them: SQLite's lower() knows only ASCII.
    .addColumn('search_text', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('customers_venue_phone').unique().on('customers').columns(['venue_id', 'phone']).execute();
  await db.schema.createIndex('customers_venue_created').on('customers').columns(['venue_id', 'created_at']).execute();

  await db.schema
    .createTable('customer_cards')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('venue_id', 'text', (c) => c.notNull().references('venues.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('customer_cards_customer').on('customer_cards').column('customer_id').execute();

  await db.schema
    .createTable('venue_loyalty_keys')
    .addColumn('venue_id', 'text', (c) => c.primaryKey().references('venues.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await grantPermission(db, ['waiter', 'cashier', 'supervisor', 'admin'], 'customers.view');
  await grantPermission(db, ['admin'], 'admin.customers');
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('venue_loyalty_keys').ifExists().execute();
  await db.schema.dropTable('customer_cards').ifExists().execute();
  await db.schema.dropTable('customers').ifExists().execute();
}
