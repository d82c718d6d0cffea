import { type Client, createTestApp, requestId, type TestApp } from '../../testing/harness';

/**
 * Every command a tablet may queue offline is idempotent end to end: the same
 * `clientRequestId` arriving twice — one after the other, or at the same moment at two API
 * instances on the same database — changes things once and answers both with the same body.
 */
describe('sync: replayed offline commands', () => {
  let t: TestApp;
  let second: Awaited<ReturnType<TestApp['secondInstance']>>;
  let waiter: Client;
  let waiterOnB: Client;
  let cashier: Client;
  let cashierOnB: Client;

  beforeAll(async () => {
    t = await createTestApp();
    second = await t.secondInstance();
    waiter = await t.login('1111', 'demo', 'tablet-a');
    waiterOnB = second.as(waiter);
    cashier = await t.login('2222', 'demo', 'tablet-c');
    cashierOnB = second.as(cashier);
    expect((await cashier.post('/pos/shifts', { openingFloat: 100_000 })).status).toBe(201);
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  /**
   * Sends the same command to both instances at once. A copy that finds the other still in
   * flight gets 409 `idempotency.in_flight` (the tablet retries it); the retry gets the answer.
   */
  async function twice(a: Client, b: Client, method: 'post' | 'patch', url: string, body: Record<string, unknown>) {
    const key = requestId();
    const send = async (c: Client) => {
      for (let i = 0; i < 50; i++) {
        const res = await c[method](url, { ...body, clientRequestId: key });
        if (!(res.status === 409 && res.body.code === 'idempotency.in_flight')) return res;
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error('still in flight');
    };
    const [ra, rb] = await Promise.all([send(a), send(b)]);
    expect(ra.status).toBeLessThan(300);
    expect(rb.status).toBe(ra.status);
    expect(rb.body).toEqual(ra.body);
    // And once more later, after both: still the stored answer.
    const late = await a[method](url, { ...body, clientRequestId: key });
    expect(late.headers['idempotent-replayed']).toBe('true');
    expect(late.body).toEqual(ra.body);
    return ra.body;
  }

  const count = async (table: 'orders' | 'order_lines' | 'payments' | 'ledger_entries' | 'kitchen_tickets' | 'table_sessions', where: [string, string]) =>
    Number(
      (
        await t.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .where(where[0] as never, '=', where[1] as never)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('open table, create order, add, change, void, fire, cash payment, close: each applied once', async () => {
    const table = await t.table('9');
    const borscht = await t.product('borscht');
    const tea = await t.product('solyanka');

    const session = await twice(waiter, waiterOnB, 'post', `/pos/tables/${table.id}/open`, { guests: 2 });
    expect(await count('table_sessions', ['table_id', table.id])).toBe(1);

    const order = await twice(waiter, waiterOnB, 'post', '/pos/orders', { tableId: table.id, guests: 2, items: [{ productId: borscht.id, quantity: 1 }] });
    expect(order.sessionId).toBe(session.id);
    expect(await count('orders', ['table_id', table.id])).toBe(1);

    const added = await twice(waiter, waiterOnB, 'post', `/pos/orders/${order.id}/items`, { items: [{ productId: tea.id, quantity: 1 }] });
    expect(await count('order_lines', ['order_id', order.id])).toBe(2);

    const changed = await twice(waiter, waiterOnB, 'patch', `/pos/orders/${order.id}/items/${added.lines[0].id}`, { version: added.version, quantity: 3 });
    expect(changed.lines[0].quantity).toBe(3);

    const voided = await twice(waiter, waiterOnB, 'post', `/pos/orders/${order.id}/items/${added.lines[1].id}/void`, { version: changed.version });
    expect(voided.lines[1].voidedQuantity).toBe(1);

    const fired = await twice(waiter, waiterOnB, 'post', `/pos/orders/${order.id}/send`, {});
    expect(fired.tickets.length).toBeGreaterThan(0);
    expect(await count('kitchen_tickets', ['order_id', order.id])).toBe(fired.tickets.length);

    const paid = await twice(cashier, cashierOnB, 'post', '/pos/finance/payments', { orderId: order.id, tenders: [{ method: 'cash', amount: voided.total }] });
    expect(paid.order.status).toBe('paid');
    expect(await count('payments', ['order_id', order.id])).toBe(1);
    expect(await count('ledger_entries', ['order_id', order.id])).toBe(1);

    const closed = await twice(cashier, cashierOnB, 'post', `/pos/tables/${table.id}/close`, {});
    expect(closed.status).toBe('free');
    expect(await count('table_sessions', ['table_id', table.id])).toBe(1);
  });

  it('scopes keys per device: the same key from another tablet is a different command', async () => {
    const other = await t.login('1111', 'demo', 'tablet-b');
    const key = requestId();
    const a = await waiter.post('/pos/orders', { clientRequestId: key });
    const b = await other.post('/pos/orders', { clientRequestId: key });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.headers['idempotent-replayed']).toBeUndefined();
    expect(b.body.id).not.toBe(a.body.id);
  });

  it('refuses a reused key with a different body (422) and changes nothing', async () => {
    const key = requestId();
    const first = await waiter.post('/pos/orders', { guests: 2, clientRequestId: key });
    expect(first.status).toBe(201);
    const reused = await waiterOnB.post('/pos/orders', { guests: 3, clientRequestId: key });
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('idempotency.key_reused');
    expect((await waiter.get(`/pos/orders/${first.body.id}`)).body.guests).toBe(2);
  });
});
