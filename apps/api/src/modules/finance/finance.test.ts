import { type Client, createTestApp, requestId, settleWrite, type TestApp } from '../../testing/harness';

interface ItemSpec {
  code: string;
  quantity?: number;
  modifierIds?: string[];
}

/** Taking payment: tenders, change, tips, partial and split payments, the ledger and the receipt. */
describe('finance: payments', () => {
  let t: TestApp;
  let anna: Client;
  let cashier: Client;
  let shiftId: string;

  beforeAll(async () => {
    t = await createTestApp();
    anna = await t.login('1111');
    cashier = await t.login('2222');
    const shift = await cashier.post('/pos/shifts', { openingFloat: 1_000_000 });
    expect(shift.status).toBe(201);
    shiftId = shift.body.id;
  });
  afterAll(() => t.close());

  /** Anna places an order (at a table, or at the counter without one), priced by the server. */
  const placeOrder = async (tableId: string | undefined, items: ItemSpec[]) => {
    const lines = await Promise.all(
      items.map(async (i) => ({ productId: (await t.product(i.code)).id, quantity: i.quantity ?? 1, ...(i.modifierIds ? { modifierIds: i.modifierIds } : {}) })),
    );
    const res = await anna.post('/pos/orders', { ...(tableId ? { tableId } : {}), guests: 2, items: lines, clientRequestId: requestId() });
    expect(res.status).toBe(201);
    return res.body;
  };
  const seat = async (label: string, items: ItemSpec[] = [{ code: 'borscht' }]) => {
    const table = await t.table(label);
    return { order: await placeOrder(table.id, items), table };
  };
  const counterOrder = async (items: ItemSpec[] = [{ code: 'borscht' }]) => ({ order: await placeOrder(undefined, items) });
  const pay = (client: Client, body: Record<string, unknown>) => client.post('/pos/finance/payments', { clientRequestId: requestId(), ...body });
  const paths = (body: { errors?: { path: string }[] }) => (body.errors ?? []).map((e) => e.path);
  const paymentsOf = (orderId: string) => t.database.db.selectFrom('payments').selectAll().where('order_id', '=', orderId).execute();
  const ledgerOf = (orderId: string) => t.database.db.selectFrom('ledger_entries').selectAll().where('order_id', '=', orderId).orderBy('kind').orderBy('method').execute();

  describe('tenders', () => {
    it('takes cash with change and closes the order', async () => {
      const { order } = await seat('1', [{ code: 'borscht', quantity: 2 }]);
      expect(order.total).toBe(90000);
      const res = await pay(cashier, { orderId: order.id, tenders: [{ method: 'cash', amount: 90000, tendered: 100000 }] });
      expect(res.status).toBe(201);
      expect(res.body.change).toBe(10000);
      expect(res.body.payments).toHaveLength(1);
      expect(res.body.payments[0]).toMatchObject({ orderId: order.id, method: 'cash', status: 'captured', amount: 90000, tip: 0, tendered: 100000, change: 10000, shiftId, createdBy: cashier.staffId, checkIndex: null });
      expect(res.body.order).toMatchObject({ id: order.id, status: 'paid', paid: 90000, due: 0, tips: 0 });
      expect(res.body.order.closedAt).not.toBeNull();
      expect(res.body.receipt).toMatchObject({ total: 90000, change: 10000, due: 0 });
    });

    it('treats cash without `tendered` as the exact amount plus tip', async () => {
      const { order } = await seat('2');
      const res = await pay(cashier, { orderId: order.id, tenders: [{ method: 'cash', amount: order.total, tip: 2000 }] });
      expect(res.status).toBe(201);
      expect(res.body.payments[0]).toMatchObject({ tendered: order.total + 2000, change: 0, tip: 2000 });
      expect(res.body.change).toBe(0);
    });

    it('records a card payment with the terminal reference and no change', async () => {
      const { order } = await seat('3', [{ code: 'wine-red-glass', quantity: 2 }]);
      const res = await pay(cashier, { orderId: order.id, tenders: [{ method: 'card', amount: order.total, reference: 'RRN-000123' }] });
      expect(res.status).toBe(201);
      expect(res.body.payments[0]).toMatchObject({ method: 'card', amount: order.total, tip: 0, tendered: null, change: 0, reference: 'RRN-000123' });
      expect(res.body.change).toBe(0);
      expect(res.body.order.status).toBe('paid');
    });

    it('takes mixed tenders with a tip on the card and change on the cash', async () => {
      const { order } = await seat('4', [{ code: 'borscht' }, { code: 'wine-red-glass' }]);
      expect(order.total).toBe(45000 + 65000);
      const res = await pay(cashier, {
        orderId: order.id,
        tenders: [
          { method: 'card', amount: 60000, tip: 11000 },
          { method: 'cash', amount: 50000, tendered: 55000 },
        ],
      });
      expect(res.status).toBe(201);
      expect(res.body.payments.map((p: { method: string; amount: number; tip: number; change: number }) => [p.method, p.amount, p.tip, p.change])).toEqual([
        ['card', 60000, 11000, 0],
        ['cash', 50000, 0, 5000],
      ]);
      expect(res.body.change).toBe(5000);
      expect(res.body.order).toMatchObject({ status: 'paid', paid: 110000, tips: 11000, due: 0 });
      expect(res.body.receipt.tips).toBe(11000);
    });
  });

  describe('partial payments', () => {
    it('keeps the order open with a smaller due and shows the table as "bill"', async () => {
      const { order, table } = await seat('5', [{ code: 'borscht', quantity: 2 }]);
      const first = await pay(cashier, { orderId: order.id, tenders: [{ method: 'card', amount: 30000 }] });
      expect(first.status).toBe(201);
      expect(first.body.order).toMatchObject({ status: 'open', paid: 30000, due: 60000 });
      expect(first.body.receipt.due).toBe(60000);

      const tables = await cashier.get(`/pos/tables?hallId=${table.hall_id}`);
      const view = tables.body.find((tb: { id: string }) => tb.id === table.id);
      expect(view.status).toBe('bill');
      expect(view.openTotal).toBe(90000);

      // The table cannot be freed while money is due.
      const close = await cashier.post(`/pos/tables/${table.id}/close`, {});
      expect(close.status).toBe(409);
      expect(close.body.code).toBe('table.unpaid_orders');

      const rest = await pay(cashier, { orderId: order.id, tenders: [{ method: 'cash', amount: 60000 }] });
      expect(rest.status).toBe(201);
      expect(rest.body.order).toMatchObject({ status: 'paid', paid: 90000, due: 0 });
      expect(rest.body.receipt.payments.map((p: { method: string; amount: number }) => [p.method, p.amount])).toEqual([
        ['card', 30000],
        ['cash', 60000],
      ]);

      const closed = await cashier.post(`/pos/tables/${table.id}/close`, {});
      expect(closed.status).toBe(200);
      expect(closed.body.status).toBe('free');
    });

    it('refuses to take more than is due (409 payment.exceeds_due) and records nothing', async () => {
      const { order } = await seat('6');
      const res = await pay(cashier, { orderId: order.id, tenders: [{ method: 'cash', amount: 30000 }, { method: 'card', amount: 20000 }] });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'payment.exceeds_due', due: 45000 });
      expect(await paymentsOf(order.id)).toHaveLength(0);
      expect(await ledgerOf(order.id)).toHaveLength(0);
    });

    it('refuses to pay an order that is already paid (409)', async () => {
      const { order } = await seat('7');
      expect((await pay(cashier, { orderId: order.id, tenders: [{ method: 'card', amount: order.total }] })).status).toBe(201);
      const again = await pay(cashier, { orderId: order.id, tenders: [{ method: 'card', amount: 100 }] });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('order.closed');
      expect(await paymentsOf(order.id)).toHaveLength(1);
    });

    it('lets only one of two concurrent full payments through', async () => {
      const { order } = await seat('8');
      const results = await Promise.all([
        pay(cashier, { orderId: order.id, tenders: [{ method: 'card', amount: order.total }] }),
        pay(cashier, { orderId: order.id, tenders: [{ method: 'cash', amount: order.total }] }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      const payments = await paymentsOf(order.id);
      expect(payments).toHaveLength(1);
      expect((await anna.get(`/pos/orders/${order.id}`)).body).toMatchObject({ status: 'paid', paid: order.total });
    });

    it('lets two concurrent partial payments through only while they fit in what is due', async () => {
      const { order } = await seat('10', [{ code: 'borscht', quantity: 2 }]);
      const results = await Promise.all([
        pay(cashier, { orderId: order.id, tenders: [{ method: 'card', amount: 60000 }] }),
        pay(cashier, { orderId: order.id, tenders: [{ method: 'cash', amount: 60000 }] }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(results.find((r) => r.status === 409)!.body).toMatchObject({ code: 'payment.exceeds_due', due: 30000 });
      expect((await anna.get(`/pos/orders/${order.id}`)).body).toMatchObject({ status: 'open', paid: 60000, due: 30000 });
    });

    it('replays a retried payment instead of charging twice', async () => {
      const { order } = await seat('9');
      const body = { orderId: order.id, tenders: [{ method: 'card', amount: order.total }], clientRequestId: requestId() };
      const first = await cashier.post('/pos/finance/payments', body);
      const retry = await cashier.post('/pos/finance/payments', body);
      expect(first.status).toBe(201);
      expect(retry.status).toBe(201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body.payments[0].id).toBe(first.body.payments[0].id);
      expect(await paymentsOf(order.id)).toHaveLength(1);
    });
  });

  describe('bad input', () => {
    it('rejects cash tendered below amount + tip with body.tenders.0.tendered', async () => {
      const { order } = await counterOrder();
      const res = await pay(cashier, { orderId: order.id, tenders: [{ method: 'cash', amount: 45000, tip: 1000, tendered: 45500 }] });
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(paths(res.body)).toEqual(['body.tenders.0.tendered']);
      expect(await paymentsOf(order.id)).toHaveLength(0);
    });

    it('rejects `tendered` on a card tender with its own index', async () => {
      const { order } = await counterOrder();
      const res = await pay(cashier, { orderId: order.id, tenders: [{ method: 'cash', amount: 5000 }, { method: 'card', amount: 40000, tendered: 40000 }] });
      expect(res.status).toBe(400);
      expect(paths(res.body)).toEqual(['body.tenders.1.tendered']);
      expect(await paymentsOf(order.id)).toHaveLength(0);
    });

    it('rejects a zero amount with body.tenders.0.amount', async () => {
      const { order } = await counterOrder();
      const res = await pay(cashier, { orderId: order.id, tenders: [{ method: 'cash', amount: 0 }] });
      expect(res.status).toBe(400);
      expect(paths(res.body)).toContain('body.tenders.0.amount');
    });

    it('rejects no tenders with body.tenders', async () => {
      const { order } = await counterOrder();
      const empty = await pay(cashier, { orderId: order.id, tenders: [] });
      expect(empty.status).toBe(400);
      expect(paths(empty.body)).toContain('body.tenders');
      const missing = await pay(cashier, { orderId: order.id });
      expect(missing.status).toBe(400);
      expect(paths(missing.body)).toContain('body.tenders');
    });

    it('rejects fractional money, unknown methods and unknown fields', async () => {
      const { order } = await counterOrder();
      const fractional = await pay(cashier, { orderId: order.id, tenders: [{ method: 'cash', amount: 100.5 }] });
      expect(fractional.status).toBe(400);
      expect(paths(fractional.body)).toContain('body.tenders.0.amount');
      const method = await pay(cashier, { orderId: order.id, tenders: [{ method: 'crypto', amount: 100 }] });
      expect(method.status).toBe(400);
      expect(paths(method.body)).toContain('body.tenders.0.method');
      const extra = await pay(cashier, { orderId: order.id, tenders: [{ method: 'card', amount: 100, pan: '4111111111111111' }] });
      expect(extra.status).toBe(400);
      expect(paths(extra.body)).toContain('body.tenders.0.pan');
    });

    it('answers 404 for an unknown order', async () => {
      const res = await pay(cashier, { orderId: '00000000-0000-4000-8000-000000000000', tenders: [{ method: 'cash', amount: 100 }] });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('order.not_found');
    });
  });

  describe('who may take payment', () => {
    it('refuses a waiter (no payments.take)', async () => {
      const { order } = await seat('Т1');
      const res = await pay(anna, { orderId: order.id, tenders: [{ method: 'cash', amount: order.total }] });
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ code: 'auth.forbidden', permission: 'payments.take' });
      expect(await paymentsOf(order.id)).toHaveLength(0);
    });

    it('refuses a cashier without an open shift (409 shift.not_open)', async () => {
      // The second venue: its cashier has never opened a shift.
      const waiter2 = await t.login('1111', 'demo-2');
      const cashier2 = await t.login('2222', 'demo-2');
      const table = await t.table('1', 'demo-2');
      const borscht = await t.product('borscht', 'demo-2');
      const created = await waiter2.post('/pos/orders', { tableId: table.id, items: [{ productId: borscht.id, quantity: 1 }] });
      expect(created.status).toBe(201);
      expect((await cashier2.get('/pos/shifts/current')).body.shift).toBeNull();

      const res = await pay(cashier2, { orderId: created.body.id, tenders: [{ method: 'cash', amount: created.body.total }] });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('shift.not_open');
      expect(await paymentsOf(created.body.id)).toHaveLength(0);
    });

    it("cannot pay another venue's order", async () => {
      const waiter2 = await t.login('1112', 'demo-2');
      const table = await t.table('2', 'demo-2');
      const borscht = await t.product('borscht', 'demo-2');
      const created = await waiter2.post('/pos/orders', { tableId: table.id, items: [{ productId: borscht.id, quantity: 1 }] });
      expect(created.status).toBe(201);
      const res = await pay(cashier, { orderId: created.body.id, tenders: [{ method: 'cash', amount: created.body.total }] });
      expect(res.status).toBe(404);
    });
  });

  describe('split checks', () => {
    const splitEqually = async (orderId: string, version: number, parts: number) => {
      const res = await anna.post(`/pos/orders/${orderId}/split`, { version, split: { mode: 'equal', parts }, clientRequestId: requestId() });
      expect(res.status).toBe(200);
      return res.body;
    };

    it('pays one check of an equal split; the others stay due', async () => {
      const { order } = await seat('Т2', [{ code: 'borscht' }, { code: 'wine-red-glass' }, { code: 'espresso' }]);
      const split = await splitEqually(order.id, order.version, 3);
      const total = split.total;
      expect(split.checks.map((c: { amount: number }) => c.amount).reduce((a: number, b: number) => a + b, 0)).toBe(total);
      const first = split.checks[0];

      const res = await pay(cashier, { orderId: order.id, checkIndex: 0, tenders: [{ method: 'card', amount: first.amount, tip: 500 }] });
      expect(res.status).toBe(201);
      expect(res.body.payments[0].checkIndex).toBe(0);
      const paid = res.body.order;
      expect(paid.status).toBe('open');
      expect(paid.checks[0]).toMatchObject({ index: 0, paid: first.amount, due: 0 });
      expect(paid.checks[1]).toMatchObject({ index: 1, paid: 0, due: split.checks[1].amount });
      expect(paid.checks[2]).toMatchObject({ index: 2, paid: 0, due: split.checks[2].amount });
      expect(paid.due).toBe(total - first.amount);

      // That check is settled; paying it again finds nothing due.
      const again = await pay(cashier, { orderId: order.id, checkIndex: 0, tenders: [{ method: 'cash', amount: 100 }] });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('payment.nothing_due');

      // More than one check's share is refused even though the whole order owes more.
      const over = await pay(cashier, { orderId: order.id, checkIndex: 1, tenders: [{ method: 'cash', amount: split.checks[1].amount + 1 }] });
      expect(over.status).toBe(409);
      expect(over.body.code).toBe('payment.exceeds_due');

      // Paying the remaining checks closes the order.
      for (const index of [1, 2]) {
        const r = await pay(cashier, { orderId: order.id, checkIndex: index, tenders: [{ method: 'cash', amount: split.checks[index].amount }] });
        expect(r.status).toBe(201);
      }
      const final = (await anna.get(`/pos/orders/${order.id}`)).body;
      expect(final).toMatchObject({ status: 'paid', paid: total, due: 0, tips: 500 });
    });

    it('requires checkIndex on a split order, and a check that exists', async () => {
      const { order } = await seat('Т3', [{ code: 'borscht', quantity: 2 }]);
      await splitEqually(order.id, order.version, 2);
      const missing = await pay(cashier, { orderId: order.id, tenders: [{ method: 'cash', amount: 45000 }] });
      expect(missing.status).toBe(400);
      expect(paths(missing.body)).toEqual(['body.checkIndex']);
      const unknown = await pay(cashier, { orderId: order.id, checkIndex: 5, tenders: [{ method: 'cash', amount: 45000 }] });
      expect(unknown.status).toBe(400);
      expect(paths(unknown.body)).toEqual(['body.checkIndex']);
      expect(await paymentsOf(order.id)).toHaveLength(0);
    });

    it('refuses a checkIndex other than 0 on an order that is not split', async () => {
      const { order } = await seat('Т4');
      const res = await pay(cashier, { orderId: order.id, checkIndex: 1, tenders: [{ method: 'cash', amount: order.total }] });
      expect(res.status).toBe(400);
      expect(paths(res.body)).toEqual(['body.checkIndex']);
    });
  });

  describe('the ledger', () => {
    it('gets one sale row per tender and one tip row per tip, booked to the shift', async () => {
      const { order } = await seat('Т5', [{ code: 'borscht' }, { code: 'wine-red-glass' }]);
      const res = await pay(cashier, {
        orderId: order.id,
        tenders: [
          { method: 'card', amount: 70000, tip: 5000 },
          { method: 'cash', amount: 30000, tip: 1000, tendered: 35000 },
          { method: 'cash', amount: 10000 },
        ],
      });
      expect(res.status).toBe(201);
      const ids = res.body.payments.map((p: { id: string }) => p.id);
      const rows = await ledgerOf(order.id);
      const summary = rows.map((r) => ({ kind: r.kind, method: r.method, amount: Number(r.amount), paymentId: r.payment_id }));
      expect(summary).toHaveLength(5);
      expect(summary).toEqual(
        expect.arrayContaining([
          { kind: 'sale', method: 'card', amount: 70000, paymentId: ids[0] },
          { kind: 'tip', method: 'card', amount: 5000, paymentId: ids[0] },
          { kind: 'sale', method: 'cash', amount: 30000, paymentId: ids[1] },
          { kind: 'tip', method: 'cash', amount: 1000, paymentId: ids[1] },
          { kind: 'sale', method: 'cash', amount: 10000, paymentId: ids[2] },
        ]),
      );
      for (const r of rows) {
        expect(r.shift_id).toBe(shiftId);
        expect(r.staff_id).toBe(cashier.staffId);
        expect(r.venue_id).toBe(cashier.venueId);
      }
      // Change handed back is not money kept: no ledger row for it.
      expect(summary.reduce((s, r) => s + r.amount, 0)).toBe(110000 + 6000);
    });

    it('refuses to update or delete a ledger row (append-only in the database)', async () => {
      const { order } = await seat('Т6');
      expect((await pay(cashier, { orderId: order.id, tenders: [{ method: 'cash', amount: order.total }] })).status).toBe(201);
      const [row] = await ledgerOf(order.id);
      expect(row).toBeDefined();

      const refusal = { refused: true, message: expect.stringMatching(/append-only/) };
      const db = t.database.db;
      expect(await settleWrite(db.updateTable('ledger_entries').set({ amount: 1 }).where('id', '=', row.id).executeTakeFirst())).toEqual(refusal);
      expect(await settleWrite(db.deleteFrom('ledger_entries').where('id', '=', row.id).executeTakeFirst())).toEqual(refusal);
      expect(await settleWrite(db.deleteFrom('ledger_entries').executeTakeFirst())).toEqual(refusal);

      const after = await ledgerOf(order.id);
      expect(after).toHaveLength(1);
      expect(Number(after[0].amount)).toBe(order.total);
    });
  });

  describe('the receipt', () => {
    it('lists the lines with modifiers, the totals, the payments and the change', async () => {
      const medium = await t.option('doneness', 'medium');
      const pepper = await t.option('extra-sauce', 'pepper');
      const steak = await t.product('ribeye-steak');
      const borscht = await t.product('borscht');
      const { order, table } = await seat('Т7', [
        { code: 'ribeye-steak', quantity: 2, modifierIds: [medium, pepper] },
        { code: 'borscht' },
      ]);
      const steakUnit = steak.price + 7000;
      expect(order.total).toBe(2 * steakUnit + borscht.price);

      const cardPart = 500000;
      const cashPart = order.total - cardPart;
      const res = await pay(cashier, {
        orderId: order.id,
        tenders: [
          { method: 'card', amount: cardPart, tip: 30000 },
          { method: 'cash', amount: cashPart, tendered: cashPart + 7000 },
        ],
      });
      expect(res.status).toBe(201);
      const receipt = res.body.receipt;
      expect(receipt).toMatchObject({
        venueName: 'Ресторан «Демо»',
        currency: 'RUB',
        orderNumber: order.number,
        tableLabel: 'Т7',
        waiterName: 'Анна',
        subtotal: order.total,
        discount: 0,
        total: order.total,
        tips: 30000,
        change: 7000,
        due: 0,
      });
      expect(receipt.lines).toEqual([
        { name: steak.name, modifiers: ['Medium', 'Перечный'], quantity: 2, unitPrice: steakUnit, total: 2 * steakUnit },
        { name: borscht.name, modifiers: [], quantity: 1, unitPrice: borscht.price, total: borscht.price },
      ]);
      expect(receipt.payments).toEqual([
        { method: 'card', amount: cardPart, tip: 30000, refunded: 0, maskedCard: null },
        { method: 'cash', amount: cashPart, tip: 0, refunded: 0, maskedCard: null },
      ]);
      expect(receipt.refunded).toBe(0);
      expect(Date.parse(receipt.issuedAt)).not.toBeNaN();
      expect(table.id).toBe(order.tableId);
    });

    it('prices a line with a discounting modifier as the order does (never below zero)', async () => {
      // A venue-defined "compliment" modifier that takes more off than the dish costs.
      const venueId = cashier.venueId!;
      const group = await t.database.db.selectFrom('modifier_groups').select('id').where('venue_id', '=', venueId).where('code', '=', 'extra-sauce').executeTakeFirstOrThrow();
      const complimentId = '11111111-1111-4111-8111-111111111111';
      await t.database.db
        .insertInto('modifier_options')
        .values({ id: complimentId, group_id: group.id, venue_id: venueId, code: 'compliment', name: 'Комплимент', price_delta: -400000, sort: 99 })
        .execute();
      const medium = await t.option('doneness', 'medium');
      const { order } = await seat('Т8', [{ code: 'ribeye-steak', modifierIds: [medium, complimentId] }, { code: 'borscht' }]);
      expect(order.lines[0].lineTotal).toBe(0);
      expect(order.total).toBe(45000);

      const res = await pay(cashier, { orderId: order.id, tenders: [{ method: 'cash', amount: 45000 }] });
      expect(res.status).toBe(201);
      expect(res.body.receipt.lines[0]).toMatchObject({ modifiers: ['Medium', 'Комплимент'], quantity: 1, unitPrice: 0, total: 0 });
      expect(res.body.receipt.total).toBe(45000);
    });

    it('leaves voided portions off the receipt', async () => {
      const { order } = await seat('11', [{ code: 'borscht', quantity: 3 }]);
      const line = order.lines[0];
      const voided = await anna.post(`/pos/orders/${order.id}/items/${line.id}/void`, { version: order.version, quantity: 1, clientRequestId: requestId() });
      expect(voided.status).toBe(200);
      const res = await pay(cashier, { orderId: order.id, tenders: [{ method: 'cash', amount: 90000 }] });
      expect(res.status).toBe(201);
      expect(res.body.receipt.lines).toEqual([{ name: 'Борщ', modifiers: [], quantity: 2, unitPrice: 45000, total: 90000 }]);
      expect(res.body.receipt.total).toBe(90000);
    });
  });
});
