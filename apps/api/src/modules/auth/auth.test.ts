import { createHmac, pbkdf2Sync } from 'node:crypto';
import { DEFAULT_ROLE_PERMISSIONS, signInProofMessage } from '@pos/contracts';
import { clock } from '../../shared/clock';
import { type Client, createTestApp, type TestApp, type TestDevice } from '../../testing/harness';
import { LOCKOUT } from './service';

const PROBLEM_JSON = /^application\/problem\+json/;

/** Each lockout scenario gets its own tablet, so failures never leak between tests. */
let deviceSeq = 0;
const freshDevice = () => `tablet-${++deviceSeq}`;

describe('auth: staff sign-in with venue + PIN from an enrolled tablet', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());
  afterEach(async () => {
    jest.restoreAllMocks();
    // Wrong PINs of one scenario must not lock the venue for the next.
    await t.database.db.deleteFrom('login_lockouts').execute();
  });

  const post = (url: string, body: unknown, headers?: Record<string, string>) => t.anonymous.post(url, body, headers);
  /** A sign-in attempt from the tablet `label` (enrolled on first use). */
  const login = (pin: string, label = freshDevice(), venue = 'demo') => t.tryLogin(pin, venue, label);

  /** Moves the server's clock by `ms` from the real time, for lockouts and codes that must expire. */
  const shiftClock = (ms: number) => {
    const real = Date.now;
    jest.spyOn(clock, 'now').mockImplementation(() => new Date(real() + ms));
  };

  describe('POST /pos/auth/login', () => {
    it('signs a waiter in: token, staff, venue and the role permissions', async () => {
      const res = await login('1111');

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
      const cook = await login('4444');
      expect(cook.status).toBe(200);
      expect(cook.body.staff.role).toBe('cook');
      expect(cook.body.permissions).toEqual([...DEFAULT_ROLE_PERMISSIONS.cook].sort());

      const admin = await login('999999');
      expect(admin.body.staff.role).toBe('admin');
      expect(admin.body.permissions).toContain('admin.roles');
      expect(admin.body.permissions).toContain('admin.devices');
    });

    it('signs into the venue of the tablet, not another one with the same PIN', async () => {
      const demo = await login('2222', 'venue-a', 'demo');
      const demo2 = await login('2222', 'venue-b', 'demo-2');
      expect(demo.status).toBe(200);
      expect(demo2.status).toBe(200);
      expect(demo2.body.venue.slug).toBe('demo-2');
      expect(demo2.body.venue.id).not.toBe(demo.body.venue.id);
      expect(demo2.body.staff.id).not.toBe(demo.body.staff.id);
    });

    it('answers a wrong PIN with 401 and the attempts left', async () => {
      const label = freshDevice();
      const res = await login('0000', label);

      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(res.body).toMatchObject({ status: 401, code: 'auth.invalid_pin', attemptsLeft: LOCKOUT.device.maxFailures - 1 });
      expect(res.body.token).toBeUndefined();

      const again = await login('0001', label);
      expect(again.body.attemptsLeft).toBe(LOCKOUT.device.maxFailures - 2);
    });

    it.each([
      ['a PIN with letters', { pin: 'abc' }, 'body.pin'],
      ['a PIN too short', { pin: '12' }, 'body.pin'],
      ['a PIN too long', { pin: '123456789' }, 'body.pin'],
      ['a PIN as a number', { pin: 1111 }, 'body.pin'],
      ['no PIN', { pin: undefined }, 'body.pin'],
      ['no venue', { venue: undefined }, 'body.venue'],
      ['a venue slug with spaces', { venue: 'de mo' }, 'body.venue'],
      ['an unknown field', { foo: 1 }, 'body.foo'],
      ['no device', { deviceId: undefined }, 'body.deviceId'],
      ['a device id that is not a UUID', { deviceId: 'tablet-1' }, 'body.deviceId'],
      ['no proof', { proof: undefined }, 'body.proof'],
      ['a challenge of the wrong size', { challenge: 'abc' }, 'body.challenge'],
    ])('rejects %s with 400 and the field path', async (_what, change, path) => {
      const proof = await (await t.device('validation')).signInProof();
      const body = JSON.parse(JSON.stringify({ pin: '1111', ...proof, ...change }));
      const res = await post('/pos/auth/login', body);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(res.body).toMatchObject({ status: 400, code: 'validation' });
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
      expect(res.body.token).toBeUndefined();
    });

    it('rejects a body that is not JSON with 400, not 500', async () => {
      const res = await post('/pos/auth/login', '{"venue":', { 'content-type': 'application/json' });
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
    });
  });

  describe('enrolled devices', () => {
    let admin: Client;
    beforeAll(async () => {
      admin = await t.login('999999', 'demo', 'admin-tablet');
    });
    const issueCode = (who: Client, body: unknown = {}) => who.post('/admin/devices/enrollment-codes', body);
    const proofWith = (device: TestDevice, challenge: string, key = device.deviceKey) =>
      createHmac('sha256', Buffer.from(key, 'base64url')).update(signInProofMessage(device.venue, device.deviceId, challenge)).digest('base64url');

    it('refuses a PIN from a tablet that is not enrolled, with the same answer for an unknown venue (no enumeration)', async () => {
      const enrolled = await t.device('known');
      const stranger = { ...enrolled, deviceId: '0190d5a0-0000-7000-8000-000000000001' };
      const challenge = (await post('/pos/auth/challenge', { venue: 'demo', deviceId: stranger.deviceId })).body.challenge;
      // An unknown device gets a challenge like any other (nothing tells it apart)...
      expect(challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
      // ...and its sign-in is refused without a word about the PIN.
      const unknownDevice = await post('/pos/auth/login', { venue: 'demo', pin: '1111', deviceId: stranger.deviceId, challenge, proof: proofWith(stranger, challenge) });
      const { challenge: c2 } = (await post('/pos/auth/challenge', { venue: 'no-such-venue', deviceId: enrolled.deviceId })).body;
      const unknownVenue = await post('/pos/auth/login', { venue: 'no-such-venue', pin: '1111', deviceId: enrolled.deviceId, challenge: c2, proof: proofWith({ ...enrolled, venue: 'no-such-venue' }, c2) });
      for (const res of [unknownDevice, unknownVenue]) {
        expect(res.status).toBe(401);
        expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
        expect(res.body).toMatchObject({ code: 'auth.device_not_enrolled' });
        expect(res.body.attemptsLeft).toBeUndefined();
      }
      expect(unknownVenue.body.title).toBe(unknownDevice.body.title);
    });

    it('refuses a proof under another key, a used challenge, an expired one and another device\'s', async () => {
      const tablet = await t.device('prover');
      const other = await t.device('other-prover');
      const fresh = async (device: TestDevice) => (await post('/pos/auth/challenge', { venue: 'demo', deviceId: device.deviceId })).body.challenge as string;
      const attempt = (device: TestDevice, challenge: string, proof = proofWith(device, challenge)) =>
        post('/pos/auth/login', { venue: 'demo', pin: '1111', deviceId: device.deviceId, challenge, proof });

      const c1 = await fresh(tablet);
      expect((await attempt(tablet, c1, proofWith(tablet, c1, other.deviceKey))).body.code).toBe('auth.device_not_enrolled');
      expect((await attempt(tablet, c1)).status).toBe(200); // a wrong proof did not burn the challenge
      expect((await attempt(tablet, c1)).body.code).toBe('auth.device_not_enrolled'); // once only

      const theirs = await fresh(other);
      expect((await attempt(tablet, theirs)).body.code).toBe('auth.device_not_enrolled');

      const c2 = await fresh(tablet);
      shiftClock(3 * 60_000);
      expect((await attempt(tablet, c2)).body.code).toBe('auth.device_not_enrolled');
    });

    it('enrolls a tablet with a one-time code from Admin: once, in its venue, before it expires', async () => {
      const issued = await issueCode(admin, { ttlMinutes: 10 });
      expect(issued.status).toBe(201);
      expect(issued.headers['cache-control']).toBe('no-store');
      expect(issued.body.code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
      expect(Date.parse(issued.body.expiresAt) - Date.now()).toBeGreaterThan(9 * 60_000);
      // The database keeps no usable code: not in the codes table, not as a stored answer.
      const stored = [...(await t.database.db.selectFrom('device_enrollment_codes').selectAll().execute()), ...(await t.database.db.selectFrom('idempotency_keys').selectAll().execute())];
      expect(JSON.stringify(stored)).not.toContain(issued.body.code.replace('-', ''));
      expect(JSON.stringify(stored)).not.toContain(issued.body.code);

      // Another venue's tablet cannot use it.
      const elsewhere = await post('/pos/devices/enroll', { venue: 'demo-2', code: issued.body.code, name: 'Чужой' });
      expect(elsewhere.status).toBe(400);
      expect(elsewhere.body.code).toBe('device.enrollment_code_invalid');

      const enrolled = await post('/pos/devices/enroll', { venue: 'demo', code: issued.body.code.toLowerCase(), name: 'Бар' });
      expect(enrolled.status).toBe(201);
      expect(enrolled.headers['cache-control']).toBe('no-store');
      expect(enrolled.body).toMatchObject({ deviceId: expect.any(String), deviceKey: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), name: 'Бар', venue: { slug: 'demo' } });

      const again = await post('/pos/devices/enroll', { venue: 'demo', code: issued.body.code, name: 'Второй' });
      expect(again.status).toBe(400);
      expect(again.body).toMatchObject({ code: 'device.enrollment_code_invalid', errors: [{ path: 'body.code' }] });

      const listed = await admin.get('/admin/devices');
      expect(listed.status).toBe(200);
      expect(listed.body.devices.find((d: { id: string }) => d.id === enrolled.body.deviceId)).toMatchObject({ name: 'Бар', enrolledBy: 'Елена (администратор)', revokedAt: null });
      expect(JSON.stringify(listed.body)).not.toContain(enrolled.body.deviceKey);

      const late = await issueCode(admin, { ttlMinutes: 1 });
      shiftClock(2 * 60_000);
      const expired = await post('/pos/devices/enroll', { venue: 'demo', code: late.body.code, name: 'Поздно' });
      expect(expired.status).toBe(400);
      expect(expired.body.code).toBe('device.enrollment_code_invalid');
    });

    it.each([
      ['a code with look-alike letters', { venue: 'demo', code: 'ABCD-1O0I', name: 'x' }, 'body.code'],
      ['no name', { venue: 'demo', code: 'ABCD-2345' }, 'body.name'],
      ['a name too long', { venue: 'demo', code: 'ABCD-2345', name: 'x'.repeat(61) }, 'body.name'],
    ])('rejects enrollment with %s (400, field path)', async (_what, body, path) => {
      const res = await post('/pos/devices/enroll', body);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
      expect(await t.database.db.selectFrom('devices').select('id').where('name', '=', 'x').execute()).toEqual([]);
    });

    it('lets only admin.devices issue codes, list and revoke; code lifetimes are bounded', async () => {
      const supervisor = await t.login('333333');
      expect((await supervisor.post('/admin/devices/enrollment-codes', {})).status).toBe(403);
      expect((await supervisor.get('/admin/devices')).status).toBe(403);
      for (const ttlMinutes of [0, 24 * 60 + 1, 1.5, -5]) {
        const res = await admin.post('/admin/devices/enrollment-codes', { ttlMinutes });
        expect(res.status).toBe(400);
        expect(res.body.errors[0].path).toBe('body.ttlMinutes');
      }
    });

    it('revokes a tablet: its sessions end and it can sign in no more', async () => {
      const tablet = await t.enroll('demo', 'Терраса');
      const anna = await post('/pos/auth/login', { pin: '1111', ...(await tablet.signInProof()) });
      expect(anna.status).toBe(200);
      const onOtherTablet = await t.login('1111', 'demo', 'still-enrolled');

      const revoked = await admin.post(`/admin/devices/${tablet.deviceId}/revoke`, {});
      expect(revoked.status).toBe(200);
      expect(revoked.body.revokedAt).toEqual(expect.any(String));

      expect((await t.anonymous.get('/pos/auth/me', { authorization: `Bearer ${anna.body.token}` })).status).toBe(401);
      expect((await onOtherTablet.get('/pos/auth/me')).status).toBe(200);
      const again = await post('/pos/auth/login', { pin: '1111', ...(await tablet.signInProof()) });
      expect(again.status).toBe(401);
      expect(again.body.code).toBe('auth.device_not_enrolled');

      // Another venue's admin cannot revoke it (and learns nothing).
      const other = await t.enroll('demo', 'Ещё');
      const admin2 = await t.login('999999', 'demo-2');
      expect((await admin2.post(`/admin/devices/${other.deviceId}/revoke`, {})).status).toBe(404);
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
      const label = freshDevice();
      for (let i = 1; i < LOCKOUT.device.maxFailures; i++) {
        const res = await login('0000', label);
        expect(res.status).toBe(401);
        expect(res.body.attemptsLeft).toBe(LOCKOUT.device.maxFailures - i);
      }

      const fifth = await login('0000', label);
      expect(fifth.status).toBe(429);
      expect(fifth.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(fifth.body).toMatchObject({ status: 429, code: 'auth.locked' });
      const retryAfter = Number(fifth.headers['retry-after']);
      expect(Number.isInteger(retryAfter)).toBe(true);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(300);

      const rightPin = await login('1111', label);
      expect(rightPin.status).toBe(429);
      expect(rightPin.body.token).toBeUndefined();
      expect(Number(rightPin.headers['retry-after'])).toBeLessThanOrEqual(retryAfter);

      // Another tablet of the venue (behind the same address) is not locked.
      expect((await login('1111')).status).toBe(200);

      shiftClock(LOCKOUT.device.lockMs - 10_000);
      const almost = await login('1111', label);
      expect(almost.status).toBe(429);
      expect(Number(almost.headers['retry-after'])).toBeLessThanOrEqual(10);

      jest.restoreAllMocks();
      shiftClock(LOCKOUT.device.lockMs + 1_000);
      const after = await login('1111', label);
      expect(after.status).toBe(200);
      expect(after.body.staff.name).toBe('Анна');
    });

    it('cannot be outrun by a burst of parallel guesses', async () => {
      const device = await t.device(freshDevice());
      const proofs = await Promise.all(Array.from({ length: 8 }, () => device.signInProof()));
      const burst = await Promise.all(proofs.map((proof, i) => post('/pos/auth/login', { ...proof, pin: String(5000 + i) })));

      expect(burst.every((r) => r.status === 401 || r.status === 429)).toBe(true);
      expect(burst.filter((r) => r.status === 401).length).toBeLessThanOrEqual(LOCKOUT.device.maxFailures - 1);
      const right = await post('/pos/auth/login', { ...(await device.signInProof()), pin: '1111' });
      expect(right.status).toBe(429);
    });

    it('keeps counting across a right PIN: wrong guesses between one\'s own sign-ins still lock', async () => {
      const label = freshDevice();
      for (let i = 0; i < LOCKOUT.device.maxFailures - 1; i++) {
        expect((await login('0000', label)).status).toBe(401);
        expect((await login('1111', label)).status).toBe(200);
      }
      const last = await login('0000', label);
      expect(last.status).toBe(429);
      expect(last.body.code).toBe('auth.locked');
    });

    it('forgets wrong PINs older than the 5-minute window', async () => {
      const label = freshDevice();
      for (let i = 0; i < LOCKOUT.device.maxFailures - 1; i++) await login('0000', label);

      shiftClock(LOCKOUT.device.windowMs + 1_000);
      const wrong = await login('0000', label);
      expect(wrong.status).toBe(401);
      expect(wrong.body.attemptsLeft).toBe(LOCKOUT.device.maxFailures - 1);
    });

    it('locks the whole venue after 10 wrong PINs from any number of tablets; other venues are untouched', async () => {
      // Rotating devices (each one enrolled!) does not lift the limit: the venue counts them all.
      const labels = Array.from({ length: 4 }, () => freshDevice());
      const answers = [];
      for (let i = 0; i < LOCKOUT.venue.maxFailures; i++) answers.push(await login(String(6000 + i), labels[i % labels.length]));
      expect(answers.slice(0, -1).every((r) => r.status === 401)).toBe(true);
      expect(answers.at(-1)).toMatchObject({ status: 429, body: { code: 'auth.venue_locked' } });

      // Even a fresh tablet with the right PIN waits; Retry-After says how long.
      const fresh = await login('1111');
      expect(fresh.status).toBe(429);
      expect(fresh.body.code).toBe('auth.venue_locked');
      expect(Number(fresh.headers['retry-after'])).toBeGreaterThan(LOCKOUT.device.lockMs / 1000);
      expect((await login('1111', freshDevice(), 'demo-2')).status).toBe(200);

      shiftClock(LOCKOUT.venue.lockMs + 1_000);
      expect((await login('1111')).status).toBe(200);
    });

    it('ignores what the client says about itself: X-Device-Id, X-Forwarded-For', async () => {
      const label = freshDevice();
      const device = await t.device(label);
      for (let i = 0; i < LOCKOUT.device.maxFailures; i++) {
        await post('/pos/auth/login', { ...(await device.signInProof()), pin: '0000' }, { 'x-device-id': `rotated-${i}`, 'x-forwarded-for': `10.0.0.${i}` });
      }
      const res = await post('/pos/auth/login', { ...(await device.signInProof()), pin: '1111' }, { 'x-device-id': 'brand-new', 'x-forwarded-for': '10.9.9.9' });
      expect(res.status).toBe(429);
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

      const again = await login('1112');
      expect(again.status).toBe(401);
      expect(again.body.token).toBeUndefined();
    });

    it('can sign in again once reactivated', async () => {
      const staff = await admin.get('/admin/staff');
      const boris = staff.body.staff.find((s: { name: string }) => s.name === 'Борис');
      expect(boris.isActive).toBe(false);

      expect((await admin.patch(`/admin/staff/${boris.id}`, { isActive: true })).status).toBe(200);
      const res = await login('1112');
      expect(res.status).toBe(200);
      expect(res.body.staff.id).toBe(boris.id);
    });
  });

  describe('staff PINs and roles', () => {
    let admin: Client;
    beforeAll(async () => {
      admin = await t.login('999999');
    });

    it.each([
      ['a supervisor with a 4-digit PIN', { name: 'Короткий', role: 'supervisor', pin: '4141' }],
      ['an admin with a 5-digit PIN', { name: 'Короткий', role: 'admin', pin: '41414' }],
    ])('refuses %s (400 at body.pin), writing nothing', async (_what, body) => {
      const res = await admin.post('/admin/staff', body);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain('body.pin');
      expect((await admin.get('/admin/staff')).body.staff.some((s: { name: string }) => s.name === 'Короткий')).toBe(false);
    });

    it('promotes to supervisor only with a PIN of 6 digits or more', async () => {
      const created = await admin.post('/admin/staff', { name: 'Повышаемый', role: 'waiter', pin: '4242' });
      expect(created.status).toBe(201);
      const bare = await admin.patch(`/admin/staff/${created.body.id}`, { role: 'supervisor' });
      expect(bare.status).toBe(400);
      expect(bare.body.errors[0].path).toBe('body.pin');
      expect((await admin.patch(`/admin/staff/${created.body.id}`, { role: 'supervisor', pin: '4242' })).status).toBe(400);
      const promoted = await admin.patch(`/admin/staff/${created.body.id}`, { role: 'supervisor', pin: '424242' });
      expect(promoted.status).toBe(200);
      expect(promoted.body.role).toBe('supervisor');
    });

    it('keeps the last active admin: no demotion, no deactivation', async () => {
      const me = (await admin.get('/pos/auth/me')).body.staff.id as string;
      const demote = await admin.patch(`/admin/staff/${me}`, { role: 'supervisor' });
      expect(demote.status).toBe(409);
      expect(demote.body.code).toBe('staff.last_admin');
      expect((await admin.patch(`/admin/staff/${me}`, { isActive: false })).body.code).toBe('staff.last_admin');
      expect((await admin.get('/pos/auth/me')).body.staff.role).toBe('admin');

      // With a second admin, the first may step down.
      const second = await admin.post('/admin/staff', { name: 'Второй админ', role: 'admin', pin: '818181' });
      expect(second.status).toBe(201);
      const other = await t.login('818181');
      expect((await other.patch(`/admin/staff/${me}`, { role: 'supervisor' })).status).toBe(200);
      expect((await other.patch(`/admin/staff/${second.body.id}`, { role: 'supervisor', pin: '828282' })).body.code).toBe('staff.last_admin');
      // Back as it was, for the tests after this one.
      expect((await other.patch(`/admin/staff/${me}`, { role: 'admin' })).status).toBe(200);
      expect((await other.patch(`/admin/staff/${second.body.id}`, { isActive: false })).status).toBe(200);
    });
  });

  describe('GET /pos/auth/offline-staff', () => {
    /** What a tablet does offline: PBKDF2 of the typed PIN with the verifier's salt, then HMAC under its device key. */
    const matches = (verifier: string, pin: string, deviceKey: string) => {
      const [scheme, iterations, salt, mac] = verifier.split('$');
      expect(scheme).toBe('hmac-pbkdf2-sha256');
      const hash = pbkdf2Sync(pin, Buffer.from(salt, 'base64url'), Number(iterations), 32, 'sha256');
      return createHmac('sha256', Buffer.from(deviceKey, 'base64url')).update(hash).digest('base64url') === mac;
    };
    const signedIn = async (pin: string, label: string, venue = 'demo') => ({ client: await t.login(pin, venue, label), device: await t.device(label, venue) });

    it('gives a waiter\'s tablet device-bound verifiers of waiters, cashiers and supervisors — never an admin\'s, never a PIN', async () => {
      const { client: anna, device } = await signedIn('1111', 'floor-1');
      const res = await anna.get('/pos/auth/offline-staff');
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      const byName = new Map(res.body.staff.map((s: { name: string }) => [s.name, s]));
      const waiter = byName.get('Анна') as { role: string; verifier: string; permissions: string[] };
      expect(waiter.role).toBe('waiter');
      expect(waiter.permissions).toEqual(expect.arrayContaining(['orders.create']));
      expect(matches(waiter.verifier, '1111', device.deviceKey)).toBe(true);
      expect(matches(waiter.verifier, '1112', device.deviceKey)).toBe(false);
      expect(new Set(res.body.staff.map((s: { role: string }) => s.role))).toEqual(new Set(['cashier', 'supervisor', 'waiter']));
      expect(JSON.stringify(res.body)).not.toMatch(/"(pin|pin_hash|pin_lookup)"|1111|"pbkdf2-sha256\$/);

      // A copy is useless on another tablet (or off any tablet): its key gives another answer.
      const { client: onOther, device: other } = await signedIn('1111', 'floor-2');
      const theirs = ((await onOther.get('/pos/auth/offline-staff')).body.staff as { name: string; verifier: string }[]).find((s) => s.name === 'Анна')!;
      expect(theirs.verifier).not.toBe(waiter.verifier);
      expect(matches(waiter.verifier, '1111', other.deviceKey)).toBe(false);

      // Another venue's staff are not there.
      const elsewhere = await (await t.login('1111', 'demo-2', 'floor-3')).get('/pos/auth/offline-staff');
      const ids = new Set(res.body.staff.map((s: { id: string }) => s.id));
      expect(elsewhere.body.staff.some((s: { id: string }) => ids.has(s.id))).toBe(false);
    });

    it.each([['a cook', '4444'], ['an admin', '999999']])('gives %s\'s token no verifier at all (403)', async (_who, pin) => {
      const res = await (await t.login(pin)).get('/pos/auth/offline-staff');
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('auth.offline_not_allowed');
      expect(res.body.staff).toBeUndefined();
    });

    it('needs a signed-in tablet', async () => {
      const res = await t.anonymous.get('/pos/auth/offline-staff');
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
    });

    it('changes the verifier with the PIN, drops deactivated staff, and fills in a missing one at sign-in', async () => {
      const admin = await t.login('999999');
      const { client: cashier, device } = await signedIn('2222', 'till-1');
      const created = await admin.post('/admin/staff', { name: 'Оффлайн Тест', role: 'waiter', pin: '5151' });
      expect(created.status).toBe(201);
      const find = async () => ((await cashier.get('/pos/auth/offline-staff')).body.staff as { id: string; verifier: string }[]).find((s) => s.id === created.body.id);
      expect(matches((await find())!.verifier, '5151', device.deviceKey)).toBe(true);

      await admin.patch(`/admin/staff/${created.body.id}`, { pin: '5252' });
      const changed = (await find())!.verifier;
      expect(matches(changed, '5252', device.deviceKey)).toBe(true);
      expect(matches(changed, '5151', device.deviceKey)).toBe(false);

      // A PIN set before verifiers existed: none until the person signs in once.
      await t.database.db.updateTable('staff').set({ offline_verifier: null }).where('id', '=', created.body.id).execute();
      expect(await find()).toBeUndefined();
      expect((await login('5252')).status).toBe(200);
      expect(matches((await find())!.verifier, '5252', device.deviceKey)).toBe(true);

      await admin.patch(`/admin/staff/${created.body.id}`, { isActive: false });
      expect(await find()).toBeUndefined();
    });
  });
});

describe('auth: sign-in routes are rate limited per address and venue', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ rateLimits: { signIn: 3, enroll: 3, challenge: 100, giftCards: 100 } });
  });
  afterAll(() => t?.close());

  it('answers 429 problem+json with Retry-After past the limit, before the PIN is even looked at', async () => {
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await t.tryLogin('1111', 'demo', 'limited')).status);
    expect(statuses).toEqual([200, 200, 200]);
    const over = await t.tryLogin('1111', 'demo', 'limited');
    expect(over.status).toBe(429);
    expect(over.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(over.body.code).toBe('rate_limited');
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    // Another venue behind the same address has its own count.
    expect((await t.tryLogin('1111', 'demo-2', 'limited-2')).status).toBe(200);
  });

  it('limits enrollment attempts too (guessing codes)', async () => {
    // The test above enrolled one tablet in 'demo' already: 3 a minute leaves two guesses.
    const tries = [];
    for (let i = 0; i < 3; i++) tries.push(await t.anonymous.post('/pos/devices/enroll', { venue: 'demo', code: 'ABCD-2345', name: 'Угадайка' }));
    expect(tries.map((r) => r.status)).toEqual([400, 400, 429]);
  });
});
