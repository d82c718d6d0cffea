import type { Order } from '@pos/contracts';
import { clock } from '../../shared/clock';
import { type Client, createTestApp, requestId, type Response, type TestApp } from '../../testing/harness';
import { LOCKOUT } from '../auth/service';

function expectProblem(res: Response, status: number, code: string) {
  expect({ status: res.status, code: res.body?.code }).toEqual({ status, code });
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
}
const paths = (res: Response) => ((res.body?.errors ?? []) as { path: string }[]).map((e) => e.path);

/** Each lockout scenario gets its own tablet, so wrong PINs never leak between tests. */
let deviceSeq = 0;
const freshDevice = () => `approval-tablet-${++deviceSeq}`;

describe('inline supervisor approval', () => {
  let t: TestApp;
  let anna: Client;
  let boris: Client;
  let cashier: Client;
  let supervisor: Client;
  let admin: Client;
  let tableSeq = 0;

  beforeAll(async () => {
    t = await createTestApp();
    anna = await t.login('1111');
    boris = await t.login('1112');
    cashier = await t.login('2222');
    supervisor = await t.login('333333');
    admin = await t.login('999999');
  });
  afterAll(() => t.close());
  afterEach(async () => {
    jest.restoreAllMocks();
    // Wrong PINs of one scenario must not lock the venue for the next.
    await t.database.db.deleteFrom('login_lockouts').execute();
  });

  const approve = (client: Client, pin: string, permission = 'orders.void') => client.post('/pos/approvals', { permission, pin });

  /** Anna's order with two fired portions of borscht, and the url that voids them. */
  async function firedBorscht(): Promise<{ order: Order; url: string }> {
    const borscht = await t.product('borscht');
    const table = await t.table(String(++tableSeq));
    const created = await anna.post('/pos/orders', { tableId: table.id, items: [{ productId: borscht.id, quantity: 2 }], clientRequestId: requestId() });
    expect(created.status).toBe(201);
    const fired = await anna.post(`/pos/orders/${created.body.id}/send`, { clientRequestId: requestId() });
    expect(fired.status).toBe(200);
    const order = fired.body.order as Order;
    return { order, url: `/pos/orders/${order.id}/items/${order.lines[0].id}/void` };
  }

  const voidOne = (client: Client, url: string, order: Order, headers: Record<string, string> = {}, body: Record<string, unknown> = {}) =>
    client.post(url, { version: order.version, quantity: 1, reason: 'гость передумал', clientRequestId: requestId(), ...body }, headers);

  const audit = async (query: string) => {
    const res = await admin.get(`/admin/audit?${query}`);
    expect(res.status).toBe(200);
    return res.body.entries as { action: string; entityId: string | null; details: Record<string, unknown>; staff: { name: string } | null; approvedBy: { id: string; name: string } | null }[];
  };

  it("lets a waiter void a fired dish with a supervisor's PIN, and the audit log names both", async () => {
    const { order, url } = await firedBorscht();
    expectProblem(await voidOne(anna, url, order), 403, 'auth.forbidden');

    const approval = await approve(anna, '333333');
    expect(approval.status).toBe(201);
    expect(approval.headers['cache-control']).toBe('no-store');
    expect(approval.body).toEqual({
      id: expect.any(String),
      token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      permission: 'orders.void',
      approver: { id: supervisor.staffId, name: expect.any(String) },
      expiresAt: expect.any(String),
    });
    const lifetime = Date.parse(approval.body.expiresAt) - Date.now();
    expect(lifetime).toBeGreaterThan(60_000);
    expect(lifetime).toBeLessThanOrEqual(2 * 60_000);
    // Only its hash is kept.
    const stored = await t.database.db.selectFrom('approvals').selectAll().where('id', '=', approval.body.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(approval.body.token);

    const voided = await voidOne(anna, url, order, { 'x-approval': approval.body.token });
    expect(voided.status).toBe(200);
    expect(voided.body.lines[0]).toMatchObject({ voidedQuantity: 1, voidReason: 'гость передумал', kitchenState: 'changed' });

    const entries = await audit(`entityId=${order.id}`);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'order.line.voided', staff: { name: 'Анна' }, approvedBy: { id: supervisor.staffId, name: approval.body.approver.name } });
    const [used] = await audit(`action=approval.used&entityId=${approval.body.id}`);
    expect(used).toMatchObject({ staff: { name: 'Анна' }, approvedBy: { id: supervisor.staffId }, details: { permission: 'orders.void', method: 'POST', route: '/pos/orders/:id/items/:lineId/void' } });
  });

  it('is single-use: a second command is refused, a replay of the same command answers as before', async () => {
    const { order, url } = await firedBorscht();
    const { token } = (await approve(anna, '333333')).body;
    const body = { version: order.version, quantity: 1, reason: 'гость передумал', clientRequestId: requestId() };

    const first = await anna.post(url, body, { 'x-approval': token });
    expect(first.status).toBe(200);
    const replay = await anna.post(url, body, { 'x-approval': token });
    expect(replay.status).toBe(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toEqual(first.body);

    expectProblem(await voidOne(anna, url, first.body, { 'x-approval': token }), 409, 'approval.used');
    expect((await anna.get(`/pos/orders/${order.id}`)).body.lines[0].voidedQuantity).toBe(1);
  });

  it('is not spent by a refused command: the corrected command uses it', async () => {
    const { order, url } = await firedBorscht();
    const { id, token } = (await approve(anna, '333333')).body;

    const noReason = await voidOne(anna, url, order, { 'x-approval': token }, { reason: undefined });
    expectProblem(noReason, 400, 'validation');
    expect(paths(noReason)).toEqual(['body.reason']);
    expect((await t.database.db.selectFrom('approvals').select('used_at').where('id', '=', id).executeTakeFirstOrThrow()).used_at).toBeNull();

    expect((await voidOne(anna, url, order, { 'x-approval': token })).status).toBe(200);
  });

  it('is bound to the session that asked, and to the permission', async () => {
    const { order, url } = await firedBorscht();
    const { token } = (await approve(anna, '333333')).body;
    expectProblem(await voidOne(boris, url, order, { 'x-approval': token }), 403, 'approval.invalid');

    const refundOnly = (await approve(anna, '333333', 'payments.refund')).body.token;
    expectProblem(await voidOne(anna, url, order, { 'x-approval': refundOnly }), 403, 'auth.forbidden');
    expect((await anna.get(`/pos/orders/${order.id}`)).body.lines[0].voidedQuantity).toBe(0);
  });

  it('lapses when the approver is deactivated before it is used', async () => {
    const created = await admin.post('/admin/staff', { name: 'Старший на час', role: 'supervisor', pin: '765432' });
    expect(created.status).toBe(201);
    const { order, url } = await firedBorscht();
    const { token } = (await approve(anna, '765432')).body;
    expect((await admin.patch(`/admin/staff/${created.body.id}`, { isActive: false })).status).toBe(200);
    expectProblem(await voidOne(anna, url, order, { 'x-approval': token }), 403, 'approval.invalid');
  });

  it('expires after two minutes', async () => {
    const { order, url } = await firedBorscht();
    const { token } = (await approve(anna, '333333')).body;
    const real = Date.now;
    jest.spyOn(clock, 'now').mockImplementation(() => new Date(real() + 2 * 60_000 + 1_000));
    expectProblem(await voidOne(anna, url, order, { 'x-approval': token }), 403, 'approval.expired');
  });

  it('is left unspent when the staff member may do it themselves', async () => {
    const { order, url } = await firedBorscht();
    const approval = (await approve(supervisor, '333333')).body;
    expect((await voidOne(supervisor, url, order, { 'x-approval': approval.token })).status).toBe(200);
    const row = await t.database.db.selectFrom('approvals').select('used_at').where('id', '=', approval.id).executeTakeFirstOrThrow();
    expect(row.used_at).toBeNull();
  });

  it('refuses a wrong PIN, a PIN whose role may not approve, and malformed input with field paths', async () => {
    const wrong = await approve(anna, '000000');
    // 403, not 401: the waiter stays signed in.
    expectProblem(wrong, 403, 'approval.wrong_pin');
    expect(wrong.body.attemptsLeft).toBe(LOCKOUT.device.maxFailures - 1);

    const colleague = await approve(anna, '1112');
    expectProblem(colleague, 403, 'approval.not_permitted');
    expect(colleague.body.permission).toBe('orders.void');

    const adminPermission = await approve(anna, '999999', 'admin.roles');
    expectProblem(adminPermission, 400, 'validation');
    expect(paths(adminPermission)).toEqual(['body.permission']);
    expect(paths(await anna.post('/pos/approvals', { permission: 'orders.void', pin: '12' }))).toEqual(['body.pin']);

    const { order, url } = await firedBorscht();
    const badHeader = await voidOne(anna, url, order, { 'x-approval': 'not-a-token' });
    expectProblem(badHeader, 400, 'validation');
    expect(paths(badHeader)).toEqual(['headers.x-approval']);
    expectProblem(await voidOne(anna, url, order, { 'x-approval': 'A'.repeat(43) }), 403, 'approval.invalid');

    expectProblem(await t.anonymous.post('/pos/approvals', { permission: 'orders.void', pin: '333333' }), 401, 'auth.unauthorized');
  });

  it('counts wrong PINs against the sign-in lockouts of the tablet: no side door for guessing', async () => {
    const label = freshDevice();
    const waiter = await t.login('1111', 'demo', label);
    for (let i = 1; i < LOCKOUT.device.maxFailures; i++) expectProblem(await approve(waiter, `00000${i}`), 403, 'approval.wrong_pin');
    // Wrong PINs at sign-in and at approvals add up: the fifth locks the tablet.
    expectProblem(await t.tryLogin('0000', 'demo', label), 429, 'auth.locked');
    // Locked: even the right PIN is refused, on both doors.
    expectProblem(await approve(waiter, '333333'), 429, 'auth.locked');
    expectProblem(await t.tryLogin('1111', 'demo', label), 429, 'auth.locked');
    // Other tablets still work.
    expect((await approve(anna, '333333')).status).toBe(201);
  });

  it("counts approvals' wrong PINs against the venue-wide lockout too", async () => {
    const tablets = await Promise.all([freshDevice(), freshDevice(), freshDevice()].map((label) => t.login('1111', 'demo', label)));
    const guesses = Array.from({ length: LOCKOUT.venue.maxFailures }, (_, i) => tablets[i % tablets.length]);
    for (const [i, tablet] of guesses.entries()) await approve(tablet, String(100000 + i));
    expectProblem(await approve(anna, '333333'), 429, 'auth.venue_locked');
  });

  it("lets a cashier refund with a supervisor's approval", async () => {
    const shift = await cashier.post('/pos/shifts', { openingFloat: 0 });
    expect(shift.status).toBe(201);
    const borscht = await t.product('borscht');
    const created = await anna.post('/pos/orders', { items: [{ productId: borscht.id, quantity: 1 }], clientRequestId: requestId() });
    const paid = await cashier.post('/pos/finance/payments', { orderId: created.body.id, tenders: [{ method: 'cash', amount: borscht.price }], clientRequestId: requestId() });
    expect(paid.status).toBe(201);
    const paymentId = paid.body.payments[0].id as string;
    const refund = (headers: Record<string, string> = {}) =>
      cashier.post(`/pos/finance/payments/${paymentId}/refund`, { amount: 10000, reason: 'Cold soup', clientRequestId: requestId() }, headers);

    expectProblem(await refund(), 403, 'auth.forbidden');
    const approval = (await approve(cashier, '333333', 'payments.refund')).body;
    const refunded = await refund({ 'x-approval': approval.token });
    expect(refunded.status).toBe(200);
    expect(refunded.body.refundReceipt).toMatchObject({ refundedTotal: 10000 });
    const [used] = await audit(`action=approval.used&entityId=${approval.id}`);
    expect(used).toMatchObject({ staff: { name: expect.any(String) }, approvedBy: { id: supervisor.staffId }, details: { permission: 'payments.refund' } });
  });

  it("lets a cashier close a shift over open checks with a supervisor's approval", async () => {
    const current = (await cashier.get('/pos/shifts/current')).body.shift ?? (await cashier.post('/pos/shifts', { openingFloat: 0 })).body;
    const borscht = await t.product('borscht');
    const open = await anna.post('/pos/orders', { items: [{ productId: borscht.id, quantity: 1 }], clientRequestId: requestId() });
    expect(open.body.shiftId).toBe(current.id);
    const close = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
      cashier.post(`/pos/shifts/${current.id}/close`, { counted: { cash: 0, card: 0 }, clientRequestId: requestId(), ...body }, headers);

    expectProblem(await close({}), 409, 'shift.open_checks');
    expectProblem(await close({ force: true, reason: 'Гости ушли' }), 403, 'auth.forbidden');
    const approval = (await approve(cashier, '333333', 'shifts.close.override')).body;
    const closed = await close({ force: true, reason: 'Гости ушли' }, { 'x-approval': approval.token });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', overrideReason: 'Гости ушли', closedBy: cashier.staffId });
    const [entry] = await audit(`action=shift.closed.override&entityId=${current.id}`);
    expect(entry).toMatchObject({ staff: { name: expect.any(String) }, approvedBy: { id: supervisor.staffId } });
  });

  it('documents the approval route and the X-Approval header in the OpenAPI document', async () => {
    const { paths: routes } = (await t.anonymous.get('/docs/json')).body as { paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>> };
    expect(routes['/pos/approvals']?.post).toBeDefined();
    for (const [path, method] of [
      ['/pos/orders/{id}/items/{lineId}/void', 'post'],
      ['/pos/finance/payments/{id}/refund', 'post'],
      ['/pos/shifts/{id}/close', 'post'],
    ]) {
      expect(routes[path][method].parameters).toEqual(expect.arrayContaining([expect.objectContaining({ in: 'header', name: 'x-approval' })]));
    }
  });

  it('shows the audit log to staff managers only', async () => {
    expectProblem(await anna.get('/admin/audit'), 403, 'auth.forbidden');
    expect((await admin.get('/admin/audit?approved=true&limit=5')).status).toBe(200);
    expect(paths(await admin.get('/admin/audit?limit=0'))).toEqual(['query.limit']);
  });
});
