import { randomUUID } from 'node:crypto';
import { addDays, businessDate, type Order, type Table } from '@pos/contracts';
import { type Client, createTestApp, requestId, type Response, type TestApp } from '../../testing/harness';

/** The failing field paths of a problem+json answer. */
const paths = (res: Response) => ((res.body?.errors ?? []) as { path: string }[]).map((e) => e.path);

function expectProblem(res: Response, status: number, code: string) {
  expect({ status: res.status, code: res.body?.code }).toEqual({ status, code });
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
}

describe('orders', () => {
  let t: TestApp;
  let anna: Client;
  let boris: Client;
  let supervisor: Client;
  let cook: Client;
  let cashier: Client;
  let medium: string;
  let rare: string;
  let pepper: string;
  let mushroomSauce: string;
  let greenSalad: string;
  let oatMilk: string;

  beforeAll(async () => {
    t = await createTestApp();
    anna = await t.login('1111');
    boris = await t.login('1112');
    supervisor = await t.login('333333');
    cook = await t.login('4444');
    cashier = await t.login('2222');
    medium = await t.option('doneness', 'medium');
    rare = await t.option('doneness', 'rare');
    pepper = await t.option('extra-sauce', 'pepper');
    mushroomSauce = await t.option('extra-sauce', 'mushroom');
    greenSalad = await t.option('side-choice', 'green-salad');
    oatMilk = await t.option('milk', 'oat');
  });
  afterAll(() => t.close());

  async function createOrder(client: Client, body: Record<string, unknown>): Promise<Order> {
    const res = await client.post('/pos/orders', body);
    if (res.status !== 201) throw new Error(`create order: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  async function getOrder(id: string): Promise<Order> {
    const res = await anna.get(`/pos/orders/${id}`);
    expect(res.status).toBe(200);
    return res.body;
  }

  async function floorTable(tableId: string): Promise<Table> {
    const res = await anna.get('/pos/tables');
    expect(res.status).toBe(200);
    return (res.body as Table[]).find((tb) => tb.id === tableId)!;
  }

  const stockOf = async (code: string) => (await t.product(code)).stock;

  async function setStock(code: string, body: { stock?: number | null; isAvailable?: boolean }) {
    const product = await t.product(code);
    const res = await cook.patch(`/pos/menu/products/${product.id}/stock`, body);
    expect(res.status).toBe(200);
    return product;
  }

  async function fire(orderId: string) {
    const res = await anna.post(`/pos/orders/${orderId}/send`, {});
    expect(res.status).toBe(200);
    return res.body as { order: Order; tickets: unknown[] };
  }

  describe('POST /pos/orders', () => {
    it('with a table opens the table session for the waiter; a second order joins it', async () => {
      const table = await t.table('1');
      expect((await floorTable(table.id)).status).toBe('free');

      const res = await anna.post('/pos/orders', { tableId: table.id, guests: 3, clientRequestId: requestId() });
      expect(res.status).toBe(201);
      const order: Order = res.body;
      expect(order).toMatchObject({
        tableId: table.id,
        tableLabel: '1',
        waiterId: anna.staffId,
        waiterName: 'Анна',
        status: 'open',
        guests: 3,
        version: 1,
        lines: [],
        split: null,
        subtotal: 0,
        total: 0,
        paid: 0,
        due: 0,
      });
      expect(order.sessionId).toEqual(expect.any(String));

      const seated = await floorTable(table.id);
      expect(seated.status).toBe('occupied');
      expect(seated.session).toMatchObject({ id: order.sessionId, waiterId: anna.staffId, guests: 3, status: 'open' });

      const second = await createOrder(anna, { tableId: table.id });
      expect(second.sessionId).toBe(order.sessionId);
      expect(second.guests).toBe(3);
      expect(second.number).toBeGreaterThan(order.number);
    });

    it('without a table and without items is an empty takeaway order', async () => {
      const order = await createOrder(anna, {});
      expect(order).toMatchObject({ tableId: null, tableLabel: null, sessionId: null, lines: [], total: 0, guests: 1, heldCourses: [] });
      expect(order.checks).toEqual([{ index: 0, amount: 0, paid: 0, due: 0, lines: null }]);
    });

    it('with items and modifiers: lines, totals and checks in integer minor units', async () => {
      const table = await t.table('2');
      const steak = await t.product('ribeye-steak');
      const wine = await t.product('wine-red-glass');
      const borscht = await t.product('borscht');
      const order = await createOrder(anna, {
        tableId: table.id,
        items: [
          { productId: steak.id, quantity: 2, modifierIds: [medium, pepper, greenSalad], note: 'без соли' },
          { productId: wine.id, quantity: 3 },
          { productId: borscht.id, quantity: 1, note: 'без сметаны', course: 2 },
        ],
      });

      const steakUnit = steak.price + 7000 + 5000;
      expect(order.lines).toHaveLength(3);
      const [steakLine, wineLine, soupLine] = order.lines;
      expect(steakLine).toMatchObject({
        productId: steak.id,
        name: steak.name,
        unitPrice: steak.price,
        quantity: 2,
        voidedQuantity: 0,
        firedQuantity: 0,
        note: 'без соли',
        course: 1,
        kitchenState: 'new',
        voidReason: null,
        lineTotal: 2 * steakUnit,
      });
      expect(steakLine.modifiers).toEqual([
        { id: medium, name: 'Medium', priceDelta: 0 },
        { id: pepper, name: 'Перечный', priceDelta: 7000 },
        { id: greenSalad, name: 'Зелёный салат', priceDelta: 5000 },
      ]);
      expect(wineLine).toMatchObject({ name: wine.name, unitPrice: wine.price, quantity: 3, modifiers: [], note: null, lineTotal: 3 * wine.price });
      expect(soupLine).toMatchObject({ course: 2, note: 'без сметаны', lineTotal: borscht.price });

      const total = 2 * steakUnit + 3 * wine.price + borscht.price;
      expect(total).toBe(922000);
      expect(order).toMatchObject({ subtotal: total, discount: 0, total, paid: 0, due: total });
      expect(order.checks).toEqual([{ index: 0, amount: total, paid: 0, due: total, lines: null }]);
      expect(await getOrder(order.id)).toEqual(order);
    });

    it('snapshots name and price: changing the product afterwards does not change the line', async () => {
      const kvass = await t.product('kvass');
      const order = await createOrder(anna, { tableId: (await t.table('3')).id, items: [{ productId: kvass.id, quantity: 2 }] });
      await t.database.db.updateTable('products').set({ price: kvass.price + 10000, name: 'Квас (новый рецепт)' }).where('id', '=', kvass.id).execute();
      try {
        const reread = await getOrder(order.id);
        expect(reread.lines[0]).toMatchObject({ name: kvass.name, unitPrice: kvass.price, lineTotal: 2 * kvass.price });
        expect(reread.total).toBe(2 * kvass.price);

        // A new line takes today's price; the old one keeps its own.
        const added = await anna.post(`/pos/orders/${order.id}/items`, { items: [{ productId: kvass.id, quantity: 1 }] });
        expect(added.status).toBe(200);
        expect(added.body.lines.map((l: { name: string; unitPrice: number }) => [l.name, l.unitPrice])).toEqual([
          [kvass.name, kvass.price],
          ['Квас (новый рецепт)', kvass.price + 10000],
        ]);
        expect(added.body.total).toBe(3 * kvass.price + 10000);
      } finally {
        await t.database.db.updateTable('products').set({ price: kvass.price, name: kvass.name }).where('id', '=', kvass.id).execute();
      }
    });

    it('requires the required modifier group (doneness: exactly one)', async () => {
      const table = await t.table('4');
      const steak = await t.product('ribeye-steak');
      const ordersBefore = await countOrders();

      const missing = await anna.post('/pos/orders', { tableId: table.id, items: [{ productId: steak.id, quantity: 1 }] });
      expectProblem(missing, 400, 'validation');
      expect(paths(missing)).toEqual(['body.items.0.modifierIds']);

      const onlySauce = await anna.post('/pos/orders', { items: [{ productId: steak.id, quantity: 1, modifierIds: [pepper] }] });
      expectProblem(onlySauce, 400, 'validation');
      expect(paths(onlySauce)).toEqual(['body.items.0.modifierIds']);

      const twoDoneness = await anna.post('/pos/orders', { items: [{ productId: steak.id, quantity: 1, modifierIds: [medium, rare] }] });
      expectProblem(twoDoneness, 400, 'validation');
      expect(paths(twoDoneness)).toEqual(['body.items.0.modifierIds']);

      const threeSauces = await anna.post('/pos/orders', {
        items: [{ productId: steak.id, quantity: 1, modifierIds: [medium, pepper, mushroomSauce, await t.option('extra-sauce', 'bbq')] }],
      });
      expectProblem(threeSauces, 400, 'validation');

      // The index names the failing item.
      const second = await anna.post('/pos/orders', {
        items: [
          { productId: steak.id, quantity: 1, modifierIds: [medium] },
          { productId: steak.id, quantity: 1 },
        ],
      });
      expectProblem(second, 400, 'validation');
      expect(paths(second)).toEqual(['body.items.1.modifierIds']);

      // Nothing was written: no order, and the table was not opened either.
      expect(await countOrders()).toBe(ordersBefore);
      expect((await floorTable(table.id)).status).toBe('free');
    });

    it("rejects a modifier option of another product's group", async () => {
      const steak = await t.product('ribeye-steak');
      const wine = await t.product('wine-red-glass');
      const foreign = await anna.post('/pos/orders', { items: [{ productId: steak.id, quantity: 1, modifierIds: [medium, oatMilk] }] });
      expectProblem(foreign, 400, 'validation');
      expect(paths(foreign)).toEqual(['body.items.0.modifierIds.1']);

      const onPlainProduct = await anna.post('/pos/orders', { items: [{ productId: wine.id, quantity: 1, modifierIds: [pepper] }] });
      expectProblem(onPlainProduct, 400, 'validation');
      expect(paths(onPlainProduct)).toEqual(['body.items.0.modifierIds.0']);

      const unknownOption = await anna.post('/pos/orders', { items: [{ productId: wine.id, quantity: 1, modifierIds: [randomUUID()] }] });
      expectProblem(unknownOption, 400, 'validation');
      expect(paths(unknownOption)).toEqual(['body.items.0.modifierIds.0']);
    });

    it('rejects an unknown product, and a product of another venue, with the field path', async () => {
      const wine = await t.product('wine-red-glass');
      const unknown = await anna.post('/pos/orders', { items: [{ productId: wine.id, quantity: 1 }, { productId: randomUUID(), quantity: 1 }] });
      expectProblem(unknown, 400, 'validation');
      expect(paths(unknown)).toEqual(['body.items.1.productId']);

      const otherVenue = await t.product('caesar-chicken', 'demo-2');
      const foreign = await anna.post('/pos/orders', { items: [{ productId: otherVenue.id, quantity: 1 }] });
      expectProblem(foreign, 400, 'validation');
      expect(paths(foreign)).toEqual(['body.items.0.productId']);
    });

    it('answers bad input with 400 problem+json and the field path, never a 500', async () => {
      const wine = await t.product('wine-red-glass');
      const cases: [unknown, string][] = [
        [{ items: [{ productId: wine.id, quantity: 0 }] }, 'body.items.0.quantity'],
        [{ items: [{ productId: wine.id, quantity: 1.5 }] }, 'body.items.0.quantity'],
        [{ items: [{ productId: wine.id, quantity: 100 }] }, 'body.items.0.quantity'],
        [{ items: [{ productId: wine.id, quantity: 1, course: 0 }] }, 'body.items.0.course'],
        [{ items: [{ productId: 'not-a-uuid', quantity: 1 }] }, 'body.items.0.productId'],
        [{ items: [{ productId: wine.id, quantity: 1, note: 'x'.repeat(201) }] }, 'body.items.0.note'],
        [{ items: [{ productId: wine.id, quantity: 1, colour: 'red' }] }, 'body.items.0.colour'],
        [{ tableId: 'table-5' }, 'body.tableId'],
        [{ guests: 0 }, 'body.guests'],
        [{ discountPercent: 50 }, 'body.discountPercent'],
      ];
      for (const [body, path] of cases) {
        const res = await anna.post('/pos/orders', body);
        expectProblem(res, 400, 'validation');
        expect(paths(res)).toContain(path);
      }
      const notJson = await anna.request('POST', '/pos/orders', '{"items": [', { 'content-type': 'application/json' });
      expect(notJson.status).toBe(400);
    });

    it('refuses staff without orders.create (cook, cashier) and anonymous callers', async () => {
      const wine = await t.product('wine-red-glass');
      const body = { items: [{ productId: wine.id, quantity: 1 }] };
      const before = await countOrders();
      expectProblem(await cook.post('/pos/orders', body), 403, 'auth.forbidden');
      expectProblem(await cashier.post('/pos/orders', body), 403, 'auth.forbidden');
      expectProblem(await t.anonymous.post('/pos/orders', body), 401, 'auth.unauthorized');
      expect(await countOrders()).toBe(before);
    });
  });

  describe('changing an order', () => {
    it('adds items: appended lines, version bumped, totals recomputed', async () => {
      const wine = await t.product('wine-red-glass');
      const steak = await t.product('ribeye-steak');
      const order = await createOrder(anna, { tableId: (await t.table('5')).id, items: [{ productId: wine.id, quantity: 1 }] });

      const res = await anna.post(`/pos/orders/${order.id}/items`, {
        items: [{ productId: steak.id, quantity: 1, modifierIds: [rare, mushroomSauce], course: 2 }],
        clientRequestId: requestId(),
      });
      expect(res.status).toBe(200);
      expect(res.body.version).toBe(order.version + 1);
      expect(res.body.lines.map((l: { productId: string }) => l.productId)).toEqual([wine.id, steak.id]);
      expect(res.body.lines[1]).toMatchObject({ course: 2, lineTotal: steak.price + 7000 });
      expect(res.body.total).toBe(wine.price + steak.price + 7000);

      // Adding does not need a version, but a stale one given is refused.
      const stale = await anna.post(`/pos/orders/${order.id}/items`, { items: [{ productId: wine.id, quantity: 1 }], version: order.version });
      expectProblem(stale, 409, 'order.version_conflict');

      expectProblem(await anna.post(`/pos/orders/${order.id}/items`, { items: [] }), 400, 'validation');
      expectProblem(await cook.post(`/pos/orders/${order.id}/items`, { items: [{ productId: wine.id, quantity: 1 }] }), 403, 'auth.forbidden');
      expectProblem(await anna.post(`/pos/orders/${randomUUID()}/items`, { items: [{ productId: wine.id, quantity: 1 }] }), 404, 'order.not_found');
      expect((await getOrder(order.id)).lines).toHaveLength(2);
    });

    it('updates a line: quantity, note and course', async () => {
      const borscht = await t.product('borscht');
      const order = await createOrder(anna, { tableId: (await t.table('6')).id, items: [{ productId: borscht.id, quantity: 1 }] });
      const lineId = order.lines[0].id;
      const url = `/pos/orders/${order.id}/items/${lineId}`;

      const more = await anna.patch(url, { version: order.version, quantity: 3 });
      expect(more.status).toBe(200);
      expect(more.body.lines[0]).toMatchObject({ quantity: 3, lineTotal: 3 * borscht.price });
      expect(more.body.total).toBe(3 * borscht.price);

      const noted = await anna.patch(url, { version: more.body.version, note: 'без сметаны', course: 2 });
      expect(noted.status).toBe(200);
      expect(noted.body.lines[0]).toMatchObject({ note: 'без сметаны', course: 2, quantity: 3 });

      const less = await anna.patch(url, { version: noted.body.version, quantity: 2, note: null });
      expect(less.status).toBe(200);
      expect(less.body.lines[0]).toMatchObject({ quantity: 2, note: null, course: 2, lineTotal: 2 * borscht.price });
      expect(less.body.version).toBe(order.version + 3);

      const nothing = await anna.patch(url, { version: less.body.version });
      expectProblem(nothing, 400, 'validation');
      expect(paths(nothing)).toEqual(['body.quantity']);
      expect(paths(await anna.patch(url, { version: less.body.version, quantity: 0 }))).toEqual(['body.quantity']);
      expect(paths(await anna.patch(url, { quantity: 2 }))).toEqual(['body.version']);
      expect(paths(await anna.patch(`/pos/orders/${order.id}/items/nope`, { version: less.body.version, quantity: 2 }))).toEqual(['params.lineId']);
      expectProblem(await anna.patch(`/pos/orders/${order.id}/items/${randomUUID()}`, { version: less.body.version, quantity: 2 }), 404, 'line.not_found');
      expectProblem(await cook.patch(url, { version: less.body.version, quantity: 2 }), 403, 'auth.forbidden');
      expect((await getOrder(order.id)).version).toBe(less.body.version);
    });

    it('a line of another order is not found through this order', async () => {
      const wine = await t.product('wine-red-glass');
      const a = await createOrder(anna, { items: [{ productId: wine.id, quantity: 1 }] });
      const b = await createOrder(anna, { items: [{ productId: wine.id, quantity: 1 }] });
      expectProblem(await anna.patch(`/pos/orders/${a.id}/items/${b.lines[0].id}`, { version: a.version, quantity: 5 }), 404, 'line.not_found');
      expect((await getOrder(b.id)).lines[0].quantity).toBe(1);
    });

    it('optimistic concurrency: two waiters editing the same version → one 200, one 409, nothing lost', async () => {
      const wine = await t.product('wine-red-glass');
      const borscht = await t.product('borscht');
      const order = await createOrder(anna, {
        tableId: (await t.table('7')).id,
        items: [
          { productId: wine.id, quantity: 1 },
          { productId: borscht.id, quantity: 1 },
        ],
      });
      const [wineLine, soupLine] = order.lines;
      const annaEdit = { url: `/pos/orders/${order.id}/items/${wineLine.id}`, body: { quantity: 2 } };
      const borisEdit = { url: `/pos/orders/${order.id}/items/${soupLine.id}`, body: { note: 'погорячее' } };

      const results = await Promise.all([
        anna.patch(annaEdit.url, { ...annaEdit.body, version: order.version }),
        boris.patch(borisEdit.url, { ...borisEdit.body, version: order.version }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const loserIndex = results.findIndex((r) => r.status === 409);
      const loser = results[loserIndex];
      const winner = results[1 - loserIndex];
      expectProblem(loser, 409, 'order.version_conflict');
      expect(loser.body.currentVersion).toBe(order.version + 1);
      expect(winner.body.version).toBe(order.version + 1);

      // The loser reloads and applies the change on top: both edits survive.
      const reloaded = await getOrder(order.id);
      const retry = loserIndex === 0
        ? await anna.patch(annaEdit.url, { ...annaEdit.body, version: reloaded.version })
        : await boris.patch(borisEdit.url, { ...borisEdit.body, version: reloaded.version });
      expect(retry.status).toBe(200);

      const final = await getOrder(order.id);
      expect(final.version).toBe(order.version + 2);
      expect(final.lines.find((l) => l.id === wineLine.id)).toMatchObject({ quantity: 2 });
      expect(final.lines.find((l) => l.id === soupLine.id)).toMatchObject({ note: 'погорячее', quantity: 1 });
      expect(final.total).toBe(2 * wine.price + borscht.price);
    });

    it('an order edit with nothing to change is a 400 (found by the fuzzer: it was a 500), and a version out of bounds too', async () => {
      const order = await createOrder(anna, { tableId: (await t.table('8')).id, items: [{ productId: (await t.product('wine-red-glass')).id, quantity: 1 }] });
      const empty = await anna.patch(`/pos/orders/${order.id}`, { version: order.version });
      expectProblem(empty, 400, 'validation');
      expect(paths(await anna.patch(`/pos/orders/${order.id}`, { version: 2 ** 40, guests: 2 }))).toEqual(['body.version']);
      expect(paths(await anna.patch(`/pos/orders/${order.id}`, { version: -1, guests: 2 }))).toEqual(['body.version']);
      expect((await getOrder(order.id)).version).toBe(order.version);
    });

    it('a stale version is refused on every versioned edit (line, void, split, order)', async () => {
      const wine = await t.product('wine-red-glass');
      const order = await createOrder(anna, { tableId: (await t.table('8')).id, items: [{ productId: wine.id, quantity: 2 }] });
      const edited = await boris.patch(`/pos/orders/${order.id}`, { version: order.version, note: 'юбилей' });
      expect(edited.status).toBe(200);
      expect(edited.body.note).toBe('юбилей');
      const line = `/pos/orders/${order.id}/items/${order.lines[0].id}`;
      expectProblem(await anna.patch(line, { version: order.version, quantity: 3 }), 409, 'order.version_conflict');
      expectProblem(await anna.post(`${line}/void`, { version: order.version }), 409, 'order.version_conflict');
      expectProblem(await anna.post(`/pos/orders/${order.id}/split`, { version: order.version, split: { mode: 'equal', parts: 2 } }), 409, 'order.version_conflict');
      expectProblem(await anna.patch(`/pos/orders/${order.id}`, { version: order.version, guests: 4 }), 409, 'order.version_conflict');
      const final = await getOrder(order.id);
      expect(final).toMatchObject({ version: order.version + 1, note: 'юбилей', guests: order.guests, split: null });
      expect(final.lines[0]).toMatchObject({ quantity: 2, voidedQuantity: 0 });
    });
  });

  describe('voids', () => {
    it('before firing: any waiter, no reason, stock comes back for tracked products', async () => {
      const duck = await setStock('duck-breast', { stock: 5 });
      const order = await createOrder(anna, { tableId: (await t.table('9')).id, items: [{ productId: duck.id, quantity: 2 }] });
      expect(await stockOf('duck-breast')).toBe(3);
      const url = `/pos/orders/${order.id}/items/${order.lines[0].id}/void`;

      const one = await anna.post(url, { version: order.version, quantity: 1 });
      expect(one.status).toBe(200);
      expect(one.body.lines[0]).toMatchObject({ quantity: 2, voidedQuantity: 1, lineTotal: duck.price, voidReason: null, kitchenState: 'new' });
      expect(one.body.total).toBe(duck.price);
      expect(await stockOf('duck-breast')).toBe(4);

      const tooMany = await anna.post(url, { version: one.body.version, quantity: 2 });
      expectProblem(tooMany, 400, 'validation');
      expect(paths(tooMany)).toEqual(['body.quantity']);

      // Without a quantity: everything still standing.
      const rest = await anna.post(url, { version: one.body.version });
      expect(rest.status).toBe(200);
      expect(rest.body.lines[0]).toMatchObject({ voidedQuantity: 2, lineTotal: 0 });
      expect(rest.body.total).toBe(0);
      expect(await stockOf('duck-breast')).toBe(5);

      expectProblem(await anna.post(url, { version: rest.body.version }), 409, 'line.voided');
      expect(await auditRows(order.id)).toHaveLength(0);

      // Nothing to tell the kitchen about a line voided before it ever got there.
      const fired = await fire(order.id);
      expect(fired.tickets).toEqual([]);
    });

    it('after firing: a waiter is refused, a supervisor needs a reason, and the void is audited', async () => {
      const borscht = await t.product('borscht');
      const order = await createOrder(anna, { tableId: (await t.table('10')).id, items: [{ productId: borscht.id, quantity: 2 }] });
      const { order: fired } = await fire(order.id);
      expect(fired.lines[0]).toMatchObject({ firedQuantity: 2, kitchenState: 'fired' });
      const url = `/pos/orders/${order.id}/items/${order.lines[0].id}/void`;

      expectProblem(await anna.post(url, { version: fired.version, quantity: 1, reason: 'гость передумал' }), 403, 'auth.forbidden');

      const noReason = await supervisor.post(url, { version: fired.version, quantity: 1 });
      expectProblem(noReason, 400, 'validation');
      expect(paths(noReason)).toEqual(['body.reason']);
      expect(paths(await supervisor.post(url, { version: fired.version, quantity: 1, reason: 'no' }))).toEqual(['body.reason']);

      const unchanged = await getOrder(order.id);
      expect(unchanged.version).toBe(fired.version);
      expect(unchanged.lines[0].voidedQuantity).toBe(0);
      expect(await auditRows(order.id)).toHaveLength(0);

      const voided = await supervisor.post(url, { version: fired.version, quantity: 1, reason: 'гость передумал' });
      expect(voided.status).toBe(200);
      expect(voided.body.lines[0]).toMatchObject({ voidedQuantity: 1, voidReason: 'гость передумал', kitchenState: 'changed', lineTotal: borscht.price });
      expect(voided.body.total).toBe(borscht.price);

      const audit = await auditRows(order.id);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ action: 'order.line.voided', entity: 'order', staff_id: supervisor.staffId });
      expect(JSON.parse(audit[0].details)).toMatchObject({ lineId: order.lines[0].id, quantity: 1, reason: 'гость передумал' });
    });

    it('after firing: unfired portions of the same line still go freely, and fired stock does not come back', async () => {
      const duck = await setStock('duck-breast', { stock: 5 });
      const order = await createOrder(anna, { tableId: (await t.table('11')).id, items: [{ productId: duck.id, quantity: 2 }] });
      const { order: fired } = await fire(order.id);
      const lineUrl = `/pos/orders/${order.id}/items/${order.lines[0].id}`;
      const more = await anna.patch(lineUrl, { version: fired.version, quantity: 3 });
      expect(more.status).toBe(200);
      expect(more.body.lines[0]).toMatchObject({ quantity: 3, firedQuantity: 2, kitchenState: 'changed' });
      expect(await stockOf('duck-breast')).toBe(2);

      // Cannot shrink below what the kitchen has: that is a void with a reason.
      expectProblem(await anna.patch(lineUrl, { version: more.body.version, quantity: 1 }), 409, 'line.fired');

      const unfired = await anna.post(`${lineUrl}/void`, { version: more.body.version, quantity: 1 });
      expect(unfired.status).toBe(200);
      expect(unfired.body.lines[0]).toMatchObject({ voidedQuantity: 1, firedQuantity: 2, kitchenState: 'fired' });
      expect(await stockOf('duck-breast')).toBe(3);

      expectProblem(await anna.post(`${lineUrl}/void`, { version: unfired.body.version, quantity: 1 }), 403, 'auth.forbidden');
      const firedVoid = await supervisor.post(`${lineUrl}/void`, { version: unfired.body.version, reason: 'подгорело' });
      expect(firedVoid.status).toBe(200);
      expect(firedVoid.body.lines[0]).toMatchObject({ voidedQuantity: 3, lineTotal: 0, kitchenState: 'changed' });
      expect(firedVoid.body.total).toBe(0);
      expect(await stockOf('duck-breast')).toBe(3);
    });
  });

  describe('split', () => {
    it('in equal parts: checks sum exactly to the total and differ by at most one', async () => {
      const wine = await t.product('wine-red-glass');
      const borscht = await t.product('borscht');
      const order = await createOrder(anna, {
        tableId: (await t.table('12')).id,
        items: [
          { productId: wine.id, quantity: 3 },
          { productId: borscht.id, quantity: 1 },
        ],
      });
      const total = 3 * wine.price + borscht.price;
      const res = await anna.post(`/pos/orders/${order.id}/split`, { version: order.version, split: { mode: 'equal', parts: 7 } });
      expect(res.status).toBe(200);
      expect(res.body.split).toEqual({ mode: 'equal', parts: 7 });
      const amounts = (res.body.checks as { amount: number }[]).map((c) => c.amount);
      expect(amounts).toHaveLength(7);
      expect(amounts.reduce((s, a) => s + a, 0)).toBe(total);
      expect(Math.max(...amounts) - Math.min(...amounts)).toBeLessThanOrEqual(1);
      expect(res.body.total).toBe(total);

      // Cashiers may split as well; null removes the split.
      const undone = await cashier.post(`/pos/orders/${order.id}/split`, { version: res.body.version, split: null });
      expect(undone.status).toBe(200);
      expect(undone.body.split).toBeNull();
      expect(undone.body.checks).toEqual([{ index: 0, amount: total, paid: 0, due: total, lines: null }]);

      const bad = await anna.post(`/pos/orders/${order.id}/split`, { version: undone.body.version, split: { mode: 'equal', parts: 1 } });
      expectProblem(bad, 400, 'validation');
      expect(paths(bad)).toEqual(['body.split.parts']);
      expectProblem(await cook.post(`/pos/orders/${order.id}/split`, { version: undone.body.version, split: null }), 403, 'auth.forbidden');
    });

    it('by lines: each check its portions, the unclaimed rest on a remainder check', async () => {
      const steak = await t.product('ribeye-steak');
      const wine = await t.product('wine-red-glass');
      const borscht = await t.product('borscht');
      const order = await createOrder(anna, {
        tableId: (await t.table('13')).id,
        items: [
          { productId: steak.id, quantity: 2, modifierIds: [medium, pepper] },
          { productId: wine.id, quantity: 2 },
          { productId: borscht.id, quantity: 1 },
        ],
      });
      const [s, w, b] = order.lines;
      const steakUnit = steak.price + 7000;
      const split = { mode: 'lines', checks: [[{ lineId: s.id, quantity: 1 }, { lineId: w.id, quantity: 1 }], [{ lineId: s.id, quantity: 1 }]] };
      const res = await anna.post(`/pos/orders/${order.id}/split`, { version: order.version, split });
      expect(res.status).toBe(200);
      expect(res.body.split).toEqual(split);
      expect(res.body.checks).toEqual([
        { index: 0, amount: steakUnit + wine.price, paid: 0, due: steakUnit + wine.price, lines: [{ lineId: s.id, quantity: 1 }, { lineId: w.id, quantity: 1 }] },
        { index: 1, amount: steakUnit, paid: 0, due: steakUnit, lines: [{ lineId: s.id, quantity: 1 }] },
        { index: 2, amount: wine.price + borscht.price, paid: 0, due: wine.price + borscht.price, lines: [{ lineId: w.id, quantity: 1 }, { lineId: b.id, quantity: 1 }] },
      ]);
      const sum = (res.body.checks as { amount: number }[]).reduce((acc, c) => acc + c.amount, 0);
      expect(sum).toBe(res.body.total);
      expect(res.body.total).toBe(2 * steakUnit + 2 * wine.price + borscht.price);

      // A void after the split shrinks the checks; they still add up.
      const voided = await anna.post(`/pos/orders/${order.id}/items/${w.id}/void`, { version: res.body.version, quantity: 1 });
      expect(voided.status).toBe(200);
      const after = voided.body.checks as { amount: number; lines: unknown[] }[];
      expect(after.map((c) => c.amount)).toEqual([steakUnit + wine.price, steakUnit, borscht.price]);
      expect(after.reduce((acc, c) => acc + c.amount, 0)).toBe(voided.body.total);
    });

    it('refuses an unknown line and over-allocation with the field path, and changes nothing', async () => {
      const wine = await t.product('wine-red-glass');
      const borscht = await t.product('borscht');
      const order = await createOrder(anna, {
        tableId: (await t.table('14')).id,
        items: [
          { productId: wine.id, quantity: 2 },
          { productId: borscht.id, quantity: 1 },
        ],
      });
      const [w, b] = order.lines;
      const url = `/pos/orders/${order.id}/split`;

      const unknown = await anna.post(url, { version: order.version, split: { mode: 'lines', checks: [[{ lineId: b.id, quantity: 1 }], [{ lineId: w.id, quantity: 1 }, { lineId: randomUUID(), quantity: 1 }]] } });
      expectProblem(unknown, 400, 'validation');
      expect(paths(unknown)).toEqual(['body.split.checks.1.1.lineId']);

      const notUuid = await anna.post(url, { version: order.version, split: { mode: 'lines', checks: [[{ lineId: 'x', quantity: 1 }]] } });
      expect(paths(notUuid)).toEqual(['body.split.checks.0.0.lineId']);

      const over = await anna.post(url, { version: order.version, split: { mode: 'lines', checks: [[{ lineId: w.id, quantity: 2 }], [{ lineId: w.id, quantity: 1 }]] } });
      expectProblem(over, 400, 'validation');
      expect(paths(over)).toEqual(['body.split.checks.1.0.quantity']);

      const overOne = await anna.post(url, { version: order.version, split: { mode: 'lines', checks: [[{ lineId: b.id, quantity: 2 }]] } });
      expect(paths(overOne)).toEqual(['body.split.checks.0.0.quantity']);

      const zero = await anna.post(url, { version: order.version, split: { mode: 'lines', checks: [[{ lineId: b.id, quantity: 0 }]] } });
      expect(paths(zero)).toEqual(['body.split.checks.0.0.quantity']);

      const empty = await anna.post(url, { version: order.version, split: { mode: 'lines', checks: [[]] } });
      expect(empty.status).toBe(400);

      const unchanged = await getOrder(order.id);
      expect(unchanged).toMatchObject({ version: order.version, split: null });
      expect(unchanged.checks).toHaveLength(1);
    });
  });

  describe('payments', () => {
    it('what a guest has paid cannot be voided or re-split away; a paid order is closed to edits', async () => {
      const wine = await t.product('wine-red-glass');
      const borscht = await t.product('borscht');
      expect((await cashier.post('/pos/shifts', { openingFloat: 0 })).status).toBe(201);
      const order = await createOrder(anna, {
        tableId: (await t.table('Т5')).id,
        items: [
          { productId: wine.id, quantity: 2 },
          { productId: borscht.id, quantity: 1 },
        ],
      });
      const [w, b] = order.lines;
      const split = await anna.post(`/pos/orders/${order.id}/split`, {
        version: order.version,
        split: { mode: 'lines', checks: [[{ lineId: w.id, quantity: 2 }], [{ lineId: b.id, quantity: 1 }]] },
      });
      expect(split.status).toBe(200);

      const soupPaid = await cashier.post('/pos/finance/payments', { orderId: order.id, checkIndex: 1, tenders: [{ method: 'cash', amount: borscht.price, tendered: borscht.price }] });
      expect(soupPaid.status).toBe(201);
      const afterSoup = await getOrder(order.id);
      expect(afterSoup).toMatchObject({ status: 'open', paid: borscht.price, due: 2 * wine.price });
      expect(afterSoup.checks.map((c) => [c.amount, c.paid, c.due])).toEqual([
        [2 * wine.price, 0, 2 * wine.price],
        [borscht.price, borscht.price, 0],
      ]);

      expectProblem(await anna.post(`/pos/orders/${order.id}/items/${b.id}/void`, { version: afterSoup.version }), 409, 'order.paid_check_changed');
      expectProblem(await anna.post(`/pos/orders/${order.id}/split`, { version: afterSoup.version, split: { mode: 'equal', parts: 2 } }), 409, 'order.has_payments');
      expect(await getOrder(order.id)).toEqual(afterSoup);

      // The unpaid check may still shrink.
      const oneWine = await anna.post(`/pos/orders/${order.id}/items/${w.id}/void`, { version: afterSoup.version, quantity: 1 });
      expect(oneWine.status).toBe(200);
      expect(oneWine.body.checks.map((c: { amount: number }) => c.amount)).toEqual([wine.price, borscht.price]);
      expect(oneWine.body.due).toBe(wine.price);

      const winePaid = await cashier.post('/pos/finance/payments', { orderId: order.id, checkIndex: 0, tenders: [{ method: 'card', amount: wine.price }] });
      expect(winePaid.status).toBe(201);
      const closed = await getOrder(order.id);
      expect(closed).toMatchObject({ status: 'paid', due: 0, paid: wine.price + borscht.price });
      expect(closed.closedAt).toEqual(expect.any(String));
      expectProblem(await anna.post(`/pos/orders/${order.id}/items`, { items: [{ productId: wine.id, quantity: 1 }] }), 409, 'order.closed');
      expectProblem(await anna.patch(`/pos/orders/${order.id}`, { version: closed.version, note: 'ещё' }), 409, 'order.closed');
      expect(await getOrder(order.id)).toEqual(closed);
    });
  });

  describe('stock and stop-list', () => {
    it('ordering more than is left → 409 menu.out_of_stock, and the order and the stock are unchanged', async () => {
      const tartare = await setStock('beef-tartare', { stock: 3 });
      const wine = await t.product('wine-red-glass');
      const order = await createOrder(anna, { tableId: (await t.table('Т1')).id, items: [{ productId: wine.id, quantity: 1 }] });

      const four = await anna.post(`/pos/orders/${order.id}/items`, { items: [{ productId: tartare.id, quantity: 4 }] });
      expectProblem(four, 409, 'menu.out_of_stock');
      expect(four.body).toMatchObject({ productId: tartare.id, stock: 3 });

      // Two lines of two are four as well.
      const split = await anna.post(`/pos/orders/${order.id}/items`, {
        items: [
          { productId: wine.id, quantity: 1 },
          { productId: tartare.id, quantity: 2 },
          { productId: tartare.id, quantity: 2 },
        ],
      });
      expectProblem(split, 409, 'menu.out_of_stock');

      expect(await getOrder(order.id)).toEqual(order);
      expect(await stockOf('beef-tartare')).toBe(3);

      const three = await anna.post(`/pos/orders/${order.id}/items`, { items: [{ productId: tartare.id, quantity: 3 }] });
      expect(three.status).toBe(200);
      expect(await stockOf('beef-tartare')).toBe(0);
      const last = three.body.lines[1].id;
      expectProblem(await anna.patch(`/pos/orders/${order.id}/items/${last}`, { version: three.body.version, quantity: 4 }), 409, 'menu.out_of_stock');
      expect((await getOrder(order.id)).lines[1].quantity).toBe(3);

      // A new order for a free table that cannot be served does not seat the table either.
      const table = await t.table('Т2');
      expectProblem(await anna.post('/pos/orders', { tableId: table.id, items: [{ productId: tartare.id, quantity: 1 }] }), 409, 'menu.out_of_stock');
      expect((await floorTable(table.id)).status).toBe('free');
    });

    it('a stop-listed product → 409, until it is taken off the stop-list', async () => {
      const pelmeni = await setStock('pelmeni', { isAvailable: false });
      const res = await anna.post('/pos/orders', { items: [{ productId: pelmeni.id, quantity: 1 }] });
      expectProblem(res, 409, 'menu.unavailable');
      expect(res.body.productId).toBe(pelmeni.id);
      await setStock('pelmeni', { isAvailable: true });
      expect((await anna.post('/pos/orders', { items: [{ productId: pelmeni.id, quantity: 1 }] })).status).toBe(201);
    });
  });

  describe('reading', () => {
    it('GET /pos/orders filters by table and status', async () => {
      const wine = await t.product('wine-red-glass');
      const tableA = await t.table('Т3');
      const tableB = await t.table('Т4');
      const a1 = await createOrder(anna, { tableId: tableA.id, items: [{ productId: wine.id, quantity: 1 }] });
      const a2 = await createOrder(boris, { tableId: tableA.id });
      const b1 = await createOrder(anna, { tableId: tableB.id });

      const ofA = await anna.get(`/pos/orders?tableId=${tableA.id}`);
      expect(ofA.status).toBe(200);
      expect(ofA.body.map((o: Order) => o.id)).toEqual([a2.id, a1.id]); // newest first

      // Freeing table B voids its empty order.
      expect((await anna.post(`/pos/tables/${tableB.id}/close`, {})).status).toBe(200);
      const voidOfB = await anna.get(`/pos/orders?tableId=${tableB.id}&status=void`);
      expect(voidOfB.body.map((o: Order) => o.id)).toEqual([b1.id]);
      expect((await anna.get(`/pos/orders?tableId=${tableB.id}&status=open`)).body).toEqual([]);

      const open = await anna.get('/pos/orders?status=open');
      const openIds = open.body.map((o: Order) => o.id);
      expect(openIds).toEqual(expect.arrayContaining([a1.id, a2.id]));
      expect(openIds).not.toContain(b1.id);
      expect(open.body.every((o: Order) => o.status === 'open')).toBe(true);

      const all = (await anna.get('/pos/orders')).body.map((o: Order) => o.id);
      expect(all).toEqual(expect.arrayContaining([a1.id, a2.id, b1.id]));

      const ofBoris = (await anna.get(`/pos/orders?waiterId=${boris.staffId}&tableId=${tableA.id}`)).body.map((o: Order) => o.id);
      expect(ofBoris).toEqual([a2.id]);
      const ofSession = (await anna.get(`/pos/orders?sessionId=${a1.sessionId}`)).body.map((o: Order) => o.id);
      expect(ofSession).toEqual([a2.id, a1.id]);

      const badStatus = await anna.get('/pos/orders?status=closed');
      expectProblem(badStatus, 400, 'validation');
      expect(paths(badStatus)).toEqual(['query.status']);
      expect(paths(await anna.get('/pos/orders?tableId=5'))).toEqual(['query.tableId']);
      expect(paths(await anna.get('/pos/orders?colour=red'))).toEqual(['query.colour']);
      expectProblem(await cook.get('/pos/orders'), 403, 'auth.forbidden');
    });

    it("GET /pos/orders?date= lists orders opened on the venue's business day (Europe/Moscow), with the other filters", async () => {
      const table = await t.table('Т5');
      const today = businessDate(Date.now(), 'Europe/Moscow');
      const fresh = await createOrder(anna, { tableId: table.id });
      const ids = async (query: string) => {
        const res = await anna.get(`/pos/orders?${query}`);
        expect(res.status).toBe(200);
        return res.body.map((o: Order) => o.id);
      };
      expect(await ids(`date=${today}`)).toContain(fresh.id);
      const openAtTable = await anna.get(`/pos/orders?date=${today}&status=open&tableId=${table.id}`);
      expect(openAtTable.body.map((o: Order) => o.id)).toContain(fresh.id);
      expect(openAtTable.body.every((o: Order) => o.status === 'open' && o.tableId === table.id)).toBe(true);
      expect(await ids(`date=${today}&status=paid&tableId=${table.id}`)).not.toContain(fresh.id);
      expect(await ids(`date=${addDays(today, -1)}`)).not.toContain(fresh.id);

      // Around local midnight: 00:30 in Moscow is still the previous day in UTC.
      const late = await createOrder(anna, {});
      const early = await createOrder(anna, {});
      await t.database.db.updateTable('orders').set({ created_at: '2025-03-13T20:59:59.999Z' }).where('id', '=', late.id).execute();
      await t.database.db.updateTable('orders').set({ created_at: '2025-03-13T21:30:00.000Z' }).where('id', '=', early.id).execute();
      expect(await ids('date=2025-03-13')).toEqual([late.id]);
      expect(await ids('date=2025-03-14')).toEqual([early.id]);
      expect(await ids('date=2025-03-14&status=open')).toEqual([early.id]);
      expect(await ids(`date=2025-03-14&waiterId=${boris.staffId}`)).toEqual([]);
      expect(await ids('date=2025-03-15')).toEqual([]);

      // The other venue's business day holds none of ours.
      const elsewhere = await t.login('1111', 'demo-2');
      expect((await elsewhere.get('/pos/orders?date=2025-03-14')).body).toEqual([]);

      for (const bad of ['2025-02-30', '14.03.2025', '2025-3-14', 'today', '']) {
        const res = await anna.get(`/pos/orders?date=${bad}`);
        expectProblem(res, 400, 'validation');
        expect(paths(res)).toEqual(['query.date']);
      }
    });

    it('GET /pos/orders/:id: 404 for an unknown id, 400 for a malformed one, 404 from another venue', async () => {
      expectProblem(await anna.get(`/pos/orders/${randomUUID()}`), 404, 'order.not_found');
      const malformed = await anna.get('/pos/orders/42');
      expectProblem(malformed, 400, 'validation');
      expect(paths(malformed)).toEqual(['params.id']);

      const order = await createOrder(anna, {});
      const elsewhere = await t.login('1111', 'demo-2');
      expectProblem(await elsewhere.get(`/pos/orders/${order.id}`), 404, 'order.not_found');
      expect((await elsewhere.get('/pos/orders')).body.map((o: Order) => o.id)).not.toContain(order.id);
      expectProblem(await cook.get(`/pos/orders/${order.id}`), 403, 'auth.forbidden');
    });
  });

  describe('limits: no order grows past what an answer may carry', () => {
    /** `lines` × 99 bottles of the dearest wine (3 500 ₽ each, not stock-tracked): 34 650 000 kopecks a line. */
    const bottles = async (lines: number, quantity = 99) => {
      const wine = await t.product('wine-white-bottle');
      return { items: Array.from({ length: lines }, () => ({ productId: wine.id, quantity })) };
    };
    const addItems = (orderId: string, body: object) => anna.post(`/pos/orders/${orderId}/items`, { ...body, clientRequestId: requestId() });

    async function expectEveryListAnswers(order: Order) {
      for (const url of ['/pos/orders', '/pos/orders?status=open', `/pos/orders?date=${businessDate(Date.now(), 'Europe/Moscow')}`, `/pos/orders/${order.id}`, '/pos/tables']) {
        expect({ url, status: (await anna.get(url)).status }).toEqual({ url, status: 200 });
      }
    }

    it("one waiter cannot break the venue's order list: 100 lines × 99 of the dearest wine, again and again, is refused (422) before anything is written", async () => {
      const table = await t.table('Т6');
      const order = await createOrder(anna, { tableId: table.id });
      const hundredLines = await bottles(100);
      // The probe added this 29 times: the 29th was saved although its answer was a 500.
      let refused: Response | undefined;
      for (let i = 0; i < 29 && !refused; i++) {
        const res = await addItems(order.id, hundredLines);
        if (res.status !== 200) refused = res;
      }
      expectProblem(refused!, 422, 'order.total_too_large');
      expect(refused!.body).toMatchObject({ limit: 1_000_000_000 });
      expect(await getOrder(order.id)).toEqual(order);
      expect((await floorTable(table.id)).openTotal).toBe(0);
      await expectEveryListAnswers(order);
    });

    it('takes an order up to 10 000 000.00; one bottle more, by a new line or a line edit, is a 422 that changes nothing', async () => {
      // 28 × 99 + 85 = 2 857 bottles = 999 950 000 kopecks: the most that fits.
      const order = await createOrder(anna, (await bottles(28)));
      const full = await addItems(order.id, await bottles(1, 85));
      expect(full.status).toBe(200);
      expect(full.body.total).toBe(999_950_000);
      await expectEveryListAnswers(full.body);

      expectProblem(await addItems(order.id, await bottles(1, 1)), 422, 'order.total_too_large');
      const last = full.body.lines[28];
      expectProblem(await anna.patch(`/pos/orders/${order.id}/items/${last.id}`, { version: full.body.version, quantity: 86 }), 422, 'order.total_too_large');
      expect(await getOrder(order.id)).toEqual(full.body);
      // Fewer portions are always fine.
      const fewer = await anna.patch(`/pos/orders/${order.id}/items/${last.id}`, { version: full.body.version, quantity: 84 });
      expect(fewer.status).toBe(200);
      expect(fewer.body.total).toBe(999_950_000 - 350_000);
    });

    it('a table session cannot total more than one order may: a second order at the table is refused (422 table.total_too_large)', async () => {
      const table = await t.table('Т7');
      const first = await createOrder(anna, { tableId: table.id, ...(await bottles(28)) });
      expect(first.total).toBe(970_200_000);
      const before = await countOrders();
      expectProblem(await anna.post('/pos/orders', { tableId: table.id, ...(await bottles(1)) }), 422, 'table.total_too_large');
      expect(await countOrders()).toBe(before);
      const empty = await createOrder(boris, { tableId: table.id });
      expectProblem(await addItems(empty.id, await bottles(1)), 422, 'table.total_too_large');
      expect(await getOrder(empty.id)).toEqual(empty);
      expect((await floorTable(table.id)).openTotal).toBe(970_200_000);
    });

    it('an order holds at most 500 lines (422 order.too_many_lines); the refused lines are not stored', async () => {
      const napoleon = await t.product('napoleon');
      const hundred = { items: Array.from({ length: 100 }, () => ({ productId: napoleon.id, quantity: 1 })) };
      const order = await createOrder(anna, hundred);
      let current = order;
      for (let i = 0; i < 4; i++) {
        const res = await addItems(order.id, hundred);
        expect(res.status).toBe(200);
        current = res.body;
      }
      expect(current.lines).toHaveLength(500);
      const refused = await addItems(order.id, { items: [{ productId: napoleon.id, quantity: 1 }] });
      expectProblem(refused, 422, 'order.too_many_lines');
      expect(refused.body).toMatchObject({ limit: 500, lines: 501 });
      expect(await getOrder(order.id)).toEqual(current);
    });

    it('input bounds: at most 99 portions a line and 100 items a command (400 with the field path)', async () => {
      const napoleon = await t.product('napoleon');
      const order = await createOrder(anna, {});
      expect(paths(await addItems(order.id, { items: [{ productId: napoleon.id, quantity: 100 }] }))).toEqual(['body.items.0.quantity']);
      const tooMany = await addItems(order.id, { items: Array.from({ length: 101 }, () => ({ productId: napoleon.id, quantity: 1 })) });
      expectProblem(tooMany, 400, 'validation');
      expect(paths(tooMany)).toEqual(['body.items']);
      expect(await getOrder(order.id)).toEqual(order);
    });

    it('GET /pos/orders?date= takes business days from 2000-01-01 to two years ahead (400 query.date otherwise, never a 500)', async () => {
      const today = businessDate(Date.now(), 'Europe/Moscow');
      for (const bad of ['9999-12-31', '1999-12-31', addDays(today, 800)]) {
        const res = await anna.get(`/pos/orders?date=${bad}`);
        expectProblem(res, 400, 'validation');
        expect(paths(res)).toEqual(['query.date']);
      }
      for (const good of ['2000-01-01', addDays(today, 700)]) expect((await anna.get(`/pos/orders?date=${good}`)).status).toBe(200);
    });
  });

  async function countOrders() {
    const row = await t.database.db.selectFrom('orders').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  const auditRows = (orderId: string) =>
    t.database.db.selectFrom('audit_log').selectAll().where('entity_id', '=', orderId).where('action', '=', 'order.line.voided').execute();
});
