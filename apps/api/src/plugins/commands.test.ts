import { sql } from 'kysely';
import { type Client, createTestApp, requestId, type Response, type TestApp } from '../testing/harness';

/**
 * Idempotent commands (plugins/commands.ts) through the real routes: replays, key reuse, venue
 * scoping, restarts, failures that must not burn the key, and concurrency on a real database.
 */
describe('idempotent commands', () => {
  let t: TestApp;
  let anna: Client;

  beforeAll(async () => {
    t = await createTestApp();
    anna = await t.login('1111');
  });
  afterAll(() => t.close());

  const replayed = (res: Response) => res.headers['idempotent-replayed'];
  const note = () => `idem ${requestId()}`;

  async function ordersWithNote(text: string): Promise<{ id: string; venue_id: string }[]> {
    return t.database.db.selectFrom('orders').select(['id', 'venue_id']).where('note', '=', text).execute();
  }

  /** The stored row of a client's key: the server keeps it under its scope (device, staff) + the key. */
  async function keyRow(venueId: string, key: string) {
    return t.database.db.selectFrom('idempotency_keys').selectAll().where('venue_id', '=', venueId).where('key', 'like', `%/${key}`).executeTakeFirst();
  }

  async function stockOf(code: string) {
    return (await t.product(code)).stock;
  }

  async function ensureShift(client: Client) {
    const current = await client.get('/pos/shifts/current');
    expect(current.status).toBe(200);
    if (current.body.shift) return;
    const opened = await client.post('/pos/shifts', { openingFloat: 100000 });
    expect(opened.status).toBe(201);
  }

  describe('replay', () => {
    it('replays POST /pos/orders with the same clientRequestId: same order, 201, replay header, one row, stock taken once', async () => {
      const medovik = await t.product('medovik');
      const stockBefore = medovik.stock!;
      const text = note();
      const body = { items: [{ productId: medovik.id, quantity: 2 }], note: text, clientRequestId: requestId() };

      const first = await anna.post('/pos/orders', body);
      expect(first.status).toBe(201);
      expect(replayed(first)).toBeUndefined();

      const second = await anna.post('/pos/orders', body);
      expect(second.status).toBe(201);
      expect(replayed(second)).toBe('true');
      expect(second.body.id).toBe(first.body.id);
      expect(second.body).toEqual(first.body);

      const third = await anna.post('/pos/orders', body);
      expect(third.status).toBe(201);
      expect(replayed(third)).toBe('true');
      expect(third.body.id).toBe(first.body.id);

      expect(await ordersWithNote(text)).toHaveLength(1);
      expect(await stockOf('medovik')).toBe(stockBefore - 2);
      const row = await keyRow(anna.venueId!, body.clientRequestId);
      expect(row).toMatchObject({ status: 'done', response_status: 201 });
    });

    it('replays the same way with the Idempotency-Key header', async () => {
      const napoleon = await t.product('napoleon');
      const text = note();
      const key = requestId();
      const body = { items: [{ productId: napoleon.id, quantity: 1 }], note: text };

      const first = await anna.post('/pos/orders', body, { 'idempotency-key': key });
      expect(first.status).toBe(201);
      expect(replayed(first)).toBeUndefined();

      const second = await anna.post('/pos/orders', body, { 'idempotency-key': key });
      expect(second.status).toBe(201);
      expect(replayed(second)).toBe('true');
      expect(second.body.id).toBe(first.body.id);
      expect(second.body.total).toBe(napoleon.price);

      expect(await ordersWithNote(text)).toHaveLength(1);
      expect(await keyRow(anna.venueId!, key)).toMatchObject({ status: 'done', response_status: 201 });
    });

    it('does not treat a different key with the same body as a replay', async () => {
      const napoleon = await t.product('napoleon');
      const text = note();
      const body = { items: [{ productId: napoleon.id, quantity: 1 }], note: text };
      const a = await anna.post('/pos/orders', { ...body, clientRequestId: requestId() });
      const b = await anna.post('/pos/orders', { ...body, clientRequestId: requestId() });
      expect([a.status, b.status]).toEqual([201, 201]);
      expect(replayed(b)).toBeUndefined();
      expect(b.body.id).not.toBe(a.body.id);
      expect(await ordersWithNote(text)).toHaveLength(2);
    });

    it('replays a non-201 command with its own status (200) too', async () => {
      const napoleon = await t.product('napoleon');
      const created = await anna.post('/pos/orders', { note: note(), clientRequestId: requestId() });
      expect(created.status).toBe(201);
      const key = requestId();
      const body = { items: [{ productId: napoleon.id, quantity: 3 }], clientRequestId: key };
      const first = await anna.post(`/pos/orders/${created.body.id}/items`, body);
      expect(first.status).toBe(200);
      const second = await anna.post(`/pos/orders/${created.body.id}/items`, body);
      expect(second.status).toBe(200);
      expect(replayed(second)).toBe('true');
      expect(second.body).toEqual(first.body);
      const order = await anna.get(`/pos/orders/${created.body.id}`);
      expect(order.body.lines).toHaveLength(1);
      expect(order.body.lines[0].quantity).toBe(3);
    });
  });

  describe('key reuse', () => {
    it('answers 422 idempotency.key_reused when the same key comes with a changed body', async () => {
      const napoleon = await t.product('napoleon');
      const text = note();
      const key = requestId();
      const first = await anna.post('/pos/orders', { items: [{ productId: napoleon.id, quantity: 1 }], note: text, clientRequestId: key });
      expect(first.status).toBe(201);

      const changed = await anna.post('/pos/orders', { items: [{ productId: napoleon.id, quantity: 2 }], note: text, clientRequestId: key });
      expect(changed.status).toBe(422);
      expect(changed.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(changed.body).toMatchObject({ status: 422, code: 'idempotency.key_reused' });
      expect(replayed(changed)).toBeUndefined();

      // The same key through the header with a changed body is the same key.
      const viaHeader = await anna.post('/pos/orders', { items: [{ productId: napoleon.id, quantity: 5 }], note: text }, { 'idempotency-key': key });
      expect(viaHeader.status).toBe(422);
      expect(viaHeader.body.code).toBe('idempotency.key_reused');

      // The same key on another route is another command.
      const otherRoute = await anna.post(`/pos/orders/${first.body.id}/items`, { items: [{ productId: napoleon.id, quantity: 1 }], clientRequestId: key });
      expect(otherRoute.status).toBe(422);
      expect(otherRoute.body.code).toBe('idempotency.key_reused');

      // Nothing changed: one order, still one portion, and the original body still replays.
      expect(await ordersWithNote(text)).toHaveLength(1);
      const order = await anna.get(`/pos/orders/${first.body.id}`);
      expect(order.body.lines.map((l: { quantity: number }) => l.quantity)).toEqual([1]);
      const again = await anna.post('/pos/orders', { items: [{ productId: napoleon.id, quantity: 1 }], note: text, clientRequestId: key });
      expect(again.status).toBe(201);
      expect(replayed(again)).toBe('true');
      expect(again.body.id).toBe(first.body.id);
    });

    it('hashes the body canonically: the same fields in another order are the same body', async () => {
      const text = note();
      const key = requestId();
      const first = await anna.post('/pos/orders', { note: text, guests: 3, clientRequestId: key });
      expect(first.status).toBe(201);
      const second = await anna.post('/pos/orders', { clientRequestId: key, guests: 3, note: text });
      expect(second.status).toBe(201);
      expect(replayed(second)).toBe('true');
      expect(second.body.id).toBe(first.body.id);
      expect(await ordersWithNote(text)).toHaveLength(1);
    });

    it('rejects an invalid Idempotency-Key header with 400 and creates nothing', async () => {
      const text = note();
      for (const bad of ['short', 'has spaces in it', 'x'.repeat(101), 'кириллица-ключ']) {
        const res = await anna.post('/pos/orders', { note: text }, { 'idempotency-key': bad });
        expect(res.status).toBe(400);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'headers.idempotency-key' })]));
      }
      expect(await ordersWithNote(text)).toHaveLength(0);
    });

    it('rejects an invalid clientRequestId in the body with 400 naming the field', async () => {
      const text = note();
      const res = await anna.post('/pos/orders', { note: text, clientRequestId: 'abc' });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'body.clientRequestId' })]));
      expect(await ordersWithNote(text)).toHaveLength(0);
    });
  });

  describe('scope per venue', () => {
    it('keeps keys per venue: the same key and body in demo-2 is a new command there', async () => {
      const boris2 = await t.login('1111', 'demo-2');
      expect(boris2.venueId).not.toBe(anna.venueId);
      const key = requestId();
      const text = note();
      const body = { note: text, guests: 2, clientRequestId: key };

      const inDemo = await anna.post('/pos/orders', body);
      expect(inDemo.status).toBe(201);

      const inDemo2 = await boris2.post('/pos/orders', body);
      expect(inDemo2.status).toBe(201);
      expect(replayed(inDemo2)).toBeUndefined();
      expect(inDemo2.body.id).not.toBe(inDemo.body.id);

      const rows = await ordersWithNote(text);
      expect(rows).toHaveLength(2);
      expect(rows.map((r) => r.venue_id).sort()).toEqual([anna.venueId, boris2.venueId].sort());

      // Each venue replays its own order.
      const replayDemo = await anna.post('/pos/orders', body);
      const replayDemo2 = await boris2.post('/pos/orders', body);
      expect(replayDemo.body.id).toBe(inDemo.body.id);
      expect(replayDemo2.body.id).toBe(inDemo2.body.id);
      expect([replayed(replayDemo), replayed(replayDemo2)]).toEqual(['true', 'true']);
      expect(await ordersWithNote(text)).toHaveLength(2);
    });

    it('a changed body in one venue does not 422 because of the other venue', async () => {
      const boris2 = await t.login('1112', 'demo-2');
      const key = requestId();
      const a = await anna.post('/pos/orders', { note: note(), clientRequestId: key });
      const b = await boris2.post('/pos/orders', { note: note(), guests: 4, clientRequestId: key });
      expect(a.status).toBe(201);
      expect(b.status).toBe(201);
      expect(replayed(b)).toBeUndefined();
    });
  });

  describe('scope per staff and device', () => {
    const ordersOf = async (text: string) =>
      t.database.db.selectFrom('orders').select(['id', 'waiter_id']).where('note', '=', text).orderBy('created_at').execute();

    it("waiter B sending waiter A's key on the same tablet gets a command of its own, never A's order", async () => {
      const annaOnTill = await t.login('1111', 'demo', 'shared-till');
      const borisOnTill = await t.login('1112', 'demo', 'shared-till');
      const key = requestId();
      const text = note();
      const body = { note: text, guests: 2, clientRequestId: key };

      const mine = await annaOnTill.post('/pos/orders', body);
      expect(mine.status).toBe(201);
      const theirs = await borisOnTill.post('/pos/orders', body);
      expect(theirs.status).toBe(201);
      expect(replayed(theirs)).toBeUndefined();
      expect(theirs.body.id).not.toBe(mine.body.id);
      expect(theirs.body.waiterId).toBe(borisOnTill.staffId);

      expect((await ordersOf(text)).map((o) => o.waiter_id)).toEqual([annaOnTill.staffId, borisOnTill.staffId]);
      // Each replays their own, and a changed body from B is B's own 422, not A's.
      expect((await annaOnTill.post('/pos/orders', body)).body.id).toBe(mine.body.id);
      expect((await borisOnTill.post('/pos/orders', body)).body.id).toBe(theirs.body.id);
      expect((await borisOnTill.post('/pos/orders', { ...body, guests: 3 })).body.code).toBe('idempotency.key_reused');
      expect(await ordersOf(text)).toHaveLength(2);
    });

    it("a payment key of the cashier's is not the supervisor's answer on the same tablet either", async () => {
      // A cashier of this test's own (the demo cashier must stay without a shift for a test below).
      const admin = await t.login('999999');
      expect((await admin.post('/admin/staff', { name: 'Кассир Общая касса', role: 'cashier', pin: '7301' })).status).toBe(201);
      const cashierOnTill = await t.login('7301', 'demo', 'shared-till');
      const supervisorOnTill = await t.login('333333', 'demo', 'shared-till');
      await ensureShift(cashierOnTill);
      await ensureShift(supervisorOnTill);
      const napoleon = await t.product('napoleon');
      const order = await anna.post('/pos/orders', { items: [{ productId: napoleon.id, quantity: 2 }], note: note(), clientRequestId: requestId() });
      const key = requestId();
      const body = { orderId: order.body.id, tenders: [{ method: 'card', amount: napoleon.price }], clientRequestId: key };
      const paid = await cashierOnTill.post('/pos/finance/payments', body);
      expect(paid.status).toBe(201);
      // The supervisor's copy is their own payment (the second half of the bill), not a replay.
      const again = await supervisorOnTill.post('/pos/finance/payments', body);
      expect(again.status).toBe(201);
      expect(replayed(again)).toBeUndefined();
      expect(again.body.payments[0].createdBy).toBe(supervisorOnTill.staffId);
      expect(again.body.payments[0].id).not.toBe(paid.body.payments[0].id);
    });

    it('an offline replay after someone else signed in on the tablet still answers the original command', async () => {
      // Anna queued the order on the tablet; it reached the server but the answer was lost.
      const annaOnTablet = await t.login('1111', 'demo', 'offline-tablet');
      const key = requestId();
      const text = note();
      const body = { note: text, guests: 4, clientRequestId: key };
      const first = await annaOnTablet.post('/pos/orders', body);
      expect(first.status).toBe(201);

      // Boris signs in on the same tablet; the outbox replays Anna's command with Anna's token.
      const borisOnTablet = await t.login('1112', 'demo', 'offline-tablet');
      const replay = await annaOnTablet.post('/pos/orders', body);
      expect(replay.status).toBe(201);
      expect(replayed(replay)).toBe('true');
      expect(replay.body).toEqual(first.body);
      expect(borisOnTablet.staffId).not.toBe(annaOnTablet.staffId);
      expect(await ordersOf(text)).toHaveLength(1);
    });
  });

  describe('failed commands release the key', () => {
    it('a 409 out of stock does not store the key: after a restock the same key and body succeed', async () => {
      const cook = await t.login('4444');
      const tartare = await t.product('beef-tartare');
      const key = requestId();
      const text = note();
      const body = { items: [{ productId: tartare.id, quantity: tartare.stock! + 2 }], note: text, clientRequestId: key };

      const refused = await anna.post('/pos/orders', body);
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('menu.out_of_stock');
      expect(await keyRow(anna.venueId!, key)).toBeUndefined();
      expect(await ordersWithNote(text)).toHaveLength(0);
      expect(await stockOf('beef-tartare')).toBe(tartare.stock);

      // Retrying unchanged still fails the same way (not a replay of the failure, not 409 in flight).
      const again = await anna.post('/pos/orders', body);
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('menu.out_of_stock');

      const restock = await cook.patch(`/pos/menu/products/${tartare.id}/stock`, { stock: tartare.stock! + 10 });
      expect(restock.status).toBe(200);

      const ok = await anna.post('/pos/orders', body);
      expect(ok.status).toBe(201);
      expect(replayed(ok)).toBeUndefined();
      expect(await ordersWithNote(text)).toHaveLength(1);
      expect(await stockOf('beef-tartare')).toBe(tartare.stock! + 10 - (tartare.stock! + 2));

      const replay = await anna.post('/pos/orders', body);
      expect(replay.status).toBe(201);
      expect(replayed(replay)).toBe('true');
      expect(replay.body.id).toBe(ok.body.id);
    });

    it('a 409 stop-listed product does not store the key: back on the menu, the same key succeeds', async () => {
      const cook = await t.login('4444');
      const duck = await t.product('duck-breast');
      const key = requestId();
      const text = note();
      const body = { items: [{ productId: duck.id, quantity: 1 }], note: text };
      expect((await cook.patch(`/pos/menu/products/${duck.id}/stock`, { isAvailable: false })).status).toBe(200);

      const refused = await anna.post('/pos/orders', body, { 'idempotency-key': key });
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('menu.unavailable');
      expect(await keyRow(anna.venueId!, key)).toBeUndefined();

      expect((await cook.patch(`/pos/menu/products/${duck.id}/stock`, { isAvailable: true })).status).toBe(200);
      const ok = await anna.post('/pos/orders', body, { 'idempotency-key': key });
      expect(ok.status).toBe(201);
      expect(replayed(ok)).toBeUndefined();
      expect(await ordersWithNote(text)).toHaveLength(1);
    });

    it('a 400 from the service does not store the key: the corrected command takes the same key', async () => {
      const napoleon = await t.product('napoleon');
      const foreign = await t.product('napoleon', 'demo-2'); // exists, but in the other venue
      const key = requestId();
      const text = note();

      const refused = await anna.post('/pos/orders', { items: [{ productId: foreign.id, quantity: 1 }], note: text, clientRequestId: key });
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'body.items.0.productId' })]));
      expect(await keyRow(anna.venueId!, key)).toBeUndefined();

      // Had the failed attempt kept the key, this changed body would be a 422.
      const ok = await anna.post('/pos/orders', { items: [{ productId: napoleon.id, quantity: 1 }], note: text, clientRequestId: key });
      expect(ok.status).toBe(201);
      expect(replayed(ok)).toBeUndefined();
      expect(ok.body.total).toBe(napoleon.price);
      expect(await ordersWithNote(text)).toHaveLength(1);
    });

    it('a payment refused for want of a shift keeps nothing: once the shift is open, the same key pays', async () => {
      const cashier = await t.login('2222');
      const current = await cashier.get('/pos/shifts/current');
      expect(current.body.shift).toBeNull();
      const napoleon = await t.product('napoleon');
      const order = await anna.post('/pos/orders', { items: [{ productId: napoleon.id, quantity: 1 }], note: note(), clientRequestId: requestId() });
      expect(order.status).toBe(201);
      const key = requestId();
      const body = { orderId: order.body.id, tenders: [{ method: 'card', amount: order.body.total }], clientRequestId: key };

      const refused = await cashier.post('/pos/finance/payments', body);
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('shift.not_open');
      expect(await keyRow(cashier.venueId!, key)).toBeUndefined();

      expect((await cashier.post('/pos/shifts', { openingFloat: 100000 })).status).toBe(201);
      const paid = await cashier.post('/pos/finance/payments', body);
      expect(paid.status).toBe(201);
      expect(replayed(paid)).toBeUndefined();
      expect(paid.body.order.status).toBe('paid');

      const replay = await cashier.post('/pos/finance/payments', body);
      expect(replay.status).toBe(201);
      expect(replayed(replay)).toBe('true');
      expect(replay.body.payments.map((p: { id: string }) => p.id)).toEqual(paid.body.payments.map((p: { id: string }) => p.id));
      const payments = await t.database.db.selectFrom('payments').select('id').where('order_id', '=', order.body.id).execute();
      expect(payments).toHaveLength(1);
    });
  });

  describe('concurrency', () => {
    it('five identical POST /pos/orders at once with one key create exactly one order, and every copy gets its answer', async () => {
      const wine = await t.product('wine-red-bottle');
      const stockBefore = wine.stock!;
      const key = requestId();
      const text = note();
      const body = { items: [{ productId: wine.id, quantity: 1 }], note: text, clientRequestId: key };

      const results = await Promise.all(Array.from({ length: 5 }, () => anna.post('/pos/orders', body)));

      // The claim is taken in the command's transaction: a copy arriving while the first runs
      // waits for it and replays its answer (no 409 in flight to retry).
      const fresh = results.filter((r) => r.status === 201 && replayed(r) === undefined);
      const replays = results.filter((r) => r.status === 201 && replayed(r) === 'true');
      expect(fresh).toHaveLength(1);
      expect(replays).toHaveLength(4);
      for (const r of replays) expect(r.body).toEqual(fresh[0].body);

      expect(await ordersWithNote(text)).toHaveLength(1);
      expect(await stockOf('wine-red-bottle')).toBe(stockBefore - 1);
      const lines = await t.database.db.selectFrom('order_lines').select('id').where('order_id', '=', fresh[0].body.id).execute();
      expect(lines).toHaveLength(1);

      // Once settled, every retry replays the one order.
      const later = await anna.post('/pos/orders', body);
      expect(later.status).toBe(201);
      expect(replayed(later)).toBe('true');
      expect(later.body.id).toBe(fresh[0].body.id);
    });

    it('five identical requests through the Idempotency-Key header at once create exactly one order', async () => {
      const key = requestId();
      const text = note();
      const results = await Promise.all(Array.from({ length: 5 }, () => anna.post('/pos/orders', { note: text, guests: 2 }, { 'idempotency-key': key })));
      expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
      expect(results.filter((r) => replayed(r) === undefined)).toHaveLength(1);
      expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
      expect(await ordersWithNote(text)).toHaveLength(1);
    });

    it('two cashiers paying the full due at once with different keys: one payment, one 409', async () => {
      const cashier = await t.login('2222', 'demo', 'till-1');
      const supervisor = await t.login('333333', 'demo', 'till-2');
      await ensureShift(cashier);
      await ensureShift(supervisor);
      const napoleon = await t.product('napoleon');
      const created = await anna.post('/pos/orders', { items: [{ productId: napoleon.id, quantity: 2 }], note: note(), clientRequestId: requestId() });
      expect(created.status).toBe(201);
      const order = created.body;
      expect(order.due).toBe(order.total);

      const pay = (client: Client, method: 'cash' | 'card') =>
        client.post('/pos/finance/payments', { orderId: order.id, tenders: [{ method, amount: order.total }], clientRequestId: requestId() });
      const results = await Promise.all([pay(cashier, 'cash'), pay(supervisor, 'card')]);

      const statuses = results.map((r) => r.status).sort();
      expect(statuses).toEqual([201, 409]);
      const winner = results.find((r) => r.status === 201)!;
      const loser = results.find((r) => r.status === 409)!;
      expect(winner.body.order.status).toBe('paid');
      expect(['payment.nothing_due', 'order.closed', 'order.version_conflict']).toContain(loser.body.code);

      const payments = await t.database.db.selectFrom('payments').select(['amount']).where('order_id', '=', order.id).execute();
      expect(payments).toHaveLength(1);
      const ledger = await t.database.db
        .selectFrom('ledger_entries')
        .select(sql<number>`coalesce(sum(amount), 0)`.as('total'))
        .where('order_id', '=', order.id)
        .where('kind', '=', 'sale')
        .executeTakeFirstOrThrow();
      expect(Number(ledger.total)).toBe(order.total);

      const after = await anna.get(`/pos/orders/${order.id}`);
      expect(after.body).toMatchObject({ status: 'paid', paid: order.total, due: 0 });
    });
  });

  describe('in-flight keys', () => {
    /** The hash of a command does not depend on its key: learn it from a finished twin. */
    async function hashOf(body: Record<string, unknown>) {
      const probeKey = requestId();
      const probe = await anna.post('/pos/orders', { ...body, clientRequestId: probeKey });
      expect(probe.status).toBe(201);
      const row = (await keyRow(anna.venueId!, probeKey))!;
      return { hash: row.request_hash, probeId: probe.body.id as string, scope: row.key.slice(0, -probeKey.length) };
    }

    /** A claim of Anna's on her tablet (`scope` read off her probe's row), as a server left it. */
    async function insertInFlight(scope: string, key: string, hash: string, lockedAgoMs: number) {
      const now = Date.now();
      await t.database.db
        .insertInto('idempotency_keys')
        .values({
          venue_id: anna.venueId!,
          key: `${scope}${key}`,
          request_hash: hash,
          status: 'in_flight',
          response_status: null,
          response_body: null,
          locked_at: new Date(now - lockedAgoMs).toISOString(),
          created_at: new Date(now - lockedAgoMs).toISOString(),
          expires_at: new Date(now + 86_400_000).toISOString(),
        })
        .execute();
    }

    it('answers 409 idempotency.in_flight while a live claim holds the key, and creates nothing', async () => {
      const text = note();
      const body = { note: text, guests: 5 };
      const { hash, scope } = await hashOf(body);
      const key = requestId();
      await insertInFlight(scope, key, hash, 1_000);

      const res = await anna.post('/pos/orders', { ...body, clientRequestId: key });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('idempotency.in_flight');
      expect(await ordersWithNote(text)).toHaveLength(1); // only the probe
      expect(await keyRow(anna.venueId!, key)).toMatchObject({ status: 'in_flight' });
    });

    it('takes over a claim older than the lease (its server died) and runs the command once', async () => {
      const text = note();
      const body = { note: text, guests: 6 };
      const { hash, probeId, scope } = await hashOf(body);
      const key = requestId();
      await insertInFlight(scope, key, hash, t.config.idempotencyLeaseMs + 60_000);

      const res = await anna.post('/pos/orders', { ...body, clientRequestId: key });
      expect(res.status).toBe(201);
      expect(replayed(res)).toBeUndefined();
      expect(res.body.id).not.toBe(probeId);
      expect(await keyRow(anna.venueId!, key)).toMatchObject({ status: 'done', response_status: 201 });
      expect(await ordersWithNote(text)).toHaveLength(2); // the probe and this one

      const replay = await anna.post('/pos/orders', { ...body, clientRequestId: key });
      expect(replayed(replay)).toBe('true');
      expect(replay.body.id).toBe(res.body.id);
      expect(await ordersWithNote(text)).toHaveLength(2);
    });

    it('a stale claim for another body is still a 422, not a takeover', async () => {
      const { hash, scope } = await hashOf({ note: note() });
      const key = requestId();
      await insertInFlight(scope, key, hash, t.config.idempotencyLeaseMs + 60_000);
      const text = note();
      const res = await anna.post('/pos/orders', { note: text, clientRequestId: key });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('idempotency.key_reused');
      expect(await ordersWithNote(text)).toHaveLength(0);
    });
  });

  describe('restart', () => {
    it('replays after a server restart (the key lives in the database)', async () => {
      const napoleon = await t.product('napoleon');
      const text = note();
      const key = requestId();
      const body = { items: [{ productId: napoleon.id, quantity: 1 }], note: text, clientRequestId: key };
      const first = await anna.post('/pos/orders', body);
      expect(first.status).toBe(201);
      const headerKey = requestId();
      const headerBody = { note: `${text} (header)` };
      const firstViaHeader = await anna.post('/pos/orders', headerBody, { 'idempotency-key': headerKey });
      expect(firstViaHeader.status).toBe(201);

      await t.restart();
      const again = await t.login('1111');

      const replay = await again.post('/pos/orders', body);
      expect(replay.status).toBe(201);
      expect(replayed(replay)).toBe('true');
      expect(replay.body.id).toBe(first.body.id);
      expect(replay.body).toEqual(first.body);

      const replayViaHeader = await again.post('/pos/orders', headerBody, { 'idempotency-key': headerKey });
      expect(replayViaHeader.status).toBe(201);
      expect(replayed(replayViaHeader)).toBe('true');
      expect(replayViaHeader.body.id).toBe(firstViaHeader.body.id);

      const changed = await again.post('/pos/orders', { ...body, note: `${text} changed` });
      expect(changed.status).toBe(422);
      expect(changed.body.code).toBe('idempotency.key_reused');

      expect(await ordersWithNote(text)).toHaveLength(1);
      expect(await ordersWithNote(`${text} (header)`)).toHaveLength(1);
    });
  });
});
