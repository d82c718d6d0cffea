import { sql } from 'kysely';
import type { Db } from '../../shared/command';

export const findVenueBySlug = (db: Db, slug: string) =>
  db.selectFrom('venues').selectAll().where('slug', '=', slug).executeTakeFirst();

export const findVenueById = (db: Db, id: string) =>
  db.selectFrom('venues').selectAll().where('id', '=', id).executeTakeFirst();

export const findActiveStaffByPinLookup = (db: Db, venueId: string, pinLookup: string) =>
  db
    .selectFrom('staff')
    .selectAll()
    .where('venue_id', '=', venueId)
    .where('pin_lookup', '=', pinLookup)
    .where('is_active', '=', 1)
    .executeTakeFirst();

/** Whoever holds this PIN in the venue, active or not: the PIN stays reserved after deactivation. */
export const findStaffByPinLookup = (db: Db, venueId: string, pinLookup: string) =>
  db.selectFrom('staff').selectAll().where('venue_id', '=', venueId).where('pin_lookup', '=', pinLookup).executeTakeFirst();

export const findLockout = (db: Db, venueId: string, deviceKey: string) =>
  db
    .selectFrom('login_lockouts')
    .selectAll()
    .where('venue_id', '=', venueId)
    .where('device_key', '=', deviceKey)
    .executeTakeFirst();

/**
 * Counts a wrong PIN of a device in one statement, locking it when the count reaches
 * `maxFailures`, and returns the state after it. One statement on purpose: with a read-then-write
 * counter a burst of parallel guesses all read the same count and never reach the lock. A live
 * lock is left as it is; an expired lock or a closed window starts a new window at this failure.
 */
export function recordWrongPin(
  db: Db,
  key: { venueId: string; deviceKey: string },
  rule: { now: string; windowOpenedAfter: string; maxFailures: number; lockedUntil: string },
) {
  const { now, windowOpenedAfter, maxFailures, lockedUntil } = rule;
  const isLocked = sql<boolean>`(login_lockouts.locked_until IS NOT NULL AND login_lockouts.locked_until > ${now})`;
  const isWindowOpen = sql<boolean>`(login_lockouts.locked_until IS NULL AND login_lockouts.window_started_at > ${windowOpenedAfter})`;
  const failures = sql<number>`(CASE WHEN ${isWindowOpen} THEN login_lockouts.failures + 1 ELSE 1 END)`;
  return db
    .insertInto('login_lockouts')
    .values({
      venue_id: key.venueId,
      device_key: key.deviceKey,
      failures: 1,
      window_started_at: now,
      locked_until: maxFailures <= 1 ? lockedUntil : null,
    })
    .onConflict((oc) =>
      oc.columns(['venue_id', 'device_key']).doUpdateSet({
        failures: sql<number>`CASE WHEN ${isLocked} THEN login_lockouts.failures ELSE ${failures} END`,
        window_started_at: sql<string>`CASE WHEN ${isLocked} OR ${isWindowOpen} THEN login_lockouts.window_started_at ELSE ${now} END`,
        locked_until: sql<string | null>`CASE WHEN ${isLocked} THEN login_lockouts.locked_until WHEN ${failures} >= ${maxFailures} THEN ${lockedUntil} ELSE NULL END`,
      }),
    )
    .returning(['failures', 'locked_until'])
    .executeTakeFirstOrThrow();
}

export const clearLockout = (db: Db, venueId: string, deviceKey: string) =>
  db.deleteFrom('login_lockouts').where('venue_id', '=', venueId).where('device_key', '=', deviceKey).execute();

export const insertSession = (
  db: Db,
  row: { id: string; staff_id: string; venue_id: string; device_id: string | null; created_at: string; expires_at: string },
) => db.insertInto('staff_sessions').values({ ...row, revoked_at: null }).execute();

/** The live session with its staff member and the role's permissions, in one query. */
export const findLiveSession = (db: Db, sessionId: string, now: string) =>
  db
    .selectFrom('staff_sessions as s')
    .innerJoin('staff as st', 'st.id', 's.staff_id')
    .leftJoin('role_permissions as rp', (j) => j.onRef('rp.venue_id', '=', 's.venue_id').onRef('rp.role', '=', 'st.role'))
    .select([
      's.id as session_id',
      's.venue_id',
      's.device_id',
      'st.id as staff_id',
      'st.name as staff_name',
      'st.role',
      'rp.permissions',
    ])
    .where('s.id', '=', sessionId)
    .where('s.revoked_at', 'is', null)
    .where('s.expires_at', '>', now)
    .where('st.is_active', '=', 1)
    .executeTakeFirst();

export const revokeSession = (db: Db, sessionId: string, now: string) =>
  db.updateTable('staff_sessions').set({ revoked_at: now }).where('id', '=', sessionId).execute();

export const findStaff = (db: Db, venueId: string, staffId: string) =>
  db.selectFrom('staff').selectAll().where('venue_id', '=', venueId).where('id', '=', staffId).executeTakeFirst();

export const listStaff = (db: Db, venueId: string) =>
  db.selectFrom('staff').selectAll().where('venue_id', '=', venueId).orderBy('name').execute();

export const insertStaff = (
  db: Db,
  row: { id: string; venue_id: string; name: string; role: string; pin_lookup: string; pin_hash: string; pin_digits: number; offline_verifier?: string | null; created_at: string },
) => db.insertInto('staff').values({ ...row, is_active: 1 }).execute();

export const countActiveStaffOfRole = async (db: Db, venueId: string, role: string) =>
  Number(
    (
      await db
        .selectFrom('staff')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('venue_id', '=', venueId)
        .where('role', '=', role)
        .where('is_active', '=', 1)
        .executeTakeFirstOrThrow()
    ).n,
  );

export const updateStaff = (
  db: Db,
  venueId: string,
  staffId: string,
  patch: Partial<{ name: string; role: string; pin_lookup: string; pin_hash: string; pin_digits: number; offline_verifier: string; is_active: number }>,
) => db.updateTable('staff').set(patch).where('venue_id', '=', venueId).where('id', '=', staffId).execute();

export const revokeStaffSessions = (db: Db, staffId: string, now: string) =>
  db.updateTable('staff_sessions').set({ revoked_at: now }).where('staff_id', '=', staffId).where('revoked_at', 'is', null).execute();

export const listRolePermissions = (db: Db, venueId: string) =>
  db.selectFrom('role_permissions').selectAll().where('venue_id', '=', venueId).orderBy('role').execute();

export async function saveRolePermissions(db: Db, venueId: string, role: string, permissions: string[]) {
  const value = JSON.stringify([...new Set(permissions)].sort());
  await db
    .insertInto('role_permissions')
    .values({ venue_id: venueId, role, permissions: value })
    .onConflict((oc) => oc.columns(['venue_id', 'role']).doUpdateSet({ permissions: value }))
    .execute();
}

export async function getOrCreateSecret(db: Db, name: string, generate: () => string): Promise<string> {
  await db
    .insertInto('server_secrets')
    .values({ name, value: generate() })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db.selectFrom('server_secrets').select('value').where('name', '=', name).executeTakeFirstOrThrow();
  return row.value;
}

export const setOfflineVerifier = (db: Db, staffId: string, verifier: string) =>
  db.updateTable('staff').set({ offline_verifier: verifier }).where('id', '=', staffId).execute();

/** Active staff of the given roles with their role's permissions and offline verifiers. */
export const listOfflineStaff = (db: Db, venueId: string, roles: readonly string[]) =>
  db
    .selectFrom('staff as st')
    .leftJoin('role_permissions as rp', (j) => j.onRef('rp.venue_id', '=', 'st.venue_id').onRef('rp.role', '=', 'st.role'))
    .select(['st.id', 'st.name', 'st.role', 'st.offline_verifier', 'rp.permissions'])
    .where('st.venue_id', '=', venueId)
    .where('st.is_active', '=', 1)
    .where('st.offline_verifier', 'is not', null)
    .where('st.role', 'in', [...roles])
    .orderBy('st.name')
    .execute();
