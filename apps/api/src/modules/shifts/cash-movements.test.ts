import { DEFAULT_ROLE_PERMISSIONS } from '@pos/contracts';
import { up as grantShiftsCash } from '../../db/migrations/015-cash-movements';
import { type Client, createTestApp, hire, requestId, settleWrite, type TestApp } from '../../testing/harness';

/**
 * Cash drawer movements (issue 17): paid in / paid out of an open shift's drawer, with a reason
 * and who recorded it. They move the shift's expected cash, so the close's difference follows.
 */
describe('shifts: cash movements', () => {
  let t: TestApp;
  let admin: Client;
  let anna: Client;
  let supervisor: Client;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('999999');
    anna = await t.login('1111');
    supervisor = await t.login('333333');
  });
  afterAll(() => t.close());

  const newCashier = (name: string) => hire(t, admin, 'cashier', name);
  const openShift = async (cashier: Client, openingFloat: number): Promise<{ id: string }> => {
    const res = await cashier.post('/pos/shifts', { openingFloat, clientRequestId: requestId() });
    expect(res.status).toBe(201);
    return res.body;
  };
  const move = (client: Client, shiftId: string, body: Record<string, unknown>) =>
    client.post(`/pos/shifts/${shiftId}/cash-movements`, { clientRequestId: requestId(), ...body });
  const rowsOf = (shiftId: string) => t.database.db.selectFrom('cash_movements').selectAll().where('shift_id', '=', shiftId).execute();
  const paths = (body: { errors?: { path: string }[] }) => (body.errors ?? []).map((e) => e.path);

  it('paid in and paid out move the expected cash, and the close’s difference follows to the minor unit', async () => {
    const cashier = await newCashier('Кассир Движение');
    const shift = await openShift(cashier, 100000);
    const table = await t.table('3');
    const borscht = await t.product('borscht');
    const order = await anna.post('/pos/orders', { tableId: table.id, items: [{ productId: borscht.id, quantity: 1 }], clientRequestId: requestId() });
    expect(order.status).toBe(201);
    const paid = await cashier.post('/pos/finance/payments', {
      orderId: order.body.id,
      tenders: [{ method: 'cash', amount: order.body.total, tip: 1500, tendered: order.body.total + 5000 }],
      clientRequestId: requestId(),
    });
    expect(paid.status).toBe(201);

    const paidIn = await move(cashier, shift.id, { kind: 'paid_in', amount: 20000, reason: '  Размен из банка  ' });
    expect(paidIn.status).toBe(201);
    expect(paidIn.body).toMatchObject({ shiftId: shift.id, kind: 'paid_in', amount: 20000, reason: 'Размен из банка', staffId: cashier.staffId, staffName: 'Кассир Движение' });
    const paidOut = await move(cashier, shift.id, { kind: 'paid_out', amount: 35000, reason: 'Поставщик: хлеб' });
    expect(paidOut.status).toBe(201);

    const expectedCash = 100000 + order.body.total + 1500 + 20000 - 35000;
    const current = (await cashier.get(`/pos/shifts/${shift.id}`)).body;
    expect(current.cashMovements).toEqual({ paidIn: 20000, paidOut: 35000 });
    expect(current.totals.cash).toEqual({ sales: order.body.total, tips: 1500, refunds: 0, expected: expectedCash });
    expect(current.totals.card).toEqual({ sales: 0, tips: 0, refunds: 0, expected: 0 });

    const closed = await cashier.post(`/pos/shifts/${shift.id}/close`, { counted: { cash: expectedCash - 700, card: 0 }, clientRequestId: requestId() });
    expect(closed.status).toBe(200);
    expect(closed.body.difference).toEqual({ cash: -700, card: 0 });
    expect(closed.body.cashMovements).toEqual({ paidIn: 20000, paidOut: 35000 });
    const stored = await t.database.db.selectFrom('shifts').select('expected').where('id', '=', shift.id).executeTakeFirstOrThrow();
    expect(JSON.parse(stored.expected!)).toEqual({ cash: expectedCash, card: 0 });

    // Audited like the other money actions.
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'staff_id', 'details']).where('entity_id', '=', shift.id).orderBy('created_at').execute();
    expect(audit.map((a) => a.action)).toEqual(['shift.cash.paid_in', 'shift.cash.paid_out']);
    expect(audit.every((a) => a.staff_id === cashier.staffId)).toBe(true);
    expect(JSON.parse(audit[1].details)).toEqual({ movementId: paidOut.body.id, amount: 35000, reason: 'Поставщик: хлеб' });
  });

  it('lists the movements oldest first with who recorded them; a supervisor may record on a cashier’s drawer', async () => {
    const cashier = await newCashier('Кассир Список');
    const shift = await openShift(cashier, 50000);
    expect((await cashier.get(`/pos/shifts/${shift.id}/cash-movements`)).body).toEqual([]);
    const first = await move(cashier, shift.id, { kind: 'paid_in', amount: 10000, reason: 'Размен' });
    const second = await move(supervisor, shift.id, { kind: 'paid_out', amount: 30000, reason: 'Инкассация' });
    const third = await move(cashier, shift.id, { kind: 'paid_out', amount: 100, reason: 'Чаевые курьеру' });
    expect([first.status, second.status, third.status]).toEqual([201, 201, 201]);

    const list = await cashier.get(`/pos/shifts/${shift.id}/cash-movements`);
    expect(list.status).toBe(200);
    expect(list.body.map((m: { id: string }) => m.id)).toEqual([first.body.id, second.body.id, third.body.id]);
    expect(list.body[1]).toEqual({
      id: second.body.id,
      shiftId: shift.id,
      kind: 'paid_out',
      amount: 30000,
      reason: 'Инкассация',
      staffId: supervisor.staffId,
      staffName: expect.any(String),
      createdAt: second.body.createdAt,
    });
    expect(list.body[1].staffName.length).toBeGreaterThan(0);
    expect(list.body[0].createdAt <= list.body[1].createdAt && list.body[1].createdAt <= list.body[2].createdAt).toBe(true);
    expect((await cashier.get(`/pos/shifts/${shift.id}`)).body.totals.cash.expected).toBe(50000 + 10000 - 30000 - 100);
  });

  it('refuses a paid-out above what the drawer should hold (409 shift.cash_short with the available amount); exactly that much goes', async () => {
    const cashier = await newCashier('Кассир Нехватка');
    const shift = await openShift(cashier, 20000);
    expect((await move(cashier, shift.id, { kind: 'paid_in', amount: 5000, reason: 'Размен' })).status).toBe(201);

    const short = await move(cashier, shift.id, { kind: 'paid_out', amount: 25001, reason: 'Слишком много' });
    expect(short.status).toBe(409);
    expect(short.headers['content-type']).toContain('application/problem+json');
    expect(short.body).toMatchObject({ code: 'shift.cash_short', available: 25000 });
    expect(await rowsOf(shift.id)).toHaveLength(1);

    expect((await move(cashier, shift.id, { kind: 'paid_out', amount: 25000, reason: 'Всё до копейки' })).status).toBe(201);
    const empty = await move(cashier, shift.id, { kind: 'paid_out', amount: 1, reason: 'Ещё' });
    expect(empty.status).toBe(409);
    expect(empty.body).toMatchObject({ code: 'shift.cash_short', available: 0 });
    expect((await cashier.get(`/pos/shifts/${shift.id}`)).body.totals.cash.expected).toBe(0);
  });

  it('lets only one of two paid-outs arriving at once take the last of the drawer', async () => {
    const cashier = await newCashier('Кассир Гонка');
    const shift = await openShift(cashier, 20000);
    const results = await Promise.all([
      move(cashier, shift.id, { kind: 'paid_out', amount: 15000, reason: 'Первый' }),
      move(supervisor, shift.id, { kind: 'paid_out', amount: 15000, reason: 'Второй' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.status === 409)!.body).toMatchObject({ code: 'shift.cash_short', available: 5000 });
    expect(await rowsOf(shift.id)).toHaveLength(1);
  });

  it('replays the same clientRequestId with the first answer and writes one row', async () => {
    const cashier = await newCashier('Кассир Повтор');
    const shift = await openShift(cashier, 10000);
    const body = { kind: 'paid_in', amount: 4000, reason: 'Размен', clientRequestId: requestId() };
    const first = await cashier.post(`/pos/shifts/${shift.id}/cash-movements`, body);
    const again = await cashier.post(`/pos/shifts/${shift.id}/cash-movements`, body);
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await rowsOf(shift.id)).toHaveLength(1);
    expect((await cashier.get(`/pos/shifts/${shift.id}`)).body.cashMovements).toEqual({ paidIn: 4000, paidOut: 0 });
  });

  it('refuses a waiter (403) and writes nothing; the defaults grant shifts.cash to cashier, supervisor and admin only', async () => {
    const cashier = await newCashier('Кассир Права');
    const shift = await openShift(cashier, 10000);
    const res = await move(anna, shift.id, { kind: 'paid_in', amount: 1000, reason: 'Размен' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('auth.forbidden');
    expect((await anna.get(`/pos/shifts/${shift.id}/cash-movements`)).status).toBe(403);
    expect(await rowsOf(shift.id)).toHaveLength(0);
    const granted = Object.entries(DEFAULT_ROLE_PERMISSIONS).filter(([, permissions]) => permissions.includes('shifts.cash')).map(([role]) => role);
    expect(granted.sort()).toEqual(['admin', 'cashier', 'supervisor']);
  });

  it.each([
    [{ kind: 'paid_in', amount: 0, reason: 'Размен' }, 'body.amount'],
    [{ kind: 'paid_in', amount: -100, reason: 'Размен' }, 'body.amount'],
    [{ kind: 'paid_in', amount: 10.5, reason: 'Размен' }, 'body.amount'],
    [{ kind: 'paid_in', amount: 1_000_000_001, reason: 'Размен' }, 'body.amount'],
    [{ kind: 'paid_in', reason: 'Размен' }, 'body.amount'],
    [{ kind: 'paid_in', amount: 100, reason: '   ' }, 'body.reason'],
    [{ kind: 'paid_in', amount: 100, reason: 'x'.repeat(201) }, 'body.reason'],
    [{ kind: 'paid_in', amount: 100, reason: 'Карта 4111 1111 1111 1111' }, 'body.reason'],
    [{ kind: 'paid_in', amount: 100 }, 'body.reason'],
    [{ kind: 'refund', amount: 100, reason: 'Размен' }, 'body.kind'],
    [{ amount: 100, reason: 'Размен' }, 'body.kind'],
    [{ kind: 'paid_in', amount: 100, reason: 'Размен', method: 'card' }, 'body.method'],
  ])('rejects %p with a 400 naming %s, and writes nothing', async (body, path) => {
    const cashier = await newCashier('Кассир Ввод');
    const shift = await openShift(cashier, 10000);
    const res = await move(cashier, shift.id, body);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(paths(res.body)).toContain(path);
    expect(await rowsOf(shift.id)).toHaveLength(0);
    expect(await t.database.db.selectFrom('audit_log').select('id').where('entity_id', '=', shift.id).execute()).toHaveLength(0);
  });

  it('refuses a closed shift (409 shift.closed) and another venue’s shift (404)', async () => {
    const cashier = await newCashier('Кассир Закрыта');
    const shift = await openShift(cashier, 10000);
    const closed = await cashier.post(`/pos/shifts/${shift.id}/close`, { counted: { cash: 10000, card: 0 }, clientRequestId: requestId() });
    expect(closed.status).toBe(200);
    const late = await move(cashier, shift.id, { kind: 'paid_in', amount: 1000, reason: 'Размен' });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('shift.closed');

    const open = await openShift(cashier, 10000);
    const foreign = await t.login('2222', 'demo-2');
    const other = await move(foreign, open.id, { kind: 'paid_in', amount: 1000, reason: 'Размен' });
    expect(other.status).toBe(404);
    expect(other.body.code).toBe('shift.not_found');
    expect((await foreign.get(`/pos/shifts/${open.id}/cash-movements`)).status).toBe(404);
    expect(await rowsOf(shift.id)).toHaveLength(0);
    expect(await rowsOf(open.id)).toHaveLength(0);
  });

  it('keeps movements append-only: the database refuses to change or delete one', async () => {
    const cashier = await newCashier('Кассир Журнал');
    const shift = await openShift(cashier, 10000);
    const res = await move(cashier, shift.id, { kind: 'paid_in', amount: 1000, reason: 'Размен' });
    expect(res.status).toBe(201);
    const db = t.database.db;
    const update = await settleWrite(db.updateTable('cash_movements').set({ amount: 1 }).where('id', '=', res.body.id).execute());
    expect(update).toMatchObject({ refused: true, message: expect.stringContaining('append-only') });
    const remove = await settleWrite(db.deleteFrom('cash_movements').where('id', '=', res.body.id).execute());
    expect(remove).toMatchObject({ refused: true, message: expect.stringContaining('append-only') });
    expect(await rowsOf(shift.id)).toHaveLength(1);
  });

  it("migration 015 grants shifts.cash to every existing venue's cashier, supervisor and admin roles, once", async () => {
    const db = t.database.db;
    const permissionsOf = async (role: string) =>
      (await db.selectFrom('role_permissions').select('permissions').where('role', '=', role).execute()).map((r) => JSON.parse(r.permissions) as string[]);
    // Venues from before the permission: no role has it.
    for (const row of await db.selectFrom('role_permissions').select(['venue_id', 'role', 'permissions']).execute()) {
      const without = (JSON.parse(row.permissions) as string[]).filter((p) => p !== 'shifts.cash');
      await db.updateTable('role_permissions').set({ permissions: JSON.stringify(without) }).where('venue_id', '=', row.venue_id).where('role', '=', row.role).execute();
    }
    await grantShiftsCash(db);
    await grantShiftsCash(db);
    for (const role of ['cashier', 'supervisor', 'admin']) {
      const all = await permissionsOf(role);
      expect(all.length).toBeGreaterThan(1);
      for (const permissions of all) expect(permissions.filter((p) => p === 'shifts.cash')).toHaveLength(1);
    }
    for (const role of ['waiter', 'cook']) for (const permissions of await permissionsOf(role)) expect(permissions).not.toContain('shifts.cash');
  });
});
