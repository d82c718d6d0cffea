import { anOrder } from '@pos/contracts/testing';
import { backoffDelay } from './backoff';
import { OfflineDb } from './db';
import { inProcessLocks } from './locks';
import { Outbox, type Sender } from './outbox';
import type { CommandInput } from './outbox-model';
import { createFakeServer } from './testing/fake-server';

let dbCount = 0;
const ctx = () => ({ venueId: 'v', staffId: 's', deviceId: 'd' });
const noJitter = () => 0.5;

const opened: { db: OfflineDb; outbox: Outbox }[] = [];
afterEach(() => {
  for (const { db, outbox } of opened.splice(0)) {
    outbox.close();
    db.close();
  }
});

function makeOutbox(send: Sender, name = `t-${++dbCount}`, extra: Partial<ConstructorParameters<typeof Outbox>[0]> = {}) {
  const db = new OfflineDb(name);
  const outbox = new Outbox({ db, send, context: ctx, locks: inProcessLocks, backoff: { baseMs: 1, maxMs: 4 }, random: noJitter, ...extra });
  opened.push({ db, outbox });
  return { db, outbox };
}

const createOrder = (temp: string, lines: string[] = []): CommandInput => ({
  kind: 'createOrder',
  method: 'POST',
  path: '/pos/orders',
  body: { tableId: 'table-1', items: lines.map((l) => ({ productId: l, quantity: 1 })) },
  orderId: temp,
  creates: { order: temp, lines: lines.map((l) => `${temp}-${l}`) },
  effect: { type: 'createOrder', order: anOrder({ id: temp }) },
});
const addItems = (orderId: string, productId: string, tempLine: string): CommandInput => ({
  kind: 'addItems',
  method: 'POST',
  path: `/pos/orders/${orderId}/items`,
  body: { items: [{ productId, quantity: 1 }] },
  orderId,
  creates: { lines: [tempLine] },
  effect: { type: 'addItems', lines: [] },
});
const voidLine = (orderId: string, lineId: string, version: number): CommandInput => ({
  kind: 'voidLine',
  method: 'POST',
  path: `/pos/orders/${orderId}/items/${lineId}/void`,
  body: { version },
  orderId,
  effect: { type: 'voidLine', lineId },
});

const settle = async (outbox: Outbox) => {
  for (let i = 0; i < 200; i++) {
    await outbox.drain();
    if ((await outbox.pending()).length === 0) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('outbox did not drain');
};

describe('Outbox', () => {
  it('replays queued commands in order, mapping temporary ids to the server ids', async () => {
    const server = createFakeServer();
    const { outbox, db } = makeOutbox(server.send);
    outbox.setOnline(false);
    await outbox.enqueue(createOrder('tmp-order', ['soup']));
    await outbox.enqueue(addItems('tmp-order', 'steak', 'tmp-steak'));
    await outbox.enqueue(voidLine('tmp-order', 'tmp-steak', 0));
    expect(server.applied).toEqual([]);
    expect(await outbox.pending()).toHaveLength(3);

    outbox.setOnline(true);
    await settle(outbox);

    const serverOrderId = await outbox.resolveId('tmp-order');
    expect(serverOrderId).not.toBe('tmp-order');
    expect(server.applied).toEqual([
      'POST /pos/orders',
      `POST /pos/orders/${serverOrderId}/items`,
      `POST /pos/orders/${serverOrderId}/items/${await outbox.resolveId('tmp-steak')}/void`,
    ]);
    const order = server.orders.get(serverOrderId)!;
    expect(order.lines.map((l) => [l.productId, l.voidedQuantity])).toEqual([
      ['soup', 0],
      ['steak', 1],
    ]);
    // The void quoted the version the add produced (its own was from before the order existed).
    expect((await db.versions.get(serverOrderId))?.version).toBe(order.version);
    expect(await db.outbox.count()).toBe(0);
  });

  it('stores a command durably before anything else and replays it exactly once after a crash between write and send', async () => {
    const server = createFakeServer();
    const name = `crash-${++dbCount}`;
    const first = makeOutbox(server.send, name);
    first.outbox.setOnline(false);
    await first.outbox.enqueue(createOrder('tmp-a'));
    first.outbox.close();
    first.db.close();

    // The tablet restarts: a new page, the same IndexedDB.
    const second = makeOutbox(server.send, name);
    await settle(second.outbox);
    expect(server.applied).toEqual(['POST /pos/orders']);
    expect(server.orders.size).toBe(1);
  });

  it('a response lost after the server committed is retried with the same key and not applied twice', async () => {
    const server = createFakeServer();
    const { outbox } = makeOutbox(server.send);
    server.inject('lost-response', 'lost-response', 'no-connection');
    const retries: number[] = [];
    outbox.events.on('retrying', ({ record }) => retries.push(record.attempts));
    await outbox.enqueue(createOrder('tmp-b', ['soup']));
    await settle(outbox);
    expect(retries).toEqual([1, 2, 3]);
    expect(server.applied).toEqual(['POST /pos/orders']);
    expect(server.orders.size).toBe(1);
  });

  it('keeps a failed send pending ("dirty") with growing backoff, and a later command waits behind it', async () => {
    const server = createFakeServer();
    let clock = 1_000;
    const { outbox, db } = makeOutbox(server.send, undefined, { now: () => clock, backoff: { baseMs: 1_000, maxMs: 60_000 } });
    server.inject('no-connection', 'no-connection');
    await outbox.enqueue(createOrder('tmp-c'));
    await outbox.drain();
    let [record] = await db.outbox.toArray();
    expect(record).toMatchObject({ state: 'pending', attempts: 1, nextAttemptAt: 1_000 + 750, error: { status: 0, code: 'network' } });

    await outbox.enqueue(addItems('tmp-c', 'steak', 'tmp-steak-c'));
    clock += 750;
    await outbox.drain();
    [record] = await db.outbox.toArray();
    expect(record).toMatchObject({ attempts: 2, nextAttemptAt: clock + 1_500 });
    expect(server.applied).toEqual([]);

    clock += 1_500;
    await outbox.drain();
    expect(server.applied).toEqual(['POST /pos/orders', `POST /pos/orders/${await outbox.resolveId('tmp-c')}/items`]);
    outbox.close();
  });

  it('puts a command the server refuses for good on the attention list, with the reason, and goes on with the rest', async () => {
    const server = createFakeServer();
    const { outbox } = makeOutbox(server.send);
    const failed: string[] = [];
    outbox.events.on('failed', ({ record }) => failed.push(record.error!.code));
    outbox.setOnline(false);
    await outbox.enqueue(createOrder('tmp-d', ['soup']));
    await outbox.enqueue(addItems('tmp-d', 'sold-out', 'tmp-x'));
    await outbox.enqueue(addItems('tmp-d', 'tea', 'tmp-tea'));
    outbox.setOnline(true);
    await settle(outbox);

    expect(failed).toEqual(['menu.out_of_stock']);
    const attention = await outbox.failed();
    expect(attention).toHaveLength(1);
    expect(attention[0]).toMatchObject({ kind: 'addItems', state: 'failed', error: { status: 409, code: 'menu.out_of_stock' } });
    const order = server.orders.get(await outbox.resolveId('tmp-d'))!;
    expect(order.lines.map((l) => l.productId)).toEqual(['soup', 'tea']);

    // Nothing retries it by itself…
    await outbox.drain();
    expect(server.applied).toHaveLength(2);
    // …and a person drops it: gone, never sent.
    await outbox.drop(attention[0].id);
    expect(await outbox.failed()).toEqual([]);
  });

  it('refuses the later changes of an order whose creation was refused instead of sending them', async () => {
    const failing: Sender = async (req) => {
      if (req.path === '/pos/orders') throw Object.assign(new Error('closed'), { status: 409, code: 'table.occupied' });
      throw new Error(`must not be sent: ${req.path}`);
    };
    const { outbox } = makeOutbox(failing);
    outbox.setOnline(false);
    await outbox.enqueue(createOrder('tmp-e'));
    await outbox.enqueue(addItems('tmp-e', 'soup', 'tmp-soup'));
    outbox.setOnline(true);
    await outbox.drain();
    const attention = await outbox.failed();
    expect(attention.map((r) => [r.kind, r.error?.code])).toEqual([
      ['createOrder', 'table.occupied'],
      ['addItems', 'offline.blocked'],
    ]);
  });

  it('gives up on a server that keeps failing after a bounded number of tries', async () => {
    const server = createFakeServer();
    const { outbox } = makeOutbox(server.send, undefined, { maxBusyAttempts: 3 });
    server.inject('busy', 'busy', 'busy');
    await outbox.enqueue(createOrder('tmp-f'));
    await settle(outbox);
    expect((await outbox.failed())[0]).toMatchObject({ attempts: 2, error: { status: 503 } });
    expect(server.applied).toEqual([]);
  });

  it('counts only busy answers towards giving up: fifty lost connections and then one 503 still deliver the command', async () => {
    const server = createFakeServer();
    const { outbox } = makeOutbox(server.send, undefined, { maxBusyAttempts: 3 });
    server.inject(...Array<'no-connection'>(50).fill('no-connection'), 'busy');
    await outbox.enqueue(createOrder('tmp-net'));
    await settle(outbox);
    expect(await outbox.failed()).toEqual([]);
    expect(server.applied).toEqual(['POST /pos/orders']);
  });

  it('waits out a claim still in flight (a server that died mid-command) however many answers it takes, without asking a person', async () => {
    const server = createFakeServer();
    const { outbox } = makeOutbox(server.send, undefined, { maxBusyAttempts: 2 });
    server.inject('in-flight', 'in-flight', 'in-flight', 'in-flight', 'in-flight');
    await outbox.enqueue(createOrder('tmp-claim'));
    await settle(outbox);
    expect(await outbox.failed()).toEqual([]);
    expect(server.applied).toEqual(['POST /pos/orders']);
  });

  it('tells a waiting caller the server answer, "queued" when offline, and rejects a refusal without keeping it', async () => {
    const server = createFakeServer();
    const { outbox, db } = makeOutbox(server.send);
    const acked = await (await outbox.enqueue(createOrder('tmp-g'), { wait: true })).settled;
    expect(acked).toMatchObject({ status: 'acked', response: { id: await outbox.resolveId('tmp-g') } });

    server.inject('no-connection');
    const queued = await (await outbox.enqueue(addItems('tmp-g', 'soup', 'tmp-s1'), { wait: true })).settled;
    expect(queued).toEqual({ status: 'queued' });
    await settle(outbox);

    const refused = (await outbox.enqueue(addItems('tmp-g', 'sold-out', 'tmp-s2'), { wait: true })).settled;
    await expect(refused).rejects.toMatchObject({ status: 409, code: 'menu.out_of_stock' });
    expect(await db.outbox.count()).toBe(0);
  });

  it('queueing offline does not read the queue back: the replay reads it once when the network returns', async () => {
    const server = createFakeServer();
    const { outbox } = makeOutbox(server.send);
    outbox.setOnline(false);
    const reads = jest.spyOn(outbox, 'pending');
    for (let i = 0; i < 30; i++) await outbox.enqueue(createOrder(`temp-${i}`, ['p1']));
    // Each enqueue still starts a replay; offline it stops before reading the queue.
    expect(reads).not.toHaveBeenCalled();
    outbox.setOnline(true);
    await settle(outbox);
    expect(server.orders.size).toBe(30);
    expect(await outbox.pending()).toEqual([]);
    reads.mockRestore();
  });

  it('two tabs draining the same outbox send every command once', async () => {
    const server = createFakeServer();
    const name = `tabs-${++dbCount}`;
    const tabA = makeOutbox(server.send, name);
    const tabB = makeOutbox(server.send, name);
    tabA.outbox.setOnline(false);
    tabB.outbox.setOnline(false);
    for (let i = 0; i < 20; i++) await tabA.outbox.enqueue(createOrder(`tmp-${i}`));
    tabA.outbox.setOnline(true);
    tabB.outbox.setOnline(true);
    await Promise.all([tabA.outbox.drain(), tabB.outbox.drain(), tabA.outbox.drain(), tabB.outbox.drain()]);
    await settle(tabA.outbox);
    expect(server.applied).toHaveLength(20);
    expect(server.orders.size).toBe(20);
  });
});

describe('Outbox replay of independent orders', () => {
  it('runs different orders side by side, each order strictly in queue order, table commands alone', async () => {
    const server = createFakeServer();
    const log: string[] = [];
    let running = 0;
    let maxRunning = 0;
    let tableCommandSawOthers = false;
    const send: Sender = async (req) => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      if (req.path.includes('/close') && running > 1) tableCommandSawOthers = true;
      log.push(`start ${req.path}`);
      await new Promise((r) => setTimeout(r, 5));
      try {
        if (req.path.includes('/close')) return { id: 'table', status: 'free' };
        return await server.send(req);
      } finally {
        running--;
        log.push(`end ${req.path}`);
      }
    };
    const { outbox } = makeOutbox(send, undefined, { concurrency: 4 });
    outbox.setOnline(false);
    for (let i = 0; i < 6; i++) {
      await outbox.enqueue(createOrder(`tmp-o${i}`));
      await outbox.enqueue(addItems(`tmp-o${i}`, 'soup', `tmp-o${i}-soup`));
      await outbox.enqueue(addItems(`tmp-o${i}`, 'tea', `tmp-o${i}-tea`));
    }
    await outbox.enqueue({ kind: 'closeTable', method: 'POST', path: '/pos/tables/t1/close', body: {}, tableId: 't1', effect: { type: 'closeTable', tableId: 't1' } });
    await outbox.enqueue(createOrder('tmp-after'));
    outbox.setOnline(true);
    await settle(outbox);

    expect(maxRunning).toBeGreaterThan(1);
    expect(maxRunning).toBeLessThanOrEqual(4);
    expect(tableCommandSawOthers).toBe(false);
    for (let i = 0; i < 6; i++) {
      const order = server.orders.get(await outbox.resolveId(`tmp-o${i}`))!;
      expect(order.lines.map((l) => l.productId)).toEqual(['soup', 'tea']);
    }
    // The order queued after the close only started once the close had ended.
    const closeEnd = log.indexOf('end /pos/tables/t1/close');
    expect(log.findIndex((l, i) => i > closeEnd && l === 'start /pos/orders')).toBeGreaterThan(closeEnd);
    expect(log.slice(0, closeEnd).filter((l) => l === 'start /pos/orders')).toHaveLength(6);
  });
});

describe('backoffDelay', () => {
  it('doubles up to the cap, with the jitter within the upper half', () => {
    const opts = { baseMs: 500, maxMs: 30_000 };
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, opts, () => 0))).toEqual([250, 500, 1_000, 2_000]);
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, opts, () => 1))).toEqual([500, 1_000, 2_000, 4_000]);
    expect(backoffDelay(30, opts, () => 1)).toBe(30_000);
    expect(backoffDelay(30, opts, () => 0)).toBe(15_000);
  });
});
