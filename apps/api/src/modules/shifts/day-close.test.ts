import { ClosedShiftSchema, type Payment } from '@pos/contracts';
import { type Client, createTestApp, requestId, type TestApp } from '../../testing/harness';

/**
 * Day close (issue 8): closing the venue's last open shift settles holds past their expiry first,
 * in the same transaction, as the venue chose (capture or release); captures are booked to the
 * closing shift. While another shift stays open, a close settles nothing.
 */
describe('shifts: day close settles expired holds', () => {
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
  });
  afterAll(() => t.close());

  const borscht = 45000;
  /** Holds expire at once, so each hold taken below is past its expiry by the close. */
  const policy = async (dayClosePolicy: 'capture' | 'release') => {
    const res = await admin.put('/admin/payments/settings', { holdExpiryDays: 0, dayClosePolicy });
    expect(res.status).toBe(200);
  };
  const openShift = async (client: Client) => {
    const res = await client.post('/pos/shifts', { openingFloat: 0, clientRequestId: requestId() });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const close = (client: Client, shiftId: string, body: Record<string, unknown>) => client.post(`/pos/shifts/${shiftId}/close`, { clientRequestId: requestId(), ...body });
  /** A counter order with a deferred payment the terminal authorized (held), taken by `taker`. */
  const heldOrder = async (taker: Client = cashier) => {
    const product = await t.product('borscht');
    const order = await anna.post('/pos/orders', { items: [{ productId: product.id, quantity: 1 }], clientRequestId: requestId() });
    expect(order.status).toBe(201);
    const opened = await taker.post('/pos/finance/payments', { orderId: order.body.id, tenders: [{ method: 'deferred', amount: borscht }], clientRequestId: requestId() });
    expect(opened.status).toBe(201);
    const held = await taker.post(`/pos/finance/payments/${opened.body.payments[0].id}/hold`, { maskedCard: '•••• 4242', clientRequestId: requestId() });
    expect(held.body).toMatchObject({ status: 'authorized', held: borscht });
    return { orderId: order.body.id as string, orderShiftId: order.body.shiftId as string | null, payment: held.body as Payment };
  };
  const paymentOf = async (orderId: string, id: string) => ((await cashier.get(`/pos/finance/payments?orderId=${orderId}`)).body as Payment[]).find((p) => p.id === id)!;
  const ledgerOf = (paymentId: string) => t.database.db.selectFrom('ledger_entries').selectAll().where('payment_id', '=', paymentId).execute();
  const eventsOf = (paymentId: string) => t.database.db.selectFrom('payment_events').selectAll().where('payment_id', '=', paymentId).orderBy('created_at').orderBy('id').execute();

  it('capture policy: the last close captures the expired hold and books it to the closing shift', async () => {
    await policy('capture');
    const shiftId = await openShift(cashier);
    const { orderId, payment } = await heldOrder();

    const body = { counted: { cash: 0, card: borscht }, clientRequestId: requestId() };
    const res = await cashier.post(`/pos/shifts/${shiftId}/close`, body);
    expect(res.status).toBe(200);
    expect(() => ClosedShiftSchema.parse(res.body)).not.toThrow();
    expect(res.body).toMatchObject({ id: shiftId, status: 'closed' });
    expect(res.body.settledHolds.captured.map((p: Payment) => [p.id, p.status, p.amount])).toEqual([[payment.id, 'captured', borscht]]);
    expect(res.body.settledHolds.released).toEqual([]);
    // Counted into the closing shift's totals before they were read.
    expect(res.body.totals.card).toMatchObject({ sales: borscht, expected: borscht });
    expect(res.body.difference).toEqual({ cash: 0, card: 0 });

    expect((await ledgerOf(payment.id)).map((r) => [r.kind, r.shift_id, Number(r.amount)])).toEqual([['sale', shiftId, borscht]]);
    expect((await cashier.get(`/pos/orders/${orderId}`)).body.status).toBe('paid');
    const last = (await eventsOf(payment.id)).at(-1)!;
    expect(last).toMatchObject({ action: 'capture', to_status: 'captured', staff_id: cashier.staffId, reason: 'Day close: expired hold captured' });

    // A resent close answers the same, settling nothing twice.
    const again = await cashier.post(`/pos/shifts/${shiftId}/close`, body);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(res.body);
    expect(await ledgerOf(payment.id)).toHaveLength(1);
  });

  it('settles nothing while another shift stays open; the last close does', async () => {
    await policy('capture');
    const cashierShift = await openShift(cashier);
    const supervisorShift = await openShift(supervisor);
    const { orderId, payment } = await heldOrder();

    const first = await close(cashier, cashierShift, { counted: { cash: 0, card: 0 } });
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('closed');
    expect(first.body).not.toHaveProperty('settledHolds');
    expect((await paymentOf(orderId, payment.id)).status).toBe('authorized');
    expect(await ledgerOf(payment.id)).toEqual([]);

    const last = await close(supervisor, supervisorShift, { counted: { cash: 0, card: borscht } });
    expect(last.status).toBe(200);
    expect(last.body.settledHolds.captured.map((p: Payment) => p.id)).toEqual([payment.id]);
    expect(last.body.totals.card.sales).toBe(borscht);
    // Booked to the shift being closed, not to the cashier's (closed) shift it was taken on.
    expect((await ledgerOf(payment.id)).map((r) => r.shift_id)).toEqual([supervisorShift]);
    expect((await cashier.get(`/pos/shifts/${cashierShift}`)).body.totals.card.sales).toBe(0);
  });

  it('two last shifts closed at the same moment: exactly one close is the day close', async () => {
    await policy('capture');
    const adminShift = await openShift(admin);
    const supervisorShift = await openShift(supervisor);
    const { payment } = await heldOrder(supervisor);
    // Both may close over the check the hold keeps open, so whichever goes first succeeds.
    const forced = { counted: { cash: 0, card: 0 }, force: true, reason: 'End of day' };
    const [a, b] = await Promise.all([close(admin, adminShift, forced), close(supervisor, supervisorShift, forced)]);
    expect([a, b].map((r) => [r.status, r.body.code])).toEqual([
      [200, undefined],
      [200, undefined],
    ]);
    const settling = [a, b].filter((r) => r.body.settledHolds);
    expect(settling).toHaveLength(1);
    expect(settling[0].body.settledHolds.captured.map((p: Payment) => p.id)).toEqual([payment.id]);
    expect((await ledgerOf(payment.id)).map((r) => r.shift_id)).toEqual([settling[0].body.id]);
  });

  it('release policy: the hold is released in the same transaction as the close, or not at all', async () => {
    await policy('release');
    const shiftId = await openShift(cashier);
    const { orderId, orderShiftId, payment } = await heldOrder();
    expect(orderShiftId).toBe(shiftId);
    const eventsBefore = (await eventsOf(payment.id)).length;

    // The released order stays open, so the close is refused, and the release is rolled back.
    const refused = await close(cashier, shiftId, { counted: { cash: 0, card: 0 } });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'shift.open_checks', orderIds: [orderId] });
    expect((await paymentOf(orderId, payment.id)).status).toBe('authorized');
    expect(await eventsOf(payment.id)).toHaveLength(eventsBefore);

    const forced = await close(supervisor, shiftId, { counted: { cash: 0, card: 0 }, force: true, reason: 'Guest left, hold lapsed' });
    expect(forced.status).toBe(200);
    expect(forced.body.settledHolds).toEqual({ captured: [], released: [expect.objectContaining({ id: payment.id, status: 'cancelled' })] });
    expect(forced.body.totals.card).toMatchObject({ sales: 0, expected: 0 });
    expect((await paymentOf(orderId, payment.id)).status).toBe('cancelled');
    expect(await ledgerOf(payment.id)).toEqual([]);
    expect((await eventsOf(payment.id)).at(-1)).toMatchObject({ action: 'cancel', to_status: 'cancelled', staff_id: supervisor.staffId, reason: 'Day close: expired hold released' });
  });

  it('a hold not yet expired stays held at day close; the last close lists empty settlements', async () => {
    const res = await admin.put('/admin/payments/settings', { holdExpiryDays: 7, dayClosePolicy: 'capture' });
    expect(res.status).toBe(200);
    const shiftId = await openShift(cashier);
    const { orderId, payment } = await heldOrder();
    const closed = await close(supervisor, shiftId, { counted: { cash: 0, card: 0 }, force: true, reason: 'Tab stays open' });
    expect(closed.status).toBe(200);
    expect(closed.body.settledHolds).toEqual({ captured: [], released: [] });
    expect((await paymentOf(orderId, payment.id)).status).toBe('authorized');
  });

  it('refuses bad input with 400 and field paths before settling anything', async () => {
    await policy('capture');
    const shiftId = await openShift(cashier);
    const { orderId, payment } = await heldOrder();
    for (const [body, path] of [
      [{}, 'body.counted'],
      [{ counted: { cash: -1, card: 0 } }, 'body.counted.cash'],
      [{ counted: { cash: 0 } }, 'body.counted.card'],
      [{ counted: { cash: 0, card: 0 }, force: 'yes' }, 'body.force'],
    ] as const) {
      const res = await close(cashier, shiftId, body);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect((res.body.errors as { path: string }[]).map((e) => e.path)).toContain(path);
    }
    const badId = await close(cashier, 'not-a-uuid', { counted: { cash: 0, card: 0 } });
    expect(badId.status).toBe(400);
    expect((await paymentOf(orderId, payment.id)).status).toBe('authorized');

    // Another cashier, without the override: refused before anything is settled.
    expect((await admin.post('/admin/staff', { name: 'Кассир Второй', role: 'cashier', pin: '5551' })).status).toBe(201);
    const otherCashier = await t.login('5551');
    const foreign = await close(otherCashier, shiftId, { counted: { cash: 0, card: 0 } });
    expect(foreign.status).toBe(403);
    expect(foreign.body.code).toBe('auth.forbidden');
    expect((await paymentOf(orderId, payment.id)).status).toBe('authorized');

    // The day's last close also answers for the checks earlier tests left open over forced closes.
    const closed = await close(supervisor, shiftId, { counted: { cash: 0, card: borscht }, force: true, reason: 'Tabs of earlier days stay open' });
    expect(closed.status).toBe(200);
    expect(closed.body.settledHolds.captured.map((p: Payment) => p.id)).toContain(payment.id);
  });
});
