import { DEFAULT_ROLE_PERMISSIONS } from '@pos/contracts';
import { up as grantShiftBooking } from '../../db/migrations/010-shift-booking';
import { type Client, createTestApp, requestId, type TestApp } from '../../testing/harness';

/**
 * Money books to the acting staff's own shift (issue 13): a supervisor cannot put a refund into
 * a cashier's drawer, nor a cashier a sale into a colleague's, by naming that shift. Booking to
 * another's shift takes `shifts.book.other` (admins by default); naming one's own shift, even a
 * closed one (a late command goes to a rescue shift), stays as it was.
 */
describe('shifts: payments and refunds book to the acting staff’s own shift', () => {
  let t: TestApp;
  let admin: Client;
  let anna: Client;
  let cashier: Client;
  let supervisor: Client;
  let cashierShift: string;
  let supervisorShift: string;
  let nextPin = 6101;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('999999');
    anna = await t.login('1111');
    cashier = await t.login('2222');
    supervisor = await t.login('333333');
    const opened = await Promise.all([cashier.post('/pos/shifts', { openingFloat: 0 }), supervisor.post('/pos/shifts', { openingFloat: 0 })]);
    expect(opened.map((r) => r.status)).toEqual([201, 201]);
    [cashierShift, supervisorShift] = opened.map((r) => r.body.id as string);
  });
  afterAll(() => t.close());

  const borscht = 45000;
  const counterOrder = async () => {
    const product = await t.product('borscht');
    const res = await anna.post('/pos/orders', { items: [{ productId: product.id, quantity: 1 }], clientRequestId: requestId() });
    expect(res.status).toBe(201);
    return res.body as { id: string; total: number };
  };
  const pay = (client: Client, body: Record<string, unknown>) => client.post('/pos/finance/payments', { clientRequestId: requestId(), ...body });
  const act = (client: Client, id: string, action: string, body: Record<string, unknown> = {}) =>
    client.post(`/pos/finance/payments/${id}/${action}`, { clientRequestId: requestId(), ...body });
  const totalsOf = async (shiftId: string) => (await admin.get(`/pos/shifts/${shiftId}`)).body.totals;
  const ledgerOf = (paymentId: string) => t.database.db.selectFrom('ledger_entries').select(['kind', 'shift_id', 'amount']).where('payment_id', '=', paymentId).execute();
  const newCashier = async (name: string) => {
    const pin = String(nextPin++);
    expect((await admin.post('/admin/staff', { name, role: 'cashier', pin })).status).toBe(201);
    const client = await t.login(pin);
    expect((await client.post('/pos/shifts', { openingFloat: 0 })).status).toBe(201);
    return client;
  };
  const expectForbidden = (res: { status: number; headers: Record<string, unknown>; body: { code?: string } }) => {
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 403, code: 'shift.not_yours' });
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  };

  it("a supervisor's refund naming the cashier's shift is refused; without it, it books to the supervisor's own shift", async () => {
    const order = await counterOrder();
    const paid = await pay(cashier, { orderId: order.id, tenders: [{ method: 'card', amount: borscht }] });
    expect(paid.status).toBe(201);
    const payment = paid.body.payments[0];
    const before = await totalsOf(cashierShift);

    const refused = await act(supervisor, payment.id, 'refund', { amount: 10000, reason: 'Cold soup', shiftId: cashierShift });
    expectForbidden(refused);
    expect(await totalsOf(cashierShift)).toEqual(before);
    expect(await ledgerOf(payment.id)).toEqual([{ kind: 'sale', shift_id: cashierShift, amount: borscht }]);
    expect((await t.database.db.selectFrom('payments').select('refunded_amount').where('id', '=', payment.id).executeTakeFirstOrThrow()).refunded_amount).toBe(0);

    const own = await act(supervisor, payment.id, 'refund', { amount: 10000, reason: 'Cold soup' });
    expect(own.status).toBe(200);
    expect((await ledgerOf(payment.id)).find((r) => r.kind === 'refund')).toEqual({ kind: 'refund', shift_id: supervisorShift, amount: 10000 });
    // Naming one's own shift is the same as naming none.
    const named = await act(supervisor, payment.id, 'refund', { amount: 1000, reason: 'Bread', shiftId: supervisorShift });
    expect(named.status).toBe(200);
  });

  it("a cashier cannot book a sale or a capture into a colleague's shift", async () => {
    const colleague = await newCashier('Кассир Соседний');
    const colleagueShift = (await colleague.get('/pos/shifts/current')).body.shift.id as string;
    const before = await totalsOf(colleagueShift);

    const order = await counterOrder();
    expectForbidden(await pay(cashier, { orderId: order.id, shiftId: colleagueShift, tenders: [{ method: 'cash', amount: borscht }] }));
    expect(await t.database.db.selectFrom('payments').select('id').where('order_id', '=', order.id).execute()).toEqual([]);

    const opened = await pay(cashier, { orderId: order.id, tenders: [{ method: 'softpos', amount: borscht }] });
    expect(opened.status).toBe(201);
    const id = opened.body.payments[0].id as string;
    expect(opened.body.payments[0].shiftId).toBe(cashierShift);
    expectForbidden(await act(cashier, id, 'capture', { shiftId: colleagueShift }));
    expect(await ledgerOf(id)).toEqual([]);
    expect(await totalsOf(colleagueShift)).toEqual(before);

    const captured = await act(cashier, id, 'capture', { shiftId: cashierShift });
    expect(captured.status).toBe(200);
    expect(await ledgerOf(id)).toEqual([{ kind: 'sale', shift_id: cashierShift, amount: borscht }]);
  });

  it("a colleague's closed shift is refused too (no rescue shift is opened for them)", async () => {
    const colleague = await newCashier('Кассир Закрывшийся');
    const shift = (await colleague.get('/pos/shifts/current')).body.shift.id as string;
    expect((await colleague.post(`/pos/shifts/${shift}/close`, { counted: { cash: 0, card: 0 }, clientRequestId: requestId() })).status).toBe(200);
    const order = await counterOrder();
    expectForbidden(await pay(cashier, { orderId: order.id, shiftId: shift, tenders: [{ method: 'cash', amount: borscht }] }));
    expect(await t.database.db.selectFrom('shifts').select('id').where('cashier_id', '=', colleague.staffId!).where('is_rescue', '=', 1).execute()).toEqual([]);
  });

  it('shifts.book.other lets someone book into another shift: the admin by default, a supervisor once the venue grants it', async () => {
    expect(DEFAULT_ROLE_PERMISSIONS.admin).toContain('shifts.book.other');
    for (const role of ['waiter', 'cashier', 'supervisor', 'cook'] as const) expect(DEFAULT_ROLE_PERMISSIONS[role]).not.toContain('shifts.book.other');

    const order = await counterOrder();
    const byAdmin = await pay(admin, { orderId: order.id, shiftId: cashierShift, tenders: [{ method: 'card', amount: borscht }] });
    expect(byAdmin.status).toBe(201);
    expect(await ledgerOf(byAdmin.body.payments[0].id)).toEqual([{ kind: 'sale', shift_id: cashierShift, amount: borscht }]);

    const roles = (await admin.get('/admin/roles')).body.roles as { role: string; permissions: string[] }[];
    const supervisorRole = roles.find((r) => r.role === 'supervisor')!;
    expect(supervisorRole.permissions).not.toContain('shifts.book.other');
    expect((await admin.put('/admin/roles', { roles: [{ role: 'supervisor', permissions: [...supervisorRole.permissions, 'shifts.book.other'] }] })).status).toBe(200);
    try {
      const granted = await t.login('333333');
      const refund = await act(granted, byAdmin.body.payments[0].id, 'refund', { amount: 5000, reason: 'Overcharged', shiftId: cashierShift });
      expect(refund.status).toBe(200);
      expect((await ledgerOf(byAdmin.body.payments[0].id)).find((r) => r.kind === 'refund')).toEqual({ kind: 'refund', shift_id: cashierShift, amount: 5000 });
    } finally {
      expect((await admin.put('/admin/roles', { roles: [{ role: 'supervisor', permissions: supervisorRole.permissions }] })).status).toBe(200);
    }
  });

  it("migration 010 grants shifts.book.other to every existing venue's admin role only, once", async () => {
    const db = t.database.db;
    const permissionsOf = async (role: string) =>
      (await db.selectFrom('role_permissions').select(['venue_id', 'permissions']).where('role', '=', role).execute()).map((r) => JSON.parse(r.permissions) as string[]);
    // An existing venue from before the permission: its admin role lacks it.
    for (const row of await db.selectFrom('role_permissions').select(['venue_id', 'role', 'permissions']).where('role', '=', 'admin').execute()) {
      const without = (JSON.parse(row.permissions) as string[]).filter((p) => p !== 'shifts.book.other');
      await db.updateTable('role_permissions').set({ permissions: JSON.stringify(without) }).where('venue_id', '=', row.venue_id).where('role', '=', 'admin').execute();
    }
    await grantShiftBooking(db);
    await grantShiftBooking(db);
    const admins = await permissionsOf('admin');
    expect(admins.length).toBeGreaterThan(1);
    for (const permissions of admins) expect(permissions.filter((p) => p === 'shifts.book.other')).toHaveLength(1);
    for (const role of ['waiter', 'cashier', 'supervisor', 'cook']) for (const permissions of await permissionsOf(role)) expect(permissions).not.toContain('shifts.book.other');
  });
});
