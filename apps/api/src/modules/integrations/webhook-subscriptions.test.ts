import type { WebhookEndpoint } from '@pos/contracts';
import type { FastifyInstance } from 'fastify';
import { type Client, createTestApp, heardOverRedis, instancesOverRedis, isPg, requestId, type TestApp } from '../../testing/harness';

/**
 * The venue's webhook subscriptions are kept in memory between order commands
 * (`IntegrationsService.record`): an endpoint added, changed, switched off or removed is what the
 * very next command sees — on the instance that changed it and, through Redis, on the others.
 */
describe(`webhook subscriptions seen by the next command (${isPg() ? 'PostgreSQL' : 'SQLite'})`, () => {
  let t: TestApp;
  let admin: Client;
  let anna: Client;
  let productId: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('999999');
    anna = await t.login('1111');
    productId = (await t.product('borscht')).id;
  });
  afterAll(() => t.close());

  const messagesTo = async (endpointId: string) =>
    Number((await t.database.db.selectFrom('outbox_messages').select((eb) => eb.fn.countAll().as('n')).where('target_id', '=', endpointId).executeTakeFirstOrThrow()).n);
  const inject = async <T>(app: FastifyInstance, as: Client, method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) => {
    const res = await app.inject({ method, url, headers: { authorization: `Bearer ${as.token}`, ...(payload ? { 'content-type': 'application/json' } : {}) }, ...(payload ? { payload } : {}) });
    expect({ status: res.statusCode, body: res.statusCode < 300 ? null : res.json() }).toEqual({ status: expect.any(Number), body: null });
    return res.json() as T;
  };
  const takeOrder = (app: FastifyInstance) => inject(app, anna, 'POST', '/pos/orders', { items: [{ productId, quantity: 1 }], clientRequestId: requestId() });
  const createEndpoint = (app: FastifyInstance, events: string[]) =>
    inject<WebhookEndpoint>(app, admin, 'POST', '/admin/webhook-endpoints', { url: 'http://127.0.0.1:9/hooks', events, clientRequestId: requestId() });
  const patchEndpoint = (app: FastifyInstance, e: WebhookEndpoint, patch: object) =>
    inject<WebhookEndpoint>(app, admin, 'PATCH', `/admin/webhook-endpoints/${e.id}`, { ...patch, version: e.version, clientRequestId: requestId() });

  it('on one instance: every change to an endpoint is seen by the next order command', async () => {
    const app = t.app;
    // Read (and kept) before the endpoint exists: a new endpoint is still seen at once.
    await takeOrder(app);
    let endpoint = await createEndpoint(app, ['order.updated']);
    await takeOrder(app);
    expect(await messagesTo(endpoint.id)).toBe(1);

    endpoint = await patchEndpoint(app, endpoint, { events: ['kitchen.ticket.updated'] });
    await takeOrder(app);
    expect(await messagesTo(endpoint.id)).toBe(1);

    endpoint = await patchEndpoint(app, endpoint, { events: ['order.updated'] });
    await takeOrder(app);
    expect(await messagesTo(endpoint.id)).toBe(2);

    endpoint = await patchEndpoint(app, endpoint, { enabled: false });
    await takeOrder(app);
    expect(await messagesTo(endpoint.id)).toBe(2);

    endpoint = await patchEndpoint(app, endpoint, { enabled: true });
    await takeOrder(app);
    expect(await messagesTo(endpoint.id)).toBe(3);

    await inject(app, admin, 'DELETE', `/admin/webhook-endpoints/${endpoint.id}`);
    await takeOrder(app);
    expect(await messagesTo(endpoint.id)).toBe(3);
  });

  describe('on two instances sharing Redis', () => {
    let instances: FastifyInstance[] = [];
    beforeAll(async () => {
      instances = await instancesOverRedis(t);
    });
    afterAll(async () => {
      for (const app of instances) await app.close();
    });
    const heard = heardOverRedis;

    it('a change made on one instance is seen by the next order command on the other', async () => {
      const [a, b] = instances;
      // B reads (and keeps) the venue's subscriptions before the endpoint exists.
      await takeOrder(b);
      let endpoint = await createEndpoint(a, ['order.updated']);
      await heard();
      await takeOrder(b);
      expect(await messagesTo(endpoint.id)).toBe(1);

      endpoint = await patchEndpoint(a, endpoint, { enabled: false });
      await heard();
      await takeOrder(b);
      expect(await messagesTo(endpoint.id)).toBe(1);

      endpoint = await patchEndpoint(b, endpoint, { enabled: true });
      await heard();
      await takeOrder(a);
      expect(await messagesTo(endpoint.id)).toBe(2);

      await inject(a, admin, 'DELETE', `/admin/webhook-endpoints/${endpoint.id}`);
      await heard();
      await takeOrder(b);
      expect(await messagesTo(endpoint.id)).toBe(2);
    });
  });
});
