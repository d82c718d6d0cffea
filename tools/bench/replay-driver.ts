// Bundled by tools/bench/replay.mjs with esbuild: the tablet's real outbox (libs/offline) in
// Node, on fake-indexeddb, replaying against the real API over HTTP.
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { type CommandInput, OfflineDb, Outbox } from '../../libs/offline/src/index';

interface ReplayOptions {
  baseUrl: string;
  token: string;
  productIds: string[];
  orders: number;
  itemsPerOrder: number;
  /** Every n-th response is thrown away after the server committed (0: none). */
  loseEvery: number;
}

export async function replayBench(o: ReplayOptions) {
  let sent = 0;
  let serverMs = 0;
  const errors: Record<string, number> = {};
  let lost = 0;
  const db = new OfflineDb(`bench-${Date.now()}`);
  const outbox = new Outbox({
    db,
    context: () => ({ venueId: 'bench', staffId: 'bench', deviceId: 'bench-tablet' }),
    backoff: { baseMs: 20, maxMs: 200 },
    concurrency: Number(process.env.BENCH_REPLAY_CONCURRENCY ?? 4),
    send: async ({ method, path, body, idempotencyKey }) => {
      let res: Response;
      const t0 = performance.now();
      try {
        res = await fetch(`${o.baseUrl}${path}`, {
          method,
          headers: { authorization: `Bearer ${o.token}`, 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
          body: JSON.stringify(body),
        });
      } catch (error) {
        throw Object.assign(new Error(String(error)), { status: 0, code: 'network' });
      }
      const data = await res.json();
      serverMs += performance.now() - t0;
      sent++;
      if (!res.ok) errors[`${res.status} ${data.code}`] = (errors[`${res.status} ${data.code}`] ?? 0) + 1;
      if (!res.ok) throw Object.assign(new Error(data.title ?? 'failed'), { status: res.status, code: data.code ?? 'http' });
      if (o.loseEvery > 0 && sent % o.loseEvery === 0) {
        lost++;
        throw Object.assign(new Error('response lost'), { status: 0, code: 'network' });
      }
      return data;
    },
  });

  // Offline: queue everything first, chained on temporary ids like a tablet without Wi-Fi.
  outbox.setOnline(false);
  const tempIds: string[] = [];
  let commands = 0;
  for (let i = 0; i < o.orders; i++) {
    const temp = `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`;
    tempIds.push(temp);
    const create: CommandInput = { kind: 'createOrder', method: 'POST', path: '/pos/orders', body: { guests: 2 }, orderId: temp, creates: { order: temp }, effect: { type: 'createOrder', order: { id: temp } as never } };
    await outbox.enqueue(create);
    commands++;
    for (let j = 0; j < o.itemsPerOrder; j++) {
      const productId = o.productIds[(i + j) % o.productIds.length];
      await outbox.enqueue({ kind: 'addItems', method: 'POST', path: `/pos/orders/${temp}/items`, body: { items: [{ productId, quantity: 1 }] }, orderId: temp, creates: { lines: [`${temp}-${j}`] }, effect: { type: 'addItems', lines: [] } });
      commands++;
    }
    await outbox.enqueue({ kind: 'sendOrder', method: 'POST', path: `/pos/orders/${temp}/send`, body: {}, orderId: temp, effect: { type: 'sendOrder' } });
    commands++;
  }

  const openOrders = async () => {
    const res = await fetch(`${o.baseUrl}/pos/orders?status=open`, { headers: { authorization: `Bearer ${o.token}` } });
    return ((await res.json()) as unknown[]).length;
  };
  const openBefore = await openOrders();
  const started = performance.now();
  outbox.setOnline(true);
  for (;;) {
    await outbox.drain();
    if ((await outbox.pending()).length === 0) break;
    await new Promise((r) => setTimeout(r, 5));
  }
  const drainMs = Math.round(performance.now() - started);
  const failed = await outbox.failed();

  // Count what the server holds for each order the tablet made.
  let losses = 0;
  let duplicates = 0;
  const serverIds = new Set<string>();
  for (const temp of tempIds) {
    const id = await outbox.resolveId(temp);
    if (id === temp) {
      losses += 1 + o.itemsPerOrder;
      continue;
    }
    serverIds.add(id);
    const res = await fetch(`${o.baseUrl}/pos/orders/${id}`, { headers: { authorization: `Bearer ${o.token}` } });
    const order = (await res.json()) as { lines: { firedQuantity: number }[] };
    const diff = order.lines.length - o.itemsPerOrder;
    if (diff > 0) duplicates += diff;
    else losses += -diff;
    losses += order.lines.filter((l) => l.firedQuantity !== 1).length;
  }
  // A createOrder applied twice would leave an order no temporary id maps to.
  duplicates += Math.max(0, (await openOrders()) - openBefore - serverIds.size);
  outbox.close();
  db.close();
  return { commands, drainMs, httpMs: Math.round(serverMs), errors, commandsPerSecond: Math.round((commands / drainMs) * 1000), requestsSent: sent, responsesLost: lost, ordersOnServer: serverIds.size, duplicates, losses, failed: failed.length };
}
