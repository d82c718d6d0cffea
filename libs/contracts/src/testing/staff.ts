import type { LoginResult, Staff, Venue } from '../auth';
import { DEFAULT_ROLE_PERMISSIONS } from '../permissions';
import { FIXTURE_IDS } from './ids';

/** Waiter Анна, active. */
export const aStaff = (over: Partial<Staff> = {}): Staff => ({ id: FIXTURE_IDS.waiter, name: 'Анна', role: 'waiter', isActive: true, ...over });

/** The demo venue: roubles, Moscow time, Russian. */
export const aVenue = (over: Partial<Venue> = {}): Venue => ({
  id: FIXTURE_IDS.venue,
  slug: 'demo',
  name: 'Демо',
  currency: 'RUB',
  timezone: 'Europe/Moscow',
  locale: 'ru',
  ...over,
});

/**
 * A signed-in session (what `POST /pos/auth/login` answers): waiter Анна at the demo venue with a
 * waiter's default permissions. Give `staff` and `permissions` for another role.
 */
export const aSession = (over: Partial<LoginResult> = {}): LoginResult => ({
  staff: aStaff(),
  venue: aVenue(),
  permissions: [...DEFAULT_ROLE_PERMISSIONS.waiter],
  token: 'test-token',
  expiresAt: '2026-01-02T12:00:00.000Z',
  ...over,
});
