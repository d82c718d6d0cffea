import type { AuditLogTable } from '../../db/schema';
import type { Db } from '../../shared/command';

export const listFlags = (db: Db, venueId: string) =>
  db.selectFrom('feature_flags').select(['feature', 'enabled']).where('venue_id', '=', venueId).execute();

export async function saveFlag(db: Db, venueId: string, feature: string, enabled: boolean) {
  const value = enabled ? 1 : 0;
  await db
    .insertInto('feature_flags')
    .values({ venue_id: venueId, feature, enabled: value })
    .onConflict((oc) => oc.columns(['venue_id', 'feature']).doUpdateSet({ enabled: value }))
    .execute();
}

export const listRemotes = (db: Db, venueId: string) =>
  db.selectFrom('remotes').selectAll().where('venue_id', '=', venueId).orderBy('name').execute();

export const findRemote = (db: Db, venueId: string, name: string) =>
  db.selectFrom('remotes').selectAll().where('venue_id', '=', venueId).where('name', '=', name).executeTakeFirst();

export async function saveRemote(
  db: Db,
  row: { venue_id: string; name: string; feature: string; manifest_url: string; version: string; integrity: string; updated_at: string },
) {
  await db
    .insertInto('remotes')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['venue_id', 'name']).doUpdateSet({
        feature: row.feature,
        manifest_url: row.manifest_url,
        version: row.version,
        integrity: row.integrity,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

export const insertAudit = (db: Db, row: AuditLogTable) => db.insertInto('audit_log').values(row).execute();

/** Audit entries of the venue, newest first, with the names of the actor and the approver. */
export function listAudit(
  db: Db,
  venueId: string,
  filter: { action?: string; entity?: string; entityId?: string; approved?: boolean; limit: number },
) {
  let query = db
    .selectFrom('audit_log as a')
    .leftJoin('staff as actor', 'actor.id', 'a.staff_id')
    .leftJoin('staff as approver', 'approver.id', 'a.approved_by')
    .select(['a.id', 'a.action', 'a.entity', 'a.entity_id', 'a.details', 'a.created_at', 'a.staff_id', 'actor.name as staff_name', 'a.approved_by', 'approver.name as approver_name'])
    .where('a.venue_id', '=', venueId);
  if (filter.action) query = query.where('a.action', '=', filter.action);
  if (filter.entity) query = query.where('a.entity', '=', filter.entity);
  if (filter.entityId) query = query.where('a.entity_id', '=', filter.entityId);
  if (filter.approved !== undefined) query = query.where('a.approved_by', filter.approved ? 'is not' : 'is', null);
  return query.orderBy('a.created_at', 'desc').orderBy('a.id', 'desc').limit(filter.limit).execute();
}
