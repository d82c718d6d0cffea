import { DEFAULT_ROLE_PERMISSIONS, FEATURES, SHELL_API_VERSION } from '@pos/contracts';
import { type Client, createTestApp, type TestApp } from '../../testing/harness';

const PROBLEM_JSON = /^application\/problem\+json/;

/** Every route of the base cycle: section 0 of the product's FEATURES.md, in OpenAPI templates. */
const BASE_CYCLE_ROUTES = [
  'POST /pos/auth/login',
  'GET /pos/auth/me',
  'POST /pos/auth/logout',
  'GET /pos/config',
  'GET /pos/menu',
  'PATCH /pos/menu/products/{id}/stock',
  'GET /pos/halls',
  'GET /pos/tables',
  'POST /pos/tables/{id}/open',
  'POST /pos/tables/{id}/close',
  'POST /pos/tables/{id}/transfer',
  'POST /pos/orders',
  'GET /pos/orders',
  'GET /pos/orders/{id}',
  'POST /pos/orders/{id}/items',
  'POST /pos/orders/{id}/send',
  'GET /pos/kitchen/tickets',
  'POST /pos/kitchen/tickets/{id}/status',
  'GET /pos/orders/{id}/kitchen-status',
  'POST /pos/finance/payments',
  'POST /pos/shifts',
  'GET /pos/shifts/current',
  'POST /pos/shifts/{id}/close',
  'GET /pos/ping',
];

describe('sync: ping, client config, API docs', () => {
  let t: TestApp;
  let waiter: Client;
  beforeAll(async () => {
    t = await createTestApp();
    waiter = await t.login('1111');
  });
  afterAll(() => t?.close());

  describe('GET /pos/ping', () => {
    it('answers without auth, never cached', async () => {
      const before = Date.now();
      const res = await t.anonymous.get('/pos/ping');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body).toEqual({ ok: true, time: expect.any(String), version: expect.any(String) });
      expect(Math.abs(Date.parse(res.body.time) - before)).toBeLessThan(60_000);
    });

    it('still answers with a stale or broken token (it tells offline from signed out)', async () => {
      const res = await t.anonymous.get('/pos/ping', { authorization: 'Bearer expired.or.broken' });
      expect(res.status).toBe(200);
      expect(res.body.ok).toBe(true);
    });
  });

  describe('GET /pos/config', () => {
    it('gives the shell its venue, flags, permissions, remotes and shell API version', async () => {
      const res = await waiter.get('/pos/config');
      expect(res.status).toBe(200);
      expect(res.body.venue).toMatchObject({ id: waiter.venueId, slug: 'demo', currency: 'RUB', timezone: 'Europe/Moscow' });
      expect(res.body.staff).toMatchObject({ id: waiter.staffId, name: 'Анна', role: 'waiter', isActive: true });
      expect(res.body.permissions).toEqual([...DEFAULT_ROLE_PERMISSIONS.waiter].sort());
      expect(Object.keys(res.body.flags).sort()).toEqual([...FEATURES].sort());
      expect(res.body.flags.admin).toBe(true);
      expect(res.body.remotes).toContainEqual({
        name: 'admin',
        feature: 'admin',
        version: '1.0.0',
        manifestUrl: '/remotes/admin/1.0.0/mf-manifest.json',
        updatedAt: expect.any(String),
      });
      for (const remote of res.body.remotes) expect(res.body.flags[remote.feature]).toBe(true);
      expect(res.body.shellApi).toBe(SHELL_API_VERSION);
      expect(Number.isNaN(Date.parse(res.body.serverTime))).toBe(false);
    });

    it('is per venue and per role', async () => {
      const cook2 = await t.login('4444', 'demo-2');
      const res = await cook2.get('/pos/config');
      expect(res.status).toBe(200);
      expect(res.body.venue.slug).toBe('demo-2');
      expect(res.body.flags).toMatchObject({ reservations: false, loyalty: false, payments: true });
      expect(res.body.permissions).toEqual([...DEFAULT_ROLE_PERMISSIONS.cook].sort());
    });

    it('answers 401 problem+json without a token or with a bad one', async () => {
      for (const headers of [undefined, { authorization: 'Bearer nope' }]) {
        const res = await t.anonymous.get('/pos/config', headers);
        expect(res.status).toBe(401);
        expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
        expect(res.body).toMatchObject({ status: 401, code: 'auth.unauthorized', instance: '/pos/config' });
        expect(res.body.flags).toBeUndefined();
      }
    });
  });

  describe('OpenAPI', () => {
    // any: a whole OpenAPI document, checked piece by piece below.
    let doc: any;
    beforeAll(async () => {
      const res = await t.anonymous.get('/docs/json');
      expect(res.status).toBe(200);
      doc = res.body;
    });

    it('is an OpenAPI 3.1 document', () => {
      expect(doc.openapi).toMatch(/^3\.1\./);
      expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
      expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    });

    it('documents every route of the base cycle', () => {
      const missing = BASE_CYCLE_ROUTES.filter((route) => {
        const [method, url] = route.split(' ');
        return !doc.paths?.[url]?.[method.toLowerCase()];
      });
      expect(missing).toEqual([]);
    });

    it('documents the admin routes with OpenAPI path templates', () => {
      expect(doc.paths['/admin/remotes/{name}']?.put).toBeDefined();
      expect(doc.paths['/admin/staff/{id}']?.patch).toBeDefined();
      expect(Object.keys(doc.paths).filter((p) => p.includes('/:'))).toEqual([]);
    });

    it('carries the request body schema of POST /pos/orders', () => {
      const schema = doc.paths['/pos/orders'].post.requestBody.content['application/json'].schema;
      const resolved = schema.$ref ? resolveRef(doc, schema.$ref) : schema;
      expect(resolved.type).toBe('object');
      expect(Object.keys(resolved.properties)).toEqual(expect.arrayContaining(['tableId', 'items', 'clientRequestId']));
      expect(resolved.additionalProperties).toBe(false);
    });

    it('marks login and ping as open, the rest as bearer-protected', () => {
      expect(doc.paths['/pos/auth/login'].post.security).toEqual([]);
      expect(doc.paths['/pos/ping'].get.security).toEqual([]);
      expect(doc.security).toEqual([{ bearer: [] }]);
      expect(doc.paths['/pos/config'].get.security).toBeUndefined();
    });
  });

  describe('docs UI and unknown routes', () => {
    it('GET /docs serves the Swagger UI page', async () => {
      let res = await t.anonymous.get('/docs');
      if (res.status === 302 || res.status === 301) {
        expect(res.headers.location).toMatch(/\/docs\/$/);
        res = await t.anonymous.get(new URL(String(res.headers.location), 'http://localhost/docs').pathname);
      }
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(String(res.body)).toMatch(/swagger/i);

      // The page's script finds the document it renders.
      const init = await t.anonymous.get('/docs/static/swagger-initializer.js');
      expect(init.status).toBe(200);
      expect(String(init.body)).toMatch(/json/);
    });

    it('answers an unknown route with 404 problem+json', async () => {
      const res = await t.anonymous.get('/pos/no-such-thing?x=1');
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(res.body).toMatchObject({ status: 404, code: 'route.not_found', type: expect.stringContaining('route.not_found') });
      expect(res.body.title).toContain('/pos/no-such-thing');
      expect(res.body.title).not.toContain('x=1');

      const post = await waiter.post('/pos/ping', {});
      expect(post.status).toBe(404);
      expect(post.headers['content-type']).toMatch(PROBLEM_JSON);
    });
  });
});

/** Follows a local `$ref` (any: it walks arbitrary JSON). */
function resolveRef(doc: any, ref: string): any {
  return ref
    .replace(/^#\//, '')
    .split('/')
    .reduce((node, key) => node?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
}
