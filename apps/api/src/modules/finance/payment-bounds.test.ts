import type { Payment } from '@pos/contracts';
import { type Client, createTestApp, requestId, type TestApp } from '../../testing/harness';

/**
 * What the tablet reports is bounded by the bill (issue 13): a hold never above the payment, a
 * card tip never above the venue's tip tolerance of what it pays, a refund never above what was
 * captured. A refusal is a 409 problem+json with its code, and nothing of the command is written.
 */
describe('finance: holds, tips and refunds are bounded by the bill', () => {
  let t: TestApp;
  let admin: Client;
  let anna: Client;
  let cashier: Client;
  let supervisor: Client;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('999999');
    anna = await t.login('1111');
    cashier = await t.login('2222');
    supervisor = await t.login('333333');
    const opened = await Promise.all([cashier.post('/pos/shifts', { openingFloat: 0 }), supervisor.post('/pos/shifts', { openingFloat: 0 })]);
    expect(opened.map((r) => r.status)).toEqual([201, 201]);
  });
  afterAll(() => t.close());

  const borscht = 45000;
  /** The venue's default tip tolerance: 20 % of what is paid. */
  const tolerance = (amount: number, percent = 20) => Math.floor((amount * percent) / 100);

  const counterOrder = async (quantity = 1) => {
    const product = await t.product('borscht');
    const res = await anna.post('/pos/orders', { items: [{ productId: product.id, quantity }], clientRequestId: requestId() });
    expect(res.status).toBe(201);
    return res.body as { id: string; total: number };
  };
  const open = async (method: 'deferred' | 'softpos' = 'deferred') => {
    const order = await counterOrder();
    const res = await cashier.post('/pos/finance/payments', { orderId: order.id, tenders: [{ method, amount: order.total }], clientRequestId: requestId() });
    expect(res.status).toBe(201);
    return { orderId: order.id, payment: res.body.payments[0] as Payment };
  };
  const act = (client: Client, id: string, action: string, body: Record<string, unknown> = {}) =>
    client.post(`/pos/finance/payments/${id}/${action}`, { clientRequestId: requestId(), ...body });
  const pay = (body: Record<string, unknown>) => cashier.post('/pos/finance/payments', { clientRequestId: requestId(), ...body });
  const row = (id: string) => t.database.db.selectFrom('payments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const eventsOf = (id: string) => t.database.db.selectFrom('payment_events').selectAll().where('payment_id', '=', id).execute();
  const ledgerOf = (id: string) => t.database.db.selectFrom('ledger_entries').selectAll().where('payment_id', '=', id).execute();
  /** Everything a refused command could have touched, to compare before and after. */
  const snapshot = async (id: string) => ({ row: await row(id), events: (await eventsOf(id)).length, ledger: (await ledgerOf(id)).length });
  const expectRefused = (res: { status: number; headers: Record<string, unknown>; body: { code?: string } }, code: string) => {
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 409, code });
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  };

  it('refuses a hold above the payment and a tip within tolerance (the probe held 10× the bill), approved or timed out, and writes nothing', async () => {
    const { payment } = await open();
    const before = await snapshot(payment.id);
    for (const outcome of ['approved', 'timeout'] as const) {
      for (const amount of [borscht * 10, borscht + tolerance(borscht) + 1]) {
        const res = await act(cashier, payment.id, 'hold', { amount, outcome });
        expectRefused(res, 'payment.hold_exceeds_payment');
        expect(res.body.limit).toBe(borscht + tolerance(borscht));
      }
    }
    expect(await snapshot(payment.id)).toEqual(before);
    expect(before.row).toMatchObject({ status: 'created', held_amount: 0, pending_amount: 0 });

    // Tap to pay charges the bill and the tip at once and records that as the hold: it is taken.
    const held = await act(cashier, payment.id, 'hold', { amount: borscht + tolerance(borscht) });
    expect(held.status).toBe(200);
    expect(held.body).toMatchObject({ status: 'authorized', held: borscht + tolerance(borscht) });
    // The sale captured from it is still at most the payment; the rest of the hold is the tip.
    expectRefused(await act(cashier, payment.id, 'capture', { amount: borscht + 1 }), 'payment.exceeds_requested');
    const captured = await act(cashier, payment.id, 'capture', { amount: borscht, tip: tolerance(borscht) });
    expect(captured.body).toMatchObject({ status: 'captured', amount: borscht, tip: tolerance(borscht) });
  });

  it("the probe's chain: no tip of 10× the bill on a hold, and no refund above what was captured", async () => {
    const { orderId, payment } = await open();
    expectRefused(await act(cashier, payment.id, 'hold', { amount: borscht * 10 }), 'payment.hold_exceeds_payment');
    expect((await act(cashier, payment.id, 'hold')).body).toMatchObject({ status: 'authorized', held: borscht });

    const before = await snapshot(payment.id);
    expectRefused(await act(cashier, payment.id, 'capture', { tip: borscht * 10 }), 'payment.tip_over_tolerance');
    expectRefused(await act(cashier, payment.id, 'capture', { tip: tolerance(borscht) + 1 }), 'payment.tip_over_tolerance');
    expect(await snapshot(payment.id)).toEqual(before);

    const captured = await act(cashier, payment.id, 'capture', { tip: tolerance(borscht) });
    expect(captured.status).toBe(200);
    expect(captured.body).toMatchObject({ status: 'captured', amount: borscht, tip: tolerance(borscht) });
    const total = borscht + tolerance(borscht);

    const afterCapture = await snapshot(payment.id);
    expectRefused(await act(supervisor, payment.id, 'refund', { amount: total + 1, reason: 'Above the bill' }), 'payment.exceeds_refundable');
    expectRefused(await act(supervisor, payment.id, 'refund', { amount: borscht * 10, reason: 'Ten bills' }), 'payment.exceeds_refundable');
    expect(await snapshot(payment.id)).toEqual(afterCapture);

    expect((await act(supervisor, payment.id, 'refund', { amount: total - 1, reason: 'Almost all' })).status).toBe(200);
    expectRefused(await act(supervisor, payment.id, 'refund', { amount: 2, reason: 'One too many' }), 'payment.exceeds_refundable');
    expect((await act(supervisor, payment.id, 'refund', { amount: 1, reason: 'The rest' })).body).toMatchObject({ status: 'refunded', refunded: total });
    const refunds = (await ledgerOf(payment.id)).filter((r) => r.kind === 'refund').reduce((s, r) => s + r.amount, 0);
    expect(refunds).toBe(total);
    const order = (await cashier.get(`/pos/orders/${orderId}`)).body;
    expect(order.paid).toBe(0);
  });

  it("a partial capture's tip is bounded by the tolerance of what it captures, not of the hold", async () => {
    const { payment } = await open();
    expect((await act(cashier, payment.id, 'hold')).status).toBe(200);
    const before = await snapshot(payment.id);
    // 10 000 captured of a 45 000 hold: the old rule let the tip take up the rest of the hold and more.
    expectRefused(await act(cashier, payment.id, 'capture', { amount: 10000, tip: 30000 }), 'payment.tip_over_tolerance');
    expectRefused(await act(cashier, payment.id, 'capture', { amount: 10000, tip: tolerance(10000) + 1 }), 'payment.tip_over_tolerance');
    expect(await snapshot(payment.id)).toEqual(before);
    const ok = await act(cashier, payment.id, 'capture', { amount: 10000, tip: tolerance(10000) });
    expect(ok.body).toMatchObject({ status: 'captured', amount: 10000, tip: 2000 });
  });

  it('a direct sale (capture from created) and a timed-out capture are bounded the same way', async () => {
    const sale = await open('softpos');
    const before = await snapshot(sale.payment.id);
    expectRefused(await act(cashier, sale.payment.id, 'capture', { tip: borscht * 10 }), 'payment.tip_over_tolerance');
    expectRefused(await act(cashier, sale.payment.id, 'capture', { tip: borscht * 10, outcome: 'timeout' }), 'payment.tip_over_tolerance');
    expect(await snapshot(sale.payment.id)).toEqual(before);
    expect((await act(cashier, sale.payment.id, 'capture', { tip: 500 })).body).toMatchObject({ status: 'captured', tip: 500 });
  });

  it('card tenders: their tips together stay within the tolerance of what the command pays; a cash tip is counted cash and is not bounded', async () => {
    const a = await counterOrder();
    const refused = await pay({ orderId: a.id, tenders: [{ method: 'card', amount: borscht, tip: borscht * 10 }] });
    expectRefused(refused, 'payment.tip_over_tolerance');
    expect(refused.body.limit).toBe(tolerance(borscht));
    expectRefused(await pay({ orderId: a.id, tenders: [{ method: 'card', amount: borscht, tip: tolerance(borscht) + 1 }] }), 'payment.tip_over_tolerance');
    expect(await t.database.db.selectFrom('payments').select('id').where('order_id', '=', a.id).execute()).toEqual([]);
    expect((await cashier.get(`/pos/orders/${a.id}`)).body).toMatchObject({ status: 'open', paid: 0 });

    // The pay dialog puts the whole bill's tip on the first card tender: 20 % of the bill is fine.
    const b = await counterOrder();
    const mixed = await pay({
      orderId: b.id,
      tenders: [
        { method: 'cash', amount: 30000 },
        { method: 'card', amount: 15000, tip: tolerance(borscht) },
      ],
    });
    expect(mixed.status).toBe(201);

    // "Keep the change": cash the guest handed over, in the drawer and counted at the close.
    const c = await counterOrder();
    const cash = await pay({ orderId: c.id, tenders: [{ method: 'cash', amount: borscht, tip: 55000, tendered: 100000 }] });
    expect(cash.status).toBe(201);
    expect(cash.body.payments[0]).toMatchObject({ tip: 55000, change: 0 });
  });

  it("follows the venue's tip tolerance as the admin set it", async () => {
    expect((await admin.put('/admin/payments/settings', { tipTolerancePercent: 10 })).status).toBe(200);
    try {
      const { payment } = await open();
      expect((await act(cashier, payment.id, 'hold')).status).toBe(200);
      expectRefused(await act(cashier, payment.id, 'capture', { tip: tolerance(borscht, 10) + 1 }), 'payment.tip_over_tolerance');
      expect((await act(cashier, payment.id, 'capture', { tip: tolerance(borscht, 10) })).body).toMatchObject({ status: 'captured', tip: 4500 });
    } finally {
      expect((await admin.put('/admin/payments/settings', { tipTolerancePercent: 20 })).status).toBe(200);
    }
  });

  it('keeps cash tips within what a bill may carry: a tender above it is a 400, tips summed over payments a 409, nothing written', async () => {
    const order = await counterOrder(2);
    const huge = await pay({ orderId: order.id, tenders: [{ method: 'cash', amount: 100, tip: 1_000_000_001 }] });
    expect(huge.status).toBe(400);
    expect(huge.body.errors.map((e: { path: string }) => e.path)).toContain('body.tenders.0.tip');

    expect((await pay({ orderId: order.id, tenders: [{ method: 'cash', amount: 100, tip: 999_999_990 }] })).status).toBe(201);
    const over = await pay({ orderId: order.id, tenders: [{ method: 'cash', amount: 100, tip: 11 }] });
    expectRefused(over, 'payment.tips_too_large');
    const payments = await t.database.db.selectFrom('payments').select(['amount', 'tip']).where('order_id', '=', order.id).execute();
    expect(payments).toEqual([{ amount: 100, tip: 999_999_990 }]);
    // The order still reads (its tips fit the answer), and so does the cashier's shift.
    expect((await anna.get(`/pos/orders/${order.id}`)).body.tips).toBe(999_999_990);
    expect((await cashier.get('/pos/shifts/current')).status).toBe(200);
  });

  it('keeps every amount a tablet sends within what the database column holds (fuzzer finding: 500s on PostgreSQL)', async () => {
    const order = await counterOrder();
    const tendered = await pay({ orderId: order.id, tenders: [{ method: 'cash', amount: order.total, tendered: 100_000_000_000 }] });
    expect(tendered.status).toBe(400);
    expect(tendered.body.errors.map((e: { path: string }) => e.path)).toContain('body.tenders.0.tendered');
    const float = await t.login('2222', 'demo-2');
    const opened = await float.post('/pos/shifts', { openingFloat: 100_000_000_000 });
    expect(opened.status).toBe(400);
    expect(opened.body.errors[0].path).toBe('body.openingFloat');
    const shift = (await cashier.get('/pos/shifts/current')).body.shift as { id: string };
    const close = await cashier.post(`/pos/shifts/${shift.id}/close`, { counted: { cash: 100_000_000_000, card: 0 } });
    expect(close.status).toBe(400);
    expect(close.body.errors[0].path).toBe('body.counted.cash');
    const add = await anna.post(`/pos/orders/${order.id}/items`, { items: [{ productId: (await t.product('borscht')).id, quantity: 1 }], version: 2_147_483_648 });
    expect(add.status).toBe(400);
    expect(add.body.errors[0].path).toBe('body.version');
    expect((await cashier.get(`/pos/orders/${order.id}`)).body.paid).toBe(0);
  });
});
