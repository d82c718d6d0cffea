import type { Order, OrderLine, Table } from '@pos/contracts';
import { aLine, anOrder, aTable } from '@pos/contracts/testing';
import { applyToOrder, orderView, recompute, tablesView } from './optimistic';
import type { OutboxRecord } from './outbox-model';

/** A new line of 100 ₽ named by its id; `recompute` prices it. */
const line = (id: string, over: Partial<OrderLine> = {}): OrderLine => aLine({ id, productId: `p-${id}`, name: id, unitPrice: 10000, quantity: 1, lineTotal: 0, ...over });

/** Order o1 of table 1 at version 3, priced as the local view prices it. */
const order = (lines: OrderLine[], over: Partial<Order> = {}): Order =>
  recompute(
    anOrder({
      id: 'o1',
      number: 7,
      tableId: 't1',
      tableLabel: '1',
      sessionId: 's1',
      waiterId: 'w1',
      waiterName: 'Анна',
      status: 'open',
      version: 3,
      lines,
      createdAt: '2026-11-25T10:00:00.000Z',
      updatedAt: '2026-11-25T10:00:00.000Z',
      ...over,
    }),
    '2026-11-25T10:00:00.000Z',
  );

let seq = 0;
const record = (effect: OutboxRecord['effect'], over: Partial<OutboxRecord> = {}): OutboxRecord => ({
  seq: ++seq,
  id: `r${seq}`,
  kind: effect.type,
  method: 'POST',
  path: '/x',
  body: {},
  orderId: 'o1',
  effect,
  venueId: 'v',
  staffId: 'w1',
  deviceId: 'd',
  createdAt: 1_000,
  state: 'pending',
  attempts: 0,
  nextAttemptAt: 0,
  ...over,
});

describe('the local view of an order', () => {
  it('adds, changes, voids, fires and pays the way the server would price it', () => {
    let view = order([line('soup')]);
    view = applyToOrder(view, { type: 'addItems', lines: [line('tea', { unitPrice: 5000 })] })!;
    expect(view).toMatchObject({ subtotal: 15000, total: 15000, due: 15000, version: 3 });

    view = applyToOrder(view, { type: 'updateLine', lineId: 'soup', quantity: 3 })!;
    expect(view.lines[0]).toMatchObject({ quantity: 3, lineTotal: 30000 });

    view = applyToOrder(view, { type: 'sendOrder' })!;
    expect(view.lines.map((l) => [l.kitchenState, l.firedQuantity])).toEqual([
      ['fired', 3],
      ['fired', 1],
    ]);

    view = applyToOrder(view, { type: 'voidLine', lineId: 'tea', reason: 'guest changed mind' })!;
    expect(view.lines[1]).toMatchObject({ voidedQuantity: 1, kitchenState: 'changed', voidReason: 'guest changed mind', lineTotal: 0 });
    expect(view.total).toBe(30000);

    view = applyToOrder(view, { type: 'pay', tenders: [{ method: 'cash', amount: 20000 }] })!;
    expect(view).toMatchObject({ status: 'open', paid: 20000, due: 10000 });
    view = applyToOrder(view, { type: 'pay', tenders: [{ method: 'cash', amount: 10000, tip: 1000 }] })!;
    expect(view).toMatchObject({ status: 'paid', paid: 30000, due: 0, tips: 1000 });
    // Versions stay the server's: queued edits quote the version they were based on.
    expect(view.version).toBe(3);
  });

  it('leaves held courses in the queue when firing, and fires a held course only when asked', () => {
    const held = order([line('soup'), line('steak', { course: 2 })], { heldCourses: [2] });
    const fired = applyToOrder(held, { type: 'sendOrder' })!;
    expect(fired.lines.map((l) => l.kitchenState)).toEqual(['fired', 'new']);
    const second = applyToOrder(fired, { type: 'sendOrder', courses: [2] })!;
    expect(second.lines.map((l) => l.kitchenState)).toEqual(['fired', 'fired']);
    expect(second.heldCourses).toEqual([]);
  });

  it('folds only this order’s queued commands, in queue order, onto the confirmed state', () => {
    const confirmed = order([line('soup')]);
    const records = [
      record({ type: 'addItems', lines: [line('tea')] }),
      record({ type: 'addItems', lines: [line('cake')] }, { orderId: 'other' }),
      record({ type: 'voidLine', lineId: 'tea' }),
    ];
    const view = orderView(confirmed, records, 'o1')!;
    expect(view.lines.map((l) => [l.id, l.voidedQuantity])).toEqual([
      ['soup', 0],
      ['tea', 1],
    ]);
  });

  it('does not apply a command sent without an answer again on a snapshot read after that send', () => {
    // The add reached the server, its answer was lost; the snapshot read afterwards has the line.
    const confirmed = order([line('soup'), line('server-tea')]);
    const records = [record({ type: 'addItems', lines: [line('temp-tea')] }, { attempts: 1, lastAttemptAt: 5_000 })];
    expect(orderView(confirmed, records, 'o1', 6_000)!.lines.map((l) => l.id)).toEqual(['soup', 'server-tea']);
    // A snapshot older than the send (the cache from before) still needs it.
    expect(orderView(confirmed, records, 'o1', 4_000)!.lines.map((l) => l.id)).toEqual(['soup', 'server-tea', 'temp-tea']);
  });

  it('shows an order created offline from its creating command alone', () => {
    const created = order([line('soup')], { id: 'tmp', number: 0 });
    const records = [record({ type: 'createOrder', order: created }, { orderId: 'tmp', creates: { order: 'tmp' } }), record({ type: 'addItems', lines: [line('tea')] }, { orderId: 'tmp' })];
    expect(orderView(null, records, 'tmp')!.lines.map((l) => l.id)).toEqual(['soup', 'tea']);
    expect(orderView(null, records, 'unknown')).toBeNull();
  });
});

describe('promotions in the local view', () => {
  const promoted = () =>
    order([line('soup', { unitPrice: 40000 }), line('tea', { unitPrice: 10000 })], {
      promotions: [{ ruleId: 'r1', name: '−20 %', kind: 'percent', manual: false, saving: 10000, lines: [{ lineId: 'soup', saving: 8000 }, { lineId: 'tea', saving: 2000 }] }],
    });

  it('keeps the server’s savings while the lines stand, and adds new lines at list price', () => {
    const view = applyToOrder(promoted(), { type: 'addItems', lines: [line('bread', { unitPrice: 3000 })] })!;
    expect(view).toMatchObject({ subtotal: 53000, discount: 10000, total: 43000 });
  });

  it('gives a voided line’s saving up, so the bill never drops below what still stands', () => {
    const view = applyToOrder(promoted(), { type: 'voidLine', lineId: 'soup' })!;
    expect(view).toMatchObject({ subtotal: 10000, discount: 2000, total: 8000 });
    expect(view.promotions).toEqual([expect.objectContaining({ ruleId: 'r1', saving: 2000, lines: [{ lineId: 'tea', saving: 2000 }] })]);
    const none = applyToOrder(view, { type: 'voidLine', lineId: 'tea' })!;
    expect(none).toMatchObject({ subtotal: 0, discount: 0, total: 0, promotions: [] });
  });
});

describe('the local view of the floor', () => {
  const table = (id: string, over: Partial<Table> = {}): Table => aTable({ id, hallId: 'h', label: id, x: 0, y: 0, width: 1, height: 1, status: 'free', session: null, openTotal: 0, ...over });

  it('opens tables seated offline, frees closed ones and shows paid-but-open as the bill', () => {
    const tables = [table('t1'), table('t2', { status: 'occupied' }), table('t3', { status: 'occupied' })];
    const paid = order([line('soup')], { id: 'o3', tableId: 't3', status: 'paid' });
    const records = [
      record({ type: 'openTable', tableId: 't1', guests: 3, waiterId: 'w1', waiterName: 'Анна' }, { orderId: undefined, tableId: 't1' }),
      record({ type: 'closeTable', tableId: 't2' }, { orderId: undefined, tableId: 't2' }),
    ];
    const view = tablesView(tables, records, new Map([['o3', paid]]));
    expect(view.map((t) => [t.id, t.status, t.session?.guests ?? null])).toEqual([
      ['t1', 'occupied', 3],
      ['t2', 'free', null],
      ['t3', 'bill', null],
    ]);
  });
});
