import { type Client, createTestApp, requestId, type TestApp } from '../../testing/harness';

/**
 * Card data is never stored (issue 13, PCI DSS 3.3/3.4): anything that looks like a full card
 * number in any free-text payment or shift field is a 400 naming the field, and nothing of the
 * command is written. Only the terminal's reference and the masked card are kept.
 */
describe('finance: card numbers are refused in every free-text field', () => {
  let t: TestApp;
  let anna: Client;
  let cashier: Client;
  let supervisor: Client;
  let cashierShift: string;

  beforeAll(async () => {
    t = await createTestApp();
    anna = await t.login('1111');
    cashier = await t.login('2222');
    supervisor = await t.login('333333');
    const opened = await Promise.all([cashier.post('/pos/shifts', { openingFloat: 0 }), supervisor.post('/pos/shifts', { openingFloat: 0 })]);
    expect(opened.map((r) => r.status)).toEqual([201, 201]);
    cashierShift = opened[0].body.id;
  });
  afterAll(() => t.close());

  const borscht = 45000;
  /** The ways the probe wrote one test card: dots, spaces, dashes, slashes, together, inside text. */
  const PANS = ['4242.4242.4242.4242', '4242 4242 4242 4242', '4111-1111-1111-1111', '5555/5555/5555/4444', '378282246310005', 'ref 4242424242424242 ok'];
  /** Every digit of the cards above, to search the database for (none may be anywhere). */
  const PAN_DIGITS = ['4242424242424242', '4111111111111111', '5555555555554444', '378282246310005'];

  const counterOrder = async () => {
    const product = await t.product('borscht');
    const res = await anna.post('/pos/orders', { items: [{ productId: product.id, quantity: 1 }], clientRequestId: requestId() });
    expect(res.status).toBe(201);
    return res.body as { id: string; total: number };
  };
  const act = (client: Client, id: string, action: string, body: Record<string, unknown>) => client.post(`/pos/finance/payments/${id}/${action}`, { clientRequestId: requestId(), ...body });
  const paths = (body: { errors?: { path: string }[] }) => (body.errors ?? []).map((e) => e.path);
  const eventsOf = (paymentId: string) => t.database.db.selectFrom('payment_events').selectAll().where('payment_id', '=', paymentId).execute();
  const paymentRow = (id: string) => t.database.db.selectFrom('payments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  /** A deferred payment opened (`created`), held (`authorized`), captured, or left `unknown`. */
  const payment = async (state: 'created' | 'authorized' | 'captured' | 'unknown') => {
    const order = await counterOrder();
    const opened = await cashier.post('/pos/finance/payments', { orderId: order.id, tenders: [{ method: 'deferred', amount: borscht }], clientRequestId: requestId() });
    expect(opened.status).toBe(201);
    const id = opened.body.payments[0].id as string;
    if (state === 'authorized' || state === 'captured') expect((await act(cashier, id, 'hold', { terminalReference: 'AUTH-1' })).status).toBe(200);
    if (state === 'captured') expect((await act(cashier, id, 'capture', {})).status).toBe(200);
    if (state === 'unknown') expect((await act(cashier, id, 'hold', { outcome: 'timeout' })).status).toBe(200);
    return { orderId: order.id, id };
  };

  /** The 400 the probe should have got: problem+json naming exactly this field. */
  const expectRefused = (res: { status: number; headers: Record<string, unknown>; body: { errors?: { path: string }[] } }, path: string) => {
    expect({ status: res.status, paths: [...new Set(paths(res.body))] }).toEqual({ status: 400, paths: [path] });
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  };

  /** No card number anywhere the payment and shift rows keep text. */
  async function expectNoCardDataStored() {
    const db = t.database.db;
    const texts = [
      ...(await db.selectFrom('payments').select(['reference', 'masked_card']).execute()).flatMap((r) => [r.reference, r.masked_card]),
      ...(await db.selectFrom('payment_events').select('reason').execute()).map((r) => r.reason),
      ...(await db.selectFrom('shifts').select('override_reason').execute()).map((r) => r.override_reason),
      ...(await db.selectFrom('idempotency_keys').select('response_body').execute()).map((r) => r.response_body),
    ].filter((v): v is string => v !== null);
    for (const text of texts) for (const digits of PAN_DIGITS) expect(text.replace(/\D/g, '')).not.toContain(digits);
  }

  it('POST /pos/finance/payments: a card tender whose reference is a card number is refused, no payment is written', async () => {
    for (const method of ['card', 'softpos', 'deferred'] as const) {
      for (const pan of PANS) {
        const order = await counterOrder();
        const res = await cashier.post('/pos/finance/payments', { orderId: order.id, tenders: [{ method, amount: borscht, reference: pan }], clientRequestId: requestId() });
        expectRefused(res, 'body.tenders.0.reference');
        expect(await t.database.db.selectFrom('payments').select('id').where('order_id', '=', order.id).execute()).toEqual([]);
      }
    }
    // Any tender of several is checked, and named by its index.
    const order = await counterOrder();
    const mixed = await cashier.post('/pos/finance/payments', {
      orderId: order.id,
      tenders: [
        { method: 'cash', amount: 5000 },
        { method: 'card', amount: borscht - 5000, reference: PANS[0] },
      ],
      clientRequestId: requestId(),
    });
    expectRefused(mixed, 'body.tenders.1.reference');
    await expectNoCardDataStored();
  });

  it('hold, capture and reconcile refuse a card number as the terminal reference, the masked card or the reason', async () => {
    const cases: [state: 'created' | 'authorized' | 'unknown', action: string, field: string][] = [
      ['created', 'hold', 'terminalReference'],
      ['created', 'hold', 'maskedCard'],
      ['created', 'hold', 'reason'],
      ['authorized', 'capture', 'terminalReference'],
      ['authorized', 'capture', 'reason'],
      ['created', 'capture', 'terminalReference'],
      ['authorized', 'cancel', 'reason'],
      ['unknown', 'reconcile', 'terminalReference'],
      ['unknown', 'reconcile', 'reason'],
    ];
    for (const [state, action, field] of cases) {
      const p = await payment(state);
      const before = await paymentRow(p.id);
      const eventsBefore = (await eventsOf(p.id)).length;
      for (const pan of PANS) {
        const res = await act(cashier, p.id, action, { ...(action === 'reconcile' ? { outcome: 'approved' } : {}), [field]: pan });
        expectRefused(res, `body.${field}`);
      }
      // The payment did not move, and its log gained nothing.
      expect(await paymentRow(p.id)).toEqual(before);
      expect(await eventsOf(p.id)).toHaveLength(eventsBefore);
    }
    await expectNoCardDataStored();
  });

  it('a refund reason holding a card number is refused and refunds nothing', async () => {
    const p = await payment('captured');
    for (const pan of PANS) {
      const res = await act(supervisor, p.id, 'refund', { amount: 1000, reason: `Guest card ${pan}` });
      expectRefused(res, 'body.reason');
    }
    expect(await paymentRow(p.id)).toMatchObject({ status: 'captured', refunded_amount: 0 });
    expect(await t.database.db.selectFrom('ledger_entries').select('id').where('payment_id', '=', p.id).where('kind', '=', 'refund').execute()).toEqual([]);
    await expectNoCardDataStored();
  });

  it('a shift close reason holding a card number is refused and the shift stays open', async () => {
    for (const pan of PANS) {
      const res = await supervisor.post(`/pos/shifts/${cashierShift}/close`, { counted: { cash: 0, card: 0 }, force: true, reason: `Card ${pan} left behind`, clientRequestId: requestId() });
      expectRefused(res, 'body.reason');
    }
    expect((await cashier.get(`/pos/shifts/${cashierShift}`)).body.status).toBe('open');
    await expectNoCardDataStored();
  });

  it('keeps what is not a card number: terminal references, masked cards, order numbers and amounts', async () => {
    const order = await counterOrder();
    const card = await cashier.post('/pos/finance/payments', { orderId: order.id, tenders: [{ method: 'card', amount: borscht, reference: 'RRN 412345678901' }], clientRequestId: requestId() });
    expect(card.status).toBe(201);
    expect(card.body.payments[0].reference).toBe('RRN 412345678901');

    const p = await payment('created');
    const held = await act(cashier, p.id, 'hold', { terminalReference: 'AUTH-2041.77', maskedCard: '424242******4242', scheme: 'visa', reason: 'Order №1042, 450.00 RUB' });
    expect(held.status).toBe(200);
    expect(held.body).toMatchObject({ reference: 'AUTH-2041.77', maskedCard: '424242******4242' });
    const captured = await act(cashier, p.id, 'capture', {});
    expect(captured.status).toBe(200);
    const refunded = await act(supervisor, p.id, 'refund', { amount: 1000, reason: 'Order 1042: soup 450.00 cold, table 7' });
    expect(refunded.status).toBe(200);
  });
});
