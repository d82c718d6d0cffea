import type { NotificationsTable } from '../../db/schema';
import type { Db } from '../../shared/command';

export const insertNotification = (db: Db, row: NotificationsTable) => db.insertInto('notifications').values(row).execute();

export const findNotification = (db: Db, venueId: string, id: string) =>
  db.selectFrom('notifications').selectAll().where('venue_id', '=', venueId).where('id', '=', id).executeTakeFirst();

/** By id alone: the outbox's handler, which holds the message that names it. */
export const notificationById = (db: Db, id: string) => db.selectFrom('notifications').selectAll().where('id', '=', id).executeTakeFirst();

export const updateNotification = (db: Db, id: string, patch: Partial<NotificationsTable>) => db.updateTable('notifications').set(patch).where('id', '=', id).execute();

/** A page of the venue's notifications, newest first, after (older than) the given one. */
export function listNotifications(db: Db, venueId: string, status: string | undefined, limit: number, after: { created_at: string; id: string } | undefined) {
  let q = db.selectFrom('notifications').selectAll().where('venue_id', '=', venueId);
  if (status) q = q.where('status', '=', status);
  if (after) q = q.where((eb) => eb.or([eb('created_at', '<', after.created_at), eb.and([eb('created_at', '=', after.created_at), eb('id', '<', after.id)])]));
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}
