import { CustomerProfileSchema, OrderSchema, type Payment, PaymentResultSchema } from '@pos/contracts';
import type { Db } from '../../../shared/command';
import { type Client, createTestApp, requestId, type TestApp } from '../../../testing/harness';

/**
 * Points at the till (issue 18): the guest on an order (attach, detach, the lock once points moved),
 * what payments earn (5 % by default, not on tips, not on points or gift cards), points spent as a
 * tender, the guest's profile, visits; bad input and missing permissions write nothing.
 */
describe('loyalty points', () => {
  let t: TestApp;
  let admin: Client;
  let cashier: Client;
  let anna: Client;
  let cook: Client;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('999999');
    cashier = await t.login('2222');
    anna = await t.login('1111');
    cook = await t.login('4444');
    expect((await cashier.post('/pos/shifts', { openingFloat: 0 })).status).toBe(201);
  });
  afterAll(() => t.close());

  const borscht = 45000;
  let phoneNo = 2000000;
  const paths = (body: { errors?: { path: string }[] }) => (body.errors ?? []).map((e) => e.path);
  const newGuest = async (name = 'Гость Баллов', client: Client = admin) => {
    const res = await client.post('/admin/customers', { name, phone: `+7925${phoneNo++}`, clientRequestId: requestId() });
    expect(res.status).toBe(201);
    return res.body as { id: string; name: string };
  };
  const newOrder = async (quantity = 1) => {
    const res = await anna.post('/pos/orders', { items: [{ productId: (await t.product('borscht')).id, quantity }], clientRequestId: requestId() });
    expect(res.status).toBe(201);
    return res.body as { id: string; number: number; total: number; version: number };
  };
  const attach = (orderId: string, customerId: string, client: Client = cashier, key = requestId()) => client.put(`/pos/orders/${orderId}/customer`, { customerId, clientRequestId: key });
  const detach = (orderId: string, client: Client = cashier) => client.request('DELETE', `/pos/orders/${orderId}/customer`, undefined, { 'idempotency-key': requestId() });
  const pay = async (orderId: string, tender: Record<string, unknown>) => {
    const res = await cashier.post('/pos/finance/payments', { orderId, tenders: [tender], clientRequestId: requestId() });
    expect(res.status).toBe(201);
    return res.body.payments[0] as Payment;
  };
  const redeem = (orderId: string, points: number, client: Client = cashier) => client.post('/pos/loyalty/points/redeem', { orderId, points, clientRequestId: requestId() });
  const profile = async (customerId: string) => {
    const res = await cashier.get(`/pos/customers/${customerId}`);
    expect(res.status).toBe(200);
    expect(() => CustomerProfileSchema.parse(res.body)).not.toThrow();
    return res.body as { points: number; pointValue: number; customer: { visits: number; lastVisitAt: string | null }; lastVisits: { orderNumber: number; total: number }[]; pointsHistory: { kind: string; points: number; orderNumber: number | null }[] };
  };
  /** An opening balance, written the way the seed writes one: a movement and the cached balance. */
  const grant = async (customerId: string, points: number) => {
    const { db } = t.database;
    const venueId = (await db.selectFrom('customers').select('venue_id').where('id', '=', customerId).executeTakeFirstOrThrow()).venue_id;
    await db.insertInto('points_movements').values({ id: crypto.randomUUID(), venue_id: venueId, customer_id: customerId, order_id: null, payment_id: null, refund_id: null, kind: 'earn', points, staff_id: null, created_at: new Date().toISOString() }).execute();
    await db.updateTable('customers').set((eb) => ({ points: eb('points', '+', points) })).where('id', '=', customerId).execute();
  };
  const counts = async () => {
    const { db } = t.database;
    const [movements, payments, visits] = await Promise.all([
      db.selectFrom('points_movements').select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      db.selectFrom('payments').select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      db.selectFrom('customer_visits').select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return [Number(movements.n), Number(payments.n), Number(visits.n)];
  };

  describe('the guest on the order', () => {
    it('is on every order read: null without a guest, { id, name } once attached, in lists too', async () => {
      const order = await newOrder();
      expect((await anna.get(`/pos/orders/${order.id}`)).body.customer).toBeNull();
      const guest = await newGuest('Мария Гостья');
      const res = await attach(order.id, guest.id);
      expect(res.status).toBe(200);
      expect(() => OrderSchema.parse(res.body)).not.toThrow();
      expect(res.body).toMatchObject({ id: order.id, customer: { id: guest.id, name: 'Мария Гостья' }, version: order.version + 1 });
      expect((await anna.get(`/pos/orders/${order.id}`)).body.customer).toEqual({ id: guest.id, name: 'Мария Гостья' });
      const list = (await anna.get('/pos/orders?status=open')).body as { id: string; customer: unknown }[];
      expect(list.find((o) => o.id === order.id)?.customer).toEqual({ id: guest.id, name: 'Мария Гостья' });
      expect(list.every((o) => o.customer === null || typeof o.customer === 'object')).toBe(true);
    });

    it('attaches idempotently: a resent command replays; the same guest again changes nothing; detach takes the guest off', async () => {
      const order = await newOrder();
      const guest = await newGuest();
      const key = requestId();
      const first = await attach(order.id, guest.id, cashier, key);
      const replay = await attach(order.id, guest.id, cashier, key);
      expect(replay.status).toBe(200);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(replay.body).toEqual(first.body);
      const again = await attach(order.id, guest.id);
      expect(again.status).toBe(200);
      expect(again.body.version).toBe(first.body.version);

      const detachKey = requestId();
      const detached = await cashier.request('DELETE', `/pos/orders/${order.id}/customer`, undefined, { 'idempotency-key': detachKey });
      expect(detached.status).toBe(200);
      expect(detached.body).toMatchObject({ customer: null, version: first.body.version + 1 });
      const detachReplay = await cashier.request('DELETE', `/pos/orders/${order.id}/customer`, undefined, { 'idempotency-key': detachKey });
      expect(detachReplay.headers['idempotent-replayed']).toBe('true');
      expect(detachReplay.body).toEqual(detached.body);
      // Nothing to detach: nothing changes.
      expect((await detach(order.id)).body.version).toBe(first.body.version + 1);
      // Another guest may come on while no points moved.
      const other = await newGuest();
      expect((await attach(order.id, guest.id)).status).toBe(200);
      expect((await attach(order.id, other.id)).body.customer.id).toBe(other.id);
    });

    it('tells the screens like any order edit: order.updated with the guest; a no-op tells nothing', async () => {
      const order = await newOrder();
      const guest = await newGuest('Событийный Гость');
      const actor = { staffId: cashier.staffId!, staffName: 'Вера', role: 'cashier', venueId: cashier.venueId!, sessionId: 'test', deviceId: null, permissions: new Set<string>() };
      const { points } = t.app.services.loyalty;
      const run = <T>(work: (tx: Db) => Promise<T>) => t.database.db.transaction().execute(work);
      const attached = await run((tx) => points.attach(tx, actor, order.id, guest.id));
      const updated = attached.events.find((e) => e.name === 'order.updated');
      expect(updated?.payload).toMatchObject({ order: { id: order.id, customer: { id: guest.id, name: 'Событийный Гость' }, version: order.version + 1 } });
      expect((await run((tx) => points.attach(tx, actor, order.id, guest.id))).events).toEqual([]);
      const detached = await run((tx) => points.detach(tx, actor, order.id));
      expect(detached.events.find((e) => e.name === 'order.updated')?.payload).toMatchObject({ order: { customer: null } });
    });

    it('locks the guest once points were earned on the order: detaching or replacing is a 409, the same guest stays welcome', async () => {
      const order = await newOrder(2);
      const guest = await newGuest();
      await attach(order.id, guest.id);
      await pay(order.id, { method: 'card', amount: borscht });
      const refused = await detach(order.id);
      expect(refused.status).toBe(409);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.body.code).toBe('loyalty.customer_locked');
      const other = await newGuest();
      expect((await attach(order.id, other.id)).body.code).toBe('loyalty.customer_locked');
      expect((await attach(order.id, guest.id)).status).toBe(200);
      expect((await anna.get(`/pos/orders/${order.id}`)).body.customer.id).toBe(guest.id);
    });

    it('refuses an unknown guest, a guest of another venue (404) and a closed order (409), changing nothing', async () => {
      const order = await newOrder();
      const admin2 = await t.login('999999', 'demo-2');
      const foreign = await newGuest('Чужой Гость', admin2);
      expect((await attach(order.id, foreign.id)).status).toBe(404);
      expect((await attach(order.id, crypto.randomUUID())).body.code).toBe('customer.not_found');
      expect((await anna.get(`/pos/orders/${order.id}`)).body).toMatchObject({ customer: null, version: order.version });

      const paid = await newOrder();
      await pay(paid.id, { method: 'cash', amount: borscht, tendered: borscht });
      const guest = await newGuest();
      const closed = await attach(paid.id, guest.id);
      expect(closed.status).toBe(409);
      expect(closed.body.code).toBe('order.closed');
      // Another venue's staff cannot reach the order at all: with loyalty off there (demo-2's flags), not even that far.
      expect((await attach(order.id, foreign.id, admin2)).body.code).toBe('feature.disabled');
      expect((await admin2.put('/admin/feature-flags', { flags: { loyalty: true } })).status).toBe(200);
      try {
        expect((await attach(order.id, foreign.id, admin2)).status).toBe(404);
      } finally {
        await admin2.put('/admin/feature-flags', { flags: { loyalty: false } });
      }
    });
  });

  describe('earning', () => {
    it('earns 5 % of what money paid, never on the tip; the paid order is a visit, counted once', async () => {
      const order = await newOrder(2);
      const guest = await newGuest();
      await attach(order.id, guest.id);
      await pay(order.id, { method: 'card', amount: borscht, tip: 5000 });
      expect((await profile(guest.id)).points).toBe(22); // 450 ₽ × 5 % = 22.5 points
      await pay(order.id, { method: 'cash', amount: borscht, tendered: 50000 });
      const after = await profile(guest.id);
      expect(after.points).toBe(44);
      expect(after.customer.visits).toBe(1);
      expect(after.customer.lastVisitAt).not.toBeNull();
      expect(after.lastVisits).toEqual([expect.objectContaining({ orderId: order.id, orderNumber: order.number, total: 2 * borscht })]);
      expect(after.pointsHistory.map((m) => [m.kind, m.points, m.orderNumber])).toEqual([
        ['earn', 22, order.number],
        ['earn', 22, order.number],
      ]);
    });

    it('earns, at attach, for payments captured on the order before the guest came', async () => {
      const order = await newOrder(2);
      const guest = await newGuest();
      await pay(order.id, { method: 'cash', amount: 40000, tendered: 40000 });
      expect((await profile(guest.id)).points).toBe(0);
      await attach(order.id, guest.id);
      expect((await profile(guest.id)).points).toBe(20);
      // Re-attaching does not earn twice.
      await attach(order.id, guest.id);
      expect((await profile(guest.id)).points).toBe(20);
      await pay(order.id, { method: 'card', amount: 2 * borscht - 40000 });
      expect((await profile(guest.id)).points).toBe(20 + 25);
    });

    it('earns nothing on what points paid; a smaller payment may earn nothing at all (no row)', async () => {
      const order = await newOrder();
      const guest = await newGuest();
      await grant(guest.id, 100);
      await attach(order.id, guest.id);
      const spent = await redeem(order.id, 100);
      expect(spent.status).toBe(201);
      await pay(order.id, { method: 'card', amount: 1999 });
      const after = await profile(guest.id);
      expect(after.points).toBe(0);
      expect(after.pointsHistory.map((m) => m.kind)).toEqual(['spend', 'earn']);
      // 0 points earned: the guest is not locked by that payment, but by the spend.
      expect((await detach(order.id)).body.code).toBe('loyalty.customer_locked');
    });

    it('earns nothing on a gift card bought on the order, nor on what a gift card paid', async () => {
      const order = await newOrder(2);
      const guest = await newGuest();
      await attach(order.id, guest.id);
      const sold = await cashier.post('/pos/finance/giftcards', { orderId: order.id, amount: 100000, clientRequestId: requestId() });
      expect(sold.status).toBe(201);
      // 900 ₽ of borscht and a 1 000 ₽ card, paid by card: points on the borscht only (45), none on the card.
      await pay(order.id, { method: 'card', amount: 2 * borscht + 100000 });
      expect((await profile(guest.id)).points).toBe(45);
      // The card, now active, pays half of another bill of the same guest: that half earns nothing.
      const next = await newOrder(2);
      await attach(next.id, guest.id);
      const code = sold.body.card.code as string;
      expect((await cashier.post('/pos/finance/giftcards/redeem', { code, orderId: next.id, amount: borscht, clientRequestId: requestId() })).status).toBe(201);
      await pay(next.id, { method: 'cash', amount: borscht, tendered: borscht });
      expect((await profile(guest.id)).points).toBe(45 + 22);
    });

    it("follows the venue's settings: 10 % and 50 kopecks a point", async () => {
      expect((await admin.put('/admin/loyalty/settings', { earnPercent: 10, pointValue: 50, clientRequestId: requestId() })).status).toBe(200);
      try {
        const order = await newOrder();
        const guest = await newGuest();
        await attach(order.id, guest.id);
        await pay(order.id, { method: 'card', amount: borscht });
        expect((await profile(guest.id)).points).toBe(90); // 45 ₽ back = 90 points of 0.5 ₽
        expect((await profile(guest.id)).pointValue).toBe(50);
      } finally {
        await admin.put('/admin/loyalty/settings', { earnPercent: 5, pointValue: 100, clientRequestId: requestId() });
      }
    });
  });

  describe('spending', () => {
    it('pays part of the bill with points: a `points` payment of points × point value, the balance down, a spend movement', async () => {
      const order = await newOrder();
      const guest = await newGuest();
      await grant(guest.id, 500);
      await attach(order.id, guest.id);
      const res = await redeem(order.id, 120);
      expect(res.status).toBe(201);
      expect(() => PaymentResultSchema.parse(res.body)).not.toThrow();
      expect(res.body.payments[0]).toMatchObject({ method: 'points', status: 'captured', amount: 12000, tip: 0, reference: '120 pt' });
      expect(res.body.order).toMatchObject({ paid: 12000, due: borscht - 12000, customer: { id: guest.id } });
      const after = await profile(guest.id);
      expect(after.points).toBe(380);
      expect(after.pointsHistory[0]).toMatchObject({ kind: 'spend', points: -120, orderNumber: order.number });
    });

    it('needs a guest on the order, enough points and something due; a refusal writes nothing', async () => {
      const order = await newOrder();
      const before = await counts();
      const none = await redeem(order.id, 10);
      expect(none.status).toBe(409);
      expect(none.body.code).toBe('loyalty.no_customer');

      const guest = await newGuest();
      await grant(guest.id, 50);
      await attach(order.id, guest.id);
      const mid = await counts();
      const short = await redeem(order.id, 51);
      expect(short.status).toBe(409);
      expect(short.body).toMatchObject({ code: 'loyalty.insufficient_points', balance: 50 });
      const tooMuch = await redeem(order.id, 451);
      expect(tooMuch.body.code).toBe('payment.exceeds_due');
      expect(await counts()).toEqual(mid);
      expect(mid[1]).toBe(before[1]);
      expect((await profile(guest.id)).points).toBe(50);
    });

    it('refuses bad input with field paths (400 problem+json) and writes nothing', async () => {
      const order = await newOrder();
      const guest = await newGuest();
      await grant(guest.id, 100);
      const before = await counts();
      for (const [body, path] of [
        [{ orderId: order.id, points: 0 }, 'body.points'],
        [{ orderId: order.id, points: 1.5 }, 'body.points'],
        [{ orderId: order.id, points: -3 }, 'body.points'],
        [{ orderId: order.id, points: '10' }, 'body.points'],
        [{ points: 10 }, 'body.orderId'],
        [{ orderId: 'not-an-id', points: 10 }, 'body.orderId'],
        [{ orderId: order.id, points: 10, checkIndex: 20 }, 'body.checkIndex'],
        [{ orderId: order.id, points: 10, amount: 1000 }, 'body'],
      ] as const) {
        const res = await cashier.post('/pos/loyalty/points/redeem', body);
        expect(res.status).toBe(400);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(paths(res.body).some((p) => p.startsWith(path))).toBe(true);
      }
      for (const [body, path] of [
        [{}, 'body.customerId'],
        [{ customerId: 'nope' }, 'body.customerId'],
        [{ customerId: guest.id, extra: 1 }, 'body'],
      ] as const) {
        const res = await cashier.put(`/pos/orders/${order.id}/customer`, body);
        expect(res.status).toBe(400);
        expect(paths(res.body).some((p) => p.startsWith(path))).toBe(true);
      }
      expect((await cashier.put('/pos/orders/not-an-id/customer', { customerId: guest.id })).status).toBe(400);
      expect((await cashier.get('/pos/customers/not-an-id')).status).toBe(400);
      expect(await counts()).toEqual(before);
      expect((await anna.get(`/pos/orders/${order.id}`)).body).toMatchObject({ customer: null, version: order.version });
    });
  });

  describe('the profile and who may', () => {
    it("shows the seeded guest's 1 200 points as a movement, and 404 for an unknown guest", async () => {
      const olga = (await cashier.post('/pos/customers/lookup', { phone: '+79161234567' })).body.customer;
      expect(olga).toMatchObject({ name: 'Ольга Смирнова', tier: 'gold', consent: { sms: { given: true } } });
      const seen = await profile(olga.id);
      expect(seen).toMatchObject({ points: 1200, pointValue: 100 });
      expect(seen.pointsHistory).toEqual([expect.objectContaining({ kind: 'earn', points: 1200, orderNumber: null })]);
      expect((await cashier.post('/pos/customers/lookup', { phone: '+79035550011' })).body.customer.name).toBe('Иван Петров');
      expect((await cashier.get(`/pos/customers/${crypto.randomUUID()}`)).status).toBe(404);
      const admin2 = await t.login('999999', 'demo-2');
      expect((await admin2.get(`/pos/customers/${olga.id}`)).status).toBe(404);
    });

    it('keeps a cook out: no profile, no attaching, no spending — and nothing written', async () => {
      const order = await newOrder();
      const guest = await newGuest();
      await grant(guest.id, 100);
      const before = await counts();
      expect((await cook.get(`/pos/customers/${guest.id}`)).status).toBe(403);
      expect((await attach(order.id, guest.id, cook)).status).toBe(403);
      expect((await detach(order.id, cook)).status).toBe(403);
      expect((await redeem(order.id, 10, cook)).status).toBe(403);
      expect(await counts()).toEqual(before);
      // A waiter attaches a guest (customers.view) but takes no payment.
      expect((await attach(order.id, guest.id, anna)).status).toBe(200);
      expect((await redeem(order.id, 10, anna)).status).toBe(403);
    });
  });
});
