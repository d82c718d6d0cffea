import { type Payment, ReceiptSchema, RefundResultSchema } from '@pos/contracts';
import { type Client, createTestApp, requestId, type TestApp } from '../../testing/harness';

/**
 * Refunds as the guest sees them (issue 8): the refund answers the payment plus its slip, a
 * resent refund answers the same slip, and a receipt printed after a refund shows what was
 * given back.
 */
describe('finance: refund slips and receipts net of refunds', () => {
  let t: TestApp;
  let anna: Client;
  let cashier: Client;
  let supervisor: Client;
  let supervisorShiftId: string;

  beforeAll(async () => {
    t = await createTestApp();
    anna = await t.login('1111');
    cashier = await t.login('2222');
    supervisor = await t.login('333333');
    const opened = await Promise.all([cashier.post('/pos/shifts', { openingFloat: 0 }), supervisor.post('/pos/shifts', { openingFloat: 0 })]);
    expect(opened.map((r) => r.status)).toEqual([201, 201]);
    supervisorShiftId = opened[1]!.body.id;
  });
  afterAll(() => t.close());

  const borscht = 45000;
  const tableOrder = async (label: string, quantity = 1) => {
    const table = await t.table(label);
    const product = await t.product('borscht');
    const res = await anna.post('/pos/orders', { tableId: table.id, items: [{ productId: product.id, quantity }], clientRequestId: requestId() });
    expect(res.status).toBe(201);
    return res.body as { id: string; number: number; total: number };
  };
  /** A tap-to-pay sale captured with the terminal's reference and the masked card. */
  const softposSale = async (orderId: string, amount: number, tip = 0) => {
    const opened = await cashier.post('/pos/finance/payments', { orderId, tenders: [{ method: 'softpos', amount }], clientRequestId: requestId() });
    expect(opened.status).toBe(201);
    const id = (opened.body.payments[0] as Payment).id;
    const captured = await cashier.post(`/pos/finance/payments/${id}/capture`, {
      tip,
      terminalReference: 'RRN-2041',
      maskedCard: '•••• 4242',
      scheme: 'visa',
      clientRequestId: requestId(),
    });
    expect(captured.status).toBe(200);
    return captured.body as Payment;
  };
  const refund = (id: string, body: Record<string, unknown>, client: Client = supervisor) =>
    client.post(`/pos/finance/payments/${id}/refund`, { clientRequestId: requestId(), ...body });
  const refundEvents = (paymentId: string) =>
    t.database.db.selectFrom('payment_events').selectAll().where('payment_id', '=', paymentId).where('action', '=', 'refund').orderBy('created_at').orderBy('id').execute();
  const paths = (body: { errors?: { path: string }[] }) => (body.errors ?? []).map((e) => e.path);

  describe('the refund slip', () => {
    it('answers the payment as it is now plus the slip of this refund', async () => {
      const order = await tableOrder('Т1');
      const payment = await softposSale(order.id, borscht, 1000);

      const res = await refund(payment.id, { amount: 20000, reason: 'Cold soup' });
      expect(res.status).toBe(200);
      expect(() => RefundResultSchema.parse(res.body)).not.toThrow();
      // Still readable as the payment.
      expect(res.body).toMatchObject({ id: payment.id, status: 'partially_refunded', amount: borscht, tip: 1000, refunded: 20000, maskedCard: '•••• 4242' });
      const [event] = await refundEvents(payment.id);
      expect(res.body.refundReceipt).toEqual({
        refundId: event.id,
        paymentId: payment.id,
        venueName: 'Ресторан «Демо»',
        currency: 'RUB',
        orderNumber: order.number,
        tableLabel: 'Т1',
        method: 'softpos',
        maskedCard: '•••• 4242',
        reference: 'RRN-2041',
        captured: borscht + 1000,
        amount: 20000,
        refundedTotal: 20000,
        refundable: borscht + 1000 - 20000,
        reason: 'Cold soup',
        staffName: 'Григорий (старший смены)',
        // The supervisor has a drawer of their own: the money leaves it.
        drawer: { shiftId: supervisorShiftId, cashierName: 'Григорий (старший смены)' },
        issuedAt: expect.any(String),
      });
      expect(Date.parse(res.body.refundReceipt.issuedAt)).not.toBeNaN();

      // The next refund has a slip of its own; the totals add up to what was captured.
      const rest = await refund(payment.id, { amount: borscht + 1000 - 20000, reason: 'Whole bill' });
      expect(rest.status).toBe(200);
      expect(rest.body.status).toBe('refunded');
      expect(rest.body.refundReceipt).toMatchObject({ amount: 26000, refundedTotal: borscht + 1000, refundable: 0, reason: 'Whole bill' });
      expect(rest.body.refundReceipt.refundId).not.toBe(res.body.refundReceipt.refundId);
      expect((await refundEvents(payment.id)).map((e) => e.id)).toEqual([res.body.refundReceipt.refundId, rest.body.refundReceipt.refundId]);
    });

    it('a resent refund (same clientRequestId) answers the identical slip and refunds once', async () => {
      const order = await tableOrder('Т2');
      const payment = await softposSale(order.id, borscht);
      const body = { amount: 5000, reason: 'Late dish', clientRequestId: requestId() };

      const first = await supervisor.post(`/pos/finance/payments/${payment.id}/refund`, body);
      expect(first.status).toBe(200);
      const again = await supervisor.post(`/pos/finance/payments/${payment.id}/refund`, body);
      expect(again.status).toBe(200);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body).toEqual(first.body);
      expect(await refundEvents(payment.id)).toHaveLength(1);
      expect(first.body.refundReceipt).toMatchObject({ refundedTotal: 5000, refundable: borscht - 5000 });
    });

    it('shows a cash refund without card or terminal reference', async () => {
      const order = await tableOrder('Т3');
      const paid = await cashier.post('/pos/finance/payments', { orderId: order.id, tenders: [{ method: 'cash', amount: borscht }], clientRequestId: requestId() });
      expect(paid.status).toBe(201);
      const res = await refund(paid.body.payments[0].id, { amount: 1000, reason: 'Overcharged' });
      expect(res.status).toBe(200);
      expect(res.body.refundReceipt).toMatchObject({ method: 'cash', maskedCard: null, reference: null, captured: borscht, refundable: borscht - 1000 });
    });

    it('refuses bad input with 400 and field paths, a cashier with 403, too much with 409', async () => {
      const order = await tableOrder('Т4');
      const payment = await softposSale(order.id, borscht);
      for (const [body, path] of [
        [{ reason: 'No amount' }, 'body.amount'],
        [{ amount: -5, reason: 'Negative' }, 'body.amount'],
        [{ amount: 100 }, 'body.reason'],
        [{ amount: 100, reason: 'x', card: '4111' }, 'body.card'],
      ] as const) {
        const res = await refund(payment.id, body);
        expect(res.status).toBe(400);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(paths(res.body)).toContain(path);
      }
      expect((await refund(payment.id, { amount: 100, reason: 'Cashier' }, cashier)).status).toBe(403);
      const tooMuch = await refund(payment.id, { amount: borscht + 1, reason: 'Too much' });
      expect(tooMuch.status).toBe(409);
      expect(tooMuch.body).toMatchObject({ code: 'payment.exceeds_refundable', refundable: borscht });
      expect(await refundEvents(payment.id)).toHaveLength(0);
    });
  });

  describe('receipts net of refunds', () => {
    it('a receipt printed after a refund lists what was given back, per payment and in all', async () => {
      const order = await tableOrder('Т5', 2);
      expect(order.total).toBe(2 * borscht);
      const card = await softposSale(order.id, borscht);
      expect((await refund(card.id, { amount: 5000, reason: 'Cold soup' })).status).toBe(200);

      // The refund put 5000 back on the bill: the rest is paid in cash.
      const rest = await cashier.post('/pos/finance/payments', { orderId: order.id, tenders: [{ method: 'cash', amount: borscht + 5000, tendered: 60000 }], clientRequestId: requestId() });
      expect(rest.status).toBe(201);
      const receipt = rest.body.receipt;
      expect(() => ReceiptSchema.parse(receipt)).not.toThrow();
      expect(receipt.payments).toEqual([
        { method: 'softpos', amount: borscht, tip: 0, refunded: 5000, maskedCard: '•••• 4242' },
        { method: 'cash', amount: borscht + 5000, tip: 0, refunded: 0, maskedCard: null },
      ]);
      expect(receipt).toMatchObject({ total: 2 * borscht, refunded: 5000, change: 10000, due: 0 });
      const paid = receipt.payments.reduce((s: number, p: { amount: number }) => s + p.amount, 0);
      expect(paid - receipt.refunded).toBe(receipt.total);
    });
  });

  describe('the drawer the money leaves', () => {
    it("a supervisor without a shift of their own refunds from the sale's till, then from the till open now — and the slip says whose", async () => {
      const fresh = await createTestApp();
      try {
        const waiter = await fresh.login('1111');
        const vera = await fresh.login('2222');
        const boss = await fresh.login('333333');
        const veraShift = (await vera.post('/pos/shifts', { openingFloat: 100000, clientRequestId: requestId() })).body.id as string;
        const product = await fresh.product('borscht');
        const order = await waiter.post('/pos/orders', { items: [{ productId: product.id, quantity: 2 }], clientRequestId: requestId() });
        const paid = await vera.post('/pos/finance/payments', { orderId: order.body.id, tenders: [{ method: 'cash', amount: 90000, tendered: 90000 }], clientRequestId: requestId() });
        expect(paid.status).toBe(201);
        const payment = paid.body.payments[0] as Payment;
        const refundBy = (client: Client, amount: number) => client.post(`/pos/finance/payments/${payment.id}/refund`, { amount, reason: 'Суп остыл', clientRequestId: requestId() });

        // No second shift for the supervisor: the cash leaves Vera's drawer, and her shift counts it.
        const first = await refundBy(boss, 20000);
        expect(first.status).toBe(200);
        expect(first.body.refundReceipt.drawer).toEqual({ shiftId: veraShift, cashierName: 'Вера (касса)' });
        expect(first.body.refundReceipt.staffName).toBe('Григорий (старший смены)');
        const ledger = await fresh.database.db.selectFrom('ledger_entries').selectAll().where('payment_id', '=', payment.id).where('kind', '=', 'refund').execute();
        expect(ledger.map((r) => [r.shift_id, Number(r.amount)])).toEqual([[veraShift, 20000]]);
        expect((await vera.get('/pos/shifts/current')).body.shift.totals.cash).toMatchObject({ refunds: 20000 });

        // Vera's shift closes; an evening cashier's till is the one open now.
        expect((await vera.post(`/pos/shifts/${veraShift}/close`, { counted: { cash: 170000, card: 0 }, clientRequestId: requestId() })).status).toBe(200);
        const admin = await fresh.login('999999');
        expect((await admin.post('/admin/staff', { name: 'Кассир Вечер', role: 'cashier', pin: '5998' })).status).toBe(201);
        const evening = await fresh.login('5998');
        const eveningShift = (await evening.post('/pos/shifts', { openingFloat: 0, clientRequestId: requestId() })).body.id as string;
        const second = await refundBy(boss, 10000);
        expect(second.body.refundReceipt.drawer).toEqual({ shiftId: eveningShift, cashierName: 'Кассир Вечер' });

        // No till open at all: refused, nothing given back.
        expect((await evening.post(`/pos/shifts/${eveningShift}/close`, { counted: { cash: 0, card: 0 }, clientRequestId: requestId() })).status).toBe(200);
        const none = await refundBy(boss, 5000);
        expect(none.status).toBe(409);
        expect(none.body.code).toBe('shift.not_open');
        expect((await boss.get(`/pos/finance/payments?orderId=${order.body.id}`)).body[0].refunded).toBe(30000);
      } finally {
        await fresh.close();
      }
    });
  });
});
