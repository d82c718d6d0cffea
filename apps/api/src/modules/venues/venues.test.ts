import { type Client, createTestApp, requestId, type TestApp } from '../../testing/harness';

/** The floor: halls, tables on the map, and table sessions from seating to freeing the table. */
describe('floor: halls, tables and table sessions', () => {
  let t: TestApp;
  let anna: Client;
  let boris: Client;
  let cook: Client;

  beforeAll(async () => {
    t = await createTestApp();
    anna = await t.login('1111');
    boris = await t.login('1112');
    cook = await t.login('4444');
  });
  afterAll(() => t.close());

  const open = (client: Client, tableId: string, guests: number) => client.post(`/pos/tables/${tableId}/open`, { guests, clientRequestId: requestId() });
  const tableView = async (tableId: string) => {
    const res = await anna.get('/pos/tables');
    return res.body.find((tb: { id: string }) => tb.id === tableId);
  };
  const order = async (tableId: string, productCode = 'borscht', quantity = 1) => {
    const product = await t.product(productCode);
    const res = await anna.post('/pos/orders', { tableId, items: [{ productId: product.id, quantity }], clientRequestId: requestId() });
    expect(res.status).toBe(201);
    return res.body;
  };
  const paths = (body: { errors?: { path: string }[] }) => (body.errors ?? []).map((e) => e.path);

  describe('GET /pos/halls and /pos/tables', () => {
    it('lists the two halls in order', async () => {
      const res = await anna.get('/pos/halls');
      expect(res.status).toBe(200);
      expect(res.body.map((h: { name: string }) => h.name)).toEqual(['Основной зал', 'Терраса']);
      expect(res.body[0].sort).toBeLessThan(res.body[1].sort);
    });

    it('lists every table with position, shape and a live status', async () => {
      const res = await anna.get('/pos/tables');
      expect(res.status).toBe(200);
      expect(res.body).toHaveLength(22);
      const labels = res.body.map((tb: { label: string }) => tb.label);
      for (const label of ['1', '14', 'Т1', 'Т8']) expect(labels).toContain(label);
      // Table 13 is the banquet table; nothing in this file seats guests there.
      const banquet = res.body.find((tb: { label: string }) => tb.label === '13');
      expect(banquet).toMatchObject({ seats: 8, shape: 'rect', x: 680, y: 40, width: 160, height: 90, status: 'free', session: null, openTotal: 0 });
      const round = res.body.find((tb: { label: string }) => tb.label === '10');
      expect(round).toMatchObject({ shape: 'round', seats: 6 });
      for (const tb of res.body) expect(['free', 'occupied', 'bill', 'reserved']).toContain(tb.status);
    });

    it('filters by hall', async () => {
      const halls = (await anna.get('/pos/halls')).body;
      const terrace = halls.find((h: { name: string }) => h.name === 'Терраса');
      const res = await anna.get(`/pos/tables?hallId=${terrace.id}`);
      expect(res.status).toBe(200);
      expect(res.body.map((tb: { label: string }) => tb.label).sort()).toEqual(['Т1', 'Т2', 'Т3', 'Т4', 'Т5', 'Т6', 'Т7', 'Т8']);
      for (const tb of res.body) expect(tb.hallId).toBe(terrace.id);
    });

    it('rejects a malformed hallId and unknown query fields with the field path', async () => {
      const bad = await anna.get('/pos/tables?hallId=terrace');
      expect(bad.status).toBe(400);
      expect(bad.headers['content-type']).toContain('application/problem+json');
      expect(paths(bad.body)).toContain('query.hallId');

      const unknown = await anna.get('/pos/tables?hall=1');
      expect(unknown.status).toBe(400);
      expect(paths(unknown.body)).toContain('query.hall');
    });

    it('shows no tables of another venue', async () => {
      const foreign = await t.table('1', 'demo-2');
      const res = await anna.get(`/pos/tables?hallId=${foreign.hall_id}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual([]);
    });
  });

  describe('opening a table', () => {
    it('seats guests (201) and the table turns occupied; a second open is 409 table.occupied', async () => {
      const table = await t.table('1');
      const opened = await open(anna, table.id, 3);
      expect(opened.status).toBe(201);
      expect(opened.body).toMatchObject({ tableId: table.id, waiterId: anna.staffId, waiterName: 'Анна', guests: 3, status: 'open', closedAt: null });

      const view = await tableView(table.id);
      expect(view.status).toBe('occupied');
      expect(view.session).toMatchObject({ id: opened.body.id, guests: 3 });

      const again = await open(boris, table.id, 2);
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'table.occupied', sessionId: opened.body.id, waiterId: anna.staffId });
      expect((await tableView(table.id)).session.waiterId).toBe(anna.staffId);
    });

    it('rejects 0 guests with body.guests', async () => {
      const table = await t.table('2');
      const res = await open(anna, table.id, 0);
      expect(res.status).toBe(400);
      expect(paths(res.body)).toContain('body.guests');
      expect((await tableView(table.id)).status).toBe('free');
    });

    it('answers 404 for an unknown table', async () => {
      const res = await open(anna, '00000000-0000-4000-8000-000000000000', 2);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('table.not_found');
    });

    it('lets exactly one of two concurrent opens of one table win', async () => {
      const table = await t.table('3');
      const results = await Promise.all([open(anna, table.id, 2), open(boris, table.id, 4)]);
      const statuses = results.map((r) => r.status).sort();
      expect(statuses).toEqual([201, 409]);
      const loser = results.find((r) => r.status === 409)!;
      expect(loser.body.code).toBe('table.occupied');
      const winner = results.find((r) => r.status === 201)!;
      const sessions = await t.database.db.selectFrom('table_sessions').select(['id']).where('table_id', '=', table.id).where('status', '=', 'open').execute();
      expect(sessions.map((s) => s.id)).toEqual([winner.body.id]);
    });

    it('refuses a cook (no tables.open)', async () => {
      const table = await t.table('4');
      const res = await open(cook, table.id, 2);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('auth.forbidden');
      expect((await tableView(table.id)).status).toBe('free');
    });
  });

  describe('closing a table', () => {
    it('refuses while an order is unpaid (409 table.unpaid_orders naming it)', async () => {
      const table = await t.table('5');
      const o = await order(table.id);
      const res = await anna.post(`/pos/tables/${table.id}/close`, { clientRequestId: requestId() });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'table.unpaid_orders', orderIds: [o.id] });
      const view = await tableView(table.id);
      expect(view.status).toBe('occupied');
      expect(view.openTotal).toBe(o.total);
    });

    it('voids an empty order and frees the table', async () => {
      const table = await t.table('6');
      const created = await anna.post('/pos/orders', { tableId: table.id, guests: 2, clientRequestId: requestId() });
      expect(created.status).toBe(201);
      expect(created.body.total).toBe(0);

      const res = await anna.post(`/pos/tables/${table.id}/close`, { clientRequestId: requestId() });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: table.id, status: 'free', session: null, openTotal: 0 });
      const voided = await anna.get(`/pos/orders/${created.body.id}`);
      expect(voided.body.status).toBe('void');
      const session = await t.database.db.selectFrom('table_sessions').select(['status', 'closed_at']).where('id', '=', created.body.sessionId).executeTakeFirstOrThrow();
      expect(session.status).toBe('closed');
      expect(session.closed_at).not.toBeNull();
      // The table can be seated again.
      expect((await open(boris, table.id, 2)).status).toBe(201);
    });

    it('answers 409 table.not_open for a free table', async () => {
      const table = await t.table('7');
      const res = await anna.post(`/pos/tables/${table.id}/close`, {});
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('table.not_open');
    });
  });

  describe('transfer', () => {
    it('hands the table to another waiter; open orders follow', async () => {
      const table = await t.table('8');
      const o = await order(table.id);
      const res = await anna.post(`/pos/tables/${table.id}/transfer`, { toWaiterId: boris.staffId, clientRequestId: requestId() });
      expect(res.status).toBe(200);
      expect(res.body.id).toBe(table.id);
      expect(res.body.session).toMatchObject({ waiterId: boris.staffId, waiterName: 'Борис', tableId: table.id });
      const moved = await anna.get(`/pos/orders/${o.id}`);
      expect(moved.body).toMatchObject({ waiterId: boris.staffId, waiterName: 'Борис', tableId: table.id });
      expect(moved.body.version).toBeGreaterThan(o.version);
    });

    it('moves the party to a free table; the orders follow and the old table frees', async () => {
      const from = await t.table('9');
      const to = await t.table('Т3');
      const o = await order(from.id, 'wine-red-glass', 2);
      const res = await anna.post(`/pos/tables/${from.id}/transfer`, { toTableId: to.id, clientRequestId: requestId() });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: to.id, status: 'occupied', openTotal: o.total });
      expect(res.body.session).toMatchObject({ id: o.sessionId, tableId: to.id });

      const moved = (await anna.get(`/pos/orders/${o.id}`)).body;
      expect(moved).toMatchObject({ tableId: to.id, tableLabel: 'Т3', sessionId: o.sessionId });
      expect((await tableView(from.id))).toMatchObject({ status: 'free', session: null });
    });

    it('refuses to move onto an occupied table (409) and changes nothing', async () => {
      const from = await t.table('10');
      const to = await t.table('11');
      const o = await order(from.id);
      expect((await open(boris, to.id, 2)).status).toBe(201);
      const res = await anna.post(`/pos/tables/${from.id}/transfer`, { toTableId: to.id, clientRequestId: requestId() });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('table.occupied');
      expect((await anna.get(`/pos/orders/${o.id}`)).body.tableId).toBe(from.id);
    });

    it('refuses to hand a table to a cook or a cashier (409 table.transfer_not_allowed): the role must have tables.view and orders.create', async () => {
      const table = await t.table('Т1');
      const o = await order(table.id);
      const cashier = await t.login('2222');
      for (const target of [cook, cashier]) {
        const res = await anna.post(`/pos/tables/${table.id}/transfer`, { toWaiterId: target.staffId, clientRequestId: requestId() });
        expect(res.status).toBe(409);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.body).toMatchObject({ code: 'table.transfer_not_allowed', staffId: target.staffId });
      }
      expect((await tableView(table.id)).session).toMatchObject({ waiterId: anna.staffId });
      expect((await anna.get(`/pos/orders/${o.id}`)).body).toMatchObject({ waiterId: anna.staffId, version: o.version });

      // The roles are the venue's own: once the admin lets cooks take tables, the hand-over goes.
      const admin = await t.login('999999');
      const cookRole = (await admin.get('/admin/roles')).body.roles.find((r: { role: string }) => r.role === 'cook');
      const put = (permissions: string[]) => admin.put('/admin/roles', { roles: [{ role: 'cook', permissions }] });
      expect((await put([...cookRole.permissions, 'tables.view', 'orders.create'])).status).toBe(200);
      try {
        const res = await anna.post(`/pos/tables/${table.id}/transfer`, { toWaiterId: cook.staffId, clientRequestId: requestId() });
        expect(res.status).toBe(200);
        expect(res.body.session).toMatchObject({ waiterId: cook.staffId });
      } finally {
        expect((await put(cookRole.permissions)).status).toBe(200);
      }
    });

    it('rejects a body naming both or neither target', async () => {
      const table = await t.table('12');
      const other = await t.table('Т4');
      expect((await open(anna, table.id, 2)).status).toBe(201);
      const both = await anna.post(`/pos/tables/${table.id}/transfer`, { toWaiterId: boris.staffId, toTableId: other.id });
      expect(both.status).toBe(400);
      expect(paths(both.body)).toContain('body.toWaiterId');
      const neither = await anna.post(`/pos/tables/${table.id}/transfer`, {});
      expect(neither.status).toBe(400);
    });

    it('lets only one of two concurrent moves onto the same free table win', async () => {
      const a = await t.table('Т5');
      const b = await t.table('Т6');
      const target = await t.table('Т7');
      await order(a.id);
      await order(b.id);
      const results = await Promise.all([
        anna.post(`/pos/tables/${a.id}/transfer`, { toTableId: target.id, clientRequestId: requestId() }),
        anna.post(`/pos/tables/${b.id}/transfer`, { toTableId: target.id, clientRequestId: requestId() }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(results.find((r) => r.status === 409)!.body.code).toBe('table.occupied');
      const sessions = await t.database.db.selectFrom('table_sessions').select('id').where('table_id', '=', target.id).where('status', '=', 'open').execute();
      expect(sessions).toHaveLength(1);
    });
  });

  describe('merge', () => {
    it("moves the source table's orders and guests into the target; the source frees", async () => {
      const source = await t.table('Т8');
      const target = await t.table('14');
      expect((await open(anna, source.id, 2)).status).toBe(201);
      expect((await open(boris, target.id, 3)).status).toBe(201);
      const sourceOrder = await order(source.id, 'borscht');
      const targetOrder = await order(target.id, 'solyanka');

      const res = await anna.post(`/pos/tables/${source.id}/merge`, { targetTableId: target.id, clientRequestId: requestId() });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: target.id, status: 'occupied', openTotal: sourceOrder.total + targetOrder.total });
      expect(res.body.session).toMatchObject({ id: targetOrder.sessionId, guests: 5 });

      const moved = (await anna.get(`/pos/orders/${sourceOrder.id}`)).body;
      expect(moved).toMatchObject({ tableId: target.id, sessionId: targetOrder.sessionId, status: 'open' });
      expect(await tableView(source.id)).toMatchObject({ status: 'free', session: null });
      const merged = await t.database.db.selectFrom('table_sessions').select(['status', 'merged_into']).where('id', '=', sourceOrder.sessionId).executeTakeFirstOrThrow();
      expect(merged).toEqual({ status: 'merged', merged_into: targetOrder.sessionId });
    });

    it('refuses a merge whose open bills together pass one table\'s limit (422 table.total_too_large) and moves nothing', async () => {
      const wine = await t.product('wine-white-bottle');
      const bottles = (lines: number) => ({ items: Array.from({ length: lines }, () => ({ productId: wine.id, quantity: 99 })) });
      const source = await t.table('Т2');
      const target = await t.table('Т1');
      const big = await anna.post('/pos/orders', { tableId: source.id, ...bottles(20), clientRequestId: requestId() });
      expect(big.status).toBe(201);
      const other = await anna.post('/pos/orders', { tableId: target.id, ...bottles(20), clientRequestId: requestId() });
      expect(other.status).toBe(201);
      const before = { source: await tableView(source.id), target: await tableView(target.id) };

      const res = await anna.post(`/pos/tables/${source.id}/merge`, { targetTableId: target.id, clientRequestId: requestId() });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'table.total_too_large', limit: 1_000_000_000 });
      expect({ source: await tableView(source.id), target: await tableView(target.id) }).toEqual(before);
      expect((await anna.get(`/pos/orders/${big.body.id}`)).body).toEqual(big.body);
    });

    it('refuses to merge into a free table (transfer instead) or into itself', async () => {
      const source = await t.table('2');
      const free = await t.table('13');
      expect((await open(anna, source.id, 2)).status).toBe(201);
      const res = await anna.post(`/pos/tables/${source.id}/merge`, { targetTableId: free.id });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('table.not_open');
      const self = await anna.post(`/pos/tables/${source.id}/merge`, { targetTableId: source.id });
      expect(self.status).toBe(400);
      expect(paths(self.body)).toContain('body.targetTableId');
      expect((await tableView(free.id)).status).toBe('free');
    });
  });

  // Floor commands that race on one table must run one after the other: whichever wins, no open
  // order may be left on a session that is no longer open (a "free" table still owing money).
  // They use the second venue, whose floor the rest of this file leaves alone.
  describe('concurrent floor commands', () => {
    let waiter: Client;
    beforeAll(async () => {
      waiter = await t.login('1111', 'demo-2');
    });

    const table = (label: string) => t.table(label, 'demo-2');
    const orderAt = async (tableId: string) => {
      const borscht = await t.product('borscht', 'demo-2');
      const res = await waiter.post('/pos/orders', { tableId, items: [{ productId: borscht.id, quantity: 1 }], clientRequestId: requestId() });
      expect(res.status).toBe(201);
      return res.body;
    };
    const strandedOrders = () =>
      t.database.db
        .selectFrom('orders as o')
        .innerJoin('table_sessions as s', 's.id', 'o.session_id')
        .select(['o.id', 's.status'])
        .where('o.venue_id', '=', waiter.venueId!)
        .where('o.status', '=', 'open')
        .where('s.status', '!=', 'open')
        .execute();

    it('lets only one of two crossed merges (A into B, B into A) through', async () => {
      for (const [a, b] of [['1', '2'], ['3', '4'], ['5', '6']]) {
        const A = await table(a);
        const B = await table(b);
        const orderA = await orderAt(A.id);
        const orderB = await orderAt(B.id);
        const results = await Promise.all([
          waiter.post(`/pos/tables/${A.id}/merge`, { targetTableId: B.id, clientRequestId: requestId() }),
          waiter.post(`/pos/tables/${B.id}/merge`, { targetTableId: A.id, clientRequestId: requestId() }),
        ]);
        expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
        expect(results.find((r) => r.status === 409)!.body.code).toBe('table.not_open');
        const survivor = results.find((r) => r.status === 200)!.body;
        expect(survivor.session.guests).toBe(2);
        for (const o of [orderA, orderB]) expect((await waiter.get(`/pos/orders/${o.id}`)).body.sessionId).toBe(survivor.session.id);
      }
      expect(await strandedOrders()).toEqual([]);
    });

    it('never merges into a table that is closing at the same moment', async () => {
      for (const [a, b] of [['7', '8'], ['9', '10'], ['11', '12']]) {
        const A = await table(a);
        const B = await table(b);
        const orderA = await orderAt(A.id);
        expect((await waiter.post(`/pos/tables/${B.id}/open`, { guests: 2, clientRequestId: requestId() })).status).toBe(201);
        const [merged, closed] = await Promise.all([
          waiter.post(`/pos/tables/${A.id}/merge`, { targetTableId: B.id, clientRequestId: requestId() }),
          waiter.post(`/pos/tables/${B.id}/close`, { clientRequestId: requestId() }),
        ]);
        if (merged.status === 200) {
          expect(closed.status).toBe(409);
          expect(closed.body.code).toBe('table.unpaid_orders');
          expect((await waiter.get(`/pos/orders/${orderA.id}`)).body.tableId).toBe(B.id);
        } else {
          expect(merged.status).toBe(409);
          expect(merged.body.code).toBe('table.not_open');
          expect(closed.status).toBe(200);
          expect((await waiter.get(`/pos/orders/${orderA.id}`)).body.tableId).toBe(A.id);
        }
      }
      expect(await strandedOrders()).toEqual([]);
    });

    it('never attaches a new order to a session that is closing at the same moment', async () => {
      for (const label of ['13', '14', 'Т1', 'Т2']) {
        const B = await table(label);
        expect((await waiter.post(`/pos/tables/${B.id}/open`, { guests: 2, clientRequestId: requestId() })).status).toBe(201);
        const borscht = await t.product('borscht', 'demo-2');
        const [created, closed] = await Promise.all([
          waiter.post('/pos/orders', { tableId: B.id, items: [{ productId: borscht.id, quantity: 1 }], clientRequestId: requestId() }),
          waiter.post(`/pos/tables/${B.id}/close`, { clientRequestId: requestId() }),
        ]);
        expect(created.status).toBe(201);
        if (closed.status !== 200) {
          expect(closed.status).toBe(409);
          expect(closed.body).toMatchObject({ code: 'table.unpaid_orders', orderIds: [created.body.id] });
        }
        // Either way the order sits on the table's open session and the map shows it.
        const view = (await waiter.get(`/pos/tables?hallId=${B.hall_id}`)).body.find((tb: { id: string }) => tb.id === B.id);
        expect(view.status).toBe('occupied');
        expect(view.session.id).toBe(created.body.sessionId);
      }
      expect(await strandedOrders()).toEqual([]);
    });
  });
});
