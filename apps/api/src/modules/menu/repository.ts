import { sql } from 'kysely';
import { isPostgres } from '../../db/dialect';
import type { CategoriesTable, MenuChangesTable, ProductsTable } from '../../db/schema';
import type { Db } from '../../shared/command';

/**
 * The tie-breaker of the menu's (sort, id) order, compared byte by byte as JavaScript compares
 * strings (`applyChanges` on the tablet): SQLite's default BINARY does; PostgreSQL follows the
 * database's collation unless told "C".
 */
const byId = (db: Db) => (isPostgres(db) ? sql<string>`id collate "C"` : sql<string>`id`);

export const listStations = (db: Db, venueId: string) =>
  db.selectFrom('stations').selectAll().where('venue_id', '=', venueId).orderBy('code').execute();

/** Live categories (not archived), in the menu's order: (sort, id), as `applyChanges` keeps them. */
const menuCategories = (db: Db, venueId: string) => db.selectFrom('categories').selectAll().where('venue_id', '=', venueId).where('archived_at', 'is', null);

export const listCategories = (db: Db, venueId: string) => menuCategories(db, venueId).orderBy('sort').orderBy(byId(db)).execute();

export const findCategory = (db: Db, venueId: string, categoryId: string) => menuCategories(db, venueId).where('id', '=', categoryId).executeTakeFirst();

export const insertCategory = (db: Db, row: CategoriesTable) => db.insertInto('categories').values(row).execute();

export const updateCategory = (db: Db, venueId: string, categoryId: string, patch: Partial<Pick<CategoriesTable, 'name' | 'color' | 'sort' | 'archived_at'>>) =>
  db.updateTable('categories').set(patch).where('venue_id', '=', venueId).where('id', '=', categoryId).execute();

/** The next sort after the venue's last live category (0 for the first). */
export async function nextCategorySort(db: Db, venueId: string): Promise<number> {
  const row = await menuCategories(db, venueId).clearSelect().select((eb) => eb.fn.max('sort').as('sort')).executeTakeFirst();
  return row?.sort === null || row?.sort === undefined ? 0 : Number(row.sort) + 1;
}

/** Whether any dish of the menu is in the category (archived dishes and the gift card product do not count). */
export const categoryHasProducts = async (db: Db, venueId: string, categoryId: string) =>
  (await menuProducts(db, venueId).clearSelect().select('id').where('category_id', '=', categoryId).limit(1).executeTakeFirst()) !== undefined;

export const existingStations = (db: Db, venueId: string, ids: string[]) =>
  ids.length === 0 ? Promise.resolve([]) : db.selectFrom('stations').select('id').where('venue_id', '=', venueId).where('id', 'in', ids).execute();

export const existingModifierGroups = (db: Db, venueId: string, ids: string[]) =>
  ids.length === 0 ? Promise.resolve([]) : db.selectFrom('modifier_groups').select('id').where('venue_id', '=', venueId).where('id', 'in', ids).execute();

export const listModifierGroups = (db: Db, venueId: string) =>
  db.selectFrom('modifier_groups').selectAll().where('venue_id', '=', venueId).orderBy('sort').execute();

export const listModifierOptions = (db: Db, venueId: string) =>
  db.selectFrom('modifier_options').selectAll().where('venue_id', '=', venueId).orderBy('sort').execute();

/**
 * Products of the menu: dishes only. A gift card's product (kind 'gift_card', the line a sold card
 * goes on) is never listed, priced, stocked or found by id through the menu.
 */
const menuProducts = (db: Db, venueId: string) => db.selectFrom('products').selectAll().where('venue_id', '=', venueId).where('kind', '=', 'item');

/** In the menu's order: (sort, id), as `applyChanges` keeps them. */
export const listProducts = (db: Db, venueId: string) => menuProducts(db, venueId).orderBy('sort').orderBy(byId(db)).execute();

/** Any product of the venue holding the code (a dish, the gift card product): codes are unique per venue. */
export const productWithCode = (db: Db, venueId: string, code: string) =>
  db.selectFrom('products').select('id').where('venue_id', '=', venueId).where('code', '=', code).executeTakeFirst();

export const insertProduct = (db: Db, row: ProductsTable) => db.insertInto('products').values(row).execute();

export const updateProduct = (
  db: Db,
  venueId: string,
  productId: string,
  patch: Partial<Pick<ProductsTable, 'category_id' | 'code' | 'name' | 'description' | 'price' | 'station_id' | 'sort' | 'image_url' | 'kind'>> & { updated_at: string },
) => db.updateTable('products').set(patch).where('venue_id', '=', venueId).where('id', '=', productId).execute();

/** The next sort after the last dish of the category (0 for its first). */
export async function nextProductSort(db: Db, venueId: string, categoryId: string): Promise<number> {
  const row = await menuProducts(db, venueId).clearSelect().select((eb) => eb.fn.max('sort').as('sort')).where('category_id', '=', categoryId).executeTakeFirst();
  return row?.sort === null || row?.sort === undefined ? 0 : Number(row.sort) + 1;
}

/** A product's modifier groups, in its order. */
export const modifierGroupIdsOf = async (db: Db, productId: string) =>
  (await db.selectFrom('product_modifier_groups').select('group_id').where('product_id', '=', productId).orderBy('sort').execute()).map((r) => r.group_id);

export async function replaceProductModifierGroups(db: Db, productId: string, groupIds: string[]) {
  await db.deleteFrom('product_modifier_groups').where('product_id', '=', productId).execute();
  if (groupIds.length > 0) await db.insertInto('product_modifier_groups').values(groupIds.map((group_id, sort) => ({ product_id: productId, group_id, sort }))).execute();
}

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
    .select(['version', 'kind', 'product_id', 'stock', 'is_available', 'data'])
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
