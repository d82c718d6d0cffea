import type { Kysely } from 'kysely';
import { grantPermission } from './grant-permission';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types */
/**
 * Promotions (issue 19).
 * - `promotions`: the venue's rules; the effect, schedule, conditions and limits are JSON in the
 *   contract's shape (the engine reads them as they are). `uses` counts the orders holding a use
 *   (`promotion_uses`); a limited rule is claimed with one conditional UPDATE, so parallel orders
 *   never take more than the limit. Deleted rules are kept (`deleted_at`): orders name them.
 * - `promotion_guest_uses`: the same count per loyalty guest, for per-guest limits.
 * - `promotion_uses`: which order holds a use of which rule (released when the rule drops off an
 *   open order or the order is voided; kept once it is paid).
 * - `order_promotions`: what applies to each order now (name, kind and savings per line as the
 *   engine answered); written only when the answer changes.
 * - `order_manual_promotions`: manual rules staff applied to an order.
 * - `venue_promotion_settings`: how exclusive rules compete, and `state_key`, the signature of
 *   what applied at the last tick (a window opening or a flag flipping changes it).
 * - `order_lines.first_fired_at`: when the line first went to the kitchen (the boundary rule).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('promotions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('venue_id', 'text', (c) => c.notNull().references('venues.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('effect', 'text', (c) => c.notNull())
    .addColumn('schedule', 'text', (c) => c.notNull())
    .addColumn('conditions', 'text', (c) => c.notNull())
    .addColumn('limits', 'text', (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull())
    .addColumn('stacking', 'text', (c) => c.notNull())
    .addColumn('manual', 'integer', (c) => c.notNull())
    .addColumn('feature_flag', 'text')
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('total_limit', 'integer')
    .addColumn('uses', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('promotions_venue_idx').on('promotions').columns(['venue_id', 'deleted_at']).execute();

  await db.schema
    .createTable('promotion_guest_uses')
    .addColumn('promotion_id', 'text', (c) => c.notNull().references('promotions.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('uses', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('promotion_guest_uses_pk', ['promotion_id', 'customer_id'])
    .execute();

  await db.schema
    .createTable('promotion_uses')
    .addColumn('promotion_id', 'text', (c) => c.notNull().references('promotions.id'))
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
    .addColumn('venue_id', 'text', (c) => c.notNull().references('venues.id'))
    .addColumn('customer_id', 'text', (c) => c.references('customers.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('promotion_uses_pk', ['promotion_id', 'order_id'])
    .execute();
  await db.schema.createIndex('promotion_uses_order_idx').on('promotion_uses').column('order_id').execute();

  await db.schema
    .createTable('order_promotions')
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
    .addColumn('promotion_id', 'text', (c) => c.notNull().references('promotions.id'))
    .addColumn('venue_id', 'text', (c) => c.notNull().references('venues.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('manual', 'integer', (c) => c.notNull())
    .addColumn('saving', 'integer', (c) => c.notNull())
    .addColumn('lines', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('order_promotions_pk', ['order_id', 'promotion_id'])
    .execute();

  await db.schema
    .createTable('order_manual_promotions')
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
    .addColumn('promotion_id', 'text', (c) => c.notNull().references('promotions.id'))
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('order_manual_promotions_pk', ['order_id', 'promotion_id'])
    .execute();

  await db.schema
    .createTable('venue_promotion_settings')
    .addColumn('venue_id', 'text', (c) => c.primaryKey().references('venues.id'))
    .addColumn('exclusive_choice', 'text', (c) => c.notNull())
    .addColumn('state_key', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema.alterTable('order_lines').addColumn('first_fired_at', 'text').execute();
  await grantPermission(db, ['supervisor', 'admin'], 'promotions.apply');
  await grantPermission(db, ['admin'], 'admin.promotions');
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('order_lines').dropColumn('first_fired_at').execute();
  for (const table of ['venue_promotion_settings', 'order_manual_promotions', 'order_promotions', 'promotion_uses', 'promotion_guest_uses', 'promotions']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
