import type { LoginResult, OfflineStaff } from '@pos/contracts';
import type { OfflineDb } from './db';

/** Wrong offline PINs on this tablet before it stops checking for a while (like the server's lockout). */
const MAX_FAILURES = 5;
const LOCK_MS = 5 * 60_000;

const b64url = (bytes: ArrayBuffer) => btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const fromB64url = (text: string) => Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));

/**
 * Checks a PIN against a verifier the server bound to this tablet
 * (`hmac-pbkdf2-sha256$<iterations>$<salt>$<mac>`): PBKDF2 of the PIN, then HMAC under the
 * tablet's non-extractable device key. Without that key (a copy of the list anywhere else) no
 * guess can be tested.
 */
export async function pinMatches(verifier: string, pin: string, deviceKey: CryptoKey): Promise<boolean> {
  const [scheme, iterations, salt, mac] = verifier.split('$');
  if (scheme !== 'hmac-pbkdf2-sha256' || !iterations || !salt || !mac) return false;
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: fromB64url(salt), iterations: Number(iterations) }, key, 256);
  return b64url(await crypto.subtle.sign('HMAC', deviceKey, bits)) === mac;
}

export interface OfflineStaffOptions {
  /** The tablet's device key for a venue (null when it is not enrolled there). */
  deviceKey(venueSlug: string): Promise<CryptoKey | null>;
  now?: () => number;
}

/**
 * Staff switching without the network. While online the tablet keeps the venue's staff list
 * with salted PIN verifiers (never PINs) and the sessions of whoever signed in on it; offline,
 * a PIN is checked against the verifiers and the person continues with their last session's
 * token — or with none, in which case their queued commands wait until they sign in online.
 */
export class OfflineStaffStore {
  private failures = 0;
  private lockedUntil = 0;
  private tokens = new Map<string, { token: string; expiresAt: number }>();

  private readonly now: () => number;

  constructor(
    private readonly db: OfflineDb,
    private readonly options: OfflineStaffOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  /** Loads the remembered tokens (once, at start-up). */
  async load(): Promise<void> {
    const entries = await this.db.cache.where('key').startsWith('session:').toArray();
    for (const e of entries) {
      const s = e.value as LoginResult;
      if (s.token) this.tokens.set(s.staff.id, { token: s.token, expiresAt: Date.parse(s.expiresAt) });
    }
  }

  /** After an online sign-in: the session (for offline switching back) and the venue's verifiers. */
  async remember(session: LoginResult, staff?: OfflineStaff): Promise<void> {
    if (!session.token) return;
    this.tokens.set(session.staff.id, { token: session.token, expiresAt: Date.parse(session.expiresAt) });
    await this.db.cache.put({ key: `session:${session.venue.slug}:${session.staff.id}`, value: session, savedAt: this.now() });
    if (staff) await this.db.cache.put({ key: `offline-staff:${session.venue.slug}`, value: { staff, venue: session.venue }, savedAt: this.now() });
  }

  /** The token a queued command of `staffId` is sent with: theirs, while it is valid. */
  tokenFor(staffId: string): string | null {
    const t = this.tokens.get(staffId);
    return t && t.expiresAt > this.now() ? t.token : null;
  }

  /**
   * Signs someone in from the PIN alone. Resolves to their session (token '' when the tablet
   * has none of theirs), `null` for a wrong PIN; throws when the tablet cannot check (no list yet,
   * or locked after too many wrong PINs).
   */
  async signIn(venueSlug: string, pin: string): Promise<LoginResult | null> {
    if (this.lockedUntil > this.now()) throw new OfflineSignInError('locked', Math.ceil((this.lockedUntil - this.now()) / 1000));
    const cached = (await this.db.cache.get(`offline-staff:${venueSlug}`))?.value as { staff: OfflineStaff; venue: LoginResult['venue'] } | undefined;
    const deviceKey = await this.options.deviceKey(venueSlug);
    if (!cached || !deviceKey) throw new OfflineSignInError('unavailable');
    for (const person of cached.staff.staff) {
      if (!(await pinMatches(person.verifier, pin, deviceKey))) continue;
      this.failures = 0;
      const remembered = (await this.db.cache.get(`session:${venueSlug}:${person.id}`))?.value as LoginResult | undefined;
      const staff = { id: person.id, name: person.name, role: person.role, isActive: true };
      if (remembered && Date.parse(remembered.expiresAt) > this.now()) return { ...remembered, staff, permissions: person.permissions };
      return { token: '', expiresAt: new Date(this.now() + 12 * 3_600_000).toISOString(), staff, venue: cached.venue, permissions: person.permissions };
    }
    if (++this.failures >= MAX_FAILURES) {
      this.failures = 0;
      this.lockedUntil = this.now() + LOCK_MS;
    }
    return null;
  }
}

export class OfflineSignInError extends Error {
  constructor(
    readonly reason: 'locked' | 'unavailable',
    readonly retryAfterSeconds = 0,
  ) {
    super(reason === 'locked' ? 'Too many wrong PINs on this tablet' : 'This tablet cannot check PINs offline yet');
    this.name = 'OfflineSignInError';
  }
}
