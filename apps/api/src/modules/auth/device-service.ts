import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { type Device, type EnrolledDevice, type EnrollDeviceInput, type EnrollmentCodeResult, type LoginInput, signInProofMessage } from '@pos/contracts';
import { addMs, nowIso } from '../../shared/clock';
import type { Db } from '../../shared/command';
import { DomainError, notFound } from '../../shared/errors';
import { newId } from '../../shared/ids';
import * as repo from './device-repository';
import * as authRepo from './repository';

/** Characters of an enrollment code: no 0/O, 1/I/L look-alikes (31 of them; 31^8 ≈ 8.5·10^11 codes). */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const CODE_LENGTH = 8;
/** A sign-in challenge is answered within this (the tablet asks for it right before the PIN goes out). */
export const CHALLENGE_TTL_MS = 2 * 60_000;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const b64url = (bytes: Buffer) => bytes.toString('base64url');

/** `ABCD2345`, `abcd-2345` → `ABCD2345`. */
export const normalizeCode = (code: string) => code.replace(/-/g, '').toUpperCase();
export const formatCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;

const notEnrolled = () =>
  new DomainError(401, 'auth.device_not_enrolled', 'This tablet is not enrolled in the venue (or was revoked): enroll it with a code from Admin → Devices');

const badCode = () =>
  new DomainError(400, 'device.enrollment_code_invalid', 'The enrollment code is wrong, used or expired: ask an admin for a new one', {
    errors: [{ path: 'body.code', message: 'Wrong, used or expired code' }],
  });

/** HMAC-SHA256 under a device key, base64url: sign-in proofs and device-bound offline verifiers. */
export const deviceMac = (keySecret: string, message: string | Buffer) => b64url(createHmac('sha256', Buffer.from(keySecret, 'base64url')).update(message).digest());

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export interface VerifiedDevice {
  id: string;
  venueId: string;
  keySecret: string;
}

/**
 * Enrolled tablets. An admin issues a one-time code; the tablet trades it for a device id and a
 * device key, keeps the key as a non-extractable HMAC key and answers a one-time challenge with it
 * at every sign-in. Every lockout is keyed by the device verified here, never by what a client
 * names. Codes and challenges are kept only as hashes.
 */
export class DeviceService {
  async issueCode(db: Db, venueId: string, venueSlug: string, issuedBy: string | null, ttlMs: number): Promise<EnrollmentCodeResult> {
    const code = Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
    const now = nowIso();
    const expiresAt = addMs(now, ttlMs);
    await repo.deleteCodesBefore(db, addMs(now, -7 * 24 * 3_600_000));
    await repo.insertEnrollmentCode(db, { code_hash: sha256(`${venueId}:${code}`), venue_id: venueId, created_at: now, created_by: issuedBy, expires_at: expiresAt });
    return { code: formatCode(code), expiresAt, venue: venueSlug };
  }

  /** Trades a one-time code for the device's credential. Unknown venue, wrong, used or expired code: one answer. */
  async enroll(db: Db, input: EnrollDeviceInput): Promise<EnrolledDevice> {
    const venue = await authRepo.findVenueBySlug(db, input.venue);
    if (!venue) throw badCode();
    const deviceId = newId();
    const now = nowIso();
    const codeHash = sha256(`${venue.id}:${normalizeCode(input.code)}`);
    if (!(await repo.consumeEnrollmentCode(db, codeHash, venue.id, deviceId, now))) throw badCode();
    const issuedBy = await db.selectFrom('device_enrollment_codes').select('created_by').where('code_hash', '=', codeHash).executeTakeFirst();
    const keySecret = b64url(randomBytes(32));
    await repo.insertDevice(db, { id: deviceId, venue_id: venue.id, name: input.name, key_secret: keySecret, enrolled_at: now, enrolled_by: issuedBy?.created_by ?? null });
    return { deviceId, deviceKey: keySecret, name: input.name, venue: { id: venue.id, slug: venue.slug, name: venue.name } };
  }

  /**
   * A one-time challenge for the device's next sign-in. Answered alike for devices that do not
   * exist (nothing is stored for them), so the answer tells nobody which venues or devices exist.
   */
  async challenge(db: Db, venueSlug: string, deviceId: string) {
    const challenge = b64url(randomBytes(32));
    const now = nowIso();
    const expiresAt = addMs(now, CHALLENGE_TTL_MS);
    const device = await repo.findDevice(db, deviceId);
    const venue = device ? await authRepo.findVenueById(db, device.venue_id) : undefined;
    if (device && !device.revoked_at && venue?.slug === venueSlug) {
      await repo.deleteChallengesBefore(db, addMs(now, -CHALLENGE_TTL_MS));
      await repo.insertChallenge(db, { challenge_hash: sha256(challenge), device_id: deviceId, expires_at: expiresAt });
    }
    return { challenge, expiresAt };
  }

  /** The device a sign-in comes from, proven by its answer to a challenge it was given; else 401. */
  async verify(db: Db, input: Pick<LoginInput, 'venue' | 'deviceId' | 'challenge' | 'proof'>): Promise<VerifiedDevice> {
    const device = await repo.findDevice(db, input.deviceId);
    if (!device || device.revoked_at) throw notEnrolled();
    const venue = await authRepo.findVenueById(db, device.venue_id);
    if (venue?.slug !== input.venue) throw notEnrolled();
    const expected = deviceMac(device.key_secret, signInProofMessage(input.venue, input.deviceId, input.challenge));
    if (!sameText(expected, input.proof)) throw notEnrolled();
    // Consumed only after the proof checked out: a stranger cannot burn a tablet's challenge.
    if (!(await repo.consumeChallenge(db, sha256(input.challenge), device.id, nowIso()))) throw notEnrolled();
    return { id: device.id, venueId: device.venue_id, keySecret: device.key_secret };
  }

  async keySecret(db: Db, deviceId: string): Promise<string | null> {
    const device = await repo.findDevice(db, deviceId);
    return device && !device.revoked_at ? device.key_secret : null;
  }

  touch(db: Db, deviceId: string) {
    return repo.touchDevice(db, deviceId, nowIso());
  }

  async list(db: Db, venueId: string): Promise<Device[]> {
    const rows = await repo.listDevices(db, venueId);
    return rows.map(toDevice);
  }

  /** Attaches a tablet to a till (the caller checked the till is the venue's) or detaches it (null). */
  async setTill(db: Db, venueId: string, deviceId: string, tillId: string | null): Promise<Device> {
    const device = await repo.findDevice(db, deviceId);
    if (!device || device.venue_id !== venueId) throw notFound('device', deviceId);
    await repo.setDeviceTill(db, venueId, deviceId, tillId);
    return toDevice((await repo.findDevice(db, deviceId))!);
  }

  /** Revokes a tablet: it can sign in no more, and every session signed in on it ends now. */
  async revoke(db: Db, venueId: string, deviceId: string): Promise<Device> {
    const device = await repo.findDevice(db, deviceId);
    if (!device || device.venue_id !== venueId) throw notFound('device', deviceId);
    const now = nowIso();
    await repo.revokeDevice(db, venueId, deviceId, now);
    await repo.revokeDeviceSessions(db, deviceId, now);
    return toDevice((await repo.findDevice(db, deviceId))!);
  }
}

function toDevice(row: { id: string; name: string; enrolled_at: string; enrolled_by: string | null; last_sign_in_at: string | null; revoked_at: string | null; till_id: string | null }): Device {
  return { id: row.id, name: row.name, enrolledAt: row.enrolled_at, enrolledBy: row.enrolled_by, lastSignInAt: row.last_sign_in_at, revokedAt: row.revoked_at, tillId: row.till_id };
}
