import type { Kysely } from 'kysely';
import { grantPermission } from './grant-permission';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types */
/**
 * The venue's loyalty programme (issue 18): points earned in percent of the net paid, what a point
 * is worth when spent, how long a sold gift card stays valid. A venue without a row has the
 * defaults (`DEFAULT_LOYALTY_SETTINGS`). Existing venues' cashiers may sell gift cards (on an
 * order; a card is active once its order is paid); supervisors and admins may also block one.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('venue_loyalty_settings')
    .addColumn('venue_id', 'text', (c) => c.primaryKey().references('venues.id'))
    .addColumn('earn_percent', 'integer', (c) => c.notNull())
    .addColumn('point_value', 'integer', (c) => c.notNull())
    .addColumn('gift_card_expiry_days', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await grantPermission(db, ['cashier', 'supervisor', 'admin'], 'giftcards.sell');
  await grantPermission(db, ['supervisor', 'admin'], 'giftcards.block');
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('venue_loyalty_settings').ifExists().execute();
}
