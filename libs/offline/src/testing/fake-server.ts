import type { Order } from '@pos/contracts';
import { aLine, anOrder } from '@pos/contracts/testing';
import type { Sender } from '../outbox';

type Fault = 'none' | 'no-connection' | 'lost-response' | 'busy' | 'in-flight';

/**
 * A small stand-in for the API's order routes with its idempotency contract: the same key
 * returns the stored answer, never a second change. Faults can be injected per request. (The
 * real server is exercised by the API suite, the bench's replay and the Playwright specs.)
 */
export function createFakeServer() {
  const orders = new Map<string, Order>();
  const answers = new Map<string, unknown>();
  const applied: string[] = [];
  const faults: Fault[] = [];
  let nextId = 1;
  const id = () => `00000000-0000-7000-8000-${String(nextId++).padStart(12, '0')}`;

  const order = (tableId: string | null): Order =>
    anOrder({
      id: id(),
      number: orders.size + 1,
      tableId,
      tableLabel: null,
      sessionId: null,
      waiterId: 'w',
      waiterName: 'W',
      guests: 1,
      version: 1,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    });

  const line = (i: { productId: string; quantity: number }) => aLine({ id: id(), productId: i.productId, name: i.productId, unitPrice: 100, quantity: i.quantity, lineTotal: 100 * i.quantity });

  const problem = (status: number, code: string) => Object.assign(new Error(code), { status, code });

  function apply(method: string, path: string, body: Record<string, unknown>): unknown {
    if (method === 'POST' && path === '/pos/orders') {
      const created = order((body.tableId as string) ?? null);
      const items = (body.items as { productId: string; quantity: number }[] | undefined) ?? [];
      orders.set(created.id, { ...created, lines: items.map(line) });
      return orders.get(created.id);
    }
    const match = /^\/pos\/orders\/([^/]+)\/(items|items\/([^/]+)\/void)$/.exec(path);
    const target = match ? orders.get(match[1]) : undefined;
    if (!match || !target) throw problem(404, 'order.not_found');
    if (match[2] === 'items') {
      const items = body.items as { productId: string; quantity: number }[];
      if (items.some((i) => i.productId === 'sold-out')) throw problem(409, 'menu.out_of_stock');
      const lines = items.map(line);
      const next = { ...target, lines: [...target.lines, ...lines], version: target.version + 1 };
      orders.set(next.id, next);
      return next;
    }
    if (body.version !== target.version) throw problem(409, 'order.version_conflict');
    const lineId = match[3];
    if (!target.lines.some((l) => l.id === lineId)) throw problem(404, 'line.not_found');
    const next = { ...target, version: target.version + 1, lines: target.lines.map((l) => (l.id === lineId ? { ...l, voidedQuantity: l.quantity } : l)) };
    orders.set(next.id, next);
    return next;
  }

  const send: Sender = async ({ method, path, body, idempotencyKey }) => {
    await Promise.resolve();
    const fault = faults.shift() ?? 'none';
    if (fault === 'no-connection') throw Object.assign(new TypeError('Failed to fetch'), { status: 0, code: 'network' });
    if (fault === 'busy') throw problem(503, 'unavailable');
    // The same key is still claimed (e.g. by a server that died mid-command, until its lease ends).
    if (fault === 'in-flight') throw problem(409, 'idempotency.in_flight');
    let answer = answers.get(idempotencyKey);
    if (answer === undefined) {
      answer = apply(method, path, body);
      answers.set(idempotencyKey, answer);
      applied.push(`${method} ${path}`);
    }
    if (fault === 'lost-response') throw Object.assign(new TypeError('Connection reset'), { status: 0, code: 'network' });
    return structuredClone(answer);
  };

  return { send, orders, applied, faults, inject: (...f: Fault[]) => faults.push(...f) };
}
