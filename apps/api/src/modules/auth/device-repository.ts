import type { Db } from '../../shared/command';

export const insertEnrollmentCode = (
  db: Db,
  row: { code_hash: string; venue_id: string; created_at: string; created_by: string | null; expires_at: string },
) => db.insertInto('device_enrollment_codes').values({ ...row, used_at: null, device_id: null }).execute();

/**
 * Uses up a code in one statement: of two tablets typing the same code at once, one enrolls.
 * True when this call took it (it existed, was unused and had not expired).
 */
export async function consumeEnrollmentCode(db: Db, codeHash: string, venueId: string, deviceId: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('device_enrollment_codes')
    .set({ used_at: now, device_id: deviceId })
    .where('code_hash', '=', codeHash)
    .where('venue_id', '=', venueId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export const insertDevice = (
  db: Db,
  row: { id: string; venue_id: string; name: string; key_secret: string; enrolled_at: string; enrolled_by: string | null },
) => db.insertInto('devices').values({ ...row, last_sign_in_at: null, revoked_at: null, till_id: null }).execute();

export const findDevice = (db: Db, deviceId: string) => db.selectFrom('devices').selectAll().where('id', '=', deviceId).executeTakeFirst();

export const listDevices = (db: Db, venueId: string) =>
  db.selectFrom('devices').selectAll().where('venue_id', '=', venueId).orderBy('enrolled_at', 'desc').execute();

export const revokeDevice = (db: Db, venueId: string, deviceId: string, now: string) =>
  db.updateTable('devices').set({ revoked_at: now }).where('venue_id', '=', venueId).where('id', '=', deviceId).where('revoked_at', 'is', null).execute();

export const touchDevice = (db: Db, deviceId: string, now: string) =>
  db.updateTable('devices').set({ last_sign_in_at: now }).where('id', '=', deviceId).execute();

export const insertChallenge = (db: Db, row: { challenge_hash: string; device_id: string; expires_at: string }) =>
  db.insertInto('device_challenges').values({ ...row, used_at: null }).execute();

/** Uses up a sign-in challenge in one statement: a challenge answers one sign-in, once. */
export async function consumeChallenge(db: Db, challengeHash: string, deviceId: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('device_challenges')
    .set({ used_at: now })
    .where('challenge_hash', '=', challengeHash)
    .where('device_id', '=', deviceId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export const deleteChallengesBefore = (db: Db, before: string) => db.deleteFrom('device_challenges').where('expires_at', '<', before).execute();

export const deleteCodesBefore = (db: Db, before: string) => db.deleteFrom('device_enrollment_codes').where('expires_at', '<', before).execute();

/** Sessions signed in on a device that are still live: they end when the device is revoked. */
export const revokeDeviceSessions = (db: Db, deviceId: string, now: string) =>
  db.updateTable('staff_sessions').set({ revoked_at: now }).where('device_id', '=', deviceId).where('revoked_at', 'is', null).execute();

export const setDeviceTill = (db: Db, venueId: string, deviceId: string, tillId: string | null) =>
  db.updateTable('devices').set({ till_id: tillId }).where('venue_id', '=', venueId).where('id', '=', deviceId).execute();
