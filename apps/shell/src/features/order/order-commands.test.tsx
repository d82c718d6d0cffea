import { ApiError, queryKeys } from '@pos/api-client';
import type { Order, OrderLine } from '@pos/contracts';
import { aLine, anOrder } from '@pos/contracts/testing';
import { QueryClient } from '@tanstack/react-query';
import { createOrderCommands, type OrderCommandDeps } from './order-commands';

const line = (over: Partial<OrderLine> = {}): OrderLine => aLine({ id: 'l1', productId: 'p1', name: 'Борщ', ...over });

const order = (version: number, lines: OrderLine[] = [line()]): Order => anOrder({ id: 'o1', version, lines });

const conflict = () => new ApiError(409, { type: 'about:blank', title: 'Someone else changed this order', status: 409, code: 'order.version_conflict' });

/** A fake server holding one order: every edit checks and bumps the version like the real one. */
function fakeServer(initial: Order) {
  let current = initial;
  const edit = (version: number, change: (o: Order) => Order) => {
    if (version !== current.version) return Promise.reject(conflict());
    current = { ...change(current), version: current.version + 1 };
    return Promise.resolve(current);
  };
  const api = {
    order: jest.fn(async () => current),
    addItems: jest.fn(async (_id: string, items: { productId: string }[]) => {
      current = { ...current, version: current.version + 1, lines: [...current.lines, line({ id: `l${current.lines.length + 1}`, productId: items[0].productId })] };
      return current;
    }),
    updateLine: jest.fn((_id: string, lineId: string, body: { version: number; quantity?: number }) =>
      edit(body.version, (o) => ({ ...o, lines: o.lines.map((l) => (l.id === lineId && body.quantity ? { ...l, quantity: body.quantity + l.voidedQuantity } : l)) })),
    ),
    voidLine: jest.fn(),
    updateOrder: jest.fn((_id: string, body: { version: number; heldCourses?: number[]; guests?: number }) => edit(body.version, (o) => ({ ...o, ...body }))),
    splitOrder: jest.fn(),
    sendOrder: jest.fn(async () => ({ order: { ...current, version: current.version + 1 }, tickets: [{ id: 't1' }, { id: 't2' }] })),
    pay: jest.fn(),
  };
  return { api, get current() { return current; }, set current(o: Order) { current = o; } };
}

function setup(initial = order(1), extra: Partial<OrderCommandDeps> = {}) {
  const server = fakeServer(initial);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  queryClient.setQueryData(queryKeys.order('o1'), initial);
  const toasts: [string, string][] = [];
  const pendingLog: number[] = [];
  const commands = createOrderCommands('o1', {
    api: server.api as unknown as OrderCommandDeps['api'],
    queryClient,
    notify: (kind, message) => toasts.push([kind, message]),
    conflictMessage: 'changed elsewhere',
    onPendingChange: (n) => pendingLog.push(n),
    ...extra,
  });
  const cached = () => queryClient.getQueryData<Order>(queryKeys.order('o1'))!;
  return { server, queryClient, commands, toasts, pendingLog, cached };
}

describe('order commands', () => {
  it('runs quick taps one after another, each with the version the previous one produced', async () => {
    const { server, commands, cached, pendingLog } = setup();
    await Promise.all([commands.changeQuantity('l1', 1), commands.changeQuantity('l1', 1), commands.changeQuantity('l1', 1)]);
    expect(server.api.updateLine.mock.calls.map((c) => c[2])).toEqual([
      { version: 1, quantity: 2 },
      { version: 2, quantity: 3 },
      { version: 3, quantity: 4 },
    ]);
    expect(cached().version).toBe(4);
    expect(cached().lines[0].quantity).toBe(4);
    expect(pendingLog).toEqual([1, 2, 3, 2, 1, 0]);
  });

  it('keeps the cached order fresh with what the server answered', async () => {
    const { commands, cached } = setup();
    await commands.addItem({ productId: 'p9', quantity: 1, course: 2 });
    expect(cached().lines.map((l) => l.productId)).toEqual(['p1', 'p9']);
  });

  it('on a version conflict refetches the order and tells the waiter, without retrying', async () => {
    const { server, commands, cached, toasts } = setup();
    // A colleague changed the order on another tablet: the server is at version 5.
    server.current = order(5, [line({ quantity: 3 })]);
    await expect(commands.setGuests(4)).resolves.toBeUndefined();
    expect(toasts).toEqual([['warning', 'changed elsewhere']]);
    expect(cached().version).toBe(5);
    expect(cached().lines[0].quantity).toBe(3);
    expect(server.api.updateOrder).toHaveBeenCalledTimes(1);
    // The next command uses the fresh version and goes through.
    await commands.setGuests(4);
    expect(server.api.updateOrder).toHaveBeenLastCalledWith('o1', { version: 5, guests: 4 });
    expect(cached().version).toBe(6);
  });

  it('shows other errors as a toast with their readable message and goes on with the queue', async () => {
    const { server, commands, toasts } = setup();
    server.api.addItems.mockRejectedValueOnce(new ApiError(409, { type: 'x', title: 'Only 0 × Утка left', status: 409, code: 'menu.out_of_stock' }));
    const [first, second] = await Promise.all([commands.addItem({ productId: 'duck', quantity: 1 }), commands.changeQuantity('l1', 1)]);
    expect(first).toBeUndefined();
    expect(second?.version).toBe(2);
    expect(toasts).toEqual([['error', 'Only 0 × Утка left']]);
  });

  it('words a refused command in staff language when the screen gives a describer', async () => {
    const { server, commands, toasts } = setup(order(1), { describeError: (e: unknown) => `text:${(e as ApiError).code}` });
    server.api.addItems.mockRejectedValueOnce(new ApiError(409, { type: 'x', title: 'The order is closed', status: 409, code: 'order.closed' }));
    await commands.addItem({ productId: 'duck', quantity: 1 });
    expect(toasts).toEqual([['error', 'text:order.closed']]);
  });

  it('fires and resolves to the tickets, caching the order that came back', async () => {
    const { commands, cached } = setup();
    const result = await commands.fire();
    expect(result?.tickets).toHaveLength(2);
    expect(cached().version).toBe(2);
  });

  it('holds a course on top of the courses already held', async () => {
    const { server, commands } = setup(order(1));
    server.current = { ...server.current, heldCourses: [3] };
    await commands.setCourseHeld(2, true);
    expect(server.api.updateOrder).toHaveBeenLastCalledWith('o1', { version: 1, heldCourses: [2] });
  });

  it('lets the pay dialog handle payment errors itself (no toast)', async () => {
    const { server, commands, toasts } = setup();
    server.api.pay.mockRejectedValueOnce(new ApiError(409, { type: 'x', title: 'Open a cash shift before taking payments', status: 409, code: 'shift.not_open' }));
    await expect(commands.pay({ tenders: [{ method: 'card', amount: 100 }] })).rejects.toMatchObject({ code: 'shift.not_open' });
    expect(toasts).toEqual([]);
  });
});
