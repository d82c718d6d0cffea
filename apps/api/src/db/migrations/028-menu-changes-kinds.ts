import { type Kysely, sql } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types */
/**
 * Menu changes of every kind (issue 21): an admin's product and category edits travel to the
 * tablets as version deltas, like stock did.
 *
 * - `menu_changes` gets `kind` ('stock', 'product', 'product.removed', 'category',
 *   'category.removed') and `data` (the change as JSON: the whole product or category). A stock
 *   row keeps its narrow columns (written on every order that takes stock); the other kinds leave
 *   them null. SQLite cannot drop NOT NULL from a column, so the table is rebuilt: renamed aside,
 *   created anew, its rows copied (all of them 'stock'), the old one dropped — the same steps on
 *   both dialects.
 * - `categories.archived_at`: a removed category is archived, not deleted — past orders' dishes
 *   still point at it (shift reports group sales by category).
 * - A removed product becomes `products.kind = 'archived'` (no column needed): every menu read
 *   already keeps to kind 'item', and order lines still find it by id.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('menu_changes').renameTo('menu_changes_027').execute();
  await db.schema
    .createTable('menu_changes')
    .addColumn('venue_id', 'text', (c) => c.notNull().references('venues.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('stock'))
    .addColumn('product_id', 'text')
    .addColumn('stock', 'integer')
    .addColumn('is_available', 'integer')
    .addColumn('data', 'text')
    .addColumn('changed_at', 'text', (c) => c.notNull())
    // A new name: PostgreSQL names the index after the constraint, and the old one still exists here.
    .addPrimaryKeyConstraint('menu_changes_venue_version_pk', ['venue_id', 'version'])
    .execute();
  await sql`INSERT INTO menu_changes (venue_id, version, kind, product_id, stock, is_available, data, changed_at)
    SELECT venue_id, version, 'stock', product_id, stock, is_available, NULL, changed_at FROM menu_changes_027`.execute(db);
  await db.schema.dropTable('menu_changes_027').execute();

  await db.schema.alterTable('categories').addColumn('archived_at', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  // Archived products stay 'archived': every menu read before 028 already keeps to kind 'item'.
  // Archived categories come back (an empty category on the menu is harmless).
  await db.schema.alterTable('categories').dropColumn('archived_at').execute();

  await db.schema.alterTable('menu_changes').renameTo('menu_changes_028').execute();
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
  // Only stock rows fit the old table; the history loses the rest (clients take a snapshot).
  await sql`INSERT INTO menu_changes (venue_id, version, product_id, stock, is_available, changed_at)
    SELECT venue_id, version, product_id, stock, is_available, changed_at FROM menu_changes_028 WHERE kind = 'stock'`.execute(db);
  await db.schema.dropTable('menu_changes_028').execute();
}
