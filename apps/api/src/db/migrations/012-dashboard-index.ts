import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types */
/**
 * The finance dashboard's day view reads the venue's ledger rows of one business day: indexed by
 * venue and time, its cost follows the day's rows, not the history before it. (A shift's view
 * already has `ledger_entries_shift_idx`; the day's orders have `orders_venue_created_idx`.)
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('ledger_entries_venue_created_idx').ifNotExists().on('ledger_entries').columns(['venue_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('ledger_entries_venue_created_idx').ifExists().execute();
}
