import type { CombosTable, UpsellAddonsTable, UpsellEventsTable } from '../../db/schema';
import type { Db } from '../../shared/command';

export const venueClock = (db: Db, venueId: string) =>
  db.selectFrom('venues').select(['timezone']).where('id', '=', venueId).executeTakeFirstOrThrow();

export const findProducts = (db: Db, venueId: string, productIds: string[]) =>
  productIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('products')
        .select(['id', 'name', 'price', 'stock', 'is_available'])
        .where('venue_id', '=', venueId)
        .where('id', 'in', productIds)
        // A gift card's product is no dish: never an add-on, a combo's dish or a suggestion.
        .where('kind', '=', 'item')
        .execute();

// --- config ---

export const addonsOf = (db: Db, venueId: string, productId: string) =>
  db
    .selectFrom('upsell_addons as a')
    .innerJoin('products as p', 'p.id', 'a.addon_id')
    .select(['a.addon_id', 'a.position', 'a.reason', 'p.name', 'p.price', 'p.stock', 'p.is_available'])
    .where('a.venue_id', '=', venueId)
    .where('a.product_id', '=', productId)
    .where('p.kind', '=', 'item')
    .orderBy('a.position')
    .execute();

export const deleteAddons = (db: Db, venueId: string, productId: string) =>
  db.deleteFrom('upsell_addons').where('venue_id', '=', venueId).where('product_id', '=', productId).execute();

export const insertAddons = (db: Db, rows: UpsellAddonsTable[]) =>
  rows.length === 0 ? Promise.resolve() : db.insertInto('upsell_addons').values(rows).execute();

/** The live combos a product's config owns, in the admin's order. */
export const combosOwnedBy = (db: Db, venueId: string, productId: string) =>
  db
    .selectFrom('combos')
    .selectAll()
    .where('venue_id', '=', venueId)
    .where('product_id', '=', productId)
    .where('deleted_at', 'is', null)
    .orderBy('position')
    .execute();

/** The live combos that contain a product as one of their dishes. */
export const combosContaining = (db: Db, venueId: string, productId: string) =>
  db
    .selectFrom('combos as c')
    .innerJoin('combo_items as ci', 'ci.combo_id', 'c.id')
    .selectAll('c')
    .where('ci.product_id', '=', productId)
    .where('c.venue_id', '=', venueId)
    .where('c.deleted_at', 'is', null)
    .orderBy('c.position')
    .execute();

export const findCombo = (db: Db, venueId: string, comboId: string) =>
  db.selectFrom('combos').selectAll().where('venue_id', '=', venueId).where('id', '=', comboId).where('deleted_at', 'is', null).executeTakeFirst();

/** The dishes of combos with what a suggestion needs to know of each product. */
export const comboItemsOf = (db: Db, comboIds: string[]) =>
  comboIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('combo_items as ci')
        .innerJoin('products as p', 'p.id', 'ci.product_id')
        .select(['ci.combo_id', 'ci.product_id', 'ci.quantity', 'ci.position', 'p.name', 'p.price', 'p.stock', 'p.is_available'])
        .where('ci.combo_id', 'in', comboIds)
        .where('p.kind', '=', 'item')
        .orderBy('ci.combo_id')
        .orderBy('ci.position')
        .execute();

export const insertCombo = (db: Db, row: CombosTable) => db.insertInto('combos').values(row).execute();

export const updateCombo = (db: Db, comboId: string, patch: Partial<Omit<CombosTable, 'id' | 'venue_id' | 'product_id'>>) =>
  db.updateTable('combos').set(patch).where('id', '=', comboId).execute();

export const replaceComboItems = async (db: Db, comboId: string, items: { product_id: string; quantity: number }[]) => {
  await db.deleteFrom('combo_items').where('combo_id', '=', comboId).execute();
  await db
    .insertInto('combo_items')
    .values(items.map((i, position) => ({ combo_id: comboId, product_id: i.product_id, quantity: i.quantity, position })))
    .execute();
};

// --- co-occurrence ---

/**
 * A product's most frequent companions in recent paid orders that can be sold now: one read
 * down the (venue, product, count) index, joined to the product for availability.
 */
export const popularCompanions = (db: Db, venueId: string, productId: string, since: string, minCount: number, limit: number) =>
  db
    .selectFrom('product_pairs as pp')
    .innerJoin('products as p', 'p.id', 'pp.other_id')
    .select(['pp.other_id', 'pp.count', 'p.name', 'p.price'])
    .where('pp.venue_id', '=', venueId)
    .where('pp.product_id', '=', productId)
    .where('pp.count', '>=', minCount)
    .where('pp.last_at', '>=', since)
    .where('p.kind', '=', 'item')
    .where('p.is_available', '=', 1)
    .where((eb) => eb.or([eb('p.stock', 'is', null), eb('p.stock', '>', 0)]))
    .orderBy('pp.count', 'desc')
    .orderBy('pp.last_at', 'desc')
    .limit(limit)
    .execute();

/** Adds one paid order's pairs (both directions given by the caller) to the counts. */
export const addPairs = (db: Db, rows: { venue_id: string; product_id: string; other_id: string; count: number; last_at: string }[]) =>
  rows.length === 0
    ? Promise.resolve()
    : db
        .insertInto('product_pairs')
        .values(rows)
        .onConflict((oc) =>
          oc.columns(['venue_id', 'product_id', 'other_id']).doUpdateSet((eb) => ({
            count: eb('product_pairs.count', '+', eb.ref('excluded.count')),
            last_at: eb.ref('excluded.last_at'),
          })),
        )
        .execute();

// --- the order being edited ---

export const orderOfVenue = (db: Db, venueId: string, orderId: string) =>
  db.selectFrom('orders').select(['id']).where('venue_id', '=', venueId).where('id', '=', orderId).executeTakeFirst();

/** What an order holds now: products of its standing lines, and the combos sold on it. */
export const standingLinesOf = (db: Db, orderId: string) =>
  db
    .selectFrom('order_lines')
    .select(['product_id', 'combo_id', 'combo_line_id'])
    .where('order_id', '=', orderId)
    .whereRef('quantity', '>', 'voided_quantity')
    .execute();

// --- events ---

export const insertEvent = (db: Db, row: UpsellEventsTable) => db.insertInto('upsell_events').values(row).execute();

/** Shown / accepted counts per target of one product's suggestions. */
export const eventCounts = (db: Db, venueId: string, productId: string) =>
  db
    .selectFrom('upsell_events')
    .select((eb) => ['target_id', 'kind', eb.fn.countAll<number | string>().as('n')])
    .where('venue_id', '=', venueId)
    .where('product_id', '=', productId)
    .groupBy(['target_id', 'kind'])
    .execute();
