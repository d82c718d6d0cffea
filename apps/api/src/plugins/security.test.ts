import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app';
import { type ApiConfig, loadConfig } from '../config';
import { migrateToLatest, openDatabase } from '../db/database';
import { createTestApp, type TestApp } from '../testing/harness';
import { DOCS_CSP, type RateLimitedKind, rateLimited } from './security';

/** Security headers on the shell, the remotes, the API and /docs; the sign-in rate limits. */

const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

/** The directives of a CSP header, by name. */
function csp(header: string | string[] | number | undefined): Record<string, string[]> {
  expect(typeof header).toBe('string');
  return Object.fromEntries(
    String(header)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name, values]),
  );
}

describe('security headers', () => {
  let t: TestApp;

  beforeAll(async () => {
    // A built web root as the shell and a remote are deployed.
    const webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-web-'));
    fs.writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><html><head><script defer src="/main.0123456789.js"></script></head><body></body></html>');
    fs.mkdirSync(path.join(webRoot, 'remotes/notifications/1.0.0'), { recursive: true });
    fs.writeFileSync(path.join(webRoot, 'remotes/notifications/1.0.0/remoteEntry.js'), 'var notifications;');
    fs.writeFileSync(path.join(webRoot, 'remotes/notifications/1.0.0/mf-manifest.json'), '{"name":"notifications"}');
    t = await createTestApp({ webRoot, remoteOrigins: ['https://cdn.example.com'] });
  });
  afterAll(async () => {
    const webRoot = t.config.webRoot;
    await t.close();
    fs.rmSync(webRoot, { recursive: true, force: true });
  });

  it('gives the shell a CSP without inline or eval scripts, framing, sniffing or referrers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/', headers: { host: 'pos.venue.lan:4200' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    const d = csp(res.headers['content-security-policy']);
    expect(d['default-src']).toEqual(["'self'"]);
    expect(d['script-src']).toEqual(["'self'", 'https://cdn.example.com']);
    expect(d['script-src-attr']).toEqual(["'none'"]);
    // style-loader's <style> tags: inline styles, never inline scripts.
    expect(d['style-src']).toEqual(["'self'", "'unsafe-inline'", 'https://cdn.example.com']);
    expect(d['connect-src']).toEqual(["'self'", 'ws://pos.venue.lan:4200', 'wss://pos.venue.lan:4200', 'https://cdn.example.com']);
    expect(d['img-src']).toContain('data:');
    expect(d['worker-src']).toEqual(["'self'"]);
    expect(d['object-src']).toEqual(["'none'"]);
    expect(d['frame-ancestors']).toEqual(["'none'"]);
    expect(d['base-uri']).toEqual(["'self'"]);
    expect(String(res.headers['content-security-policy'])).not.toMatch(/unsafe-eval|upgrade-insecure-requests/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('gives a shell route (SPA fallback), the remotes and JSON answers the same headers', async () => {
    const root = csp((await t.app.inject({ method: 'GET', url: '/' })).headers['content-security-policy']);
    for (const url of ['/floor', '/remotes/notifications/1.0.0/remoteEntry.js', '/remotes/notifications/1.0.0/mf-manifest.json', '/pos/ping', '/pos/nothing-here']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect({ url, status: res.statusCode < 500 }).toEqual({ url, status: true });
      expect({ url, csp: csp(res.headers['content-security-policy']) }).toEqual({ url, csp: root });
      expect({ url, nosniff: res.headers['x-content-type-options'], referrer: res.headers['referrer-policy'] }).toEqual({
        url,
        nosniff: 'nosniff',
        referrer: 'no-referrer',
      });
    }
    const ping = await t.anonymous.get('/pos/ping');
    expect(ping.status).toBe(200);
    expect(ping.headers['content-type']).toContain('application/json');
  });

  it('never writes a Host header that is not a plain host into the policy', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/pos/ping', headers: { host: "evil.example; script-src 'unsafe-inline'" } });
    const header = String(res.headers['content-security-policy']);
    expect(header).not.toContain('evil');
    expect(csp(header)['connect-src']).toEqual(["'self'", 'https://cdn.example.com']);
    expect(csp(header)['script-src']).toEqual(["'self'", 'https://cdn.example.com']);
  });

  it('gives Swagger UI its own policy: its scripts from the server, inline styles only', async () => {
    for (const url of ['/docs', '/docs/static/swagger-initializer.js']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect({ url, status: res.statusCode }).toEqual({ url, status: 200 });
      expect(res.headers['content-security-policy']).toBe(DOCS_CSP);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
    const d = csp(DOCS_CSP);
    expect(d['script-src']).toEqual(["'self'"]);
    expect(d['frame-ancestors']).toEqual(["'none'"]);
    // The page itself loads its scripts from files (nothing inline to allow).
    const page = await t.app.inject({ method: 'GET', url: '/docs' });
    expect(page.body).not.toMatch(/<script>(?!\s*<\/script>)|<script(?![^>]*\ssrc=)[^>]*>\s*\S/);
  });
});

/**
 * The rate limit as the auth routes use it, on the real app: a test-only route registered before
 * the app is ready, like POST /pos/auth/login with `config: { rateLimit: rateLimited('signIn') }`.
 */
describe('sign-in rate limits', () => {
  const built: { app: FastifyInstance; dir: string }[] = [];

  async function appWithLimitedRoutes(overrides: Partial<ApiConfig>): Promise<FastifyInstance> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-rl-'));
    const config: ApiConfig = {
      ...loadConfig({}),
      databaseUrl: undefined,
      sqlitePath: path.join(dir, 'pos.db'),
      webRoot: path.join(dir, 'web'),
      redisUrl: undefined,
      argon2MemoryKib: 1024,
      argon2TimeCost: 1,
      ...overrides,
    };
    const database = openDatabase(config);
    await migrateToLatest(database.db);
    const app = await buildApp({ config, database });
    for (const kind of ['signIn', 'enroll'] as RateLimitedKind[]) {
      app.post(`/test/limited/${kind}`, { config: { rateLimit: rateLimited(kind) } }, async (request) => ({ ok: true, body: request.body }));
    }
    await app.ready();
    built.push({ app, dir });
    return app;
  }

  afterAll(async () => {
    for (const { app, dir } of built) {
      await app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  const attempt = (app: FastifyInstance, kind: RateLimitedKind, body: unknown, ip = '10.0.0.1') =>
    app.inject({ method: 'POST', url: `/test/limited/${kind}`, payload: body as object, remoteAddress: ip });

  it('answers past the limit with 429 problem+json rate_limited and Retry-After, per IP and venue', async () => {
    const app = await appWithLimitedRoutes({ rateLimits: { signIn: 3, enroll: 1, challenge: 5, giftCards: 100 } });
    for (let i = 1; i <= 3; i++) {
      const ok = await attempt(app, 'signIn', { venue: 'demo', pin: '1111' });
      expect(ok.statusCode).toBe(200);
      expect(ok.headers['x-ratelimit-limit']).toBe('3');
      expect(ok.headers['x-ratelimit-remaining']).toBe(String(3 - i));
    }
    const limited = await attempt(app, 'signIn', { venue: 'demo', pin: '1111' });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.json()).toMatchObject({ status: 429, code: 'rate_limited', type: 'https://pos.local/problems/rate_limited', retryAfterSeconds: retryAfter });
    expect(typeof limited.json().title).toBe('string');
    expect(limited.headers['x-content-type-options']).toBe('nosniff');

    // Another venue behind the same router, and another client of this venue, have their own counts.
    expect((await attempt(app, 'signIn', { venue: 'other-venue', pin: '1111' })).statusCode).toBe(200);
    expect((await attempt(app, 'signIn', { venue: 'demo', pin: '1111' }, '10.0.0.2')).statusCode).toBe(200);
    // A body without a (valid) venue counts under the IP alone, and bad input counts too.
    for (let i = 0; i < 3; i++) expect((await attempt(app, 'signIn', { venue: 'NOT A SLUG' })).statusCode).toBe(200);
    expect((await attempt(app, 'signIn', {})).statusCode).toBe(429);
    // Each kind has its own limit and count: enrollment allows 1 here.
    expect((await attempt(app, 'enroll', { venue: 'demo', code: 'ABCD-2345' })).statusCode).toBe(200);
    expect((await attempt(app, 'enroll', { venue: 'demo', code: 'ABCD-2345' })).statusCode).toBe(429);
    // Routes without the option are never limited.
    for (let i = 0; i < 10; i++) expect((await app.inject({ method: 'GET', url: '/pos/ping', remoteAddress: '10.0.0.1' })).statusCode).toBe(200);
  });

  it('uses the configured defaults that let ~20 tablets on one router sign in together', () => {
    const defaults = loadConfig({});
    expect(defaults.rateLimits.signIn).toBeGreaterThanOrEqual(40);
    expect(defaults.rateLimits.challenge).toBeGreaterThanOrEqual(defaults.rateLimits.signIn);
    expect(loadConfig({ RATE_LIMIT_SIGN_IN_PER_MINUTE: '7', RATE_LIMIT_ENROLL_PER_MINUTE: '2', RATE_LIMIT_CHALLENGE_PER_MINUTE: '9', GIFT_CARD_RATE_LIMIT_PER_MINUTE: '5' }).rateLimits).toEqual({
      signIn: 7,
      enroll: 2,
      challenge: 9,
      giftCards: 5,
    });
  });

  it('shares the count between instances through Redis when REDIS_URL is set', async () => {
    const first = await appWithLimitedRoutes({ redisUrl: REDIS_URL, rateLimits: { signIn: 4, enroll: 1, challenge: 1, giftCards: 100 } });
    const second = await appWithLimitedRoutes({ redisUrl: REDIS_URL, rateLimits: { signIn: 4, enroll: 1, challenge: 1, giftCards: 100 } });
    // A venue of its own, so a rerun within the minute starts from zero.
    const venue = `rl-${process.pid}-${Date.now().toString(36)}`;
    const statuses: number[] = [];
    for (const app of [first, second, first, second, first, second]) statuses.push((await attempt(app, 'signIn', { venue })).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    const limited = await attempt(second, 'signIn', { venue });
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  });
});
