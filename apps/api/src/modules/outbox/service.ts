import type { Kysely } from 'kysely';
import type { Database, OutboxMessagesTable } from '../../db/schema';
import { addMs, nowIso } from '../../shared/clock';
import type { Db } from '../../shared/command';
import { conflict, notFound } from '../../shared/errors';
import { newId } from '../../shared/ids';
import { MAX_ATTEMPTS, retryDelayMs } from './backoff';
import * as repo from './repository';

/** What a handler answers for one attempt. `permanent` failures are not tried again (the message is dead at once). */
export type DeliveryResult = { ok: true; statusCode?: number } | { ok: false; statusCode?: number; error: string; permanent?: boolean };

/** Delivers one message of its kind (an HTTP call, an SMTP send). It must not throw for a refusal; a throw counts as a failed attempt. */
export type OutboxHandler = (message: OutboxMessagesTable) => Promise<DeliveryResult>;

export interface OutboxEntry {
  venueId: string;
  /** The handler that delivers it ('webhook', 'notification'). */
  kind: string;
  /** What it goes to (an endpoint, a notification). */
  targetId: string | null;
  eventType: string;
  /** Stored as JSON, handed to the handler as it was. */
  payload: unknown;
  /** The id receivers deduplicate by (`webhook-id`); default a fresh `msg_…`. */
  eventId?: string;
  /** Not before this time (default: now). */
  notBefore?: string;
}

export interface DrainResult {
  delivered: number;
  retried: number;
  dead: number;
}

/** How long a dispatcher holds a message it took: longer than any handler's timeout. A dispatcher that died lets it go after this. */
export const LEASE_MS = 60_000;
/** Messages a drain takes at a time, and how many of them are in flight together. */
const BATCH = 50;
const CONCURRENCY = 8;

/**
 * The transactional outbox. A change and the messages telling of it are written in one transaction
 * (`enqueue` takes the command's transaction), so neither exists without the other. `drain`
 * delivers due messages through the handler of their kind: it takes each with one conditional
 * UPDATE (`pending` → `sending`, with a lease), so two dispatchers — a periodic job on BullMQ and
 * the nudge after a commit, on one instance or several — never send a message twice while its
 * lease holds. A failed attempt is retried along `backoff.ts` (about 32 h in all), then the message
 * is `dead` until an admin sends it again. Every attempt is logged. Receivers still get each message
 * at least once rather than exactly once (a dispatcher can die after the send and before the
 * write): the `webhook-id` / event id stays the same on every attempt so they can drop a repeat.
 */
export class Outbox {
  private readonly handlers = new Map<string, OutboxHandler>();
  private nudge: (() => void) | null = null;
  private written = false;

  /** Registers the handler of a kind (composition does it once per kind). */
  register(kind: string, handler: OutboxHandler): void {
    if (this.handlers.has(kind)) throw new Error(`Outbox kind ${kind} already has a handler`);
    this.handlers.set(kind, handler);
  }

  /** What to call after a commit that wrote messages (app.ts: a drain soon, in this process). */
  onWritten(nudge: () => void): void {
    this.nudge = nudge;
  }

  /** Writes a message in the caller's transaction; it is delivered once that commits. */
  async enqueue(db: Db, entry: OutboxEntry): Promise<OutboxMessagesTable> {
    const now = nowIso();
    const row: OutboxMessagesTable = {
      id: newId(),
      venue_id: entry.venueId,
      kind: entry.kind,
      target_id: entry.targetId,
      event_id: entry.eventId ?? `msg_${newId().replaceAll('-', '')}`,
      event_type: entry.eventType,
      payload: JSON.stringify(entry.payload),
      status: 'pending',
      attempts: 0,
      next_attempt_at: entry.notBefore ?? now,
      locked_until: null,
      last_status_code: null,
      last_error: null,
      created_at: now,
      updated_at: now,
      delivered_at: null,
    };
    await repo.insertMessage(db, row);
    this.written = true;
    return row;
  }

  /** Called after a transaction committed (the commands plugin): if it wrote messages, the nudge runs. */
  committed(): void {
    if (!this.written) return;
    this.written = false;
    this.nudge?.();
  }

  /** Delivers the due messages (a batch at a time until none is left); what happened to them. */
  async drain(db: Kysely<Database>): Promise<DrainResult> {
    const total: DrainResult = { delivered: 0, retried: 0, dead: 0 };
    for (;;) {
      const now = nowIso();
      const due = await repo.dueMessages(db, now, BATCH);
      if (due.length === 0) return total;
      let taken = 0;
      const queue = [...due];
      const worker = async () => {
        for (let seen = queue.shift(); seen; seen = queue.shift()) {
          const lockedUntil = addMs(now, LEASE_MS);
          if (!(await repo.claim(db, seen.id, seen, now, lockedUntil))) continue;
          taken++;
          const outcome = await this.attempt(db, seen.id, lockedUntil);
          if (outcome) total[outcome]++;
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      // Everything due was taken by another dispatcher: leave the rest to it.
      if (taken === 0 || due.length < BATCH) return total;
    }
  }

  /** One attempt at a message this dispatcher holds until `lockedUntil`. */
  private async attempt(db: Kysely<Database>, id: string, lockedUntil: string): Promise<keyof DrainResult | null> {
    const message = await repo.messageById(db, id);
    if (!message) return null;
    const handler = this.handlers.get(message.kind);
    const started = performance.now();
    let result: DeliveryResult;
    try {
      result = handler ? await handler(message) : { ok: false, error: `No handler for ${message.kind}`, permanent: true };
    } catch (error) {
      result = { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    const at = nowIso();
    const attempt = message.attempts + 1;
    const delay = result.ok || result.permanent ? null : retryDelayMs(attempt);
    const status = result.ok ? 'delivered' : delay === null ? 'dead' : 'pending';
    const error = result.ok ? null : result.error.slice(0, 1000);
    await db.transaction().execute(async (trx) => {
      const held = await repo.settle(trx, id, lockedUntil, {
        status,
        attempts: attempt,
        next_attempt_at: delay === null ? at : addMs(at, delay),
        locked_until: null,
        last_status_code: result.statusCode ?? null,
        last_error: error,
        updated_at: at,
        delivered_at: result.ok ? at : null,
      });
      // The lease ran out and another dispatcher took the message: its attempt is the one that counts.
      if (!held) return;
      await repo.insertAttempt(trx, { id: newId(), message_id: id, venue_id: message.venue_id, attempt, at, status_code: result.statusCode ?? null, error, duration_ms: Math.round(performance.now() - started) });
    });
    return result.ok ? 'delivered' : status === 'dead' ? 'dead' : 'retried';
  }

  /** Queues a dead (or delivered) message again, now: an admin's manual redelivery. 404 when it is not the venue's; 409 while it is still pending. */
  async redeliver(db: Db, venueId: string, id: string): Promise<OutboxMessagesTable> {
    const message = await repo.venueMessage(db, venueId, id);
    if (!message) throw notFound('outbox.message', id);
    if (!(await repo.requeue(db, venueId, id, nowIso()))) {
      throw conflict('outbox.message_pending', 'The message is still being delivered; it can be sent again once delivered or dead');
    }
    this.written = true;
    return (await repo.venueMessage(db, venueId, id)) as OutboxMessagesTable;
  }

  list(db: Db, venueId: string, filter: repo.MessageFilter) {
    return repo.listMessages(db, venueId, filter);
  }

  async message(db: Db, venueId: string, id: string) {
    const message = await repo.venueMessage(db, venueId, id);
    if (!message) throw notFound('outbox.message', id);
    return { message, attempts: await repo.attemptsOf(db, id) };
  }
}

export { MAX_ATTEMPTS };
