import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types */
/**
 * Upsell and combos:
 * - `upsell_addons`: a product's recommended add-ons, ordered, with the admin's reason;
 * - `combos` + `combo_items`: products sold together at a combo price, in time windows (JSON);
 *   a combo removed from the config is only marked deleted, since order lines and the accept-rate
 *   history still point at it;
 * - `product_pairs`: how often two products were in one paid order (both directions), kept up to
 *   date when an order is paid, so "often ordered together" is one indexed read, not a scan;
 * - `upsell_events`: suggestions shown / accepted, behind each rule's accept rate;
 * - `order_lines.combo_id` (a combo line) and `order_lines.combo_line_id` (a dish of one).
 * Admin roles that existed before get the new `admin.menu` permission.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('upsell_addons')
    .addColumn('venue_id', 'text', (c) => c.notNull().references('venues.id'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('addon_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('upsell_addons_pk', ['venue_id', 'product_id', 'addon_id'])
    .execute();

  await db.schema
    .createTable('combos')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('venue_id', 'text', (c) => c.notNull().references('venues.id'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('price', 'integer', (c) => c.notNull())
    .addColumn('windows', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('reason', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('combos_venue_product_idx').on('combos').columns(['venue_id', 'product_id']).execute();

  await db.schema
    .createTable('combo_items')
    .addColumn('combo_id', 'text', (c) => c.notNull().references('combos.id'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('combo_items_pk', ['combo_id', 'product_id'])
    .execute();
  // Which combos contain a product: a combo is suggested from any of its dishes.
  await db.schema.createIndex('combo_items_product_idx').on('combo_items').column('product_id').execute();

  await db.schema
    .createTable('product_pairs')
    .addColumn('venue_id', 'text', (c) => c.notNull().references('venues.id'))
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('other_id', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('last_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('product_pairs_pk', ['venue_id', 'product_id', 'other_id'])
    .execute();
  // The read: a product's most frequent companions, best first, straight off the index.
  await db.schema
    .createIndex('product_pairs_rank_idx')
    .on('product_pairs')
    .columns(['venue_id', 'product_id', 'count desc'])
    .execute();

  await db.schema
    .createTable('upsell_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('venue_id', 'text', (c) => c.notNull().references('venues.id'))
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('target_kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('order_id', 'text')
    .addColumn('staff_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('upsell_events_rule_idx').on('upsell_events').columns(['venue_id', 'product_id', 'target_id']).execute();

  await db.schema.alterTable('order_lines').addColumn('combo_id', 'text').execute();
  await db.schema.alterTable('order_lines').addColumn('combo_line_id', 'text').execute();

  const roles = await db.selectFrom('role_permissions').select(['venue_id', 'role', 'permissions']).where('role', '=', 'admin').execute();
  for (const row of roles as { venue_id: string; role: string; permissions: string }[]) {
    const current = JSON.parse(row.permissions) as string[];
    if (current.includes('admin.menu')) continue;
    await db
      .updateTable('role_permissions')
      .set({ permissions: JSON.stringify([...current, 'admin.menu']) })
      .where('venue_id', '=', row.venue_id)
      .where('role', '=', row.role)
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('order_lines').dropColumn('combo_line_id').execute();
  await db.schema.alterTable('order_lines').dropColumn('combo_id').execute();
  await db.schema.dropTable('upsell_events').execute();
  await db.schema.dropTable('product_pairs').execute();
  await db.schema.dropTable('combo_items').execute();
  await db.schema.dropTable('combos').execute();
  await db.schema.dropTable('upsell_addons').execute();
}
