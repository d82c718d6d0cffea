import type { LoginResult } from '@pos/contracts';
import { pbkdf2Sync, randomBytes } from 'node:crypto';
import { OfflineDb } from './db';
import { OfflineSignInError, OfflineStaffStore, pinMatches } from './offline-staff';

/** The server's verifier format (apps/api AuthService.offlineVerifier). */
const verifier = (pin: string) => {
  const salt = randomBytes(16);
  return `pbkdf2-sha256$2000$${salt.toString('base64url')}$${pbkdf2Sync(pin, salt, 2000, 32, 'sha256').toString('base64url')}`;
};

const venue = { id: 'v1', slug: 'demo', name: 'Демо', currency: 'RUB', timezone: 'Europe/Moscow', locale: 'ru-RU' };
const anna = { id: '11111111-1111-4111-8111-111111111111', name: 'Анна', role: 'waiter' as const, permissions: ['orders.create' as const], verifier: verifier('1111') };
const boris = { id: '22222222-2222-4222-8222-222222222222', name: 'Борис', role: 'waiter' as const, permissions: ['orders.create' as const], verifier: verifier('1112') };
const session = (staff: typeof anna, token: string, hours = 8): LoginResult => ({
  token,
  expiresAt: new Date(Date.now() + hours * 3_600_000).toISOString(),
  staff: { id: staff.id, name: staff.name, role: staff.role, isActive: true },
  venue,
  permissions: staff.permissions,
});

let n = 0;
const store = async (now?: () => number) => {
  const db = new OfflineDb(`staff-${++n}`);
  const s = new OfflineStaffStore(db, now);
  await s.remember(session(anna, 'anna-token'), { staff: [anna, boris] });
  return { db, store: s };
};

describe('OfflineStaffStore', () => {
  it('checks a PIN against the PBKDF2 verifier the server issued', async () => {
    expect(await pinMatches(anna.verifier, '1111')).toBe(true);
    expect(await pinMatches(anna.verifier, '1112')).toBe(false);
    expect(await pinMatches('bcrypt$whatever', '1111')).toBe(false);
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
    const reloaded = new OfflineStaffStore(db);
    await reloaded.load();
    expect(reloaded.tokenFor(anna.id)).toBe('anna-token');
    expect(reloaded.tokenFor(boris.id)).toBeNull();
  });
});
