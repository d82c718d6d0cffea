import type { CustomerCardsTable, CustomersTable } from '../../db/schema';
import type { Db } from '../../shared/command';

export const findCustomer = (db: Db, venueId: string, id: string) =>
  db.selectFrom('customers').selectAll().where('venue_id', '=', venueId).where('id', '=', id).executeTakeFirst();

export const findByPhone = (db: Db, venueId: string, phone: string) =>
  db.selectFrom('customers').selectAll().where('venue_id', '=', venueId).where('phone', '=', phone).executeTakeFirst();

/** What a guest is found by: name and phone, folded to lower case here (the same fold as the query). */
export const searchText = (name: string, phone: string) => `${name.toLocaleLowerCase('ru')} ${phone}`;

/** A page of the venue's guests, newest first; `query` matches a name (any case) or a phone fragment. */
export function listCustomers(db: Db, venueId: string, query: string | undefined, limit: number, after: { created_at: string; id: string } | undefined) {
  let q = db.selectFrom('customers').selectAll().where('venue_id', '=', venueId);
  if (query) {
    // LIKE's wildcards are dropped from what was typed (SQLite and PostgreSQL escape them differently).
    const like = `%${query.replace(/[\\%_]/g, '').toLocaleLowerCase('ru')}%`;
    q = q.where('search_text', 'like', like);
  }
  if (after) q = q.where((eb) => eb.or([eb('created_at', '<', after.created_at), eb.and([eb('created_at', '=', after.created_at), eb('id', '<', after.id)])]));
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export const insertCustomer = (db: Db, row: CustomersTable) => db.insertInto('customers').values(row).execute();

export const updateCustomer = (db: Db, venueId: string, id: string, patch: Partial<CustomersTable>) =>
  db.updateTable('customers').set(patch).where('venue_id', '=', venueId).where('id', '=', id).execute();

export const findCard = (db: Db, venueId: string, id: string) =>
  db.selectFrom('customer_cards').selectAll().where('venue_id', '=', venueId).where('id', '=', id).executeTakeFirst();

export const cardsOf = (db: Db, venueId: string, customerId: string) =>
  db.selectFrom('customer_cards').selectAll().where('venue_id', '=', venueId).where('customer_id', '=', customerId).orderBy('created_at').execute();

export const insertCard = (db: Db, row: CustomerCardsTable) => db.insertInto('customer_cards').values(row).execute();

export const revokeCard = (db: Db, venueId: string, id: string, now: string) =>
  db.updateTable('customer_cards').set({ revoked_at: now }).where('venue_id', '=', venueId).where('id', '=', id).where('revoked_at', 'is', null).execute();

export const findLoyaltyKey = (db: Db, venueId: string) => db.selectFrom('venue_loyalty_keys').select('key').where('venue_id', '=', venueId).executeTakeFirst();

/** Stores the venue's key unless one was stored meanwhile (the first one wins; both callers then read it). */
export const insertLoyaltyKey = (db: Db, venueId: string, key: string, now: string) =>
  db.insertInto('venue_loyalty_keys').values({ venue_id: venueId, key, created_at: now }).onConflict((oc) => oc.column('venue_id').doNothing()).execute();
