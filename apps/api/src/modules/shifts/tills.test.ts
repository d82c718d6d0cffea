import { type Client, createTestApp, hire, requestId, type TestApp } from '../../testing/harness';

/**
 * Tills (issue 17, point 0): the cash follows the drawer, not the person. A shift is opened on a
 * till; a tablet attached to the till books every payment and refund taken on it to the till's
 * open shift, whoever takes it, and each row keeps who did. A supervisor closes another's shift
 * blind, with a reason (point 5).
 */
describe('shifts: tills', () => {
  let t: TestApp;
  let admin: Client;
  let anna: Client;
  let tillNo = 0;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('999999');
    anna = await t.login('1111');
  });
  afterAll(() => t.close());

  const paths = (body: { errors?: { path: string }[] }) => (body.errors ?? []).map((e) => e.path);
  const createTill = async (name = `Тестовая касса ${++tillNo}`) => {
    const res = await admin.post('/admin/tills', { name, clientRequestId: requestId() });
    expect(res.status).toBe(201);
    return res.body as { id: string; name: string };
  };
  /** A tablet enrolled under `label`, attached to the till. */
  const attach = async (label: string, tillId: string | null) => {
    const device = await t.device(label);
    const res = await admin.put(`/admin/devices/${device.deviceId}/till`, { tillId, clientRequestId: requestId() });
    expect(res.status).toBe(200);
    expect(res.body.tillId).toBe(tillId);
    return device;
  };
  const counterOrder = async () => {
    const product = await t.product('borscht');
    const res = await anna.post('/pos/orders', { items: [{ productId: product.id, quantity: 1 }], clientRequestId: requestId() });
    expect(res.status).toBe(201);
    return res.body as { id: string; total: number };
  };
  const shiftCount = async () => Number((await t.database.db.selectFrom('shifts').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('manages tills: unique names, bounded input with field paths, a tablet attached only to a till in use', async () => {
    const till = await createTill('Бар у окна');
    expect(till).toMatchObject({ name: 'Бар у окна', archived: false, openShift: null });

    const taken = await admin.post('/admin/tills', { name: 'Бар у окна', clientRequestId: requestId() });
    expect({ status: taken.status, code: taken.body.code }).toEqual({ status: 409, code: 'till.name_taken' });
    const empty = await admin.post('/admin/tills', { name: '   ', clientRequestId: requestId() });
    expect(empty.status).toBe(400);
    expect(paths(empty.body)).toEqual(['body.name']);
    const long = await admin.post('/admin/tills', { name: 'x'.repeat(41), clientRequestId: requestId() });
    expect(paths(long.body)).toEqual(['body.name']);
    expect((await admin.get('/admin/tills')).body.tills.filter((x: { name: string }) => x.name === 'Бар у окна')).toHaveLength(1);

    const device = await t.device('tills-admin');
    const unknown = await admin.put(`/admin/devices/${device.deviceId}/till`, { tillId: '00000000-0000-4000-8000-000000000000', clientRequestId: requestId() });
    expect(unknown.status).toBe(400);
    expect(paths(unknown.body)).toEqual(['body.tillId']);
    const devices = (await admin.get('/admin/devices')).body.devices as { id: string; tillId: string | null }[];
    expect(devices.find((d) => d.id === device.deviceId)?.tillId).toBeNull();

    // Only Admin manages tills.
    expect((await anna.post('/admin/tills', { name: 'Касса официанта', clientRequestId: requestId() })).status).toBe(403);
  });

  it("a shift opens on the tablet's till; a second one on that till is refused and nothing is written", async () => {
    const till = await createTill();
    await attach('tills-open', till.id);
    const vera = await hire(t, admin, 'cashier', 'Кассир Тилль', 'tills-open');
    const opened = await vera.post('/pos/shifts', { openingFloat: 100000, clientRequestId: requestId() });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ tillId: till.id, tillName: till.name, cashierName: 'Кассир Тилль' });

    const colleague = await hire(t, admin, 'cashier', 'Кассир Второй', 'tills-open');
    const before = await shiftCount();
    const second = await colleague.post('/pos/shifts', { openingFloat: 0, clientRequestId: requestId() });
    expect({ status: second.status, code: second.body.code, cashierName: second.body.cashierName }).toEqual({ status: 409, code: 'till.busy', cashierName: 'Кассир Тилль' });
    // Naming the same till from another tablet is refused too; an unknown one is a field error.
    const elsewhere = await hire(t, admin, 'cashier', 'Кассир Третий');
    expect((await elsewhere.post('/pos/shifts', { openingFloat: 0, tillId: till.id, clientRequestId: requestId() })).body.code).toBe('till.busy');
    const unknown = await elsewhere.post('/pos/shifts', { openingFloat: 0, tillId: '00000000-0000-4000-8000-000000000000', clientRequestId: requestId() });
    expect(unknown.status).toBe(400);
    expect(paths(unknown.body)).toEqual(['body.tillId']);
    expect(await shiftCount()).toBe(before);

    // The colleague on the same tablet sees the till's shift as the current one.
    expect((await colleague.get('/pos/shifts/current')).body.shift).toMatchObject({ id: opened.body.id, tillId: till.id });
    // The till list shows who holds it, and which till this tablet is.
    const tills = (await colleague.get('/pos/tills')).body;
    expect(tills.deviceTillId).toBe(till.id);
    expect(tills.tills.find((x: { id: string }) => x.id === till.id).openShift).toMatchObject({ id: opened.body.id, cashierName: 'Кассир Тилль' });
    // A till with an open shift cannot be archived.
    const archive = await admin.patch(`/admin/tills/${till.id}`, { archived: true, clientRequestId: requestId() });
    expect({ status: archive.status, code: archive.body.code }).toEqual({ status: 409, code: 'till.busy' });
  });

  it("a supervisor's payment and refund on the till's tablet book to the till's shift, and each row keeps who took it", async () => {
    const till = await createTill();
    await attach('tills-money', till.id);
    const cashier = await hire(t, admin, 'cashier', 'Кассир Ящик', 'tills-money');
    const shift = (await cashier.post('/pos/shifts', { openingFloat: 0, clientRequestId: requestId() })).body as { id: string };
    // No shift of their own: before tills this payment was refused (shift.not_open).
    const supervisor = await hire(t, admin, 'supervisor', 'Старший Ящик', 'tills-money');
    expect((await supervisor.get('/pos/shifts/current')).body.shift.id).toBe(shift.id);

    const order = await counterOrder();
    const paid = await supervisor.post('/pos/finance/payments', { orderId: order.id, tenders: [{ method: 'cash', amount: order.total }], clientRequestId: requestId() });
    expect(paid.status).toBe(201);
    expect(paid.body.payments[0].shiftId).toBe(shift.id);
    const refund = await supervisor.post(`/pos/finance/payments/${paid.body.payments[0].id}/refund`, { amount: 10000, reason: 'Остыл суп', clientRequestId: requestId() });
    expect(refund.status).toBe(200);

    const ledger = await t.database.db.selectFrom('ledger_entries').select(['kind', 'shift_id', 'staff_id', 'amount']).where('payment_id', '=', paid.body.payments[0].id).orderBy('kind').execute();
    expect(ledger.map((l) => [l.kind, l.shift_id, l.staff_id])).toEqual([
      ['refund', shift.id, supervisor.staffId],
      ['sale', shift.id, supervisor.staffId],
    ]);
    // The cashier takes one too, with a tip: each person's work comes from the same rows and adds up to the shift.
    const second = await counterOrder();
    const own = await cashier.post('/pos/finance/payments', { orderId: second.id, tenders: [{ method: 'card', amount: second.total, tip: 2000 }], clientRequestId: requestId() });
    expect(own.status).toBe(201);
    const totals = (await cashier.get(`/pos/shifts/${shift.id}`)).body.totals;
    expect(totals.cash).toMatchObject({ sales: order.total, refunds: 10000, expected: order.total - 10000 });
    const work = (await cashier.get(`/pos/shifts/${shift.id}/staff`)).body.staff;
    expect(work).toEqual([
      { staffId: cashier.staffId, staffName: 'Кассир Ящик', payments: 1, sales: second.total, tips: 2000, refunds: 0 },
      { staffId: supervisor.staffId, staffName: 'Старший Ящик', payments: 1, sales: order.total, tips: 0, refunds: 10000 },
    ].sort((a, b) => b.sales - a.sales || a.staffName.localeCompare(b.staffName)));
    const sum = (k: 'sales' | 'tips' | 'refunds') => work.reduce((s: number, w: Record<string, number>) => s + w[k], 0);
    expect([sum('sales'), sum('tips'), sum('refunds')]).toEqual([
      totals.cash.sales + totals.card.sales,
      totals.cash.tips + totals.card.tips,
      totals.cash.refunds + totals.card.refunds,
    ]);
    expect((await cashier.get('/pos/shifts/00000000-0000-4000-8000-000000000000/staff')).status).toBe(404);
    // Regression: any shifts.view holder read every shift's figures per person. Another cashier on
    // another tablet may not; the admin (shifts.reports.all) may.
    const stranger = await hire(t, admin, 'cashier', 'Кассир Чужой', 'tills-elsewhere');
    const refusedStaff = await stranger.get(`/pos/shifts/${shift.id}/staff`);
    expect({ status: refusedStaff.status, code: refusedStaff.body.code }).toEqual({ status: 403, code: 'shift.not_yours' });
    expect((await admin.get(`/pos/shifts/${shift.id}/staff`)).status).toBe(200);

    // Detached, the same supervisor's tablet books to their own drawer again (none open: refused).
    await attach('tills-money', null);
    const next = await counterOrder();
    const refused = await supervisor.post('/pos/finance/payments', { orderId: next.id, tenders: [{ method: 'cash', amount: next.total }], clientRequestId: requestId() });
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 409, code: 'shift.not_open' });
  });

  it('a supervisor closes a cashier’s shift blind from the board: reason required, difference shown after, audited with both names', async () => {
    const till = await createTill();
    await attach('tills-board', till.id);
    const cashier = await hire(t, admin, 'cashier', 'Кассир Доска', 'tills-board');
    const shift = (await cashier.post('/pos/shifts', { openingFloat: 50000, clientRequestId: requestId() })).body as { id: string };
    const supervisor = await hire(t, admin, 'supervisor', 'Старший Доска');

    // The board: who, which till, since when — no expected figure to peek at.
    const board = (await supervisor.get('/pos/shifts/open')).body.shifts as Record<string, unknown>[];
    const row = board.find((s) => s.id === shift.id)!;
    expect(row).toEqual({ id: shift.id, cashierId: cashier.staffId, cashierName: 'Кассир Доска', openedAt: expect.any(String), tillId: till.id, tillName: till.name, isRescue: false, openChecks: 0 });
    expect(JSON.stringify(board)).not.toContain('expected');
    expect((await cashier.get('/pos/shifts/open')).status).toBe(403);

    // Another cashier may not close it; the supervisor must say why; nothing changes meanwhile.
    const other = await hire(t, admin, 'cashier', 'Кассир Чужой Доска');
    expect((await other.post(`/pos/shifts/${shift.id}/close`, { counted: { cash: 50000, card: 0 }, reason: 'Конец дня', clientRequestId: requestId() })).status).toBe(403);
    const noReason = await supervisor.post(`/pos/shifts/${shift.id}/close`, { counted: { cash: 49000, card: 0 }, clientRequestId: requestId() });
    expect(noReason.status).toBe(400);
    expect(paths(noReason.body)).toEqual(['body.reason']);
    expect((await cashier.get(`/pos/shifts/${shift.id}`)).body.status).toBe('open');

    const closed = await supervisor.post(`/pos/shifts/${shift.id}/close`, { counted: { cash: 49000, card: 0 }, reason: 'Кассир ушла, пересчёт старшим', clientRequestId: requestId() });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', closeMode: 'blind', closedBy: supervisor.staffId, difference: { cash: -1000, card: 0 }, totals: { cash: { expected: 50000 } } });
    const [entry] = await t.database.db.selectFrom('audit_log').select(['action', 'staff_id', 'details']).where('entity_id', '=', shift.id).where('action', '=', 'shift.closed.blind').execute();
    expect(entry.staff_id).toBe(supervisor.staffId);
    expect(JSON.parse(entry.details)).toEqual({
      reason: 'Кассир ушла, пересчёт старшим',
      openedBy: { id: cashier.staffId, name: 'Кассир Доска' },
      closedBy: { id: supervisor.staffId, name: 'Старший Доска' },
      counted: { cash: 49000, card: 0 },
      expected: { cash: 50000, card: 0 },
      difference: { cash: -1000, card: 0 },
    });
    expect((await supervisor.get('/pos/shifts/open')).body.shifts.some((s: { id: string }) => s.id === shift.id)).toBe(false);

    // Closed, the till can be archived; a tablet attached to an archived till books to the person's drawer.
    const archived = await admin.patch(`/admin/tills/${till.id}`, { archived: true, clientRequestId: requestId() });
    expect(archived.body).toMatchObject({ archived: true, openShift: null });
    expect((await cashier.get('/pos/tills')).body.deviceTillId).toBeNull();
    const own = await cashier.post('/pos/shifts', { openingFloat: 0, clientRequestId: requestId() });
    expect(own.body.tillId).toBeNull();
  });
});
