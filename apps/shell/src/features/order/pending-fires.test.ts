import type { Order, OrderLine } from '@pos/contracts';
import { aLine, anOrder } from '@pos/contracts/testing';
import type { CommandEffect, OutboxRecord } from '@pos/offline';
import { linesAwaitingFire, type OutboxSource, readLinesAwaitingFire } from './pending-fires';

/** A line of the order, named by its id. */
const line = (id: string, over: Partial<OrderLine> = {}): OrderLine => aLine({ id, ...over });
/** Order o1 (the one the outbox records below belong to). */
const order = (lines: OrderLine[], over: Partial<Order> = {}): Order => anOrder({ id: 'o1', lines, ...over });

let seq = 0;
const record = (effect: CommandEffect, over: Partial<OutboxRecord> = {}): OutboxRecord => ({
  seq: ++seq,
  id: `r${seq}`,
  kind: effect.type === 'sendOrder' ? 'sendOrder' : 'addItems',
  method: 'POST',
  path: '/pos/orders/o1/x',
  body: {},
  orderId: 'o1',
  effect,
  venueId: 'v1',
  staffId: 'w1',
  deviceId: 'd1',
  createdAt: 1_000,
  state: 'pending',
  attempts: 0,
  nextAttemptAt: 0,
  ...over,
});

const ids = new Set(['o1']);

describe('linesAwaitingFire', () => {
  it('names the lines a queued fire sends, not the ones the kitchen had before', () => {
    const confirmed = order([line('soup', { firedQuantity: 1, kitchenState: 'fired' }), line('steak', { course: 2 }), line('wine', { course: 2 })]);
    const waiting = linesAwaitingFire(confirmed, [record({ type: 'sendOrder' })], ids);
    expect([...waiting].sort()).toEqual(['steak', 'wine']);
  });

  it('counts only the courses the queued fire names, and lines added offline before it', () => {
    const confirmed = order([line('soup'), line('steak', { course: 2 })], { heldCourses: [2] });
    const added = record({ type: 'addItems', lines: [line('tmp-wine', { course: 2 })] });
    const waiting = linesAwaitingFire(confirmed, [added, record({ type: 'sendOrder', courses: [2] })], ids);
    expect([...waiting].sort()).toEqual(['steak', 'tmp-wine']);
  });

  it('is empty when no fire is queued, or the fire belongs to another order', () => {
    const confirmed = order([line('soup')]);
    expect(linesAwaitingFire(confirmed, [record({ type: 'addItems', lines: [line('x')] })], ids).size).toBe(0);
    expect(linesAwaitingFire(confirmed, [record({ type: 'sendOrder' }, { orderId: 'o2' })], ids).size).toBe(0);
  });

  it('follows an order created offline (no confirmed state yet)', () => {
    const created = record({ type: 'createOrder', order: order([line('tmp-soup')], { id: 'tmp-o' }) }, { orderId: undefined, creates: { order: 'tmp-o' } });
    const fire = record({ type: 'sendOrder' }, { orderId: 'tmp-o' });
    expect([...linesAwaitingFire(null, [created, fire], new Set(['tmp-o']))]).toEqual(['tmp-soup']);
  });

  it('leaves out a fire sent without an answer before the snapshot was taken (the snapshot has it if it landed)', () => {
    const confirmed = order([line('soup', { firedQuantity: 1, kitchenState: 'fired' })]);
    const sent = record({ type: 'sendOrder' }, { lastAttemptAt: 5_000 });
    expect(linesAwaitingFire(confirmed, [sent], ids, 6_000).size).toBe(0);
  });
});

describe('readLinesAwaitingFire', () => {
  it('maps temporary order ids to the server one and reads the confirmed order the outbox kept', async () => {
    const source: OutboxSource = {
      outbox: {
        pending: async () => [record({ type: 'sendOrder' }, { orderId: 'tmp-o' })],
        resolveId: async (id) => (id === 'tmp-o' ? 'o1' : id),
        events: { on: () => undefined, off: () => undefined },
      },
      db: { orders: { get: async (id) => (id === 'o1' ? { order: order([line('soup')]), savedAt: 500 } : undefined) } },
    };
    expect([...(await readLinesAwaitingFire(source, 'o1'))]).toEqual(['soup']);
  });
});
