import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Integration, type KitchenTicket, type Order, type WebhookEndpoint } from '@pos/contracts';
import { Webhook } from 'standardwebhooks';
import { clock } from '../../shared/clock';
import { type Client, createTestApp, requestId, type Response, type TestApp } from '../../testing/harness';
import { MAX_ATTEMPTS, RETRY_DELAYS_MS } from '../outbox/backoff';

const paths = (res: { body?: { errors?: { path: string }[] } }) => (res.body?.errors ?? []).map((e) => e.path);

function expectProblem(res: Response, status: number, code: string) {
  expect({ status: res.status, code: res.body?.code }).toEqual({ status, code });
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
}

/** A local HTTP server answering webhooks with the statuses given in turn (the last one repeats). */
async function receiver(statuses: number[]) {
  const received: { headers: http.IncomingHttpHeaders; body: string; answered: number }[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const answered = statuses[Math.min(received.length, statuses.length - 1)];
      received.push({ headers: req.headers, body, answered });
      res.writeHead(answered, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  return { url, received, setStatuses: (next: number[]) => statuses.splice(0, statuses.length, ...next), close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/**
 * Integrations (issue 20) through the API: delivery partners' signed webhooks in (new orders and
 * status changes, with bad signatures, stale or future timestamps, replays and rotated secrets
 * answered rightly and nothing written), and order changes out to webhook endpoints through the
 * outbox (retries, dead letters, redelivery, one delivery for two dispatchers). SQLite and PostgreSQL.
 */
describe('integrations', () => {
  let t: TestApp;
  let admin: Client;
  let anna: Client;
  let partner: Integration;
  const realNow = clock.now;
  afterEach(() => {
    clock.now = realNow;
  });

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('999999');
    anna = await t.login('1111');
    const res = await admin.post<Integration>('/admin/integrations', { name: 'Яндекс Еда', clientRequestId: requestId() });
    expect(res.status).toBe(201);
    partner = res.body;
  });
  afterAll(() => t.close());

  let seq = 0;
  /** Sends a webhook to the API as a partner would: the raw body signed with `secret` (default: the partner's). */
  const signed = async (url: string, body: unknown, options: { secret?: string; id?: string; at?: Date; raw?: string; headers?: Record<string, string> } = {}) => {
    const raw = options.raw ?? JSON.stringify(body);
    const id = options.id ?? `msg_test_${++seq}_${Date.now()}`;
    const at = options.at ?? new Date();
    const signature = new Webhook(options.secret ?? partner.secret).sign(id, at, raw);
    const res = await t.app.inject({
      method: 'POST',
      url,
      payload: raw,
      headers: { 'content-type': 'application/json', 'webhook-id': id, 'webhook-timestamp': String(Math.floor(at.getTime() / 1000)), 'webhook-signature': signature, ...options.headers },
    });
    return { status: res.statusCode, headers: res.headers, body: res.body ? JSON.parse(res.body) : undefined, id } as Response & { id: string };
  };
  const ordersUrl = () => `/integrations/${partner.id}/orders`;
  const newOrder = (externalId: string, items: unknown[] = [{ code: 'borscht', quantity: 2 }]) => ({ externalId, items, customer: { name: 'Ольга', phone: '+7 916 123-45-67' }, address: 'ул. Ленина, 1, кв. 5', note: 'Без лука' });
  const countRows = async (table: 'orders' | 'inbound_webhooks' | 'outbox_messages') => Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  describe('partners in Admin', () => {
    it('an admin adds a partner with a Standard Webhooks secret; staff without admin.integrations are refused', async () => {
      expect(partner.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      expect(partner.ordersUrl).toBe(`/integrations/${partner.id}/orders`);
      expectProblem(await anna.get('/admin/integrations'), 403, 'auth.forbidden');
      const list = await admin.get<Integration[]>('/admin/integrations');
      expect(list.body.map((i) => i.id)).toContain(partner.id);
      const bad = await admin.post('/admin/integrations', { name: '', clientRequestId: requestId() });
      expect(bad.status).toBe(400);
      expect(paths(bad)).toContain('body.name');
    });
  });

  describe('inbound orders', () => {
    it('a signed order is taken in the partner\'s name, fired to the kitchen, and shows as a delivery order on the POS and the KDS', async () => {
      const res = await signed(ordersUrl(), newOrder('YA-1001'));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ externalStatus: 'accepted', duplicate: false });
      const order = (await anna.get<Order>(`/pos/orders/${res.body.orderId}`)).body;
      expect(order).toMatchObject({ source: 'delivery', waiterName: 'Яндекс Еда', status: 'open', tableId: null, note: 'Без лука' });
      expect(order.delivery).toMatchObject({ integrationId: partner.id, partnerName: 'Яндекс Еда', externalId: 'YA-1001', externalStatus: 'accepted', customerName: 'Ольга', address: 'ул. Ленина, 1, кв. 5' });
      expect(order.lines[0]).toMatchObject({ quantity: 2, firedQuantity: 2 });
      const board = (await anna.get<Order[]>('/pos/orders?source=delivery&status=open')).body;
      expect(board.map((o) => o.id)).toContain(order.id);
      expect(board.every((o) => o.source === 'delivery')).toBe(true);
      expect((await anna.get<Order[]>('/pos/orders?source=pos')).body.map((o) => o.id)).not.toContain(order.id);
      const tickets = (await anna.get<KitchenTicket[]>(`/pos/kitchen/tickets?orderId=${order.id}`)).body;
      expect(tickets.length).toBeGreaterThan(0);
      expect(tickets.every((tk) => tk.delivery?.externalId === 'YA-1001' && tk.status === 'queued')).toBe(true);
    });

    it('a replayed webhook id, or the same partner order again, answers the order already taken and writes nothing', async () => {
      const first = await signed(ordersUrl(), newOrder('YA-1002'));
      expect(first.status).toBe(201);
      const before = await countRows('orders');
      const replay = await signed(ordersUrl(), newOrder('YA-1002'), { id: first.id });
      expect(replay.status).toBe(200);
      expect(replay.body).toMatchObject({ orderId: first.body.orderId, duplicate: true });
      const again = await signed(ordersUrl(), newOrder('YA-1002'));
      expect(again.body).toMatchObject({ orderId: first.body.orderId, duplicate: true });
      expect(await countRows('orders')).toBe(before);
    });

    it('a bad signature, a stale or future timestamp, missing headers or a switched-off partner are 401 and nothing is written', async () => {
      const orders = await countRows('orders');
      const ids = await countRows('inbound_webhooks');
      const other = 'whsec_' + Buffer.alloc(32, 7).toString('base64');
      expectProblem(await signed(ordersUrl(), newOrder('YA-BAD-1'), { secret: other }), 401, 'webhook.signature_invalid');
      expectProblem(await signed(ordersUrl(), newOrder('YA-BAD-2'), { at: new Date(Date.now() - 6 * 60_000) }), 401, 'webhook.timestamp_out_of_tolerance');
      expectProblem(await signed(ordersUrl(), newOrder('YA-BAD-3'), { at: new Date(Date.now() + 6 * 60_000) }), 401, 'webhook.timestamp_out_of_tolerance');
      // The body changed after signing.
      const tampered = await t.app.inject({ method: 'POST', url: ordersUrl(), payload: JSON.stringify(newOrder('YA-BAD-4', [{ code: 'borscht', quantity: 9 }])), headers: { 'content-type': 'application/json', 'webhook-id': 'msg_x', 'webhook-timestamp': String(Math.floor(Date.now() / 1000)), 'webhook-signature': new Webhook(partner.secret).sign('msg_x', new Date(), JSON.stringify(newOrder('YA-BAD-4'))) } });
      expect(tampered.statusCode).toBe(401);
      const unsigned = await t.app.inject({ method: 'POST', url: ordersUrl(), payload: JSON.stringify(newOrder('YA-BAD-5')), headers: { 'content-type': 'application/json' } });
      expect(unsigned.statusCode).toBe(401);
      expect(JSON.parse(unsigned.body).code).toBe('webhook.headers_missing');
      // An unknown partner id looks the same as a bad signature (no hint the id exists or not).
      expectProblem(await signed(`/integrations/00000000-0000-4000-8000-000000000000/orders`, newOrder('YA-BAD-6')), 401, 'webhook.signature_invalid');
      expect(await countRows('orders')).toBe(orders);
      expect(await countRows('inbound_webhooks')).toBe(ids);
    });

    it('a signed body that breaks the contract is a 400 with field paths, and its webhook id is not used up', async () => {
      const orders = await countRows('orders');
      const bad = await signed(ordersUrl(), { externalId: '', items: [{ code: 'borscht', quantity: 0 }], customer: { name: 'X' } });
      expect(bad.status).toBe(400);
      expect(paths(bad)).toEqual(expect.arrayContaining(['body.externalId', 'body.items.0.quantity']));
      const unknown = await signed(ordersUrl(), newOrder('YA-1003', [{ code: 'no-such-dish', quantity: 1 }]));
      expect(unknown.status).toBe(400);
      expect(paths(unknown)).toEqual(['body.items.0.code']);
      expect(await countRows('orders')).toBe(orders);
      // Fixed, the same webhook id goes through: the refused one never took it.
      const fixed = await signed(ordersUrl(), newOrder('YA-1003'), { id: unknown.id });
      expect(fixed.status).toBe(201);
    });

    it('during a rotation both secrets are accepted; with no grace the old one is refused at once', async () => {
      const old = partner.secret;
      const rotated = await admin.post<Integration>(`/admin/integrations/${partner.id}/rotate-secret`, { version: partner.version, clientRequestId: requestId() });
      expect(rotated.status).toBe(200);
      expect(rotated.body.secret).not.toBe(old);
      expect(rotated.body.previousSecretUntil).not.toBeNull();
      expect((await signed(ordersUrl(), newOrder('YA-1004'), { secret: old })).status).toBe(201);
      expect((await signed(ordersUrl(), newOrder('YA-1005'), { secret: rotated.body.secret })).status).toBe(201);
      const stale = await admin.post(`/admin/integrations/${partner.id}/rotate-secret`, { version: partner.version, clientRequestId: requestId() });
      expectProblem(stale, 409, 'integration.version_conflict');
      const hard = await admin.post<Integration>(`/admin/integrations/${partner.id}/rotate-secret`, { version: rotated.body.version, graceHours: 0, clientRequestId: requestId() });
      expect(hard.body.previousSecretUntil).toBeNull();
      expectProblem(await signed(ordersUrl(), newOrder('YA-1006'), { secret: rotated.body.secret }), 401, 'webhook.signature_invalid');
      partner = hard.body;
      expect((await signed(ordersUrl(), newOrder('YA-1006'))).status).toBe(201);
    });
  });

  it('a switched-off partner is refused like a bad signature; switched on again, it is taken', async () => {
    const off = await admin.patch<Integration>(`/admin/integrations/${partner.id}`, { enabled: false, version: partner.version, clientRequestId: requestId() });
    expect(off.body.enabled).toBe(false);
    expectProblem(await signed(ordersUrl(), newOrder('YA-OFF-1')), 401, 'webhook.signature_invalid');
    const on = await admin.patch<Integration>(`/admin/integrations/${partner.id}`, { enabled: true, version: off.body.version, clientRequestId: requestId() });
    partner = on.body;
    expect((await signed(ordersUrl(), newOrder('YA-OFF-1'))).status).toBe(201);
  });

  describe('inbound statuses', () => {
    const statusUrl = (orderId: string) => `/pos/orders/${orderId}/external-status`;
    const ticketsOf = async (orderId: string) => (await anna.get<KitchenTicket[]>(`/pos/kitchen/tickets?orderId=${orderId}`)).body;

    it('ready for pickup moves the tickets to ready; a late "cooking" changes nothing; picked up serves them', async () => {
      const { body } = await signed(ordersUrl(), newOrder('YA-2001', [{ code: 'borscht', quantity: 1 }, { code: 'wine-red-glass', quantity: 1 }]));
      const ready = await signed(statusUrl(body.orderId), { status: 'ready_for_pickup' });
      expect(ready.status).toBe(200);
      expect(ready.body).toMatchObject({ externalStatus: 'ready_for_pickup', duplicate: false });
      expect((await ticketsOf(body.orderId)).map((tk) => tk.status)).toEqual(expect.arrayContaining(['ready']));
      expect((await ticketsOf(body.orderId)).every((tk) => tk.status === 'ready')).toBe(true);
      const late = await signed(statusUrl(body.orderId), { status: 'cooking' });
      expect(late.body.externalStatus).toBe('ready_for_pickup');
      expect((await ticketsOf(body.orderId)).every((tk) => tk.status === 'ready')).toBe(true);
      const replay = await signed(statusUrl(body.orderId), { status: 'picked_up' }, { id: ready.id });
      expect(replay.body).toMatchObject({ duplicate: true, externalStatus: 'ready_for_pickup' });
      await signed(statusUrl(body.orderId), { status: 'picked_up' });
      expect((await ticketsOf(body.orderId)).every((tk) => tk.status === 'served')).toBe(true);
      expect((await anna.get<Order>(`/pos/orders/${body.orderId}`)).body.delivery?.externalStatus).toBe('picked_up');
      expectProblem(await signed(statusUrl(body.orderId), { status: 'cancelled' }), 409, 'delivery.already_picked_up');
    });

    it('cancelled voids the unpaid order; a status for an order of the till or another partner is refused', async () => {
      const { body } = await signed(ordersUrl(), newOrder('YA-2002'));
      const res = await signed(statusUrl(body.orderId), { status: 'cancelled', reason: 'гость отказался' });
      expect(res.status).toBe(200);
      const order = (await anna.get<Order>(`/pos/orders/${body.orderId}`)).body;
      expect(order).toMatchObject({ status: 'void', total: 0 });
      expect(order.lines.every((l) => l.voidedQuantity === l.quantity)).toBe(true);
      expectProblem(await signed(statusUrl(body.orderId), { status: 'cooking' }), 409, 'delivery.cancelled');

      const own = await anna.post<Order>('/pos/orders', { items: [{ productId: (await t.product('borscht')).id, quantity: 1 }], clientRequestId: requestId() });
      expectProblem(await signed(statusUrl(own.body.id), { status: 'cooking' }), 401, 'webhook.signature_invalid');
      const bad = await signed(statusUrl(body.orderId), { status: 'eaten' });
      expect(bad.status).toBe(400);
      expect(paths(bad)).toEqual(['body.status']);
    });
  });

  describe('outbound webhooks', () => {
    const createEndpoint = async (url: string, events = ['order.updated']) => {
      const res = await admin.post<WebhookEndpoint>('/admin/webhook-endpoints', { url, events, description: 'Учёт', clientRequestId: requestId() });
      expect(res.status).toBe(201);
      return res.body;
    };
    const switchOff = (e: WebhookEndpoint) => admin.patch(`/admin/webhook-endpoints/${e.id}`, { enabled: false, version: e.version, clientRequestId: requestId() });
    const takeOrder = async () => (await anna.post<Order>('/pos/orders', { items: [{ productId: (await t.product('borscht')).id, quantity: 1 }], clientRequestId: requestId() })).body;
    const drain = () => t.app.services.outbox.drain(t.database.db);
    const later = (ms: number) => {
      const at = Date.now() + ms;
      clock.now = () => new Date(at);
    };

    it('bad endpoint input is a 400 with paths and nothing is written', async () => {
      const before = (await admin.get<WebhookEndpoint[]>('/admin/webhook-endpoints')).body.length;
      const res = await admin.post('/admin/webhook-endpoints', { url: 'ftp://x', events: ['order.eaten'], clientRequestId: requestId() });
      expect(res.status).toBe(400);
      expect(paths(res)).toEqual(expect.arrayContaining(['body.url', 'body.events.0']));
      expect((await admin.get<WebhookEndpoint[]>('/admin/webhook-endpoints')).body.length).toBe(before);
    });

    it('an endpoint answering 500 then 200 gets the event exactly once after a retry, signed with its secret, with the same id', async () => {
      const hook = await receiver([500, 200]);
      const endpoint = await createEndpoint(hook.url);
      try {
        const order = await takeOrder();
        // Written with the order, in its transaction.
        const [message] = (await admin.get(`/admin/deliveries?targetId=${endpoint.id}`)).body.items;
        expect(message).toMatchObject({ kind: 'webhook', eventType: 'order.updated', status: 'pending', attempts: 0 });
        expect(await drain()).toMatchObject({ retried: 1, delivered: 0 });
        expect(hook.received).toHaveLength(1);
        // Not again before its time.
        expect(await drain()).toMatchObject({ retried: 0, delivered: 0 });
        later(RETRY_DELAYS_MS[0] * 1.2);
        expect(await drain()).toMatchObject({ delivered: 1 });
        clock.now = realNow;
        expect(await drain()).toMatchObject({ delivered: 0, retried: 0 });
        expect(hook.received).toHaveLength(2);
        const [first, second] = hook.received;
        expect(second.headers['webhook-id']).toBe(first.headers['webhook-id']);
        const payload = new Webhook(endpoint.secret).verify(second.body, second.headers as Record<string, string>) as { type: string; data: { order: Order } };
        expect(payload).toMatchObject({ type: 'order.updated', data: { order: { id: order.id, status: 'open' } } });
        const detail = (await admin.get(`/admin/deliveries/${message.id}`)).body;
        expect(detail).toMatchObject({ status: 'delivered', attempts: 2, lastStatusCode: 200 });
        expect(detail.log.map((a: { statusCode: number }) => a.statusCode)).toEqual([500, 200]);
      } finally {
        await switchOff(endpoint);
        await hook.close();
      }
    });

    it('an endpoint that never answers well is dead after the last attempt (over 24 h), and an admin sends it again', async () => {
      const hook = await receiver([503]);
      const endpoint = await createEndpoint(hook.url);
      try {
        await takeOrder();
        let elapsed = 0;
        for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
          later(elapsed);
          await drain();
          elapsed += (RETRY_DELAYS_MS[attempt - 1] ?? 0) * 1.2;
        }
        clock.now = realNow;
        expect(hook.received).toHaveLength(MAX_ATTEMPTS);
        expect(RETRY_DELAYS_MS.reduce((s, d) => s + d, 0)).toBeGreaterThan(24 * 3_600_000);
        const [dead] = (await admin.get(`/admin/deliveries?targetId=${endpoint.id}&status=dead`)).body.items;
        expect(dead).toMatchObject({ status: 'dead', attempts: MAX_ATTEMPTS, lastStatusCode: 503 });
        expect((await admin.get<WebhookEndpoint[]>('/admin/webhook-endpoints')).body.find((e) => e.id === endpoint.id)?.dead).toBe(1);

        hook.setStatuses([200]);
        const again = await admin.post(`/admin/deliveries/${dead.id}/redeliver`, {});
        expect(again.body).toMatchObject({ status: 'pending', attempts: 0 });
        expectProblem(await admin.post(`/admin/deliveries/${dead.id}/redeliver`, {}), 409, 'outbox.message_pending');
        expect(await drain()).toMatchObject({ delivered: 1 });
        expect((await admin.get(`/admin/deliveries/${dead.id}`)).body.log).toHaveLength(MAX_ATTEMPTS + 1);
        expectProblem(await anna.post(`/admin/deliveries/${dead.id}/redeliver`, {}), 403, 'auth.forbidden');
      } finally {
        await switchOff(endpoint);
        await hook.close();
      }
    });

    it('two dispatchers draining at once send each message once; an endpoint not subscribed gets nothing', async () => {
      const hook = await receiver([200]);
      const quiet = await receiver([200]);
      const endpoint = await createEndpoint(hook.url);
      const kitchenOnly = await createEndpoint(quiet.url, ['kitchen.ticket.updated']);
      try {
        for (let i = 0; i < 6; i++) await takeOrder();
        const [a, b] = await Promise.all([drain(), drain()]);
        expect(a.delivered + b.delivered).toBe(6);
        expect(hook.received).toHaveLength(6);
        expect(new Set(hook.received.map((r) => r.headers['webhook-id'])).size).toBe(6);
        expect(quiet.received).toHaveLength(0);
      } finally {
        await switchOff(endpoint);
        await switchOff(kitchenOnly);
        await hook.close();
        await quiet.close();
      }
    });

    it('a rolled-back command leaves no message behind', async () => {
      const hook = await receiver([200]);
      const endpoint = await createEndpoint(hook.url);
      try {
        const before = await countRows('outbox_messages');
        // An order with a dish that does not exist is refused whole.
        const res = await anna.post('/pos/orders', { items: [{ productId: '00000000-0000-4000-8000-000000000000', quantity: 1 }], clientRequestId: requestId() });
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(await countRows('outbox_messages')).toBe(before);
      } finally {
        await switchOff(endpoint);
        await hook.close();
      }
    });
  });
});
