import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebhookEndpoint } from '@pos/contracts';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app';
import { openDatabase } from '../../db/database';
import { createTestApp, isPg, requestId, type TestApp } from '../../testing/harness';

const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

/**
 * Two API instances with their background jobs on one database (PostgreSQL in the PG run, one
 * SQLite file otherwise) and one Redis: orders taken on both, so both nudge their own dispatcher
 * after each commit while BullMQ's periodic drain runs on one of them at a time. Every outbox
 * message reaches the endpoint once — no double sends between the instances.
 */
describe(`outbox across two API instances (${isPg() ? 'PostgreSQL' : 'SQLite'} + Redis)`, () => {
  let t: TestApp;
  const instances: FastifyInstance[] = [];
  let server: http.Server;
  const received: { id: string; at: number }[] = [];
  let url = '';

  beforeAll(async () => {
    t = await createTestApp();
    server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        received.push({ id: String(req.headers['webhook-id']), at: Date.now() });
        // A little latency, so the two dispatchers overlap in time.
        setTimeout(() => res.writeHead(200).end(), 15);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
    const jobsPrefix = `test-outbox-${process.pid}-${Date.now()}`;
    for (let i = 0; i < 2; i++) {
      const config = { ...t.config, redisUrl: REDIS_URL, jobsPrefix };
      const app = await buildApp({ config, database: openDatabase(config), startJobs: true });
      await app.ready();
      instances.push(app);
    }
  });
  afterAll(async () => {
    for (const app of instances) await app.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await t.close();
  });

  it('orders taken on both instances reach the endpoint once each', async () => {
    const admin = await t.login('999999');
    const anna = await t.login('1111');
    const endpoint = (await admin.post<WebhookEndpoint>('/admin/webhook-endpoints', { url, events: ['order.updated'], clientRequestId: requestId() })).body;
    expect(endpoint.id).toBeDefined();
    const productId = (await t.product('borscht')).id;
    const orders = 16;
    await Promise.all(
      Array.from({ length: orders }, (_, i) =>
        instances[i % 2].inject({
          method: 'POST',
          url: '/pos/orders',
          headers: { authorization: `Bearer ${anna.token}`, 'content-type': 'application/json' },
          payload: { items: [{ productId, quantity: 1 }], clientRequestId: requestId() },
        }),
      ),
    ).then((answers) => expect(answers.map((a) => a.statusCode)).toEqual(Array(orders).fill(201)));

    const deadline = Date.now() + 20_000;
    const delivered = async () =>
      Number(
        (await t.database.db.selectFrom('outbox_messages').select((eb) => eb.fn.countAll().as('n')).where('target_id', '=', endpoint.id).where('status', '=', 'delivered').executeTakeFirstOrThrow()).n,
      );
    while ((await delivered()) < orders && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    // A moment more: a double send would arrive now.
    await new Promise((r) => setTimeout(r, 2_500));
    expect(await delivered()).toBe(orders);
    expect(received).toHaveLength(orders);
    expect(new Set(received.map((r) => r.id)).size).toBe(orders);
    // One attempt logged per message: no dispatcher sent one a second time.
    const attempts = await t.database.db.selectFrom('outbox_attempts as a').innerJoin('outbox_messages as m', 'm.id', 'a.message_id').select('a.message_id').where('m.target_id', '=', endpoint.id).execute();
    expect(attempts).toHaveLength(orders);
  });
});
