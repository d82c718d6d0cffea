import { createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import {
  type LoginInput,
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
import { conflict, DomainError, notFound } from '../../shared/errors';
import { newId } from '../../shared/ids';
import { parseJson } from '../../shared/json';
import * as repo from './repository';

/** 5 wrong PINs within 5 minutes lock the venue + device for 5 minutes. */
export const LOCKOUT = { maxFailures: 5, windowMs: 5 * 60_000, lockMs: 5 * 60_000 };

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

  static async create(db: Db, config: ApiConfig): Promise<AuthService> {
    const jwtSecret =
      config.jwtSecret ?? (await repo.getOrCreateSecret(db, 'jwt', () => randomBytes(32).toString('base64url')));
    const pinPepper = await repo.getOrCreateSecret(db, 'pin-pepper', () => randomBytes(32).toString('base64url'));
    return new AuthService(db, config, { jwtKey: new TextEncoder().encode(jwtSecret), pinPepper });
  }

  constructor(
    private readonly db: Db,
    private readonly config: ApiConfig,
    private readonly secrets: AuthSecrets,
  ) {}

  /** Keyed hash that finds a staff member by PIN without trying every argon2 hash of the venue. */
  pinLookup(venueId: string, pin: string): string {
    return createHmac('sha256', this.secrets.pinPepper).update(`${venueId}:${pin}`).digest('hex');
  }

  /**
   * The verifier a tablet may hold to check a PIN without the server: PBKDF2-SHA256 with a
   * random salt (`pbkdf2-sha256$<iterations>$<salt>$<hash>`, base64url). A 4-digit PIN falls
   * to brute force from it whatever the cost — the tablet's storage is the trust boundary —
   * but it is never the PIN itself, and it changes with every new PIN.
   */
  offlineVerifier(pin: string): string {
    const salt = randomBytes(16);
    const hash = pbkdf2Sync(pin, salt, OFFLINE_VERIFIER_ITERATIONS, 32, 'sha256');
    return `pbkdf2-sha256$${OFFLINE_VERIFIER_ITERATIONS}$${salt.toString('base64url')}$${hash.toString('base64url')}`;
  }

  /** Staff a tablet of the venue may switch to offline, with their verifiers and permissions. */
  async offlineStaff(db: Db, venueId: string) {
    const rows = await repo.listOfflineStaff(db, venueId);
    return {
      staff: rows.map((r) => ({ id: r.id, name: r.name, role: r.role as Role, permissions: knownPermissions(r.permissions), verifier: r.offline_verifier! })),
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

  async login(input: LoginInput, deviceKey: string): Promise<LoginResult> {
    const venue = await repo.findVenueBySlug(this.db, input.venue);
    if (!venue) throw notFound('venue', input.venue);
    const now = nowIso();

    const staff = await repo.findActiveStaffByPinLookup(this.db, venue.id, this.pinLookup(venue.id, input.pin));
    // A PIN nobody holds is wrong without the slow hash check. Wrong PINs are counted in one
    // statement each, and a right one reads the count after them: however many guesses run in
    // parallel, a right PIN is only accepted among the first `maxFailures` attempts.
    const lockout = staff ? await repo.findLockout(this.db, venue.id, deviceKey) : undefined;
    if (lockout?.locked_until && lockout.locked_until > now) throw this.lockedError(lockout.locked_until);
    const isValid = staff ? await argon2.verify(staff.pin_hash, input.pin) : false;
    if (!staff || !isValid) {
      const after = await repo.recordWrongPin(
        this.db,
        { venueId: venue.id, deviceKey },
        { now, windowOpenedAfter: addMs(now, -LOCKOUT.windowMs), maxFailures: LOCKOUT.maxFailures, lockedUntil: addMs(now, LOCKOUT.lockMs) },
      );
      if (after.locked_until && after.locked_until > now) throw this.lockedError(after.locked_until);
      throw new DomainError(401, 'auth.invalid_pin', 'Wrong PIN', { attemptsLeft: LOCKOUT.maxFailures - after.failures });
    }
    if (lockout) await repo.clearLockout(this.db, venue.id, deviceKey);
    // PINs set before offline verifiers existed get one now, while the PIN is at hand.
    if (!staff.offline_verifier) await repo.setOfflineVerifier(this.db, staff.id, this.offlineVerifier(input.pin));

    const sessionId = newId();
    const expiresAt = addMs(now, this.config.tokenTtlMs);
    await repo.insertSession(this.db, {
      id: sessionId,
      staff_id: staff.id,
      venue_id: venue.id,
      device_id: input.deviceId ?? null,
      created_at: now,
      expires_at: expiresAt,
    });
    const token = await new SignJWT({ venue: venue.id, role: staff.role, name: staff.name, sid: sessionId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(staff.id)
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.parse(expiresAt) / 1000))
      .sign(this.secrets.jwtKey);
    const actor = await this.actorForSession(sessionId);
    return { token, expiresAt, ...(await this.sessionInfo(this.db, actor)) };
  }

  private lockedError(lockedUntil: string) {
    const retryAfterSeconds = Math.max(1, Math.ceil((Date.parse(lockedUntil) - clock.now().getTime()) / 1000));
    return new DomainError(429, 'auth.locked', 'Too many wrong PINs on this device; try again later', {
      retryAfterSeconds,
      lockedUntil,
    });
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
    await repo.insertStaff(db, { id, venue_id: venueId, name: input.name, role: input.role, pin_lookup: pinLookup, pin_hash: await this.hashPin(input.pin), offline_verifier: this.offlineVerifier(input.pin), created_at: createdAt });
    return { id, name: input.name, role: input.role, isActive: true, createdAt };
  }

  async updateStaff(db: Db, venueId: string, staffId: string, input: { name?: string; role?: Role; pin?: string; isActive?: boolean }) {
    const existing = await repo.findStaff(db, venueId, staffId);
    if (!existing) throw notFound('staff', staffId);
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
      patch.offline_verifier = this.offlineVerifier(input.pin);
    }
    if (Object.keys(patch).length > 0) await repo.updateStaff(db, venueId, staffId, patch);
    // A new PIN, a new role or a deactivation ends the person's open sessions on every tablet.
    if (input.pin !== undefined || input.isActive === false || (input.role !== undefined && input.role !== existing.role)) {
      await repo.revokeStaffSessions(db, staffId, nowIso());
    }
    const row = (await repo.findStaff(db, venueId, staffId))!;
    return { ...toStaff(row), createdAt: row.created_at };
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
