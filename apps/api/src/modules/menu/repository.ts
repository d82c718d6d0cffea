import type { MenuChangesTable, ProductsTable } from '../../db/schema';
import type { Db } from '../../shared/command';

export const listStations = (db: Db, venueId: string) =>
  db.selectFrom('stations').selectAll().where('venue_id', '=', venueId).orderBy('code').execute();

export const listCategories = (db: Db, venueId: string) =>
  db.selectFrom('categories').selectAll().where('venue_id', '=', venueId).orderBy('sort').execute();

export const listModifierGroups = (db: Db, venueId: string) =>
  db.selectFrom('modifier_groups').selectAll().where('venue_id', '=', venueId).orderBy('sort').execute();

export const listModifierOptions = (db: Db, venueId: string) =>
  db.selectFrom('modifier_options').selectAll().where('venue_id', '=', venueId).orderBy('sort').execute();

/**
 * Products of the menu: dishes only. A gift card's product (kind 'gift_card', the line a sold card
 * goes on) is never listed, priced, stocked or found by id through the menu.
 */
const menuProducts = (db: Db, venueId: string) => db.selectFrom('products').selectAll().where('venue_id', '=', venueId).where('kind', '=', 'item');

export const listProducts = (db: Db, venueId: string) => menuProducts(db, venueId).orderBy('sort').execute();

export const listProductModifierGroups = (db: Db, venueId: string) =>
  db
    .selectFrom('product_modifier_groups as pmg')
    .innerJoin('products as p', 'p.id', 'pmg.product_id')
    .select(['pmg.product_id', 'pmg.group_id', 'pmg.sort'])
    .where('p.venue_id', '=', venueId)
    .orderBy('pmg.sort')
    .execute();

export const findProduct = (db: Db, venueId: string, productId: string) => menuProducts(db, venueId).where('id', '=', productId).executeTakeFirst();

export const findProducts = (db: Db, venueId: string, productIds: string[]) =>
  productIds.length === 0 ? Promise.resolve([]) : menuProducts(db, venueId).where('id', 'in', productIds).execute();

/** The code of the venue's one gift card product (unique per venue with the dishes' codes). */
export const GIFT_CARD_PRODUCT_CODE = '__gift_card';

export const findGiftCardProduct = (db: Db, venueId: string) =>
  db.selectFrom('products').select(['id', 'name']).where('venue_id', '=', venueId).where('kind', '=', 'gift_card').executeTakeFirst();

/** Inserts it unless it is there: two first sales at once end with one product. */
export const insertGiftCardProduct = (db: Db, row: ProductsTable) =>
  db.insertInto('products').values(row).onConflict((oc) => oc.columns(['venue_id', 'code']).doNothing()).execute();

export const findModifierGroupsOf = (db: Db, productIds: string[]) =>
  productIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('product_modifier_groups as pmg')
        .innerJoin('modifier_groups as g', 'g.id', 'pmg.group_id')
        .select(['pmg.product_id', 'g.id', 'g.name', 'g.min_select', 'g.max_select'])
        .where('pmg.product_id', 'in', productIds)
        .execute();

export const findOptionsOfGroups = (db: Db, groupIds: string[]) =>
  groupIds.length === 0
    ? Promise.resolve([])
    : db.selectFrom('modifier_options').selectAll().where('group_id', 'in', groupIds).orderBy('sort').execute();

export const updateProductStock = (
  db: Db,
  venueId: string,
  productId: string,
  patch: { stock?: number | null; is_available?: number; updated_at: string },
) => db.updateTable('products').set(patch).where('venue_id', '=', venueId).where('id', '=', productId).execute();

/** Takes portions only when enough are left (one statement, so concurrent orders cannot oversell). */
export async function takeStock(db: Db, venueId: string, productId: string, quantity: number, now: string) {
  const result = await db
    .updateTable('products')
    .set((eb) => ({ stock: eb('stock', '-', quantity), updated_at: now }))
    .where('venue_id', '=', venueId)
    .where('id', '=', productId)
    .where('stock', '>=', quantity)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export const returnStock = (db: Db, venueId: string, productId: string, quantity: number, now: string) =>
  db
    .updateTable('products')
    .set((eb) => ({ stock: eb('stock', '+', quantity), updated_at: now }))
    .where('venue_id', '=', venueId)
    .where('id', '=', productId)
    .where('stock', 'is not', null)
    .execute();

export async function bumpMenuVersion(db: Db, venueId: string): Promise<number> {
  const row = await db
    .updateTable('venues')
    .set((eb) => ({ menu_version: eb('menu_version', '+', 1) }))
    .where('id', '=', venueId)
    .returning('menu_version')
    .executeTakeFirstOrThrow();
  return Number(row.menu_version);
}

export const menuVersion = (db: Db, venueId: string) =>
  db.selectFrom('venues').select(['menu_version', 'currency']).where('id', '=', venueId).executeTakeFirstOrThrow();

/** Changes after `since` up to `version`, oldest first: what a tablet that was away missed. */
export const listMenuChanges = (db: Db, venueId: string, since: number, version: number) =>
  db
    .selectFrom('menu_changes')
    .select(['version', 'product_id', 'stock', 'is_available'])
    .where('venue_id', '=', venueId)
    .where('version', '>', since)
    .where('version', '<=', version)
    .orderBy('version')
    .execute();

/** Records one change and drops those older than the last `kept` versions of the venue. */
export async function recordMenuChange(db: Db, row: MenuChangesTable, kept: number) {
  await db.insertInto('menu_changes').values(row).execute();
  await db.deleteFrom('menu_changes').where('venue_id', '=', row.venue_id).where('version', '<=', row.version - kept).execute();
}
