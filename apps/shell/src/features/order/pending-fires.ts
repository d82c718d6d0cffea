import type { Order } from '@pos/contracts';
import { applyToOrder, type OutboxRecord } from '@pos/offline';
import { useEffect, useState } from 'react';
import { useServices } from '../../core/services-context';

const NONE: ReadonlySet<string> = new Set();

/**
 * Lines a queued fire (a `sendOrder` still in the outbox, not acknowledged by the server) is about
 * to send to the kitchen. The local view already counts them as fired; until the server has the
 * command, the kitchen does not have them. Folds the queued commands of the order onto its last
 * confirmed state, as the local view does, and notes what each queued fire changes.
 */
export function linesAwaitingFire(confirmed: Order | null, records: readonly OutboxRecord[], orderIds: ReadonlySet<string>, snapshotAt?: number): ReadonlySet<string> {
  const mine = records.filter((r) => (r.orderId && orderIds.has(r.orderId)) || (r.creates?.order && orderIds.has(r.creates.order)));
  if (!mine.some((r) => r.effect.type === 'sendOrder')) return NONE;
  const waiting = new Set<string>();
  let view = confirmed;
  for (const record of mine) {
    // Sent without an answer before the snapshot was taken: the snapshot has it if it landed.
    if (confirmed && snapshotAt !== undefined && record.lastAttemptAt !== undefined && snapshotAt > record.lastAttemptAt) continue;
    const next = applyToOrder(view, record.effect, new Date(record.createdAt).toISOString());
    if (record.effect.type === 'sendOrder' && view && next) {
      const before = new Map(view.lines.map((l) => [l.id, l]));
      for (const line of next.lines) {
        const was = before.get(line.id);
        if (was && (was.kitchenState !== line.kitchenState || was.firedQuantity !== line.firedQuantity)) waiting.add(line.id);
      }
    }
    view = next;
  }
  return waiting;
}

/** The part of the shell's offline layer the order screen reads the queue from. */
export interface OutboxSource {
  outbox: {
    pending(): Promise<OutboxRecord[]>;
    resolveId(id: string): Promise<string>;
    events: { on(type: 'changed', handler: () => void): void; off(type: 'changed', handler: () => void): void };
  };
  db: { orders: { get(id: string): Promise<{ order: Order; savedAt: number } | undefined> } };
}

/** Reads the queue and the order's last confirmed state, and tells which lines wait to be fired. */
export async function readLinesAwaitingFire(source: OutboxSource, orderId: string): Promise<ReadonlySet<string>> {
  const records = await source.outbox.pending();
  if (!records.some((r) => r.effect.type === 'sendOrder')) return NONE;
  const serverId = await source.outbox.resolveId(orderId);
  const resolved = await Promise.all(records.map(async (r) => (r.orderId ? { ...r, orderId: await source.outbox.resolveId(r.orderId) } : r)));
  const cached = await source.db.orders.get(serverId);
  return linesAwaitingFire(cached?.order ?? null, resolved, new Set([orderId, serverId]), cached?.savedAt);
}

/**
 * Line ids of the order whose fire is still in the outbox, following the queue live (a fire
 * queued offline, then acknowledged when the network is back). Empty without an offline layer.
 */
export function useLinesAwaitingFire(order: Order): ReadonlySet<string> {
  const { offline } = useServices() as { offline?: Promise<OutboxSource> };
  const [waiting, setWaiting] = useState<ReadonlySet<string>>(NONE);
  const orderId = order.id;
  useEffect(() => {
    if (!offline) return undefined;
    let isActive = true;
    let source: OutboxSource | null = null;
    let run = 0;
    const refresh = () => {
      if (!source) return;
      const mine = ++run;
      readLinesAwaitingFire(source, orderId).then(
        (next) => {
          // Only the newest read counts, and an unchanged set keeps its identity (no re-render).
          if (isActive && mine === run) setWaiting((prev) => (sameSet(prev, next) ? prev : next));
        },
        (error) => console.warn('[order] could not read the outbox', error),
      );
    };
    void offline.then((o) => {
      if (!isActive) return;
      source = o;
      o.outbox.events.on('changed', refresh);
      refresh();
    });
    return () => {
      isActive = false;
      source?.outbox.events.off('changed', refresh);
    };
    // The order itself changes when a queued command lands in the local view: read again.
  }, [offline, orderId, order]);
  return waiting;
}

const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>) => a.size === b.size && [...a].every((x) => b.has(x));
