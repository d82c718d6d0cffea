import { pbkdf2Sync } from 'node:crypto';
import { DEFAULT_ROLE_PERMISSIONS } from '@pos/contracts';
import { clock } from '../../shared/clock';
import { type Client, createTestApp, type TestApp } from '../../testing/harness';
import { LOCKOUT } from './service';

const PROBLEM_JSON = /^application\/problem\+json/;

/** Each lockout scenario gets its own tablet, so failures never leak between tests. */
let deviceSeq = 0;
const freshDevice = () => `tablet-${process.pid}-${++deviceSeq}-${Math.random().toString(36).slice(2, 8)}`;

describe('auth: staff sign-in with venue + PIN', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());
  afterEach(() => jest.restoreAllMocks());

  const login = (body: Record<string, unknown>, headers?: Record<string, string>) =>
    t.anonymous.post('/pos/auth/login', body, headers);

  /** Moves the server's clock by `ms` from the real time, for lockouts that must expire. */
  const shiftClock = (ms: number) => {
    const real = Date.now;
    jest.spyOn(clock, 'now').mockImplementation(() => new Date(real() + ms));
  };

  describe('POST /pos/auth/login', () => {
    it('signs a waiter in: token, staff, venue and the role permissions', async () => {
      const res = await login({ venue: 'demo', pin: '1111', deviceId: freshDevice() });

      expect(res.status).toBe(200);
      expect(typeof res.body.token).toBe('string');
      expect(res.body.token.split('.')).toHaveLength(3); // a compact JWS
      expect(Date.parse(res.body.expiresAt)).toBeGreaterThan(Date.now());
      expect(res.body.staff).toEqual({ id: expect.any(String), name: 'Анна', role: 'waiter', isActive: true });
      expect(res.body.venue).toMatchObject({ slug: 'demo', currency: 'RUB', timezone: 'Europe/Moscow', locale: 'ru' });
      expect(res.body.permissions).toEqual([...DEFAULT_ROLE_PERMISSIONS.waiter].sort());
      expect(res.body.permissions).not.toContain('payments.take');
    });

    it('signs in each role with its own permissions', async () => {
      const cook = await login({ venue: 'demo', pin: '4444' });
      expect(cook.status).toBe(200);
      expect(cook.body.staff.role).toBe('cook');
      expect(cook.body.permissions).toEqual([...DEFAULT_ROLE_PERMISSIONS.cook].sort());

      const admin = await login({ venue: 'demo', pin: '999999' });
      expect(admin.body.staff.role).toBe('admin');
      expect(admin.body.permissions).toContain('admin.roles');
    });

    it('signs into the venue named, not another one with the same PIN', async () => {
      const demo = await login({ venue: 'demo', pin: '2222' });
      const demo2 = await login({ venue: 'demo-2', pin: '2222' });
      expect(demo.status).toBe(200);
      expect(demo2.status).toBe(200);
      expect(demo2.body.venue.slug).toBe('demo-2');
      expect(demo2.body.venue.id).not.toBe(demo.body.venue.id);
      expect(demo2.body.staff.id).not.toBe(demo.body.staff.id);
    });

    it('answers a wrong PIN with 401 and the attempts left', async () => {
      const deviceId = freshDevice();
      const res = await login({ venue: 'demo', pin: '0000', deviceId });

      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(res.body).toMatchObject({ status: 401, code: 'auth.invalid_pin', attemptsLeft: LOCKOUT.maxFailures - 1 });
      expect(res.body.token).toBeUndefined();

      const again = await login({ venue: 'demo', pin: '0001', deviceId });
      expect(again.body.attemptsLeft).toBe(LOCKOUT.maxFailures - 2);
    });

    it('answers an unknown venue with 404', async () => {
      const res = await login({ venue: 'no-such-venue', pin: '1111' });
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(res.body).toMatchObject({ status: 404, code: 'venue.not_found' });
    });

    it.each([
      ['a PIN with letters', { venue: 'demo', pin: 'abc' }, 'body.pin'],
      ['a PIN too short', { venue: 'demo', pin: '12' }, 'body.pin'],
      ['a PIN too long', { venue: 'demo', pin: '123456789' }, 'body.pin'],
      ['a PIN as a number', { venue: 'demo', pin: 1111 }, 'body.pin'],
      ['no PIN', { venue: 'demo' }, 'body.pin'],
      ['no venue', { pin: '1111' }, 'body.venue'],
      ['a venue slug with spaces', { venue: 'de mo', pin: '1111' }, 'body.venue'],
      ['an unknown field', { venue: 'demo', pin: '1111', foo: 1 }, 'body.foo'],
      ['an empty deviceId', { venue: 'demo', pin: '1111', deviceId: '' }, 'body.deviceId'],
    ])('rejects %s with 400 and the field path', async (_what, body, path) => {
      const res = await login(body);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(res.body).toMatchObject({ status: 400, code: 'validation' });
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
      expect(res.body.token).toBeUndefined();
    });

    it('rejects a body that is not JSON with 400, not 500', async () => {
      const res = await t.anonymous.post('/pos/auth/login', '{"venue":', { 'content-type': 'application/json' });
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
    });
  });

  describe('GET /pos/auth/me', () => {
    it('tells who is signed in, with permissions', async () => {
      const cashier = await t.login('2222');
      const res = await cashier.get('/pos/auth/me');

      expect(res.status).toBe(200);
      expect(res.body.staff).toMatchObject({ id: cashier.staffId, role: 'cashier', isActive: true });
      expect(res.body.venue).toMatchObject({ id: cashier.venueId, slug: 'demo' });
      expect(res.body.permissions).toEqual([...DEFAULT_ROLE_PERMISSIONS.cashier].sort());
    });

    it('answers 401 problem+json without a token', async () => {
      const res = await t.anonymous.get('/pos/auth/me');
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(res.body).toMatchObject({ status: 401, code: 'auth.unauthorized', type: expect.any(String), title: expect.any(String) });
    });

    it.each([
      ['a garbage token', 'Bearer not-a-jwt'],
      ['an empty bearer', 'Bearer '],
      ['another scheme', 'Basic dXNlcjpwYXNz'],
    ])('answers 401 for %s', async (_what, authorization) => {
      const res = await t.anonymous.get('/pos/auth/me', { authorization });
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
    });

    it('answers 401 once the token has expired', async () => {
      const anna = await t.login('1111');
      shiftClock(t.config.tokenTtlMs - 60_000);
      expect((await anna.get('/pos/auth/me')).status).toBe(200);

      jest.restoreAllMocks();
      shiftClock(t.config.tokenTtlMs + 60_000);
      const res = await anna.get('/pos/auth/me');
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('auth.unauthorized');
    });

    it('answers 401 for a token signed with another key', async () => {
      const anna = await t.login('1111');
      const [header, payload] = anna.token!.split('.');
      const forged = `${header}.${payload}.${Buffer.from('x'.repeat(32)).toString('base64url')}`;
      const res = await t.anonymous.get('/pos/auth/me', { authorization: `Bearer ${forged}` });
      expect(res.status).toBe(401);
    });
  });

  describe('POST /pos/auth/logout', () => {
    it('revokes the token: the next /me is 401', async () => {
      const anna = await t.login('1111');
      expect((await anna.get('/pos/auth/me')).status).toBe(200);

      const out = await anna.post('/pos/auth/logout');
      expect(out.status).toBe(200);
      expect(out.body).toEqual({ ok: true });

      const me = await anna.get('/pos/auth/me');
      expect(me.status).toBe(401);
      expect(me.headers['content-type']).toMatch(PROBLEM_JSON);
      expect((await anna.get('/pos/config')).status).toBe(401);
    });

    it('ends only this session: the same person on another tablet stays signed in', async () => {
      const onTablet1 = await t.login('1111', 'demo', freshDevice());
      const onTablet2 = await t.login('1111', 'demo', freshDevice());
      expect((await onTablet1.post('/pos/auth/logout')).status).toBe(200);

      expect((await onTablet1.get('/pos/auth/me')).status).toBe(401);
      expect((await onTablet2.get('/pos/auth/me')).status).toBe(200);
    });

    it('needs a token', async () => {
      const res = await t.anonymous.post('/pos/auth/logout');
      expect(res.status).toBe(401);
    });
  });

  describe('PIN lockout', () => {
    it('locks the device after 5 wrong PINs, refuses even the right PIN, and lifts after 5 minutes', async () => {
      const deviceId = freshDevice();
      for (let i = 1; i < LOCKOUT.maxFailures; i++) {
        const res = await login({ venue: 'demo', pin: '0000', deviceId });
        expect(res.status).toBe(401);
        expect(res.body.attemptsLeft).toBe(LOCKOUT.maxFailures - i);
      }

      const fifth = await login({ venue: 'demo', pin: '0000', deviceId });
      expect(fifth.status).toBe(429);
      expect(fifth.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(fifth.body).toMatchObject({ status: 429, code: 'auth.locked' });
      const retryAfter = Number(fifth.headers['retry-after']);
      expect(Number.isInteger(retryAfter)).toBe(true);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(300);

      const rightPin = await login({ venue: 'demo', pin: '1111', deviceId });
      expect(rightPin.status).toBe(429);
      expect(rightPin.body.token).toBeUndefined();
      expect(Number(rightPin.headers['retry-after'])).toBeLessThanOrEqual(retryAfter);

      // Another tablet of the same venue is not locked.
      const otherDevice = await login({ venue: 'demo', pin: '1111', deviceId: freshDevice() });
      expect(otherDevice.status).toBe(200);

      // Still locked just before the lock ends.
      shiftClock(LOCKOUT.lockMs - 10_000);
      const almost = await login({ venue: 'demo', pin: '1111', deviceId });
      expect(almost.status).toBe(429);
      expect(Number(almost.headers['retry-after'])).toBeLessThanOrEqual(10);

      jest.restoreAllMocks();
      shiftClock(LOCKOUT.lockMs + 1_000);
      const after = await login({ venue: 'demo', pin: '1111', deviceId });
      expect(after.status).toBe(200);
      expect(after.body.staff.name).toBe('Анна');
    });

    it('cannot be outrun by a burst of parallel guesses', async () => {
      const deviceId = freshDevice();
      const burst = await Promise.all(
        Array.from({ length: 12 }, (_, i) => login({ venue: 'demo', pin: String(5000 + i), deviceId })),
      );

      const wrong = burst.filter((r) => r.status === 401);
      expect(wrong.map((r) => r.body.attemptsLeft).sort()).toEqual([1, 2, 3, 4]);
      expect(burst.filter((r) => r.status === 429)).toHaveLength(12 - (LOCKOUT.maxFailures - 1));
      expect((await login({ venue: 'demo', pin: '1111', deviceId })).status).toBe(429);
    });

    it('starts counting afresh after a successful sign-in', async () => {
      const deviceId = freshDevice();
      for (let i = 0; i < LOCKOUT.maxFailures - 1; i++) await login({ venue: 'demo', pin: '0000', deviceId });
      expect((await login({ venue: 'demo', pin: '1111', deviceId })).status).toBe(200);

      const wrong = await login({ venue: 'demo', pin: '0000', deviceId });
      expect(wrong.status).toBe(401);
      expect(wrong.body.attemptsLeft).toBe(LOCKOUT.maxFailures - 1);
    });

    it('forgets wrong PINs older than the 5-minute window', async () => {
      const deviceId = freshDevice();
      for (let i = 0; i < LOCKOUT.maxFailures - 1; i++) await login({ venue: 'demo', pin: '0000', deviceId });

      shiftClock(LOCKOUT.windowMs + 1_000);
      const wrong = await login({ venue: 'demo', pin: '0000', deviceId });
      expect(wrong.status).toBe(401);
      expect(wrong.body.attemptsLeft).toBe(LOCKOUT.maxFailures - 1);
    });

    it('locks per venue: the same device is not locked in another venue', async () => {
      const deviceId = freshDevice();
      for (let i = 0; i < LOCKOUT.maxFailures; i++) await login({ venue: 'demo', pin: '0000', deviceId });
      expect((await login({ venue: 'demo', pin: '1111', deviceId })).status).toBe(429);

      expect((await login({ venue: 'demo-2', pin: '1111', deviceId })).status).toBe(200);
    });

    it('takes the device from the X-Device-Id header when the body has none', async () => {
      const deviceId = freshDevice();
      for (let i = 0; i < LOCKOUT.maxFailures; i++) await login({ venue: 'demo', pin: '0000' }, { 'x-device-id': deviceId });

      expect((await login({ venue: 'demo', pin: '1111' }, { 'x-device-id': deviceId })).status).toBe(429);
      expect((await login({ venue: 'demo', pin: '1111', deviceId })).status).toBe(429);
      expect((await login({ venue: 'demo', pin: '1111' }, { 'x-device-id': freshDevice() })).status).toBe(200);
    });
  });

  describe('deactivated staff', () => {
    let admin: Client;
    beforeAll(async () => {
      admin = await t.login('999999');
    });

    it('can no longer sign in, and their open token stops working', async () => {
      const boris = await t.login('1112');
      expect((await boris.get('/pos/auth/me')).status).toBe(200);

      const res = await admin.patch(`/admin/staff/${boris.staffId}`, { isActive: false });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: boris.staffId, isActive: false });

      const me = await boris.get('/pos/auth/me');
      expect(me.status).toBe(401);
      expect(me.headers['content-type']).toMatch(PROBLEM_JSON);
      expect((await boris.get('/pos/tables')).status).toBe(401);

      const again = await login({ venue: 'demo', pin: '1112', deviceId: freshDevice() });
      expect(again.status).toBe(401);
      expect(again.body.token).toBeUndefined();
    });

    it('can sign in again once reactivated', async () => {
      const staff = await admin.get('/admin/staff');
      const boris = staff.body.staff.find((s: { name: string }) => s.name === 'Борис');
      expect(boris.isActive).toBe(false);

      expect((await admin.patch(`/admin/staff/${boris.id}`, { isActive: true })).status).toBe(200);
      const res = await login({ venue: 'demo', pin: '1112', deviceId: freshDevice() });
      expect(res.status).toBe(200);
      expect(res.body.staff.id).toBe(boris.id);
    });
  });

  describe('GET /pos/auth/offline-staff', () => {
    /** What a tablet does offline: PBKDF2 of the typed PIN with the verifier's salt. */
    const matches = (verifier: string, pin: string) => {
      const [scheme, iterations, salt, hash] = verifier.split('$');
      expect(scheme).toBe('pbkdf2-sha256');
      return pbkdf2Sync(pin, Buffer.from(salt, 'base64url'), Number(iterations), 32, 'sha256').toString('base64url') === hash;
    };

    it("gives a venue's tablets salted verifiers of every active staff member — never the PINs", async () => {
      const anna = await t.login('1111');
      const res = await anna.get('/pos/auth/offline-staff');
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      const byName = new Map(res.body.staff.map((s: { name: string }) => [s.name, s]));
      const waiter = byName.get('Анна') as { role: string; verifier: string; permissions: string[] };
      expect(waiter.role).toBe('waiter');
      expect(waiter.permissions).toEqual(expect.arrayContaining(['orders.create']));
      expect(matches(waiter.verifier, '1111')).toBe(true);
      expect(matches(waiter.verifier, '1112')).toBe(false);
      expect(JSON.stringify(res.body)).not.toMatch(/"(pin|pin_hash|pin_lookup)"|1111/);
      // Another venue's staff are not there.
      const other = await (await t.login('1111', 'demo-2')).get('/pos/auth/offline-staff');
      const ids = new Set(res.body.staff.map((s: { id: string }) => s.id));
      expect(other.body.staff.some((s: { id: string }) => ids.has(s.id))).toBe(false);
    });

    it('needs a signed-in tablet', async () => {
      const res = await t.anonymous.get('/pos/auth/offline-staff');
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
    });

    it('changes the verifier with the PIN, drops deactivated staff, and fills in a missing one at sign-in', async () => {
      const admin = await t.login('999999');
      const created = await admin.post('/admin/staff', { name: 'Оффлайн Тест', role: 'waiter', pin: '5151' });
      expect(created.status).toBe(201);
      const find = async () => ((await admin.get('/pos/auth/offline-staff')).body.staff as { id: string; verifier: string }[]).find((s) => s.id === created.body.id);
      expect(matches((await find())!.verifier, '5151')).toBe(true);

      await admin.patch(`/admin/staff/${created.body.id}`, { pin: '5252' });
      const changed = (await find())!.verifier;
      expect(matches(changed, '5252')).toBe(true);
      expect(matches(changed, '5151')).toBe(false);

      // A PIN set before verifiers existed: none until the person signs in once.
      await t.database.db.updateTable('staff').set({ offline_verifier: null }).where('id', '=', created.body.id).execute();
      expect(await find()).toBeUndefined();
      expect((await login({ venue: 'demo', pin: '5252' })).status).toBe(200);
      expect(matches((await find())!.verifier, '5252')).toBe(true);

      await admin.patch(`/admin/staff/${created.body.id}`, { isActive: false });
      expect(await find()).toBeUndefined();
    });
  });
});
