import { CAPTURED_STATUSES, PAYMENT_TRANSITIONS, type Payment, type PaymentAction, type PaymentStatus } from '@pos/contracts';
import fc from 'fast-check';
import { type Client, createTestApp, requestId, settleWrite, type TestApp } from '../../testing/harness';

/**
 * The payment state machine (issue 8), through the real API: the routes and their bad input,
 * then model-based properties over random sequences of hold / capture / cancel / refund /
 * reconcile calls, with resent duplicates and concurrent bursts.
 */
describe('finance: the payment state machine', () => {
  let t: TestApp;
  let anna: Client;
  let cashier: Client;
  let supervisor: Client;
  let cashierShift: string;
  let supervisorShift: string;
  const ran: Record<string, number> = {};

  beforeAll(async () => {
    t = await createTestApp();
    anna = await t.login('1111');
    cashier = await t.login('2222');
    supervisor = await t.login('333333');
    const a = await cashier.post('/pos/shifts', { openingFloat: 0 });
    const b = await supervisor.post('/pos/shifts', { openingFloat: 0 });
    expect([a.status, b.status]).toEqual([201, 201]);
    cashierShift = a.body.id;
    supervisorShift = b.body.id;
  });
  afterAll(async () => {
    // The closing note: which properties ran and how many cases each.
    if (Object.keys(ran).length) console.log(`payment-state properties, cases run: ${JSON.stringify(ran)}`);
    await t.close();
  });

  const borscht = 45000;
  const counterOrder = async (quantity = 1) => {
    const product = await t.product('borscht');
    const res = await anna.post('/pos/orders', { guests: 1, items: [{ productId: product.id, quantity }], clientRequestId: requestId() });
    expect(res.status).toBe(201);
    return res.body as { id: string; total: number };
  };
  const openPayment = async (method: 'deferred' | 'softpos' = 'deferred', quantity = 1) => {
    const order = await counterOrder(quantity);
    const res = await cashier.post('/pos/finance/payments', { orderId: order.id, tenders: [{ method, amount: order.total }], clientRequestId: requestId() });
    expect(res.status).toBe(201);
    return { order, payment: res.body.payments[0] as Payment };
  };
  const act = (client: Client, id: string, action: string, body: Record<string, unknown> = {}) =>
    client.post(`/pos/finance/payments/${id}/${action}`, { clientRequestId: requestId(), ...body });
  const paths = (body: { errors?: { path: string }[] }) => (body.errors ?? []).map((e) => e.path);
  const paymentOf = async (orderId: string, id: string) => ((await cashier.get(`/pos/finance/payments?orderId=${orderId}`)).body as Payment[]).find((p) => p.id === id)!;
  const ledgerOf = (paymentId: string) => t.database.db.selectFrom('ledger_entries').selectAll().where('payment_id', '=', paymentId).execute();
  /** Sales and tips in, refunds out: what the ledger says this payment brought. */
  const ledgerBalance = async (paymentId: string) => (await ledgerOf(paymentId)).reduce((s, r) => s + (r.kind === 'refund' ? -r.amount : r.amount), 0);
  const eventsOf = (paymentId: string) => t.database.db.selectFrom('payment_events').selectAll().where('payment_id', '=', paymentId).orderBy('created_at').orderBy('id').execute();
  const orderOf = async (orderId: string) => (await cashier.get(`/pos/orders/${orderId}`)).body as { status: string; paid: number; due: number; tips: number };

  describe('the flows', () => {
    it('keeps cash and card payments captured at once, with a `create` transition each', async () => {
      const order = await counterOrder();
      const res = await cashier.post('/pos/finance/payments', { orderId: order.id, tenders: [{ method: 'card', amount: order.total }], clientRequestId: requestId() });
      expect(res.status).toBe(201);
      expect(res.body.payments[0]).toMatchObject({ status: 'captured', held: 0, refunded: 0, maskedCard: null, scheme: null, expiresAt: null });
      const events = await eventsOf(res.body.payments[0].id);
      expect(events.map((e) => [e.action, e.from_status, e.to_status])).toEqual([['create', null, 'captured']]);
    });

    it('holds a deferred payment, then captures part of it with a tip within tolerance', async () => {
      const { order, payment } = await openPayment('deferred', 2);
      expect(payment).toMatchObject({ method: 'deferred', status: 'created', amount: 90000, held: 0 });
      expect((await orderOf(order.id)).paid).toBe(0);

      const held = await act(cashier, payment.id, 'hold', { terminalReference: 'AUTH-77', maskedCard: '•••• 4242', scheme: 'visa' });
      expect(held.status).toBe(200);
      expect(held.body).toMatchObject({ status: 'authorized', held: 90000, reference: 'AUTH-77', maskedCard: '•••• 4242', scheme: 'visa' });
      const days = (Date.parse(held.body.expiresAt) - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(6.9);
      expect(days).toBeLessThan(7.1);
      expect(await ledgerOf(payment.id)).toHaveLength(0);

      // 20 % tolerance on 90000: up to 108000 in all.
      const over = await act(cashier, payment.id, 'capture', { amount: 90000, tip: 18001 });
      expect(over.status).toBe(409);
      expect(over.body.code).toBe('payment.tip_over_tolerance');
      const above = await act(cashier, payment.id, 'capture', { amount: 90001 });
      expect(above.status).toBe(409);
      expect(above.body.code).toBe('payment.exceeds_held');

      const captured = await act(cashier, payment.id, 'capture', { amount: 90000, tip: 18000 });
      expect(captured.status).toBe(200);
      expect(captured.body).toMatchObject({ status: 'captured', amount: 90000, tip: 18000, held: 90000 });
      expect(await orderOf(order.id)).toMatchObject({ status: 'paid', paid: 90000, due: 0, tips: 18000 });
      expect(await ledgerBalance(payment.id)).toBe(108000);

      const again = await act(cashier, payment.id, 'capture', {});
      expect(again.status).toBe(200);
      expect(again.body.status).toBe('captured');
      expect(await ledgerOf(payment.id)).toHaveLength(2);
    });

    it('sells directly with softpos and voids a hold with cancel', async () => {
      const { order, payment } = await openPayment('softpos');
      const sold = await act(cashier, payment.id, 'capture', { terminalReference: 'SP-1', maskedCard: '424242******4242', scheme: 'mastercard' });
      expect(sold.status).toBe(200);
      expect(sold.body).toMatchObject({ status: 'captured', amount: borscht, held: 0 });
      expect((await orderOf(order.id)).status).toBe('paid');

      const other = await openPayment('deferred');
      expect((await act(cashier, other.payment.id, 'hold')).status).toBe(200);
      const cancelled = await act(cashier, other.payment.id, 'cancel', { reason: 'Guest paid cash' });
      expect(cancelled.body.status).toBe('cancelled');
      expect(await ledgerOf(other.payment.id)).toHaveLength(0);
      const events = await eventsOf(other.payment.id);
      expect(events.map((e) => e.to_status)).toEqual(['created', 'authorized', 'cancelled']);
      expect(events[2]).toMatchObject({ reason: 'Guest paid cash', staff_id: cashier.staffId });
      const log = await cashier.get(`/pos/finance/payments/${other.payment.id}/events`);
      expect(log.status).toBe(200);
      expect(log.body.map((e: { action: string }) => e.action)).toEqual(['create', 'hold', 'cancel']);
    });

    it('leaves a timed-out terminal `unknown` until reconciled: approved, declined or reversed', async () => {
      const a = await openPayment('softpos');
      const lost = await act(cashier, a.payment.id, 'capture', { tip: 500, outcome: 'timeout' });
      expect(lost.body.status).toBe('unknown');
      expect((await orderOf(a.order.id)).paid).toBe(0);
      expect(await ledgerOf(a.payment.id)).toHaveLength(0);
      expect((await act(cashier, a.payment.id, 'capture', {})).body.code).toBe('payment.invalid_transition');
      const approved = await act(cashier, a.payment.id, 'reconcile', { outcome: 'approved', terminalReference: 'RRN-1' });
      expect(approved.body).toMatchObject({ status: 'captured', amount: borscht, tip: 500 });
      expect(await ledgerBalance(a.payment.id)).toBe(borscht + 500);

      const b = await openPayment('deferred');
      expect((await act(cashier, b.payment.id, 'hold', { outcome: 'timeout' })).body.status).toBe('unknown');
      expect((await act(cashier, b.payment.id, 'reconcile', { outcome: 'approved' })).body).toMatchObject({ status: 'authorized', held: borscht });

      const c = await openPayment('deferred');
      await act(cashier, c.payment.id, 'hold', { outcome: 'timeout' });
      expect((await act(cashier, c.payment.id, 'reconcile', { outcome: 'declined' })).body.status).toBe('failed');
      const d = await openPayment('deferred');
      await act(cashier, d.payment.id, 'hold', { outcome: 'timeout' });
      expect((await act(cashier, d.payment.id, 'reconcile', { outcome: 'reversed' })).body.status).toBe('cancelled');
      expect((await act(cashier, d.payment.id, 'reconcile', { outcome: 'approved' })).status).toBe(409);
    });

    it('refunds several times, never above what was captured, booked to the refunding shift', async () => {
      const { order, payment } = await openPayment('softpos');
      await act(cashier, payment.id, 'capture', { tip: 1000 });
      expect((await act(cashier, payment.id, 'refund', { amount: 100, reason: 'Cold soup' })).status).toBe(403);

      const first = await act(supervisor, payment.id, 'refund', { amount: 20000, reason: 'Cold soup' });
      expect(first.body).toMatchObject({ status: 'partially_refunded', refunded: 20000 });
      expect(await orderOf(order.id)).toMatchObject({ status: 'paid', paid: borscht - 20000 });
      const tooMuch = await act(supervisor, payment.id, 'refund', { amount: 26001, reason: 'Again' });
      expect(tooMuch.status).toBe(409);
      expect(tooMuch.body).toMatchObject({ code: 'payment.exceeds_refundable', refundable: 26000 });
      const rest = await act(supervisor, payment.id, 'refund', { amount: 26000, reason: 'Whole bill' });
      expect(rest.body).toMatchObject({ status: 'refunded', refunded: borscht + 1000 });
      expect(await orderOf(order.id)).toMatchObject({ status: 'paid', paid: 0, tips: 0 });
      expect((await act(supervisor, payment.id, 'refund', { amount: 1, reason: 'More' })).status).toBe(409);

      const ledger = await ledgerOf(payment.id);
      expect(ledger.filter((r) => r.kind === 'refund').map((r) => [r.shift_id, r.method, r.staff_id])).toEqual([
        [supervisorShift, 'card', supervisor.staffId],
        [supervisorShift, 'card', supervisor.staffId],
      ]);
      expect(ledger.filter((r) => r.kind !== 'refund').every((r) => r.shift_id === cashierShift)).toBe(true);
      expect(await ledgerBalance(payment.id)).toBe(0);
    });

    it('lists expired holds and releases or captures them at day close as the venue chose', async () => {
      const venueId = cashier.venueId!;
      await t.database.db.insertInto('venue_payment_settings').values({ venue_id: venueId, tip_tolerance_percent: 20, hold_expiry_days: 0, day_close_policy: 'release' }).execute();
      try {
        const a = await openPayment('deferred');
        await act(cashier, a.payment.id, 'hold');
        const listed = await cashier.get('/pos/finance/payments/holds/expired');
        expect(listed.status).toBe(200);
        expect(listed.body.settings).toEqual({ tipTolerancePercent: 20, holdExpiryDays: 0, dayClosePolicy: 'release' });
        expect(listed.body.holds.map((p: Payment) => p.id)).toContain(a.payment.id);
        const released = await cashier.post('/pos/finance/payments/holds/settle', { clientRequestId: requestId() });
        expect(released.status).toBe(200);
        expect(released.body.released.map((p: Payment) => p.id)).toContain(a.payment.id);
        expect((await paymentOf(a.order.id, a.payment.id)).status).toBe('cancelled');

        await t.database.db.updateTable('venue_payment_settings').set({ day_close_policy: 'capture' }).where('venue_id', '=', venueId).execute();
        const b = await openPayment('deferred');
        await act(cashier, b.payment.id, 'hold');
        const settled = await cashier.post('/pos/finance/payments/holds/settle', {});
        expect(settled.body.captured.map((p: Payment) => p.id)).toEqual([b.payment.id]);
        expect((await orderOf(b.order.id)).status).toBe('paid');
        expect(await ledgerBalance(b.payment.id)).toBe(borscht);
      } finally {
        await t.database.db.deleteFrom('venue_payment_settings').where('venue_id', '=', venueId).execute();
      }
    });

    it('refuses to update or delete a transition row (append-only in the database)', async () => {
      const { payment } = await openPayment();
      const refusal = { refused: true, message: expect.stringMatching(/append-only/) };
      const db = t.database.db;
      expect(await settleWrite(db.updateTable('payment_events').set({ reason: 'x' }).where('payment_id', '=', payment.id).execute())).toEqual(refusal);
      expect(await settleWrite(db.deleteFrom('payment_events').where('payment_id', '=', payment.id).execute())).toEqual(refusal);
      expect(await eventsOf(payment.id)).toEqual([expect.objectContaining({ action: 'create', reason: null })]);
    });

    it('answers 404 for an unknown payment and refuses a waiter', async () => {
      const unknown = '00000000-0000-4000-8000-000000000000';
      expect((await act(cashier, unknown, 'capture')).status).toBe(404);
      expect((await cashier.get(`/pos/finance/payments?orderId=${unknown}`)).status).toBe(404);
      const { payment } = await openPayment();
      expect((await act(anna, payment.id, 'hold')).status).toBe(403);
    });
  });

  describe('bad input (400 problem+json with field paths)', () => {
    let id: string;
    beforeAll(async () => {
      id = (await openPayment()).payment.id;
    });
    const bad = async (action: string, body: Record<string, unknown>, path: string, client: Client = cashier) => {
      const res = await act(client, id, action, body);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(paths(res.body)).toContain(path);
      return res;
    };

    it.each([
      ['hold', { amount: 0 }, 'body.amount'],
      ['hold', { amount: 1.5 }, 'body.amount'],
      ['hold', { outcome: 'maybe' }, 'body.outcome'],
      ['hold', { maskedCard: '4111111111111111' }, 'body.maskedCard'],
      ['hold', { maskedCard: '4111 1111 1111 1111' }, 'body.maskedCard'],
      ['hold', { maskedCard: '•••• 42' }, 'body.maskedCard'],
      ['hold', { terminalReference: 'REF 4111111111111111' }, 'body.terminalReference'],
      ['hold', { scheme: 'diners' }, 'body.scheme'],
      ['hold', { pan: '4111111111111111' }, 'body.pan'],
      ['hold', { cvv: '123' }, 'body.cvv'],
      ['capture', { amount: -1 }, 'body.amount'],
      ['capture', { tip: 'lots' }, 'body.tip'],
      ['capture', { shiftId: 'nope' }, 'body.shiftId'],
      ['capture', { track2: ';4111=2512?' }, 'body.track2'],
      ['cancel', { reason: '' }, 'body.reason'],
      ['cancel', { amount: 1 }, 'body.amount'],
      ['reconcile', {}, 'body.outcome'],
      ['reconcile', { outcome: 'timeout' }, 'body.outcome'],
    ])('%s %j → %s', async (action, body, path) => {
      const res = await bad(action, body, path);
      // Card data never comes back in the answer.
      expect(JSON.stringify(res.body)).not.toMatch(/4111111111111111|4111 1111 1111 1111/);
    });

    it.each([
      [{ reason: 'x' }, 'body.amount'],
      [{ amount: 0, reason: 'x' }, 'body.amount'],
      [{ amount: 100 }, 'body.reason'],
      [{ amount: 100, reason: '   ' }, 'body.reason'],
    ])('refund %j → %s', async (body, path) => {
      await bad('refund', body, path, supervisor);
    });

    it('checks the id, the query and a tip on a softpos tender', async () => {
      const res = await cashier.post('/pos/finance/payments/not-a-uuid/capture', {});
      expect(res.status).toBe(400);
      expect(paths(res.body)).toContain('params.id');
      const list = await cashier.get('/pos/finance/payments');
      expect(list.status).toBe(400);
      expect(paths(list.body)).toContain('query.orderId');
      const order = await counterOrder();
      // The tip a tap-to-pay is about to add is checked before the card is touched, and recorded at capture.
      const over = await cashier.post('/pos/finance/payments', { orderId: order.id, tenders: [{ method: 'softpos', amount: 100, tip: 21 }] });
      expect({ status: over.status, code: over.body.code }).toEqual({ status: 409, code: 'payment.tip_over_tolerance' });
      const tip = await cashier.post('/pos/finance/payments', { orderId: order.id, tenders: [{ method: 'softpos', amount: 100, tip: 20 }] });
      expect(tip.status).toBe(201);
      expect(tip.body.payments[0]).toMatchObject({ status: 'created', amount: 100, tip: 0 });
    });
  });

  // --- properties ---

  /** What the model knows of one deferred payment against an order of `total`. */
  interface Model {
    total: number;
    status: PaymentStatus;
    requested: number;
    held: number;
    amount: number;
    tip: number;
    refunded: number;
    pending: { action: 'hold' | 'capture'; amount: number; tip: number } | null;
    /** The last accepted call, so a resend can replay it. */
    last: { url: string; body: Record<string, unknown>; response: unknown } | null;
  }
  interface Real {
    orderId: string;
    paymentId: string;
  }
  type Expected = { status: 200 } | { status: 409; code?: string };
  const TOLERANCE = 20;

  const isCapturedModel = (m: Model) => CAPTURED_STATUSES.includes(m.status);

  /** The rules, restated from the issue without the server's code: what a call should answer. */
  function predict(m: Model, action: PaymentAction, input: Record<string, unknown>): { expected: Expected; next?: Partial<Model> } {
    const outcome = (input.outcome as string | undefined) ?? 'approved';
    const no = (code = 'payment.invalid_transition'): { expected: Expected } => ({ expected: { status: 409, code } });
    switch (action) {
      case 'hold': {
        if (m.status !== 'created') return no();
        const amount = (input.amount as number | undefined) ?? m.requested;
        if (amount > m.requested + Math.floor((m.requested * TOLERANCE) / 100)) return no('payment.hold_exceeds_payment');
        if (outcome === 'approved') return { expected: { status: 200 }, next: { status: 'authorized', held: amount } };
        if (outcome === 'declined') return { expected: { status: 200 }, next: { status: 'failed' } };
        return { expected: { status: 200 }, next: { status: 'unknown', pending: { action: 'hold', amount, tip: 0 } } };
      }
      case 'capture': {
        if (isCapturedModel(m)) {
          const same = (input.amount === undefined || input.amount === m.amount) && (input.tip === undefined || input.tip === m.tip);
          return same ? { expected: { status: 200 } } : no('payment.already_captured');
        }
        if (m.status !== 'created' && m.status !== 'authorized') return no();
        const tip = (input.tip as number | undefined) ?? 0;
        let amount: number;
        if (m.status === 'authorized') {
          amount = (input.amount as number | undefined) ?? Math.min(m.held, m.requested, m.total);
          if (amount > m.held) return no('payment.exceeds_held');
          if (amount > m.requested) return no('payment.exceeds_requested');
        } else {
          amount = (input.amount as number | undefined) ?? Math.min(m.requested, m.total);
          if (amount > m.requested) return no('payment.exceeds_requested');
        }
        if (amount > m.total) return no('payment.exceeds_due');
        // A tip within the venue's tolerance of what is captured (issue 13), never of the hold.
        if (tip > Math.floor((amount * TOLERANCE) / 100)) return no('payment.tip_over_tolerance');
        if (outcome === 'approved') return { expected: { status: 200 }, next: { status: 'captured', amount, tip } };
        if (outcome === 'declined') return { expected: { status: 200 }, next: { status: 'failed' } };
        return { expected: { status: 200 }, next: { status: 'unknown', pending: { action: 'capture', amount, tip } } };
      }
      case 'cancel':
        return m.status === 'created' || m.status === 'authorized' ? { expected: { status: 200 }, next: { status: 'cancelled' } } : no();
      case 'refund': {
        if (m.status !== 'captured' && m.status !== 'partially_refunded') return no();
        const amount = input.amount as number;
        const refundable = m.amount + m.tip - m.refunded;
        if (amount > refundable) return no('payment.exceeds_refundable');
        const refunded = m.refunded + amount;
        return { expected: { status: 200 }, next: { refunded, status: refunded === m.amount + m.tip ? 'refunded' : 'partially_refunded' } };
      }
      case 'reconcile': {
        if (m.status !== 'unknown' || !m.pending) return no();
        if (outcome === 'declined') return { expected: { status: 200 }, next: { status: 'failed', pending: null } };
        if (outcome === 'reversed') return { expected: { status: 200 }, next: { status: 'cancelled', pending: null } };
        if (m.pending.action === 'hold') return { expected: { status: 200 }, next: { status: 'authorized', held: m.pending.amount, pending: null } };
        return { expected: { status: 200 }, next: { status: 'captured', amount: m.pending.amount, tip: m.pending.tip, pending: null } };
      }
      default:
        return no();
    }
  }

  /** Everything that must hold after any call, checked against the server's own answers. */
  async function checkInvariants(real: Real, m?: Model) {
    const p = await paymentOf(real.orderId, real.paymentId);
    const captured = CAPTURED_STATUSES.includes(p.status);
    const held = p.held ?? 0;
    const refunded = p.refunded ?? 0;
    if (held > 0 && captured) {
      expect(p.amount).toBeLessThanOrEqual(held);
      expect(p.amount + p.tip).toBeLessThanOrEqual(held + Math.floor((held * TOLERANCE) / 100));
    }
    // A hold never above the payment plus a tip within tolerance; a tip never above the tolerance of what was captured.
    if (m) expect(held).toBeLessThanOrEqual(m.requested + Math.floor((m.requested * TOLERANCE) / 100));
    if (captured) expect(p.tip).toBeLessThanOrEqual(Math.floor((p.amount * TOLERANCE) / 100));
    expect(refunded).toBeLessThanOrEqual(captured ? p.amount + p.tip : 0);
    // The ledger balances: captured − refunded, plus tips; and a sale is booked at most once.
    const ledger = await ledgerOf(real.paymentId);
    expect(ledger.filter((r) => r.kind === 'sale').length).toBeLessThanOrEqual(1);
    expect(await ledgerBalance(real.paymentId)).toBe(captured ? p.amount + p.tip - refunded : 0);
    // Only captured money counts toward the order.
    const order = await orderOf(real.orderId);
    expect(order.paid).toBe(captured ? p.amount - Math.min(refunded, p.amount) : 0);
    // Every logged transition is one of the table's.
    const events = await eventsOf(real.paymentId);
    for (const e of events.slice(1)) expect(PAYMENT_TRANSITIONS[e.from_status as PaymentStatus][e.action as PaymentAction]).toContain(e.to_status);
    expect(events.at(-1)?.to_status).toBe(p.status);
    if (m) {
      expect({ status: p.status, held, refunded, amount: captured ? p.amount : m.amount, tip: p.tip }).toEqual({
        status: m.status,
        held: m.held,
        refunded: m.refunded,
        amount: m.amount,
        tip: captured ? m.tip : 0,
      });
    }
    return p;
  }

  /** One call of the machine as an fc command: predicted by the model, sent to the real API. */
  class PaymentCall implements fc.AsyncCommand<Model, Real> {
    constructor(
      readonly action: PaymentAction,
      readonly input: Record<string, unknown>,
    ) {}
    check = () => true;
    async run(m: Model, r: Real) {
      const { expected, next } = predict(m, this.action, this.input);
      const client = this.action === 'refund' ? supervisor : cashier;
      const url = `/pos/finance/payments/${r.paymentId}/${this.action}`;
      const body = { ...this.input, ...(this.action === 'refund' ? { reason: 'Guest complaint' } : {}), clientRequestId: requestId() };
      const res = await client.post(url, body);
      expect({ status: res.status, code: res.status === 200 ? undefined : res.body.code }).toEqual({ status: expected.status, code: expected.status === 200 ? undefined : expected.code });
      if (res.status === 200) {
        Object.assign(m, next ?? {});
        m.last = { url, body, response: res.body };
      }
      await checkInvariants(r, m);
    }
    toString = () => `${this.action}(${JSON.stringify(this.input)})`;
  }

  /** The tablet resends its last accepted command with the same key: a replay, never a second charge. */
  class Resend implements fc.AsyncCommand<Model, Real> {
    check = (m: Readonly<Model>) => m.last !== null;
    async run(m: Model, r: Real) {
      const last = m.last!;
      const client = last.url.endsWith('/refund') ? supervisor : cashier;
      const res = await client.post(last.url, last.body);
      expect(res.status).toBe(200);
      expect(res.headers['idempotent-replayed']).toBe('true');
      expect(res.body).toEqual(last.response);
      await checkInvariants(r, m);
    }
    toString = () => 'resend(last)';
  }

  const amountArb = (max: number) => fc.option(fc.integer({ min: 1, max }), { nil: undefined });
  const outcomeArb = fc.constantFrom('approved', 'approved', 'approved', 'declined', 'timeout');
  const commandArbs = (total: number) => [
    // Up to 1.3× the bill: within the tip tolerance (tap to pay holds amount + tip) and beyond it.
    fc.record({ amount: amountArb(Math.floor(total * 1.3)), outcome: outcomeArb }).map(({ amount, outcome }) => new PaymentCall('hold', { ...(amount ? { amount } : {}), outcome })),
    fc
      .record({ amount: amountArb(total + 1000), tip: fc.option(fc.integer({ min: 0, max: Math.floor(total / 4) }), { nil: undefined }), outcome: outcomeArb })
      .map(({ amount, tip, outcome }) => new PaymentCall('capture', { ...(amount ? { amount } : {}), ...(tip !== undefined ? { tip } : {}), outcome })),
    fc.constant(new PaymentCall('cancel', {})),
    fc.integer({ min: 1, max: total }).map((amount) => new PaymentCall('refund', { amount })),
    fc.constantFrom('approved', 'approved', 'declined', 'reversed').map((outcome) => new PaymentCall('reconcile', { outcome })),
    fc.constant(new Resend()),
  ];

  const setup = async (): Promise<{ model: Model; real: Real }> => {
    const { order, payment } = await openPayment('deferred');
    return {
      model: { total: order.total, status: 'created', requested: order.total, held: 0, amount: order.total, tip: 0, refunded: 0, pending: null, last: null },
      real: { orderId: order.id, paymentId: payment.id },
    };
  };

  it('property: random call sequences follow the model (asyncModelRun)', async () => {
    const numRuns = Number(process.env.FC_RUNS ?? 50);
    await fc.assert(
      fc.asyncProperty(fc.commands(commandArbs(borscht), { maxCommands: 15 }), async (cmds) => {
        ran.sequential = (ran.sequential ?? 0) + 1;
        await fc.asyncModelRun(setup, cmds);
      }),
      { numRuns, endOnFailure: true },
    );
  }, 120_000);

  /**
   * Concurrent calls: each command fires one call on the payment without waiting for it; the
   * scheduler decides when each call really starts, so calls run together in orders it picks
   * (duplicates with the same key among them). The outcome is not predicted call by call: every
   * answer must be a legal one, the invariants must hold once all have answered, and the state
   * the server reached must be reachable through the table.
   */
  interface Flight {
    action: PaymentAction;
    key: string;
    body: Record<string, unknown>;
    answer: Promise<{ status: number; body: { code?: string } }>;
  }
  interface ConcurrentReal extends Real {
    /** The run's own scheduler (fast-check hands each run a fresh clone). */
    s: fc.Scheduler;
    flights: Flight[];
  }
  class Fire implements fc.AsyncCommand<Model, ConcurrentReal> {
    constructor(
      readonly action: PaymentAction,
      readonly input: Record<string, unknown>,
      readonly sameKeyAsPrevious: boolean,
    ) {}
    check = () => true;
    async run(_m: Model, r: ConcurrentReal) {
      // "Same key" resends the previous request as it was: the tablet retrying while it is in flight.
      const previous = this.sameKeyAsPrevious ? r.flights.at(-1) : undefined;
      const action = previous?.action ?? this.action;
      const key = previous?.key ?? requestId();
      const body = previous?.body ?? { ...this.input, ...(action === 'refund' ? { reason: 'Concurrent' } : {}), clientRequestId: key };
      const client = action === 'refund' ? supervisor : cashier;
      const gate = r.s.schedule(Promise.resolve(), `${action}#${key.slice(-4)}`);
      r.flights.push({ action, key, body, answer: gate.then(() => client.post(`/pos/finance/payments/${r.paymentId}/${action}`, body)) });
    }
    toString = () => `fire(${this.action}${JSON.stringify(this.input)}${this.sameKeyAsPrevious ? ', same key' : ''})`;
  }
  /** Whether `to` is reachable from `from` in at most `steps` transitions of the table. */
  function reachable(from: PaymentStatus, to: PaymentStatus, steps: number): boolean {
    let frontier = new Set<PaymentStatus>([from]);
    for (let i = 0; i < steps; i++) {
      const next = new Set(frontier);
      for (const s of frontier) for (const targets of Object.values(PAYMENT_TRANSITIONS[s])) for (const t2 of targets ?? []) next.add(t2);
      frontier = next;
    }
    return frontier.has(to);
  }

  it('property: concurrent and duplicated calls keep the money right (scheduledModelRun)', async () => {
    const legal = ['payment.invalid_transition', 'payment.already_captured', 'payment.exceeds_held', 'payment.tip_over_tolerance', 'payment.exceeds_refundable', 'payment.exceeds_requested', 'payment.exceeds_due', 'payment.nothing_due', 'order.closed', 'idempotency.in_flight'];
    const fireArb = fc.oneof(
        fc
          .record({ amount: amountArb(borscht), tip: fc.option(fc.integer({ min: 0, max: 9000 }), { nil: undefined }), same: fc.boolean() })
          .map(({ amount, tip, same }) => new Fire('capture', { ...(amount ? { amount } : {}), ...(tip !== undefined ? { tip } : {}) }, same)),
        fc.record({ amount: fc.integer({ min: 1, max: borscht }), same: fc.boolean() }).map(({ amount, same }) => new Fire('refund', { amount }, same)),
        fc.boolean().map((same) => new Fire('cancel', {}, same)),
      );
    const numRuns = Number(process.env.FC_RUNS ?? 40);
    await fc.assert(
      fc.asyncProperty(
        fc.scheduler(),
        fc.commands([fireArb], { maxCommands: 8 }),
        async (s, cmds) => {
          ran.concurrent = (ran.concurrent ?? 0) + 1;
          const held = await setup();
          const hold = await act(cashier, held.real.paymentId, 'hold');
          expect(hold.status).toBe(200);
          const state = { model: { ...held.model, status: 'authorized' as PaymentStatus, held: hold.body.held }, real: { ...held.real, s, flights: [] as Flight[] } };
          await fc.scheduledModelRun(s, () => state, cmds);
          const answers = await Promise.all(state.real.flights.map((f) => f.answer));
          answers.forEach((res) => {
            if (res.status !== 200) expect({ status: res.status, code: res.body.code, legal: legal.includes(res.body.code ?? '') }).toEqual({ status: 409, code: res.body.code, legal: true });
          });
          // One key answered twice: the same stored answer, never a second charge.
          state.real.flights.forEach((f, i) => {
            const j = state.real.flights.findIndex((g) => g.key === f.key);
            if (j < i && answers[i].status === 200 && answers[j].status === 200) expect(answers[i].body).toEqual(answers[j].body);
          });
          const p = await checkInvariants(state.real);
          expect(reachable('authorized', p.status, state.real.flights.length)).toBe(true);
        },
      ),
      { numRuns, endOnFailure: true },
    );
  }, 120_000);
});
