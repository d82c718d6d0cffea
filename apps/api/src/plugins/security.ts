import type { IncomingMessage, ServerResponse } from 'node:http';
import rateLimit, { type RateLimitOptions } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import helmet from 'helmet';
import { Redis } from 'ioredis';
import type { ApiConfig } from '../config';
import { DomainError } from '../shared/errors';
import { sendProblem } from './problem';

/**
 * Security headers (helmet) on every answer — the shell, the remotes, the API's JSON —
 * and per-route rate limits (@fastify/rate-limit) for the sign-in routes.
 *
 * The Content-Security-Policy is what the built shell needs and no more: every script is a file
 * from this origin (the shell's bundles, each remote's remoteEntry.js and chunks, which Module
 * Federation adds as <script src> tags; the Workbox service worker at /sw.js), never inline and
 * never eval'd. style-loader injects each bundle's CSS as <style> tags, so styles (only) allow
 * 'unsafe-inline'. The socket connects to the same host over ws:/wss:. Remotes published on
 * another origin (a CDN in the remote registry) need that origin in REMOTE_ORIGINS.
 */

/** A hostname[:port] or [ipv6][:port], nothing a header could be smuggled through. */
const SAFE_HOST = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/** ws:/wss: of the host the page was loaded from ('self' covers them in CSP3 browsers, not all older ones). */
const sameHostSockets = (req: IncomingMessage) => {
  const host = req.headers.host;
  return host && SAFE_HOST.test(host) ? `ws://${host} wss://${host}` : '';
};

export function cspDirectives(config: Pick<ApiConfig, 'remoteOrigins'>) {
  const remotes = config.remoteOrigins;
  return {
    'default-src': ["'self'"],
    'base-uri': ["'self'"],
    'script-src': ["'self'", ...remotes],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'", "'unsafe-inline'", ...remotes],
    'img-src': ["'self'", 'data:', ...remotes],
    'font-src': ["'self'", 'data:', ...remotes],
    // Remote manifests are fetched; the socket is same-host; the service worker re-fetches chunks.
    'connect-src': ["'self'", (req: IncomingMessage) => sameHostSockets(req), ...remotes],
    'worker-src': ["'self'"],
    'manifest-src': ["'self'"],
    'object-src': ["'none'"],
    'frame-src': ["'none'"],
    'frame-ancestors': ["'none'"],
    'form-action': ["'self'"],
  };
}

/**
 * Swagger UI at /docs: its own files from this origin; React sets inline styles. No inline or
 * eval'd script either.
 */
export const DOCS_CSP = [
  "default-src 'self'",
  "base-uri 'self'",
  "script-src 'self'",
  "script-src-attr 'none'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

export type RateLimitedKind = 'signIn' | 'enroll' | 'challenge';

const VENUE_SLUG = /^[a-z0-9-]{1,64}$/;

/** The client's IP and the venue slug of the body (when it has one): one venue's tablets never use up another's. */
export const rateLimitKey = (request: FastifyRequest) => {
  const venue = (request.body as { venue?: unknown } | undefined)?.venue;
  return `${request.ip}|${typeof venue === 'string' && VENUE_SLUG.test(venue) ? venue : '-'}`;
};

/**
 * The route option for a rate-limited public route, per minute as configured
 * (RATE_LIMIT_SIGN_IN_PER_MINUTE, RATE_LIMIT_ENROLL_PER_MINUTE, RATE_LIMIT_CHALLENGE_PER_MINUTE):
 *
 *   app.post('/pos/auth/login', { config: { rateLimit: rateLimited('signIn') }, schema: … }, handler)
 *
 * Counted in preValidation (the body is parsed, so the key has the venue; bad input counts too),
 * per route. Over the limit: 429 application/problem+json, code `rate_limited`, Retry-After.
 */
export function rateLimited(kind: RateLimitedKind): RateLimitOptions {
  return {
    hook: 'preValidation',
    timeWindow: 60_000,
    max: (request: FastifyRequest) => request.server.config.rateLimits[kind],
    keyGenerator: rateLimitKey,
  };
}

export const SIGN_IN_RATE_LIMIT = rateLimited('signIn');
export const ENROLL_RATE_LIMIT = rateLimited('enroll');
export const CHALLENGE_RATE_LIMIT = rateLimited('challenge');

/**
 * A signed-in route keyed by what the server verified of the session: its enrolled tablet (else
 * the staff member), never a header or body field — so switching staff on one tablet or sending
 * another name does not start a fresh count. Runs after `authorize` (onRequest) has set the actor.
 */
export const sessionRateLimitKey = (request: FastifyRequest) => {
  const actor = request.actor as FastifyRequest['actor'] | undefined;
  if (!actor) return `ip:${request.ip}`;
  return `${actor.venueId}|${actor.deviceId ? `d:${actor.deviceId}` : `s:${actor.staffId}`}`;
};

/**
 * Gift card lookups and redeems (GIFT_CARD_RATE_LIMIT_PER_MINUTE), per route and per tablet:
 * counted in preValidation, so a code with a wrong check symbol (400) and an unknown one (404)
 * count like a good one — guessing codes hits 429 long before it could find one.
 */
export const GIFT_CARD_RATE_LIMIT: RateLimitOptions = {
  hook: 'preValidation',
  timeWindow: 60_000,
  max: (request: FastifyRequest) => request.server.config.rateLimits.giftCards,
  keyGenerator: sessionRateLimitKey,
};

export const securityPlugin = fp(async (app: FastifyInstance) => {
  const { config } = app;

  // helmet's middleware is built once here: the @fastify/helmet wrapper built it again for every
  // request (its options parsed each time — ≈2% of an order's CPU on the order path's profile).
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: cspDirectives(config) as Record<string, Iterable<string | ((req: IncomingMessage, res: ServerResponse) => string)>>,
    },
    // The POS runs on venue LANs over plain http too: never force https on a tablet.
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
  });
  app.addHook('onRequest', (request, reply, done) => securityHeaders(request.raw, reply.raw, (err?: unknown) => done(err as Error | undefined)));

  // After helmet's hooks, so the answer has its headers too. Past MAX_URL_LENGTH, but under the parser's header limit (which answers 431 itself).
  app.addHook('onRequest', async (request, reply) => {
    if (request.url.length > config.maxUrlLength) {
      return sendProblem(reply, 414, 'uri_too_long', 'The request URL is too long', { instance: undefined });
    }
  });

  let redis: Redis | undefined;
  if (config.redisUrl) {
    // Several instances count together. A Redis outage must not lock every tablet out:
    // counting is skipped (skipOnError) and the service's own PIN lockouts still hold.
    redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 2_000 });
    redis.on('error', (err: Error) => app.log.warn({ err }, 'rate-limit redis connection error'));
    app.addHook('onClose', async () => {
      await redis?.quit().catch(() => undefined);
    });
  }
  await app.register(rateLimit, {
    global: false,
    ...(redis ? { redis, nameSpace: 'pos-rate-limit:' } : {}),
    skipOnError: true,
    errorResponseBuilder: (_request, context) => {
      const retryAfterSeconds = Math.max(1, Math.ceil(context.ttl / 1000));
      return new DomainError(429, 'rate_limited', `Too many requests; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
    },
  });
});
