import { createTestApp, requestId, type TestApp } from './testing/harness';

/** The whole restaurant cycle through the REST API alone, as the "done when" says. */
describe('base cycle: seat, order, fire, cook, pay, free the table', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('runs from a waiter PIN to a free table', async () => {
    const anna = await t.login('1111');
    const cook = await t.login('4444');
    const cashier = await t.login('2222');
    const table = await t.table('5');
    const steak = await t.product('ribeye-steak');
    const wine = await t.product('wine-red-glass');
    const medium = await t.option('doneness', (await firstOption(t, 'doneness')).code);

    const opened = await anna.post(`/pos/tables/${table.id}/open`, { guests: 2, clientRequestId: requestId() });
    expect(opened.status).toBe(201);

    const created = await anna.post('/pos/orders', {
      tableId: table.id,
      items: [
        { productId: steak.id, quantity: 1, modifierIds: [medium], note: 'без соли' },
        { productId: wine.id, quantity: 2 },
      ],
      clientRequestId: requestId(),
    });
    expect(created.status).toBe(201);
    const order = created.body;
    expect(order.sessionId).toBe(opened.body.id);
    expect(order.total).toBe(steak.price + 2 * wine.price);

    const fired = await anna.post(`/pos/orders/${order.id}/send`, { clientRequestId: requestId() });
    expect(fired.status).toBe(200);
    expect(fired.body.tickets.map((tk: { stationCode: string }) => tk.stationCode).sort()).toEqual(['bar', 'hot']);

    const queue = await cook.get('/pos/kitchen/tickets?station=hot');
    const ticket = queue.body.find((tk: { orderId: string }) => tk.orderId === order.id);
    expect(ticket.items[0]).toMatchObject({ name: steak.name, quantity: 1, note: 'без соли' });
    expect((await cook.post(`/pos/kitchen/tickets/${ticket.id}/status`, { status: 'cooking' })).status).toBe(200);
    expect((await cook.post(`/pos/kitchen/tickets/${ticket.id}/status`, { status: 'ready' })).body.status).toBe('ready');

    const status = await anna.get(`/pos/orders/${order.id}/kitchen-status`);
    expect(status.body.lines.find((l: { name: string }) => l.name === steak.name).status).toBe('ready');

    const shift = await cashier.post('/pos/shifts', { openingFloat: 500000 });
    expect(shift.status).toBe(201);
    const cardPart = 100000;
    const cashPart = order.total - cardPart;
    const paid = await cashier.post('/pos/finance/payments', {
      orderId: order.id,
      tenders: [
        { method: 'card', amount: cardPart, tip: 20000 },
        { method: 'cash', amount: cashPart, tendered: cashPart + 5000 },
      ],
      clientRequestId: requestId(),
    });
    expect(paid.status).toBe(201);
    expect(paid.body.change).toBe(5000);
    expect(paid.body.order.status).toBe('paid');
    expect(paid.body.receipt.total).toBe(order.total);

    // Paid but not yet cleared: the floor shows the table as "bill", with nothing left open.
    const floor = await anna.get('/pos/tables');
    expect(floor.body.find((tb: { id: string }) => tb.id === table.id)).toMatchObject({ status: 'bill', openTotal: 0 });

    const closed = await anna.post(`/pos/tables/${table.id}/close`, { clientRequestId: requestId() });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('free');

    const current = await cashier.get('/pos/shifts/current');
    expect(current.body.shift.totals.cash).toMatchObject({ sales: cashPart, expected: 500000 + cashPart });
    expect(current.body.shift.totals.card).toMatchObject({ sales: cardPart, tips: 20000 });
  });
});

async function firstOption(t: TestApp, groupCode: string) {
  return t.database.db
    .selectFrom('modifier_options as o')
    .innerJoin('modifier_groups as g', 'g.id', 'o.group_id')
    .select(['o.code'])
    .where('g.code', '=', groupCode)
    .orderBy('o.sort')
    .executeTakeFirstOrThrow();
}
