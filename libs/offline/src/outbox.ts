import type { Order } from '@pos/contracts';
import mitt from 'mitt';
import { v7 as uuidv7 } from 'uuid';
import { backoffDelay, type BackoffOptions, DEFAULT_BACKOFF } from './backoff';
import type { OfflineDb } from './db';
import { defaultLocks, type LockManagerLike } from './locks';
import { classify, type CommandInput, type OutboxRecord, type SendError, toSendError } from './outbox-model';

/** Sends one command; resolves with the server's JSON, rejects with something carrying `status`/`code`. */
export type Sender = (request: { method: string; path: string; body: Record<string, unknown>; idempotencyKey: string; staffId: string }) => Promise<unknown>;

export interface OutboxOptions {
  db: OfflineDb;
  send: Sender;
  /** Who queues: stored on every record (a replay is the same staff member's command). */
  context: () => { venueId: string; staffId: string; deviceId: string };
  locks?: LockManagerLike;
  backoff?: BackoffOptions;
  /** Independent orders replayed side by side (commands of one order always go one by one). */
  concurrency?: number;
  /** A server that keeps answering "busy" (5xx, 429) this many times hands the command to a person. */
  maxBusyAttempts?: number;
  now?: () => number;
  random?: () => number;
  newId?: () => string;
}

export type OutboxEvents = {
  /** Counts changed: the header shows `pending`, the attention list `failed`. */
  changed: { pending: number; failed: number };
  /** The server acknowledged the command; `order` is the confirmed order it returned, if any. */
  acked: { record: OutboxRecord; response: unknown; order: Order | null };
  /** Refused for good: now on the "needs attention" list. */
  failed: { record: OutboxRecord };
  /** Will be tried again at `record.nextAttemptAt`. */
  retrying: { record: OutboxRecord; error: SendError };
};

/** How a caller that waits for its command learns the outcome. */
export type Settlement = { status: 'acked'; response: unknown } | { status: 'queued' };

interface Waiter {
  resolve(s: Settlement): void;
  reject(error: unknown): void;
}

/**
 * The tablet's command queue. A command is written to IndexedDB (strict durability) before it
 * is sent, sent with its own `clientRequestId` as the idempotency key (the same on every retry,
 * so the server applies it once however often it arrives), and deleted only in the same
 * transaction that records the server's answer. Commands replay strictly in the order they were
 * queued; one tab at a time drains (a Web Lock), so two tabs never send the same queue twice.
 */
export class Outbox {
  readonly events = mitt<OutboxEvents>();
  private readonly db: OfflineDb;
  private readonly locks: LockManagerLike;
  private readonly now: () => number;
  private readonly waiters = new Map<string, Waiter>();
  private online = true;
  private blockedByAuth = false;
  private running: Promise<void> | null = null;
  private again = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;
  /** New commands were queued since the running replay read the queue. */
  private arrived = false;
  /** A person retried or dropped a command: the running replay re-reads the queue. */
  private changedOutside = false;
  private countsTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly options: OutboxOptions) {
    this.db = options.db;
    this.locks = options.locks ?? defaultLocks();
    this.now = options.now ?? Date.now;
  }

  /**
   * Queues a command (durably) and returns its record. With `wait`, `settled` tells the caller
   * whether the server took it (`acked` + response), whether it stays queued (no network), or
   * rejects when the server refused it — then it is not kept: the caller shows the error.
   */
  async enqueue(input: CommandInput, options: { wait?: boolean; waitMs?: number } = {}): Promise<{ record: OutboxRecord; settled: Promise<Settlement> }> {
    const ctx = this.options.context();
    const record: OutboxRecord = {
      ...input,
      id: (this.options.newId ?? uuidv7)(),
      ...ctx,
      createdAt: this.now(),
      state: 'pending',
      attempts: 0,
      nextAttemptAt: 0,
    };
    record.seq = await this.db.outbox.add(record);
    this.arrived = true;
    let settled: Promise<Settlement> = Promise.resolve({ status: 'queued' });
    if (options.wait && this.online && !this.blockedByAuth) {
      settled = new Promise<Settlement>((resolve, reject) => this.waiters.set(record.id, { resolve, reject }));
      // A request that hangs (Wi-Fi gone quietly) must not freeze the screen: after a while the
      // caller goes on with the local view and the send carries on in the background.
      const timer = setTimeout(() => this.settleQueued(record.id), options.waitMs ?? 4_000);
      void settled.finally(() => clearTimeout(timer)).catch(() => undefined);
    }
    await this.emitCounts();
    void this.drain();
    return { record, settled };
  }

  /** Network state from the connectivity monitor: going online starts a replay at once. */
  setOnline(online: boolean): void {
    const cameBack = online && !this.online;
    this.online = online;
    if (!online) this.releaseWaiters();
    if (cameBack) {
      this.clearTimer();
      void this.resetBackoff().then(() => this.drain());
    }
  }

  /** A new sign-in: commands held back by a 401 may go again. */
  resumeAfterSignIn(): void {
    this.blockedByAuth = false;
    void this.drain();
  }

  pending(): Promise<OutboxRecord[]> {
    return this.db.outbox.where('state').equals('pending').toArray();
  }

  /** The "needs attention" list: commands the server refused for good. */
  failed(): Promise<OutboxRecord[]> {
    return this.db.outbox.where('state').equals('failed').toArray();
  }

  /** A person decided to drop a refused command: it is gone, nothing is sent. */
  async drop(id: string): Promise<void> {
    const record = await this.db.outbox.where('id').equals(id).first();
    if (!record) return;
    await this.db.transaction('rw', [this.db.outbox, this.db.cache], async () => {
      await this.db.outbox.delete(record.seq!);
      // Later changes of an order that will now never exist are refused, not sent.
      if (record.creates?.order) await this.db.cache.put({ key: `dropped:${record.creates.order}`, value: record.id, savedAt: this.now() });
    });
    this.changedOutside = true;
    await this.emitCounts();
  }

  /** A person fixed the cause (e.g. the dish is back): try the refused command once more. */
  async retry(id: string): Promise<void> {
    await this.db.outbox.where('id').equals(id).modify({ state: 'pending', attempts: 0, busyAttempts: 0, nextAttemptAt: 0 });
    this.changedOutside = true;
    await this.emitCounts();
    void this.drain();
  }

  /** The server id for a temporary one, once its command was acknowledged. */
  async resolveId(id: string): Promise<string> {
    return (await this.db.idMap.get(id))?.serverId ?? id;
  }

  close(): void {
    this.closed = true;
    this.clearTimer();
    if (this.countsTimer) clearTimeout(this.countsTimer);
    this.releaseWaiters();
  }

  /** Sends what is due, in order. Concurrent calls share one run (and one more if asked meanwhile). */
  drain(): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.locks.request(`pos-outbox`, () => this.drainLocked());
        } while (this.again && this.online && !this.closed);
      } catch (error) {
        // IndexedDB trouble (or closed under us): the records are still there; the next
        // trigger (timer, network back, new command) tries again.
        if (!this.closed) {
          console.warn('[outbox] replay interrupted', error);
          this.schedule(1_000);
        }
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  /**
   * Sends what is due. Commands of one order (or one table) go strictly one after another in
   * queue order; independent orders replay side by side (up to `concurrency`), and opening or
   * closing a table waits for everything queued before it and holds back everything after it.
   * The queue, the id map and the acknowledged versions are read once and kept in step in memory
   * for the run (every change is still written to IndexedDB before it counts).
   */
  private async drainLocked(): Promise<void> {
    const concurrency = Math.max(1, this.options.concurrency ?? 4);
    const inFlight = new Map<number, { keys: string[]; done: Promise<void> }>();
    const run: DrainRun = { queue: [], lastSeq: 0, ids: new Map(), versions: new Map() };
    // Offline (or waiting for a sign-in) nothing can go: every command queued meanwhile would
    // otherwise read the whole queue back for nothing (1,000 queued offline: ~500,000 records read).
    if (!this.online || this.blockedByAuth || this.closed) {
      await this.emitCounts();
      return;
    }
    await this.reload(run);
    run.ids = new Map((await this.db.idMap.toArray()).map((m) => [m.tempId, m.serverId]));
    let halted = false;
    try {
      for (;;) {
        if (!this.online || this.blockedByAuth || this.closed) halted = true;
        if (this.changedOutside) await this.reload(run);
        else if (this.arrived) await this.appendArrivals(run);
        let started = false;
        if (!halted && inFlight.size < concurrency) {
          const pick = this.nextEligible(run, inFlight);
          if (pick === 'backoff') halted = true;
          else if (pick) {
            started = true;
            const seq = pick.record.seq!;
            const done = this.sendOne(pick.record, run).then(
              (outcome) => {
                if (outcome === 'stop') halted = true;
              },
              () => {
                halted = true;
              },
            );
            inFlight.set(seq, { keys: pick.keys, done: done.finally(() => inFlight.delete(seq)) });
          }
        }
        if (started) continue;
        if (inFlight.size === 0) return;
        await Promise.race([...inFlight.values()].map((f) => f.done));
      }
    } finally {
      await this.emitCounts();
    }
  }

  private async reload(run: DrainRun): Promise<void> {
    this.changedOutside = false;
    this.arrived = false;
    run.queue = await this.pending();
    run.lastSeq = Math.max(run.lastSeq, run.queue.at(-1)?.seq ?? 0);
  }

  private async appendArrivals(run: DrainRun): Promise<void> {
    this.arrived = false;
    const fresh = await this.db.outbox.where('seq').above(run.lastSeq).toArray();
    for (const r of fresh) if (r.state === 'pending') run.queue.push(r);
    run.lastSeq = Math.max(run.lastSeq, fresh.at(-1)?.seq ?? 0);
  }

  /** The first pending command no earlier command (queued or in flight) must go before. */
  private nextEligible(run: DrainRun, inFlight: ReadonlyMap<number, { keys: string[] }>): { record: OutboxRecord; keys: string[] } | 'backoff' | null {
    const head = run.queue.slice(0, 64);
    const now = this.now();
    const waiting = head.find((r) => r.nextAttemptAt > now && !inFlight.has(r.seq!));
    if (waiting) {
      // Something is backing off (the network or the server is in trouble): nothing new starts.
      this.releaseWaiters();
      if (inFlight.size === 0) this.schedule(waiting.nextAttemptAt - now);
      return 'backoff';
    }
    const keysOf = (r: OutboxRecord) => {
      if (r.kind === 'openTable' || r.kind === 'closeTable') return [BARRIER];
      const keys = [r.orderId ? `order:${run.ids.get(r.orderId) ?? r.orderId}` : null, r.tableId ? `table:${r.tableId}` : null].filter((k): k is string => k !== null);
      return keys.length ? keys : [BARRIER];
    };
    const taken = new Set<string>();
    for (const f of inFlight.values()) for (const k of f.keys) taken.add(k);
    for (const record of head) {
      const keys = keysOf(record);
      if (inFlight.has(record.seq!)) continue;
      const barrier = keys.includes(BARRIER);
      const free = barrier ? taken.size === 0 : !taken.has(BARRIER) && keys.every((k) => !taken.has(k));
      if (free) return { record, keys };
      // Whatever this one touches waits for it; a barrier holds everything after it.
      if (barrier) return null;
      for (const k of keys) taken.add(k);
    }
    return null;
  }

  private async sendOne(record: OutboxRecord, run: DrainRun): Promise<'next' | 'stop'> {
    const done = () => {
      const i = run.queue.findIndex((r) => r.seq === record.seq);
      if (i >= 0) run.queue.splice(i, 1);
    };
    const ids = mentionedMappings(record, run.ids);
    const blocker = await this.unresolvedDependency(record, ids);
    if (blocker) {
      await this.fail(record, { status: 424, code: 'offline.blocked', message: blocker });
      done();
      return 'next';
    }
    const swap = (text: string) => {
      let out = text;
      for (const [temp, server] of ids) if (out.includes(temp)) out = out.split(temp).join(server);
      return out;
    };
    const path = swap(record.path);
    const body = JSON.parse(swap(JSON.stringify(record.body))) as Record<string, unknown>;
    const orderId = record.orderId ? (ids.get(record.orderId) ?? record.orderId) : undefined;
    if (orderId && typeof body.version === 'number') {
      if (!run.versions.has(orderId)) run.versions.set(orderId, (await this.db.versions.get(orderId))?.version ?? 0);
      body.version = Math.max(body.version, run.versions.get(orderId) ?? 0);
    }
    body.clientRequestId = record.id;

    let response: unknown;
    const sentAt = this.now();
    try {
      response = await this.options.send({ method: record.method, path, body, idempotencyKey: record.id, staffId: record.staffId });
    } catch (raw) {
      const error = toSendError(raw);
      const kind = classify(error);
      if (kind === 'permanent') {
        await this.fail(record, error, raw);
        done();
        return 'next';
      }
      if (kind === 'auth') {
        this.blockedByAuth = true;
        this.releaseWaiters();
        return 'stop';
      }
      const attempts = record.attempts + 1;
      const busyAttempts = (record.busyAttempts ?? 0) + (kind === 'busy' ? 1 : 0);
      if (kind === 'busy' && busyAttempts >= (this.options.maxBusyAttempts ?? 8)) {
        await this.fail(record, error, raw);
        done();
        return 'next';
      }
      const retry = { attempts, busyAttempts, nextAttemptAt: this.now() + backoffDelay(attempts, this.options.backoff ?? DEFAULT_BACKOFF, this.options.random), error, lastAttemptAt: sentAt };
      await this.db.outbox.update(record.seq!, retry);
      Object.assign(record, retry);
      // The queue is stalled: whoever waits carries on with the local view.
      this.releaseWaiters();
      this.events.emit('retrying', { record: { ...record }, error });
      this.schedule(retry.nextAttemptAt - this.now());
      return 'stop';
    }
    await this.acknowledge(record, response, run);
    done();
    return 'next';
  }

  /** A command on a temporary order whose creating command was refused or dropped cannot go. */
  private async unresolvedDependency(record: OutboxRecord, ids: Map<string, string>): Promise<string | null> {
    const temp = record.orderId;
    if (!temp || ids.has(temp) || record.creates?.order === temp) return null;
    const creator = await this.db.outbox.filter((r) => r.creates?.order === temp).first();
    if (!creator) {
      // No creator queued and no mapping: either a server id (fine) or a creator that was dropped.
      const dropped = await this.db.cache.get(`dropped:${temp}`);
      return dropped ? 'The order this change belongs to was never created' : null;
    }
    return creator.state === 'failed' && creator.seq! < record.seq! ? 'Waits for a refused command that created its order' : null;
  }

  private async acknowledge(record: OutboxRecord, response: unknown, run: DrainRun): Promise<void> {
    const order = confirmedOrder(record, response);
    await this.db.transaction('rw', [this.db.outbox, this.db.idMap, this.db.versions, this.db.orders], async () => {
      await this.db.outbox.delete(record.seq!);
      if (order) {
        if (record.creates?.order) await this.db.idMap.put({ tempId: record.creates.order, serverId: order.id, kind: 'order' });
        const tempLines = record.creates?.lines ?? [];
        if (tempLines.length) {
          const fresh = order.lines.slice(-tempLines.length);
          await this.db.idMap.bulkPut(tempLines.map((tempId, i) => ({ tempId, serverId: fresh[i]?.id ?? tempId, kind: 'line' as const })));
        }
        const known = await this.db.versions.get(order.id);
        if (!known || known.version <= order.version) {
          await this.db.versions.put({ orderId: order.id, version: order.version });
          await this.db.orders.put({ id: order.id, tableId: order.tableId, status: order.status, order, savedAt: this.now() });
        }
      }
    });
    if (order) {
      if (record.creates?.order) run.ids.set(record.creates.order, order.id);
      const tempLines = record.creates?.lines ?? [];
      const fresh = order.lines.slice(-tempLines.length);
      tempLines.forEach((tempId, i) => run.ids.set(tempId, fresh[i]?.id ?? tempId));
      run.versions.set(order.id, Math.max(run.versions.get(order.id) ?? 0, order.version));
    }
    const waiter = this.waiters.get(record.id);
    this.waiters.delete(record.id);
    waiter?.resolve({ status: 'acked', response });
    this.events.emit('acked', { record, response, order });
    this.countsSoon();
  }

  private async fail(record: OutboxRecord, error: SendError, raw?: unknown): Promise<void> {
    const waiter = this.waiters.get(record.id);
    this.waiters.delete(record.id);
    if (waiter) {
      // Someone is looking at the screen and gets the error there; nothing is kept.
      await this.db.outbox.delete(record.seq!);
      if (record.creates?.order) await this.db.cache.put({ key: `dropped:${record.creates.order}`, value: record.id, savedAt: this.now() });
      waiter.reject(raw ?? error);
      this.countsSoon();
      return;
    }
    const failed: OutboxRecord = { ...record, state: 'failed', error };
    await this.db.outbox.update(record.seq!, { state: 'failed', error });
    this.events.emit('failed', { record: failed });
    this.countsSoon();
  }

  /** After the network returned, nobody should sit out a long backoff from before. */
  private async resetBackoff(): Promise<void> {
    await this.db.outbox.filter((r) => r.state === 'pending' && r.nextAttemptAt > 0).modify({ nextAttemptAt: 0 });
  }

  private settleQueued(id: string): void {
    const waiter = this.waiters.get(id);
    this.waiters.delete(id);
    waiter?.resolve({ status: 'queued' });
  }

  private releaseWaiters(): void {
    for (const [id] of this.waiters) this.settleQueued(id);
  }

  private schedule(ms: number): void {
    this.clearTimer();
    if (this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.drain();
    }, Math.max(0, ms));
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Counts for the header at most every 100 ms while a replay runs (and once at its end). */
  private countsSoon(): void {
    if (this.countsTimer) return;
    this.countsTimer = setTimeout(() => {
      this.countsTimer = null;
      void this.emitCounts();
    }, 100);
  }

  /** Announces the current counts (e.g. once at start-up, for the header). */
  async emitCounts(): Promise<void> {
    if (this.closed) return;
    const [all, failed] = await Promise.all([this.db.outbox.count(), this.db.outbox.where('state').equals('failed').count()]);
    this.events.emit('changed', { pending: all - failed, failed });
  }
}

const BARRIER = '*';

interface DrainRun {
  /** Pending records in queue order. */
  queue: OutboxRecord[];
  lastSeq: number;
  /** Temporary id → server id. */
  ids: Map<string, string>;
  /** Order id → last acknowledged version. */
  versions: Map<string, number>;
}

/** Server ids for the temporary ids a command mentions in its path, body or order. */
function mentionedMappings(record: OutboxRecord, ids: ReadonlyMap<string, string>): Map<string, string> {
  const found = new Map<string, string>();
  const check = (token: string) => {
    const server = ids.get(token);
    if (server) found.set(token, server);
  };
  if (record.orderId) check(record.orderId);
  for (const part of record.path.split('/')) check(part);
  for (const m of JSON.stringify(record.body).matchAll(/"([^"\\]{1,200})"/g)) check(m[1]);
  return found;
}

/** The order a command's response confirms (orders come back bare or inside `{ order }`). */
export function confirmedOrder(record: Pick<OutboxRecord, 'kind'>, response: unknown): Order | null {
  if (!response || typeof response !== 'object') return null;
  switch (record.kind) {
    case 'createOrder':
    case 'addItems':
    case 'updateLine':
    case 'voidLine':
    case 'updateOrder':
      return response as Order;
    case 'sendOrder':
    case 'pay':
      return (response as { order?: Order }).order ?? null;
    default:
      return null;
  }
}
