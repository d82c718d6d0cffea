import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types */
/**
 * A shift's dashboard reads the orders booked to the shift (their voids count even when nothing was
 * paid). Without an index on `orders.shift_id` that read scanned every order of the venue, so its
 * cost grew with history (the bench: 51 → 319 ms p50 from 2,000 to 200,000 ledger rows before the day).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('orders_shift_idx').ifNotExists().on('orders').column('shift_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('orders_shift_idx').ifExists().execute();
}
