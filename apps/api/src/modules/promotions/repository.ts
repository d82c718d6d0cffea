import { sql } from 'kysely';
import type { OrderPromotionsTable, PromotionsTable } from '../../db/schema';
import type { Db } from '../../shared/command';

/** The venue's rules that are not deleted (enabled or not). */
export const listRules = (db: Db, venueId: string) =>
  db.selectFrom('promotions').selectAll().where('venue_id', '=', venueId).where('deleted_at', 'is', null).orderBy('priority', 'desc').orderBy('id').execute();

export const findRule = (db: Db, venueId: string, id: string) =>
  db.selectFrom('promotions').selectAll().where('venue_id', '=', venueId).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();

export const countRules = async (db: Db, venueId: string) =>
  Number((await db.selectFrom('promotions').select((eb) => eb.fn.countAll().as('n')).where('venue_id', '=', venueId).where('deleted_at', 'is', null).executeTakeFirstOrThrow()).n);

export const insertRule = (db: Db, row: PromotionsTable) => db.insertInto('promotions').values(row).execute();

/** With the version the caller saw: a stale version changes nothing (→ 409). */
export async function updateRule(db: Db, id: string, expectedVersion: number, patch: Partial<PromotionsTable>): Promise<boolean> {
  const result = await db
    .updateTable('promotions')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export const settingsRow = (db: Db, venueId: string) => db.selectFrom('venue_promotion_settings').selectAll().where('venue_id', '=', venueId).executeTakeFirst();

export const upsertSettings = (db: Db, venueId: string, exclusiveChoice: string, now: string) =>
  db
    .insertInto('venue_promotion_settings')
    .values({ venue_id: venueId, exclusive_choice: exclusiveChoice, state_key: null, updated_at: now })
    .onConflict((oc) => oc.column('venue_id').doUpdateSet({ exclusive_choice: exclusiveChoice, updated_at: now }))
    .execute();

/** Stores the tick's signature; true when it differed (so this caller re-prices). */
export async function swapStateKey(db: Db, venueId: string, key: string, now: string): Promise<boolean> {
  const row = await settingsRow(db, venueId);
  if (!row) {
    await db
      .insertInto('venue_promotion_settings')
      .values({ venue_id: venueId, exclusive_choice: 'best_for_guest', state_key: key, updated_at: now })
      .onConflict((oc) => oc.column('venue_id').doNothing())
      .execute();
    return true;
  }
  if (row.state_key === key) return false;
  const result = await db
    .updateTable('venue_promotion_settings')
    .set({ state_key: key })
    .where('venue_id', '=', venueId)
    .where((eb) => (row.state_key === null ? eb('state_key', 'is', null) : eb('state_key', '=', row.state_key)))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export const venueTimeZone = async (db: Db, venueId: string) =>
  (await db.selectFrom('venues').select('timezone').where('id', '=', venueId).executeTakeFirstOrThrow()).timezone;

/**
 * Venues with at least one live rule, or an open order still carrying a promotion. Read every
 * few seconds by the promotions tick, so the second part starts from each venue's open orders
 * (the (venue_id, status) index) instead of the join over every order ever discounted, which
 * scanned the whole order_promotions history on each tick.
 */
export const venuesToWatchQuery = (db: Db) =>
  db
    .selectFrom('promotions')
    .select('venue_id')
    .where('deleted_at', 'is', null)
    .union(
      db
        .selectFrom('venues as v')
        .select('v.id as venue_id')
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('orders as o')
              .innerJoin('order_promotions as p', 'p.order_id', 'o.id')
              .select(sql.lit(1).as('one'))
              .whereRef('o.venue_id', '=', 'v.id')
              .where('o.status', '=', sql.lit('open')),
          ),
        ),
    );

export const venuesToWatch = (db: Db) => venuesToWatchQuery(db).execute();

export const existingProducts = (db: Db, venueId: string, ids: string[]) =>
  ids.length === 0 ? Promise.resolve([]) : db.selectFrom('products').select(['id', 'name']).where('venue_id', '=', venueId).where('id', 'in', ids).execute();

export const existingCategories = (db: Db, venueId: string, ids: string[]) =>
  ids.length === 0 ? Promise.resolve([]) : db.selectFrom('categories').select(['id', 'name']).where('venue_id', '=', venueId).where('id', 'in', ids).execute();

// --- on orders ---

export const orderPromotionRows = (db: Db, orderIds: string[]) =>
  orderIds.length === 0 ? Promise.resolve([] as OrderPromotionsTable[]) : db.selectFrom('order_promotions').selectAll().where('order_id', 'in', orderIds).orderBy('position').execute();

export async function replaceOrderPromotions(db: Db, orderId: string, rows: OrderPromotionsTable[]): Promise<void> {
  await db.deleteFrom('order_promotions').where('order_id', '=', orderId).execute();
  if (rows.length) await db.insertInto('order_promotions').values(rows).execute();
}

export const manualRuleIds = async (db: Db, orderId: string) =>
  (await db.selectFrom('order_manual_promotions').select('promotion_id').where('order_id', '=', orderId).execute()).map((r) => r.promotion_id);

export const addManual = (db: Db, row: { order_id: string; promotion_id: string; staff_id: string; created_at: string }) =>
  db.insertInto('order_manual_promotions').values(row).onConflict((oc) => oc.columns(['order_id', 'promotion_id']).doNothing()).execute();

export const removeManual = (db: Db, orderId: string, ruleId: string) =>
  db.deleteFrom('order_manual_promotions').where('order_id', '=', orderId).where('promotion_id', '=', ruleId).execute();

export const usesOfOrder = (db: Db, orderId: string) => db.selectFrom('promotion_uses').selectAll().where('order_id', '=', orderId).execute();

export const guestUses = (db: Db, ruleIds: string[], customerId: string) =>
  ruleIds.length === 0
    ? Promise.resolve([])
    : db.selectFrom('promotion_guest_uses').select(['promotion_id', 'uses']).where('customer_id', '=', customerId).where('promotion_id', 'in', ruleIds).execute();

/** One use of the rule, if the venue's limit allows it: a conditional UPDATE, so parallel claims never pass the limit. */
export async function claimTotal(db: Db, ruleId: string): Promise<boolean> {
  const result = await db
    .updateTable('promotions')
    .set((eb) => ({ uses: eb('uses', '+', 1) }))
    .where('id', '=', ruleId)
    .where((eb) => eb.or([eb('total_limit', 'is', null), eb('uses', '<', eb.ref('total_limit'))]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function claimGuest(db: Db, ruleId: string, customerId: string, limit: number): Promise<boolean> {
  await db.insertInto('promotion_guest_uses').values({ promotion_id: ruleId, customer_id: customerId, uses: 0 }).onConflict((oc) => oc.columns(['promotion_id', 'customer_id']).doNothing()).execute();
  const result = await db
    .updateTable('promotion_guest_uses')
    .set((eb) => ({ uses: eb('uses', '+', 1) }))
    .where('promotion_id', '=', ruleId)
    .where('customer_id', '=', customerId)
    .where('uses', '<', limit)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export const unclaimTotal = (db: Db, ruleId: string) =>
  db.updateTable('promotions').set((eb) => ({ uses: eb('uses', '-', 1) })).where('id', '=', ruleId).where('uses', '>', 0).execute();

export const unclaimGuest = (db: Db, ruleId: string, customerId: string) =>
  db.updateTable('promotion_guest_uses').set((eb) => ({ uses: eb('uses', '-', 1) })).where('promotion_id', '=', ruleId).where('customer_id', '=', customerId).where('uses', '>', 0).execute();

export const insertUse = (db: Db, row: { promotion_id: string; order_id: string; venue_id: string; customer_id: string | null; created_at: string }) =>
  db.insertInto('promotion_uses').values(row).execute();

export const deleteUse = (db: Db, ruleId: string, orderId: string) => db.deleteFrom('promotion_uses').where('promotion_id', '=', ruleId).where('order_id', '=', orderId).execute();
