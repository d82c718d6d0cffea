import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { addMs, nowIso } from '../shared/clock';
import type { Actor, Db, Outcome } from '../shared/command';
import { conflict, DomainError, unprocessable } from '../shared/errors';
import * as idempotency from '../shared/idempotency-repository';
import { canonicalJson } from '../shared/json';

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * Runs a mutating command: idempotency key claimed first, the service inside one transaction
     * that also stores the response under the key, events pushed only after the commit.
     */
    runCommand<T>(
      request: FastifyRequest,
      reply: FastifyReply,
      work: (db: Db) => Promise<Outcome<T>>,
      options?: { status?: number; venueId?: string },
    ): Promise<T>;
  }
}

const KEY_PATTERN = /^[A-Za-z0-9._:-]{8,100}$/;

function idempotencyKey(request: FastifyRequest): string | undefined {
  const fromBody = (request.body as { clientRequestId?: unknown } | undefined)?.clientRequestId;
  if (typeof fromBody === 'string') return fromBody;
  const header = request.headers['idempotency-key'];
  if (typeof header !== 'string') return undefined;
  if (!KEY_PATTERN.test(header)) {
    throw new DomainError(400, 'validation', 'Idempotency-Key must be 8–100 characters [A-Za-z0-9._:-]', {
      errors: [{ path: 'headers.idempotency-key', message: 'Invalid idempotency key' }],
    });
  }
  return header;
}

/**
 * Where a key lives: per venue (the table's key) and, inside it, per device and staff member as
 * the server verified them (the enrolled device of the session, the token's staff) — never a
 * header or body field. So a colleague who sends someone else's key, on their own tablet or on
 * the same one, runs a command of their own and never gets the other's stored answer. The
 * tablet's outbox replays a queued command with the token of whoever queued it (the shell's
 * `sendAs(staffId)`), so a replay after someone else signed in on the tablet keeps its scope.
 */
function scopedKey(actor: Actor | null | undefined, clientKey: string): string {
  if (!actor) return clientKey;
  return `${actor.deviceId ? `d:${actor.deviceId}/` : ''}s:${actor.staffId}/${clientKey}`;
}

/** The same key must come with the same command: method, route, params and body. */
function requestHash(request: FastifyRequest): string {
  const body = { ...((request.body as Record<string, unknown> | undefined) ?? {}) };
  delete body.clientRequestId;
  return createHash('sha256')
    .update(canonicalJson([request.method, request.routeOptions.url, request.params, body]))
    .digest('hex');
}

export const commandsPlugin = fp(async (app: FastifyInstance) => {
  const { db } = app.database;
  const { idempotencyTtlMs, idempotencyLeaseMs } = app.config;

  /**
   * Claims the key inside the command's own transaction; returns the stored response when this is
   * a replay. The claim commits with the command's changes and its answer, or rolls back with
   * them — one commit per command, and a failed command leaves no claim behind. A duplicate sent
   * while the first is still running waits on the primary key (PostgreSQL) or for the one
   * writer (SQLite), then finds the first one's answer. A claim left `in_flight` by a server
   * that committed claims on their own (before this) is still honoured for its lease.
   */
  async function claim(trx: Db, venueId: string, key: string, hash: string) {
    for (let attempt = 0; ; attempt++) {
      const now = nowIso();
      const row = { venue_id: venueId, key, request_hash: hash, status: 'in_flight', response_status: null, response_body: null, locked_at: now, created_at: now, expires_at: addMs(now, idempotencyTtlMs) };
      if (await idempotency.insertKey(trx, row)) return undefined;

      const existing = await idempotency.findKey(trx, venueId, key);
      // Gone between the two reads (the retention sweep): claim it again, a few times at most.
      if (!existing && attempt < 3) continue;
      if (!existing) throw conflict('idempotency.in_flight', 'The same request is still being processed; retry shortly');
      if (existing.request_hash !== hash) {
        throw unprocessable('idempotency.key_reused', 'This idempotency key was already used for a different request');
      }
      if (existing.status === 'done') {
        return { status: existing.response_status ?? 200, body: existing.response_body };
      }
      // In flight. A claim older than the lease belongs to a request that died with its server.
      const staleBefore = addMs(now, -idempotencyLeaseMs);
      if (existing.locked_at < staleBefore && (await idempotency.takeOverClaim(trx, venueId, key, existing.locked_at, now))) return undefined;
      throw conflict('idempotency.in_flight', 'The same request is still being processed; retry shortly');
    }
  }

  app.decorate('runCommand', async function runCommand<T>(
    request: FastifyRequest,
    reply: FastifyReply,
    work: (db: Db) => Promise<Outcome<T>>,
    options: { status?: number; venueId?: string } = {},
  ): Promise<T> {
    const status = options.status ?? 200;
    const venueId = options.venueId ?? request.actor?.venueId;
    const clientKey = venueId ? idempotencyKey(request) : undefined;
    const key = clientKey === undefined ? undefined : scopedKey(request.actor, clientKey);

    const hash = key ? requestHash(request) : '';
    let replay: { status: number; body: string | null } | undefined;
    const result = await db.transaction().execute(async (trx): Promise<Outcome<T> | null> => {
      if (key && venueId) {
        replay = await claim(trx, venueId, key, hash);
        if (replay) return null;
      }
      // A supervisor's inline approval is spent with the command it was lent for, or not at all.
      if (request.actor?.approval) {
        await app.services.approvals.spend(trx, request.actor, { method: request.method, route: request.routeOptions.url ?? '', params: request.params });
      }
      const out = await work(trx);
      // The transactional outbox: webhooks telling of this command's changes commit with them.
      await app.services.integrations.record(trx, out.events);
      if (key && venueId) {
        await idempotency.completeKey(trx, venueId, key, status, JSON.stringify(out.value));
      }
      return out;
    });
    if (replay || !result) {
      reply.code(replay?.status ?? 200).header('Idempotent-Replayed', 'true');
      return JSON.parse(replay?.body ?? 'null') as T;
    }
    result.afterCommit?.();
    app.events.publish(result.events);
    // Messages the command wrote to the outbox go out now rather than at the next periodic drain.
    app.services.outbox.committed();
    reply.code(status);
    return result.value;
  });

  /** Keys past their retention are dropped now and then (they are kept well beyond 72 h). */
  const sweep = setInterval(() => {
    idempotency.deleteExpiredKeys(db, nowIso()).catch((err) => app.log.warn({ err }, 'idempotency sweep failed'));
  }, 3_600_000);
  sweep.unref();
  app.addHook('onClose', async () => clearInterval(sweep));
});
