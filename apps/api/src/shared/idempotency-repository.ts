import type { IdempotencyKeysTable } from '../db/schema';
import type { Db } from './command';

/**
 * The stored idempotency keys (`plugins/commands.ts` decides what they mean). Each statement is
 * shaped for a race: the primary key (venue, key) decides who claims a key, and a stale claim is
 * taken over only if nobody touched it since it was read.
 */

/** Claims a new key; false when the venue already has it (a lookup-then-insert would let two copies through). */
export async function insertKey(db: Db, row: IdempotencyKeysTable): Promise<boolean> {
  const inserted = await db.insertInto('idempotency_keys').values(row).onConflict((oc) => oc.columns(['venue_id', 'key']).doNothing()).executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
}

export const findKey = (db: Db, venueId: string, key: string) =>
  db.selectFrom('idempotency_keys').selectAll().where('venue_id', '=', venueId).where('key', '=', key).executeTakeFirst();

/** Takes over an in-flight claim still locked at `lockedAt` (its server died); true when this call took it. */
export async function takeOverClaim(db: Db, venueId: string, key: string, lockedAt: string, now: string): Promise<boolean> {
  const taken = await db
    .updateTable('idempotency_keys')
    .set({ locked_at: now })
    .where('venue_id', '=', venueId)
    .where('key', '=', key)
    .where('status', '=', 'in_flight')
    .where('locked_at', '=', lockedAt)
    .executeTakeFirst();
  return Number(taken.numUpdatedRows) === 1;
}

/** Stores the command's response under its key, in the transaction that claimed it. */
export async function completeKey(db: Db, venueId: string, key: string, responseStatus: number, responseBody: string): Promise<void> {
  await db
    .updateTable('idempotency_keys')
    .set({ status: 'done', response_status: responseStatus, response_body: responseBody })
    .where('venue_id', '=', venueId)
    .where('key', '=', key)
    .execute();
}

/** Drops keys past their retention. */
export async function deleteExpiredKeys(db: Db, now: string): Promise<void> {
  await db.deleteFrom('idempotency_keys').where('expires_at', '<', now).execute();
}
