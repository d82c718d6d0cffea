import type { LoginResult } from '@pos/contracts';
import { aSession, aStaff, aVenue } from '@pos/contracts/testing';
import { createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import { OfflineDb } from './db';
import { OfflineSignInError, OfflineStaffStore, pinMatches } from './offline-staff';

/** This tablet's device key, as enrollment answered it (raw), and as the tablet keeps it (a non-extractable CryptoKey). */
const deviceKeyBytes = randomBytes(32);
const importKey = (bytes: Buffer) => crypto.subtle.importKey('raw', new Uint8Array(bytes), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);

/** The server's device-bound verifier (apps/api AuthService.offlineStaff): HMAC under the device key of PBKDF2(PIN). */
const verifier = (pin: string, key = deviceKeyBytes) => {
  const salt = randomBytes(16);
  const mac = createHmac('sha256', key).update(pbkdf2Sync(pin, salt, 2000, 32, 'sha256')).digest('base64url');
  return `hmac-pbkdf2-sha256$2000$${salt.toString('base64url')}$${mac}`;
};

const venue = aVenue({ id: 'v1', slug: 'demo', locale: 'ru-RU' });
const anna = { id: '11111111-1111-4111-8111-111111111111', name: 'Анна', role: 'waiter' as const, permissions: ['orders.create' as const], verifier: verifier('1111') };
const boris = { id: '22222222-2222-4222-8222-222222222222', name: 'Борис', role: 'waiter' as const, permissions: ['orders.create' as const], verifier: verifier('1112') };
const session = (staff: typeof anna, token: string, hours = 8): LoginResult =>
  aSession({
    token,
    expiresAt: new Date(Date.now() + hours * 3_600_000).toISOString(),
    staff: aStaff({ id: staff.id, name: staff.name, role: staff.role, isActive: true }),
    venue,
    permissions: staff.permissions,
  });

let n = 0;
const store = async (now?: () => number) => {
  const db = new OfflineDb(`staff-${++n}`);
  const s = new OfflineStaffStore(db, { deviceKey: async (venue) => (venue === 'demo' ? importKey(deviceKeyBytes) : null), now });
  await s.remember(session(anna, 'anna-token'), { staff: [anna, boris] });
  return { db, store: s };
};

describe('OfflineStaffStore', () => {
  it('checks a PIN against the device-bound verifier the server issued, with this tablet\'s key only', async () => {
    const key = await importKey(deviceKeyBytes);
    expect(await pinMatches(anna.verifier, '1111', key)).toBe(true);
    expect(await pinMatches(anna.verifier, '1112', key)).toBe(false);
    expect(await pinMatches('bcrypt$whatever', '1111', key)).toBe(false);
    // A copy of the list checked anywhere without this key (another tablet's, a guessed one) says no to the right PIN.
    expect(await pinMatches(anna.verifier, '1111', await importKey(randomBytes(32)))).toBe(false);
    // The old unbound format is not accepted any more.
    const salt = randomBytes(16);
    const unbound = `pbkdf2-sha256$2000$${salt.toString('base64url')}$${pbkdf2Sync('1111', salt, 2000, 32, 'sha256').toString('base64url')}`;
    expect(await pinMatches(unbound, '1111', key)).toBe(false);
  });

  it('cannot check PINs on a tablet that lost its enrollment', async () => {
    const db = new OfflineDb(`staff-${++n}`);
    const s = new OfflineStaffStore(db, { deviceKey: async () => null });
    await s.remember(session(anna, 'anna-token'), { staff: [anna, boris] });
    await expect(s.signIn('demo', '1111')).rejects.toMatchObject({ reason: 'unavailable' });
  });

  it('switches to someone who signed in on this tablet before, with their own token', async () => {
    const { store: s } = await store();
    const result = await s.signIn('demo', '1111');
    expect(result).toMatchObject({ token: 'anna-token', staff: { id: anna.id, name: 'Анна' }, venue: { slug: 'demo' } });
    expect(s.tokenFor(anna.id)).toBe('anna-token');
  });

  it('signs in someone who never used this tablet without a token: their commands wait for an online sign-in', async () => {
    const { store: s } = await store();
    const result = await s.signIn('demo', '1112');
    expect(result).toMatchObject({ token: '', staff: { id: boris.id, role: 'waiter' }, permissions: ['orders.create'] });
    expect(s.tokenFor(boris.id)).toBeNull();
  });

  it('refuses a wrong PIN and locks the tablet after five', async () => {
    let now = Date.now();
    const { store: s } = await store(() => now);
    for (let i = 0; i < 5; i++) expect(await s.signIn('demo', '9876')).toBeNull();
    await expect(s.signIn('demo', '1111')).rejects.toMatchObject({ reason: 'locked' });
    now += 5 * 60_000 + 1;
    expect(await s.signIn('demo', '1111')).not.toBeNull();
  });

  it('cannot check PINs for a venue it never saw online', async () => {
    const { store: s } = await store();
    await expect(s.signIn('elsewhere', '1111')).rejects.toBeInstanceOf(OfflineSignInError);
  });

  it('forgets expired tokens and keeps valid ones across a reload', async () => {
    const { db, store: s } = await store();
    await s.remember(session(boris, 'old', -1));
    const reloaded = new OfflineStaffStore(db, { deviceKey: async () => null });
    await reloaded.load();
    expect(reloaded.tokenFor(anna.id)).toBe('anna-token');
    expect(reloaded.tokenFor(boris.id)).toBeNull();
  });
});
