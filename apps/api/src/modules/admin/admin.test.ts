import { DEFAULT_ROLE_PERMISSIONS, FEATURES, PERMISSIONS, ROLES } from '@pos/contracts';
import { up as grantPaymentSettings } from '../../db/migrations/007-payment-settings-admin';
import { type Client, createTestApp, requestId, type TestApp } from '../../testing/harness';

const PROBLEM_JSON = /^application\/problem\+json/;
const paths = (body: { errors?: { path: string }[] }) => (body.errors ?? []).map((e) => e.path);

describe('admin: flags, roles, payment settings, staff', () => {
  let t: TestApp;
  let admin: Client;
  let admin2: Client;
  let waiter: Client;
  let supervisor: Client;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('999999');
    admin2 = await t.login('999999', 'demo-2');
    waiter = await t.login('1111');
    supervisor = await t.login('333333');
  });
  afterAll(() => t?.close());

  /** Audit rows of a venue for one action, oldest first. */
  const auditRows = (venueId: string, action: string) =>
    t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('venue_id', '=', venueId)
      .where('action', '=', action)
      .orderBy('created_at')
      .execute();

  describe('feature flags', () => {
    it('GET lists every known feature for the admin', async () => {
      const res = await admin.get('/admin/feature-flags');
      expect(res.status).toBe(200);
      expect(Object.keys(res.body.flags).sort()).toEqual([...FEATURES].sort());
      // The demo venue is seeded with everything on.
      expect(Object.values(res.body.flags).every((v) => v === true)).toBe(true);
    });

    it('is for admins only: 403 for a waiter and a supervisor, 401 anonymous', async () => {
      for (const who of [waiter, supervisor]) {
        const get = await who.get('/admin/feature-flags');
        expect(get.status).toBe(403);
        expect(get.headers['content-type']).toMatch(PROBLEM_JSON);
        expect(get.body).toMatchObject({ code: 'auth.forbidden', permission: 'admin.flags' });
        expect((await who.put('/admin/feature-flags', { flags: { payments: false } })).status).toBe(403);
      }
      expect((await t.anonymous.get('/admin/feature-flags')).status).toBe(401);
      expect((await admin.get('/admin/feature-flags')).body.flags.payments).toBe(true);
    });

    it('PUT switches features of this venue only, and /pos/config follows', async () => {
      const res = await admin.put('/admin/feature-flags', { flags: { payments: false, loyalty: false } });
      expect(res.status).toBe(200);
      expect(res.body.flags).toMatchObject({ payments: false, loyalty: false, shift: true, admin: true });
      expect(Object.keys(res.body.flags).sort()).toEqual([...FEATURES].sort());

      expect((await admin.get('/admin/feature-flags')).body.flags).toMatchObject({ payments: false, loyalty: false, shift: true });
      expect((await waiter.get('/pos/config')).body.flags).toMatchObject({ payments: false, loyalty: false });

      // demo-2 keeps its own flags.
      const other = await admin2.get('/admin/feature-flags');
      expect(other.body.flags).toMatchObject({ payments: true, loyalty: false, reservations: false });

      const back = await admin.put('/admin/feature-flags', { flags: { payments: true, loyalty: true } });
      expect(back.body.flags).toMatchObject({ payments: true, loyalty: true });
      expect((await admin2.get('/admin/feature-flags')).body.flags).toEqual(other.body.flags);
    });

    it('a change in demo-2 leaves demo alone', async () => {
      const res = await admin2.put('/admin/feature-flags', { flags: { reservations: true, shift: false } });
      expect(res.body.flags).toMatchObject({ reservations: true, shift: false });
      expect((await admin.get('/admin/feature-flags')).body.flags).toMatchObject({ reservations: true, shift: true });

      await admin2.put('/admin/feature-flags', { flags: { reservations: false, shift: true } });
    });

    it.each([
      ['an unknown feature', { flags: { teleport: true } }, 'body.flags'],
      ['a non-boolean value', { flags: { payments: 'yes' } }, 'body.flags.payments'],
      ['flags that are not an object', { flags: ['payments'] }, 'body.flags'],
      ['no flags', {}, 'body.flags'],
      ['an unknown field', { flags: {}, foo: 1 }, 'body.foo'],
    ])('rejects %s with 400 and the field path', async (_what, body, path) => {
      const res = await admin.put('/admin/feature-flags', body);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(res.body.code).toBe('validation');
      expect(paths(res.body).some((p) => p === path || p.startsWith(`${path}.`))).toBe(true);
    });

    it('a rejected PUT changes nothing', async () => {
      const before = (await admin.get('/admin/feature-flags')).body.flags;
      expect((await admin.put('/admin/feature-flags', { flags: { payments: false, teleport: true } })).status).toBe(400);
      expect((await admin.get('/admin/feature-flags')).body.flags).toEqual(before);
    });

    it('writes an audit row per change, with who and what', async () => {
      const before = (await auditRows(admin.venueId!, 'feature-flags.changed')).length;
      const otherVenueBefore = (await auditRows(admin2.venueId!, 'feature-flags.changed')).length;
      await admin.put('/admin/feature-flags', { flags: { upsell: false } });
      await admin.put('/admin/feature-flags', { flags: { upsell: true } });

      const rows = await auditRows(admin.venueId!, 'feature-flags.changed');
      expect(rows).toHaveLength(before + 2);
      const last = rows[rows.length - 1];
      expect(last).toMatchObject({ staff_id: admin.staffId, entity: 'venue', entity_id: admin.venueId });
      expect(JSON.parse(last.details)).toEqual({ upsell: true });
      expect(await auditRows(admin2.venueId!, 'feature-flags.changed')).toHaveLength(otherVenueBefore);
    });
  });

  describe('roles and permissions', () => {
    const roleOf = (body: { roles: { role: string; permissions: string[] }[] }, role: string) =>
      body.roles.find((r) => r.role === role)!;

    it('GET lists every role with its permissions', async () => {
      const res = await admin.get('/admin/roles');
      expect(res.status).toBe(200);
      expect(res.body.roles.map((r: { role: string }) => r.role).sort()).toEqual([...ROLES].sort());
      for (const role of ROLES) {
        expect([...roleOf(res.body, role).permissions].sort()).toEqual([...DEFAULT_ROLE_PERMISSIONS[role]].sort());
      }
    });

    it('is for admins only', async () => {
      expect((await waiter.get('/admin/roles')).status).toBe(403);
      expect((await supervisor.get('/admin/roles')).status).toBe(403);
      const put = await waiter.put('/admin/roles', { roles: [{ role: 'waiter', permissions: [...PERMISSIONS] }] });
      expect(put.status).toBe(403);
      expect((await waiter.get('/pos/auth/me')).body.permissions).not.toContain('admin.roles');
    });

    it('PUT changes what a role can do at once, on open sessions, in this venue only', async () => {
      const table = await t.table('1');
      const without = DEFAULT_ROLE_PERMISSIONS.waiter.filter((p) => p !== 'orders.create');
      const res = await admin.put('/admin/roles', { roles: [{ role: 'waiter', permissions: without }] });
      expect(res.status).toBe(200);
      expect(roleOf(res.body, 'waiter').permissions).not.toContain('orders.create');
      expect(roleOf(res.body, 'waiter').permissions).toContain('orders.view');
      // Roles not named are left as they were.
      expect([...roleOf(res.body, 'cashier').permissions].sort()).toEqual([...DEFAULT_ROLE_PERMISSIONS.cashier].sort());

      const denied = await waiter.post('/pos/orders', { tableId: table.id, clientRequestId: requestId() });
      expect(denied.status).toBe(403);
      expect(denied.body).toMatchObject({ code: 'auth.forbidden', permission: 'orders.create' });
      expect((await waiter.get('/pos/auth/me')).body.permissions).not.toContain('orders.create');
      expect((await waiter.get('/pos/orders')).status).toBe(200);

      // Anna's namesake in demo-2 still may.
      const waiter2 = await t.login('1111', 'demo-2');
      expect((await waiter2.get('/pos/auth/me')).body.permissions).toContain('orders.create');

      await admin.put('/admin/roles', { roles: [{ role: 'waiter', permissions: DEFAULT_ROLE_PERMISSIONS.waiter }] });
      const allowed = await waiter.post('/pos/orders', { tableId: table.id, clientRequestId: requestId() });
      expect(allowed.status).toBe(201);
    });

    it('can grant a permission a role did not have', async () => {
      expect((await waiter.get('/admin/feature-flags')).status).toBe(403);
      await admin.put('/admin/roles', { roles: [{ role: 'waiter', permissions: [...DEFAULT_ROLE_PERMISSIONS.waiter, 'admin.flags'] }] });
      expect((await waiter.get('/admin/feature-flags')).status).toBe(200);

      await admin.put('/admin/roles', { roles: [{ role: 'waiter', permissions: DEFAULT_ROLE_PERMISSIONS.waiter }] });
      expect((await waiter.get('/admin/feature-flags')).status).toBe(403);
    });

    it('the admin role cannot lose admin.roles', async () => {
      const res = await admin.put('/admin/roles', {
        roles: [
          { role: 'waiter', permissions: ['menu.view'] },
          { role: 'admin', permissions: PERMISSIONS.filter((p) => p !== 'admin.roles') },
        ],
      });
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(paths(res.body)).toContain('body.roles');

      // Nothing was saved: not even the waiter part of the same request.
      const roles = (await admin.get('/admin/roles')).body;
      expect(roleOf(roles, 'admin').permissions).toContain('admin.roles');
      expect([...roleOf(roles, 'waiter').permissions].sort()).toEqual([...DEFAULT_ROLE_PERMISSIONS.waiter].sort());
      expect((await admin.get('/admin/roles')).status).toBe(200);
    });

    it.each([
      ['an unknown permission', { roles: [{ role: 'waiter', permissions: ['orders.teleport'] }] }, 'body.roles.0.permissions.0'],
      ['an unknown role', { roles: [{ role: 'sommelier', permissions: [] }] }, 'body.roles.0.role'],
      ['no roles', { roles: [] }, 'body.roles'],
      ['an unknown field in a role', { roles: [{ role: 'waiter', permissions: [], extra: true }] }, 'body.roles.0.extra'],
    ])('rejects %s with 400 and the field path', async (_what, body, path) => {
      const res = await admin.put('/admin/roles', body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('validation');
      expect(paths(res.body)).toContain(path);
    });

    it('writes an audit row', async () => {
      const before = (await auditRows(admin.venueId!, 'roles.changed')).length;
      await admin.put('/admin/roles', { roles: [{ role: 'cook', permissions: DEFAULT_ROLE_PERMISSIONS.cook }] });
      const rows = await auditRows(admin.venueId!, 'roles.changed');
      expect(rows).toHaveLength(before + 1);
      expect(rows[rows.length - 1]).toMatchObject({ staff_id: admin.staffId, entity: 'venue' });
      expect(JSON.parse(rows[rows.length - 1].details)).toEqual([{ role: 'cook', permissions: DEFAULT_ROLE_PERMISSIONS.cook }]);
    });
  });

  // The remote registry (URL rules, integrity, publishing) is tested in remotes.test.ts.

  describe('payment settings', () => {
    const url = '/admin/payments/settings';
    const DEFAULTS = { tipTolerancePercent: 20, holdExpiryDays: 7, dayClosePolicy: 'release' };

    it('GET answers the defaults until the venue sets its own', async () => {
      const res = await admin.get(url);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(DEFAULTS);
    });

    it('PUT changes only the fields given, in this venue only; the cashier sees the rules', async () => {
      const first = await admin.put(url, { holdExpiryDays: 3 });
      expect(first.status).toBe(200);
      expect(first.body).toEqual({ ...DEFAULTS, holdExpiryDays: 3 });
      const second = await admin.put(url, { tipTolerancePercent: 0, dayClosePolicy: 'capture' });
      expect(second.body).toEqual({ tipTolerancePercent: 0, holdExpiryDays: 3, dayClosePolicy: 'capture' });
      expect((await admin.get(url)).body).toEqual(second.body);
      // The bounds are allowed.
      expect((await admin.put(url, { tipTolerancePercent: 100, holdExpiryDays: 30 })).body).toEqual({ tipTolerancePercent: 100, holdExpiryDays: 30, dayClosePolicy: 'capture' });
      expect((await admin.put(url, { holdExpiryDays: 0 })).body.holdExpiryDays).toBe(0);

      const cashier = await t.login('2222');
      expect((await cashier.get('/pos/finance/payments/holds/expired')).body.settings).toEqual({ tipTolerancePercent: 100, holdExpiryDays: 0, dayClosePolicy: 'capture' });
      expect((await admin2.get(url)).body).toEqual(DEFAULTS);

      expect((await admin.put(url, DEFAULTS)).body).toEqual(DEFAULTS);
    });

    it('a resent PUT (same Idempotency-Key) answers the same and is audited once', async () => {
      const before = (await auditRows(admin.venueId!, 'payment-settings.changed')).length;
      const key = requestId();
      const first = await admin.put(url, { holdExpiryDays: 5 }, { 'idempotency-key': key });
      const again = await admin.put(url, { holdExpiryDays: 5 }, { 'idempotency-key': key });
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body).toEqual(first.body);
      expect(await auditRows(admin.venueId!, 'payment-settings.changed')).toHaveLength(before + 1);
      await admin.put(url, DEFAULTS);
    });

    it('writes an audit row with what was and what is', async () => {
      await admin.put(url, { dayClosePolicy: 'capture' });
      const rows = await auditRows(admin.venueId!, 'payment-settings.changed');
      const last = rows[rows.length - 1];
      expect(last).toMatchObject({ staff_id: admin.staffId, entity: 'venue', entity_id: admin.venueId });
      expect(JSON.parse(last.details)).toEqual({ before: DEFAULTS, after: { ...DEFAULTS, dayClosePolicy: 'capture' } });
      await admin.put(url, DEFAULTS);
    });

    it('needs admin.payments: 403 for a waiter and a supervisor, 401 anonymous', async () => {
      for (const who of [waiter, supervisor]) {
        const res = await who.get(url);
        expect(res.status).toBe(403);
        expect(res.body).toMatchObject({ code: 'auth.forbidden', permission: 'admin.payments' });
        expect((await who.put(url, { holdExpiryDays: 1 })).status).toBe(403);
      }
      expect((await t.anonymous.get(url)).status).toBe(401);
      expect((await admin.get(url)).body).toEqual(DEFAULTS);
    });

    it.each([
      ['an empty body', {}, 'body.tipTolerancePercent'],
      ['a percent above 100', { tipTolerancePercent: 101 }, 'body.tipTolerancePercent'],
      ['a negative percent', { tipTolerancePercent: -1 }, 'body.tipTolerancePercent'],
      ['a fractional percent', { tipTolerancePercent: 2.5 }, 'body.tipTolerancePercent'],
      ['more than 30 days', { holdExpiryDays: 31 }, 'body.holdExpiryDays'],
      ['negative days', { holdExpiryDays: -1 }, 'body.holdExpiryDays'],
      ['days as text', { holdExpiryDays: '7' }, 'body.holdExpiryDays'],
      ['an unknown policy', { dayClosePolicy: 'keep' }, 'body.dayClosePolicy'],
      ['an unknown field', { holdExpiryDays: 1, autoTip: true }, 'body.autoTip'],
    ])('rejects %s with 400 and the field path, changing nothing', async (_what, body, path) => {
      const res = await admin.put(url, body);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(res.body.code).toBe('validation');
      expect(paths(res.body)).toContain(path);
      expect((await admin.get(url)).body).toEqual(DEFAULTS);
    });

    it('migration 007 grants admin.payments to the admin role of venues that existed before it', async () => {
      const db = t.database.db;
      const adminRoles = () => db.selectFrom('role_permissions').selectAll().where('role', '=', 'admin').execute();
      // A database from before the permission existed.
      for (const row of await adminRoles()) {
        const without = (JSON.parse(row.permissions) as string[]).filter((p) => p !== 'admin.payments');
        await db.updateTable('role_permissions').set({ permissions: JSON.stringify(without) }).where('venue_id', '=', row.venue_id).where('role', '=', 'admin').execute();
      }
      expect((await admin.get(url)).status).toBe(403);

      await grantPaymentSettings(db);
      await grantPaymentSettings(db); // a second run changes nothing
      const rows = await adminRoles();
      expect(rows.length).toBeGreaterThanOrEqual(2);
      for (const row of rows) expect((JSON.parse(row.permissions) as string[]).filter((p) => p === 'admin.payments')).toEqual(['admin.payments']);
      expect((await admin.get(url)).status).toBe(200);
      expect((await admin2.get(url)).status).toBe(200);
      const others = await db.selectFrom('role_permissions').selectAll().where('role', '!=', 'admin').execute();
      expect(others.every((r) => !r.permissions.includes('admin.payments'))).toBe(true);
    });
  });

  describe('staff', () => {
    it('lists the staff of the venue, without PINs', async () => {
      const res = await admin.get('/admin/staff');
      expect(res.status).toBe(200);
      const names = res.body.staff.map((s: { name: string }) => s.name);
      for (const name of ['Анна', 'Борис', 'Вера (касса)', 'Григорий (старший смены)', 'Дмитрий (повар)', 'Елена (администратор)']) {
        expect(names).toContain(name);
      }
      const anna = res.body.staff.find((s: { name: string }) => s.name === 'Анна');
      expect(anna).toEqual({ id: waiter.staffId, name: 'Анна', role: 'waiter', isActive: true, createdAt: expect.any(String) });
      expect(JSON.stringify(res.body)).not.toMatch(/pin/i);
      // Only this venue's people.
      const other = (await admin2.get('/admin/staff')).body.staff.map((s: { id: string }) => s.id);
      expect(other).not.toContain(waiter.staffId);

      expect((await waiter.get('/admin/staff')).status).toBe(403);
      expect((await supervisor.post('/admin/staff', { name: 'X', role: 'admin', pin: '7070' })).status).toBe(403);
    });

    it('creates a staff member who can sign in with the PIN; audited without the PIN', async () => {
      const res = await admin.post('/admin/staff', { name: 'Жанна', role: 'waiter', pin: '5555' });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ id: expect.any(String), name: 'Жанна', role: 'waiter', isActive: true, createdAt: expect.any(String) });

      const zhanna = await t.login('5555');
      expect(zhanna.staffId).toBe(res.body.id);
      expect((await zhanna.get('/pos/auth/me')).body.staff).toMatchObject({ name: 'Жанна', role: 'waiter' });
      expect((await admin.get('/admin/staff')).body.staff.map((s: { id: string }) => s.id)).toContain(res.body.id);

      const rows = await auditRows(admin.venueId!, 'staff.created');
      expect(rows.find((r) => r.entity_id === res.body.id)).toMatchObject({ staff_id: admin.staffId, entity: 'staff' });
      expect(rows.map((r) => r.details).join()).not.toContain('5555');
    });

    it('refuses a PIN already used in the venue (409); the other venue may use it', async () => {
      const taken = await admin.post('/admin/staff', { name: 'Зоя', role: 'cook', pin: '1111' });
      expect(taken.status).toBe(409);
      expect(taken.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(taken.body.code).toBe('staff.pin_taken');

      const first = await admin.post('/admin/staff', { name: 'Игорь', role: 'cook', pin: '6060' });
      expect(first.status).toBe(201);
      const again = await admin.post('/admin/staff', { name: 'Илья', role: 'cashier', pin: '6060' });
      expect(again.status).toBe(409);

      const elsewhere = await admin2.post('/admin/staff', { name: 'Илья', role: 'cashier', pin: '6060' });
      expect(elsewhere.status).toBe(201);
      expect((await t.login('6060', 'demo-2')).staffId).toBe(elsewhere.body.id);
      expect((await t.login('6060', 'demo')).staffId).toBe(first.body.id);
    });

    it("refuses the PIN of a deactivated staff member with 409, not a 500", async () => {
      const gone = await admin.post('/admin/staff', { name: 'Кирилл', role: 'waiter', pin: '7171' });
      expect((await admin.patch(`/admin/staff/${gone.body.id}`, { isActive: false })).status).toBe(200);

      const res = await admin.post('/admin/staff', { name: 'Лариса', role: 'waiter', pin: '7171' });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('staff.pin_taken');

      const lara = await admin.post('/admin/staff', { name: 'Лариса', role: 'waiter', pin: '7272' });
      const change = await admin.patch(`/admin/staff/${lara.body.id}`, { pin: '7171' });
      expect(change.status).toBe(409);
    });

    it('a new PIN works for sign-in, the old one no longer does, and open sessions end', async () => {
      const created = await admin.post('/admin/staff', { name: 'Мария', role: 'cashier', pin: '8181' });
      const maria = await t.login('8181');

      const res = await admin.patch(`/admin/staff/${created.body.id}`, { pin: '8282', name: 'Мария К.' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: created.body.id, name: 'Мария К.', role: 'cashier', isActive: true });

      const old = await t.tryLogin('8181', 'demo', 'pin-change');
      expect(old.status).toBe(401);
      expect(old.body.code).toBe('auth.invalid_pin');
      expect((await t.login('8282')).staffId).toBe(created.body.id);
      expect((await maria.get('/pos/auth/me')).status).toBe(401);

      const rows = await auditRows(admin.venueId!, 'staff.updated');
      const row = rows.filter((r) => r.entity_id === created.body.id).pop()!;
      expect(row.staff_id).toBe(admin.staffId);
      expect(JSON.parse(row.details)).toEqual({ name: 'Мария К.', pinChanged: true });
      expect(row.details).not.toContain('8282');
    });

    it('refuses a PIN change onto another person’s PIN', async () => {
      const created = await admin.post('/admin/staff', { name: 'Нина', role: 'waiter', pin: '9191' });
      const res = await admin.patch(`/admin/staff/${created.body.id}`, { pin: '2222' });
      expect(res.status).toBe(409);
      expect((await t.login('9191')).staffId).toBe(created.body.id);
      expect((await t.login('2222')).staffId).not.toBe(created.body.id);
      // Keeping one's own PIN is not a collision.
      expect((await admin.patch(`/admin/staff/${created.body.id}`, { pin: '9191' })).status).toBe(200);
    });

    it('a role change takes effect on the next sign-in and ends open sessions', async () => {
      const created = await admin.post('/admin/staff', { name: 'Олег', role: 'waiter', pin: '4545' });
      const oleg = await t.login('4545');
      const res = await admin.patch(`/admin/staff/${created.body.id}`, { role: 'cook' });
      expect(res.body.role).toBe('cook');
      expect((await oleg.get('/pos/auth/me')).status).toBe(401);
      const again = await t.login('4545');
      expect((await again.get('/pos/auth/me')).body.permissions).toEqual([...DEFAULT_ROLE_PERMISSIONS.cook].sort());
    });

    it.each([
      ['a PIN with letters', { name: 'Пётр', role: 'waiter', pin: 'abcd' }, 'body.pin'],
      ['an unknown role', { name: 'Пётр', role: 'sommelier', pin: '3434' }, 'body.role'],
      ['an empty name', { name: '  ', role: 'waiter', pin: '3434' }, 'body.name'],
      ['an unknown field', { name: 'Пётр', role: 'waiter', pin: '3434', salary: 1 }, 'body.salary'],
    ])('POST rejects %s with 400 and the field path', async (_what, body, path) => {
      const res = await admin.post('/admin/staff', body);
      expect(res.status).toBe(400);
      expect(paths(res.body)).toContain(path);
    });

    it('PATCH rejects bad input and other venues’ staff', async () => {
      const badId = await admin.patch('/admin/staff/not-a-uuid', { name: 'X' });
      expect(badId.status).toBe(400);
      expect(paths(badId.body)).toContain('params.id');

      const badPin = await admin.patch(`/admin/staff/${waiter.staffId}`, { pin: '12' });
      expect(badPin.status).toBe(400);
      expect(paths(badPin.body)).toContain('body.pin');

      const foreign = await admin2.patch(`/admin/staff/${waiter.staffId}`, { isActive: false });
      expect(foreign.status).toBe(404);
      expect((await waiter.get('/pos/auth/me')).status).toBe(200);
    });
  });
});
