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

export const insertAudit = (
  db: Db,
  row: { id: string; venue_id: string; staff_id: string | null; action: string; entity: string; entity_id: string | null; details: string; created_at: string },
) => db.insertInto('audit_log').values(row).execute();
