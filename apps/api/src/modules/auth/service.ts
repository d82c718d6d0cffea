import { createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import {
  isPrivilegedRole,
  type LoginInput,
  OFFLINE_ROLES,
  PRIVILEGED_PIN_MIN_DIGITS,
  type LoginResult,
  type Permission,
  PERMISSIONS,
  type Role,
  type SessionInfo,
  type Staff,
  type Venue,
} from '@pos/contracts';
import argon2 from 'argon2';
import { jwtVerify, SignJWT } from 'jose';
import type { ApiConfig } from '../../config';
import type { VenuesTable } from '../../db/schema';
import { addMs, clock, nowIso } from '../../shared/clock';
import type { Actor, Db } from '../../shared/command';
import { conflict, DomainError, forbidden, invalid, notFound } from '../../shared/errors';
import { newId } from '../../shared/ids';
import { parseJson } from '../../shared/json';
import { deviceMac, type DeviceService } from './device-service';
import * as repo from './repository';

/**
 * Wrong PINs are counted per server-verified device and per venue, in windows that a right PIN
 * does not reset. A device: 5 within 5 minutes lock it for 5 minutes. The venue: 10 within
 * 15 minutes lock PIN sign-in on every tablet of the venue for 15 minutes — the ceiling no device,
 * address or header can lift (the arithmetic is in the README's Security section).
 */
export const LOCKOUT = {
  device: { maxFailures: 5, windowMs: 5 * 60_000, lockMs: 5 * 60_000 },
  venue: { maxFailures: 10, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
};
/** The venue-wide counter's key in `login_lockouts` (device keys are device ids, UUIDs). */
const VENUE_KEY = '*venue*';

const unauthorized = (message = 'Sign in again') => new DomainError(401, 'auth.unauthorized', message);

/**
 * PINs are unique per venue (a PIN alone picks the person at sign-in), and a deactivated person
 * keeps theirs so they can be reactivated: the database's unique index covers both.
 */
const pinTaken = (isHolderActive: boolean) =>
  conflict(
    'staff.pin_taken',
    isHolderActive
      ? 'Another staff member of this venue already uses this PIN'
      : 'A deactivated staff member of this venue still holds this PIN',
  );

export interface AuthSecrets {
  jwtKey: Uint8Array;
  pinPepper: string;
}

export function toVenue(row: VenuesTable): Venue {
  return { id: row.id, slug: row.slug, name: row.name, currency: row.currency, timezone: row.timezone, locale: row.locale };
}

const toStaff = (row: { id: string; name: string; role: string; is_active: number }): Staff => ({
  id: row.id,
  name: row.name,
  role: row.role as Role,
  isActive: row.is_active === 1,
});

/** Keeps only permissions this server knows (a role edited by a newer version may carry more). */
const knownPermissions = (json: string | null): Permission[] =>
  parseJson<string[]>(json, []).filter((p): p is Permission => (PERMISSIONS as readonly string[]).includes(p));

/** Enough to make each guess cost something on a tablet, cheap enough for every sign-in here. */
const OFFLINE_VERIFIER_ITERATIONS = 20_000;

export class AuthService {
  /** Tokens whose signature was checked already: token → session id and expiry (ms). */
  private readonly verifiedTokens = new Map<string, { sessionId: string; expiresAt: number }>();

  static async create(db: Db, config: ApiConfig, devices: DeviceService): Promise<AuthService> {
    const jwtSecret =
      config.jwtSecret ?? (await repo.getOrCreateSecret(db, 'jwt', () => randomBytes(32).toString('base64url')));
    const pinPepper = await repo.getOrCreateSecret(db, 'pin-pepper', () => randomBytes(32).toString('base64url'));
    return new AuthService(db, config, { jwtKey: new TextEncoder().encode(jwtSecret), pinPepper }, devices);
  }

  constructor(
    private readonly db: Db,
    private readonly config: ApiConfig,
    private readonly secrets: AuthSecrets,
    readonly devices: DeviceService,
  ) {}

  /** Keyed hash that finds a staff member by PIN without trying every argon2 hash of the venue. */
  pinLookup(venueId: string, pin: string): string {
    return createHmac('sha256', this.secrets.pinPepper).update(`${venueId}:${pin}`).digest('hex');
  }

  /**
   * The server's copy of what a tablet checks a PIN against offline: PBKDF2-SHA256 with a random
   * salt (`pbkdf2-sha256$<iterations>$<salt>$<hash>`, base64url). It never leaves the server as
   * it is: each tablet gets it bound to its own device key (`offlineStaff`).
   */
  offlineVerifier(pin: string): string {
    const salt = randomBytes(16);
    const hash = pbkdf2Sync(pin, salt, OFFLINE_VERIFIER_ITERATIONS, 32, 'sha256');
    return `pbkdf2-sha256$${OFFLINE_VERIFIER_ITERATIONS}$${salt.toString('base64url')}$${hash.toString('base64url')}`;
  }

  /**
   * Staff this tablet may switch to offline (`OFFLINE_ROLES`, never admin), for a caller of such a
   * role on an enrolled device. Each verifier is bound to the device: the PBKDF2 hash goes out only
   * as an HMAC under the device key (`hmac-pbkdf2-sha256$<iterations>$<salt>$<mac>`), so a copy
   * taken off the wire or out of the tablet's storage cannot be tested against PINs without the key.
   */
  async offlineStaff(db: Db, actor: Actor) {
    if (!(OFFLINE_ROLES as readonly string[]).includes(actor.role)) {
      throw forbidden('auth.offline_not_allowed', 'This role does not work offline; its tablet keeps no PIN verifiers');
    }
    const keySecret = actor.deviceId ? await this.devices.keySecret(db, actor.deviceId) : null;
    if (!keySecret) throw new DomainError(401, 'auth.device_not_enrolled', 'This tablet is not enrolled');
    const rows = await repo.listOfflineStaff(db, actor.venueId, OFFLINE_ROLES);
    return {
      staff: rows.flatMap((r) => {
        const [scheme, iterations, salt, hash] = (r.offline_verifier ?? '').split('$');
        if (scheme !== 'pbkdf2-sha256' || !iterations || !salt || !hash) return [];
        const mac = deviceMac(keySecret, Buffer.from(hash, 'base64url'));
        return [{ id: r.id, name: r.name, role: r.role as Role, permissions: knownPermissions(r.permissions), verifier: `hmac-pbkdf2-sha256$${iterations}$${salt}$${mac}` }];
      }),
    };
  }

  hashPin(pin: string): Promise<string> {
    return argon2.hash(pin, {
      type: argon2.argon2id,
      memoryCost: this.config.argon2MemoryKib,
      timeCost: this.config.argon2TimeCost,
      parallelism: 1,
    });
  }

  /**
   * Venue + PIN from an enrolled tablet that proves its key. Wrong PINs count against the device
   * and the venue (`LOCKOUT`); a right PIN does not reset either count. Locks are read before and
   * again after the slow hash check, so a right PIN in a parallel burst of guesses is refused once
   * the burst has locked the device or the venue.
   */
  async login(input: LoginInput): Promise<LoginResult> {
    const device = await this.devices.verify(this.db, input);
    const venueId = device.venueId;
    const now = nowIso();
    const staff = await this.verifyPin(venueId, device.id, input.pin);
    // PINs set before offline verifiers existed get one now, while the PIN is at hand.
    if (!staff.offline_verifier) await repo.setOfflineVerifier(this.db, staff.id, this.offlineVerifier(input.pin));
    await this.devices.touch(this.db, device.id);

    const sessionId = newId();
    const expiresAt = addMs(now, this.config.tokenTtlMs);
    await repo.insertSession(this.db, {
      id: sessionId,
      staff_id: staff.id,
      venue_id: venueId,
      device_id: device.id,
      created_at: now,
      expires_at: expiresAt,
    });
    const token = await new SignJWT({ venue: venueId, role: staff.role, name: staff.name, sid: sessionId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(staff.id)
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.parse(expiresAt) / 1000))
      .sign(this.secrets.jwtKey);
    const actor = await this.actorForSession(sessionId);
    return { token, expiresAt, ...(await this.sessionInfo(this.db, actor)) };
  }

  /**
   * The active staff member of the venue who holds this PIN, typed on this server-verified
   * device. Sign-in and inline approvals both come through here, so every wrong PIN counts
   * against the same device and venue lockouts (`LOCKOUT`) whichever screen it was typed on.
   */
  async verifyPin(venueId: string, deviceId: string, pin: string) {
    const now = nowIso();
    await this.refuseIfLocked(venueId, deviceId, now);
    const staff = await repo.findActiveStaffByPinLookup(this.db, venueId, this.pinLookup(venueId, pin));
    const isValid = staff ? await argon2.verify(staff.pin_hash, pin) : false;
    if (!staff || !isValid) {
      const rule = (r: { maxFailures: number; windowMs: number; lockMs: number }) => ({
        now,
        windowOpenedAfter: addMs(now, -r.windowMs),
        maxFailures: r.maxFailures,
        lockedUntil: addMs(now, r.lockMs),
      });
      const onDevice = await repo.recordWrongPin(this.db, { venueId, deviceKey: deviceId }, rule(LOCKOUT.device));
      const onVenue = await repo.recordWrongPin(this.db, { venueId, deviceKey: VENUE_KEY }, rule(LOCKOUT.venue));
      if (onVenue.locked_until && onVenue.locked_until > now) throw this.lockedError('venue', onVenue.locked_until);
      if (onDevice.locked_until && onDevice.locked_until > now) throw this.lockedError('device', onDevice.locked_until);
      const attemptsLeft = Math.min(LOCKOUT.device.maxFailures - onDevice.failures, LOCKOUT.venue.maxFailures - onVenue.failures);
      throw new DomainError(401, 'auth.invalid_pin', 'Wrong PIN', { attemptsLeft });
    }
    await this.refuseIfLocked(venueId, deviceId, nowIso());
    return staff;
  }

  /** The permissions a role has in the venue today. */
  async rolePermissions(db: Db, venueId: string, role: string): Promise<Set<Permission>> {
    const row = (await repo.listRolePermissions(db, venueId)).find((r) => r.role === role);
    return new Set(knownPermissions(row?.permissions ?? null));
  }

  private async refuseIfLocked(venueId: string, deviceId: string, now: string) {
    const [onVenue, onDevice] = await Promise.all([repo.findLockout(this.db, venueId, VENUE_KEY), repo.findLockout(this.db, venueId, deviceId)]);
    if (onVenue?.locked_until && onVenue.locked_until > now) throw this.lockedError('venue', onVenue.locked_until);
    if (onDevice?.locked_until && onDevice.locked_until > now) throw this.lockedError('device', onDevice.locked_until);
  }

  private lockedError(scope: 'device' | 'venue', lockedUntil: string) {
    const retryAfterSeconds = Math.max(1, Math.ceil((Date.parse(lockedUntil) - clock.now().getTime()) / 1000));
    return scope === 'venue'
      ? new DomainError(429, 'auth.venue_locked', 'Too many wrong PINs in this venue; PIN sign-in is paused on every tablet', { retryAfterSeconds, lockedUntil })
      : new DomainError(429, 'auth.locked', 'Too many wrong PINs on this device; try again later', { retryAfterSeconds, lockedUntil });
  }

  /** Verifies a bearer token and resolves the acting staff member with today's permissions. */
  async authenticate(token: string): Promise<Actor> {
    const now = clock.now();
    let verified = this.verifiedTokens.get(token);
    if (!verified || verified.expiresAt <= now.getTime()) {
      try {
        const { payload } = await jwtVerify(token, this.secrets.jwtKey, { algorithms: ['HS256'], currentDate: now });
        if (typeof payload.sid !== 'string') throw unauthorized();
        verified = { sessionId: payload.sid, expiresAt: (payload.exp ?? 0) * 1000 };
      } catch {
        throw unauthorized('The sign-in token is invalid or expired');
      }
      // The signature check of the same token string always comes out the same: remember it
      // (until the token expires). The session is still looked up on every request.
      if (this.verifiedTokens.size >= 5_000) this.verifiedTokens.delete(this.verifiedTokens.keys().next().value!);
      this.verifiedTokens.set(token, verified);
    }
    return this.actorForSession(verified.sessionId);
  }

  private async actorForSession(sessionId: string): Promise<Actor> {
    const row = await repo.findLiveSession(this.db, sessionId, nowIso());
    if (!row) throw unauthorized('The session has ended');
    return {
      staffId: row.staff_id,
      staffName: row.staff_name,
      role: row.role,
      venueId: row.venue_id,
      sessionId: row.session_id,
      deviceId: row.device_id ?? null,
      permissions: new Set(knownPermissions(row.permissions)),
    };
  }

  async logout(actor: Actor): Promise<void> {
    await repo.revokeSession(this.db, actor.sessionId, nowIso());
  }

  async venue(db: Db, venueId: string): Promise<Venue> {
    const row = await repo.findVenueById(db, venueId);
    if (!row) throw notFound('venue', venueId);
    return toVenue(row);
  }

  /** Services take the caller's db handle: inside a command that is its transaction. */
  async sessionInfo(db: Db, actor: Actor): Promise<SessionInfo> {
    const [venue, staff] = await Promise.all([this.venue(db, actor.venueId), repo.findStaff(db, actor.venueId, actor.staffId)]);
    if (!staff) throw unauthorized();
    return { venue, staff: toStaff(staff), permissions: [...actor.permissions].sort() as Permission[] };
  }

  async staffName(db: Db, venueId: string, staffId: string): Promise<string> {
    const staff = await repo.findStaff(db, venueId, staffId);
    if (!staff) throw notFound('staff', staffId);
    return staff.name;
  }

  async requireActiveStaff(db: Db, venueId: string, staffId: string): Promise<Staff> {
    const staff = await repo.findStaff(db, venueId, staffId);
    if (!staff || staff.is_active !== 1) throw notFound('staff', staffId);
    return toStaff(staff);
  }

  // --- staff and roles, managed from Admin ---

  async listStaff(db: Db, venueId: string) {
    const rows = await repo.listStaff(db, venueId);
    return rows.map((r) => ({ ...toStaff(r), createdAt: r.created_at }));
  }

  async createStaff(db: Db, venueId: string, input: { name: string; role: Role; pin: string }) {
    const pinLookup = this.pinLookup(venueId, input.pin);
    const holder = await repo.findStaffByPinLookup(db, venueId, pinLookup);
    if (holder) throw pinTaken(holder.is_active === 1);
    const id = newId();
    const createdAt = nowIso();
    await repo.insertStaff(db, { id, venue_id: venueId, name: input.name, role: input.role, pin_lookup: pinLookup, pin_hash: await this.hashPin(input.pin), pin_digits: input.pin.length, offline_verifier: this.offlineVerifier(input.pin), created_at: createdAt });
    return { id, name: input.name, role: input.role, isActive: true, createdAt };
  }

  /**
   * A staff row nobody signs in as: a delivery partner's orders are taken in its name (integrations).
   * It has no PIN (its lookup matches no PIN's HMAC, its hash no argon2 verifier) and is inactive.
   */
  async createSystemStaff(db: Db, venueId: string, name: string): Promise<string> {
    const id = newId();
    await repo.insertStaff(db, { id, venue_id: venueId, name, role: 'waiter', pin_lookup: `system:${id}`, pin_hash: '!', pin_digits: 0, offline_verifier: null, created_at: nowIso() });
    await repo.updateStaff(db, venueId, id, { is_active: 0 });
    return id;
  }

  /** Renames a system staff row with its integration. */
  async renameSystemStaff(db: Db, venueId: string, staffId: string, name: string): Promise<void> {
    await repo.updateStaff(db, venueId, staffId, { name });
  }

  async updateStaff(db: Db, venueId: string, staffId: string, input: { name?: string; role?: Role; pin?: string; isActive?: boolean }) {
    const existing = await repo.findStaff(db, venueId, staffId);
    if (!existing) throw notFound('staff', staffId);
    const role = input.role ?? existing.role;
    const pinDigits = input.pin?.length ?? existing.pin_digits ?? 0;
    if (isPrivilegedRole(role) && pinDigits < PRIVILEGED_PIN_MIN_DIGITS) {
      throw invalid('body.pin', `Supervisors and admins need a PIN of at least ${PRIVILEGED_PIN_MIN_DIGITS} digits: set a new PIN with the role`);
    }
    const losesAdmin = existing.role === 'admin' && existing.is_active === 1 && (role !== 'admin' || input.isActive === false);
    if (losesAdmin && (await repo.countActiveStaffOfRole(db, venueId, 'admin')) <= 1) {
      throw conflict('staff.last_admin', 'This is the venue\'s last active admin: make someone else an admin first');
    }
    const patch: Parameters<typeof repo.updateStaff>[3] = {};
    if (input.name !== undefined) patch.name = input.name;
    if (input.role !== undefined) patch.role = input.role;
    if (input.isActive !== undefined) patch.is_active = input.isActive ? 1 : 0;
    if (input.pin !== undefined) {
      const pinLookup = this.pinLookup(venueId, input.pin);
      const holder = await repo.findStaffByPinLookup(db, venueId, pinLookup);
      if (holder && holder.id !== staffId) throw pinTaken(holder.is_active === 1);
      patch.pin_lookup = pinLookup;
      patch.pin_hash = await this.hashPin(input.pin);
      patch.pin_digits = input.pin.length;
      patch.offline_verifier = this.offlineVerifier(input.pin);
    }
    if (Object.keys(patch).length > 0) await repo.updateStaff(db, venueId, staffId, patch);
    // A new PIN, a new role or a deactivation ends the person's open sessions on every tablet
    // (the route drops their sockets once this commits).
    const endsSessions = input.pin !== undefined || input.isActive === false || (input.role !== undefined && input.role !== existing.role);
    if (endsSessions) await repo.revokeStaffSessions(db, staffId, nowIso());
    const row = (await repo.findStaff(db, venueId, staffId))!;
    return { staff: { ...toStaff(row), createdAt: row.created_at }, endsSessions };
  }

  async listRoles(db: Db, venueId: string) {
    const rows = await repo.listRolePermissions(db, venueId);
    return rows.map((r) => ({ role: r.role as Role, permissions: knownPermissions(r.permissions) }));
  }

  async saveRoles(db: Db, venueId: string, roles: { role: Role; permissions: Permission[] }[]) {
    const admin = roles.find((r) => r.role === 'admin');
    if (admin && !admin.permissions.includes('admin.roles')) {
      // Otherwise nobody could ever edit roles again in this venue.
      throw new DomainError(400, 'validation', 'The admin role must keep admin.roles', {
        errors: [{ path: 'body.roles', message: 'The admin role must keep admin.roles' }],
      });
    }
    for (const r of roles) await repo.saveRolePermissions(db, venueId, r.role, r.permissions);
    return this.listRoles(db, venueId);
  }
}
