import type { Db } from '../../shared/command';
import type { OutboxAttemptsTable, OutboxMessagesTable } from '../../db/schema';

export const insertMessage = (db: Db, row: OutboxMessagesTable) => db.insertInto('outbox_messages').values(row).execute();

/** Due messages (pending and their time has come, or sending with a lease that ran out), oldest first. */
export const dueMessages = (db: Db, now: string, limit: number) =>
  db
    .selectFrom('outbox_messages')
    .select(['id', 'status', 'locked_until'])
    .where((eb) => eb.or([eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now)]), eb.and([eb('status', '=', 'sending'), eb('locked_until', '<', now)])]))
    .orderBy('next_attempt_at')
    .limit(limit)
    .execute();

/**
 * Takes a due message for this dispatcher: one conditional UPDATE from the state it was read in,
 * so of two dispatchers (two API instances) only one gets it. True when this one got it.
 */
export async function claim(db: Db, id: string, seen: { status: string; locked_until: string | null }, now: string, lockedUntil: string): Promise<boolean> {
  let query = db.updateTable('outbox_messages').set({ status: 'sending', locked_until: lockedUntil, updated_at: now }).where('id', '=', id).where('status', '=', seen.status);
  query = seen.locked_until === null ? query.where('locked_until', 'is', null) : query.where('locked_until', '=', seen.locked_until);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export const messageById = (db: Db, id: string) => db.selectFrom('outbox_messages').selectAll().where('id', '=', id).executeTakeFirst();

export const venueMessage = (db: Db, venueId: string, id: string) => db.selectFrom('outbox_messages').selectAll().where('venue_id', '=', venueId).where('id', '=', id).executeTakeFirst();

/** Writes an attempt's outcome, only while this dispatcher still holds the message (its lease). */
export async function settle(db: Db, id: string, lockedUntil: string, patch: Partial<OutboxMessagesTable>): Promise<boolean> {
  const result = await db.updateTable('outbox_messages').set(patch).where('id', '=', id).where('status', '=', 'sending').where('locked_until', '=', lockedUntil).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export const insertAttempt = (db: Db, row: OutboxAttemptsTable) => db.insertInto('outbox_attempts').values(row).execute();

export const attemptsOf = (db: Db, messageId: string) => db.selectFrom('outbox_attempts').selectAll().where('message_id', '=', messageId).orderBy('attempt').execute();

export interface MessageFilter {
  kind?: string;
  status?: string;
  targetId?: string;
  /** Keyset: messages created before this (created_at, id). */
  before?: { createdAt: string; id: string };
  limit: number;
}

export function listMessages(db: Db, venueId: string, filter: MessageFilter) {
  let query = db.selectFrom('outbox_messages').selectAll().where('venue_id', '=', venueId);
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.targetId) query = query.where('target_id', '=', filter.targetId);
  if (filter.before) {
    const { createdAt, id } = filter.before;
    query = query.where((eb) => eb.or([eb('created_at', '<', createdAt), eb.and([eb('created_at', '=', createdAt), eb('id', '<', id)])]));
  }
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
}

/** A dead (or delivered) message queued again: attempts start over, the log keeps the old ones. */
export async function requeue(db: Db, venueId: string, id: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('outbox_messages')
    .set({ status: 'pending', attempts: 0, next_attempt_at: now, locked_until: null, updated_at: now })
    .where('venue_id', '=', venueId)
    .where('id', '=', id)
    .where('status', 'in', ['dead', 'delivered'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
