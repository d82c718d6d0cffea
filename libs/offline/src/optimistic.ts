import type { Order, OrderLine, Table } from '@pos/contracts';
// The zod-free entry: the offline layer is fetched with the PIN pad and must not pull zod in.
import { lineTotal, orderChecks, orderTotals, standingQuantity } from '@pos/contracts/order-math';
import type { CommandEffect, OutboxRecord } from './outbox-model';

/**
 * The local view: the last confirmed state with the queued commands folded on top, in queue
 * order. Pure functions, so the same view comes back after a reload from what IndexedDB holds.
 * Versions are left as the server gave them: a queued edit quotes the version it was based on.
 */
export function applyToOrder(order: Order | null, effect: CommandEffect, at = new Date().toISOString()): Order | null {
  if (effect.type === 'createOrder') return order ?? effect.order;
  if (!order) return null;
  switch (effect.type) {
    case 'addItems':
      return recompute({ ...order, lines: [...order.lines, ...effect.lines.filter((l) => !order.lines.some((x) => x.id === l.id))] }, at);
    case 'updateLine':
      return recompute(
        {
          ...order,
          lines: order.lines.map((l) => {
            if (l.id !== effect.lineId) return l;
            const next: OrderLine = { ...l };
            if (effect.quantity !== undefined) next.quantity = effect.quantity + l.voidedQuantity;
            if (effect.note !== undefined) next.note = effect.note || null;
            if (effect.course !== undefined) next.course = effect.course;
            if (l.firedQuantity > 0 && (next.quantity !== l.quantity || next.note !== l.note)) next.kitchenState = 'changed';
            return next;
          }),
        },
        at,
      );
    case 'voidLine':
      return recompute(
        {
          ...order,
          lines: order.lines.map((l) => {
            if (l.id !== effect.lineId) return l;
            const quantity = Math.min(effect.quantity ?? standingQuantity(l), standingQuantity(l));
            const fired = l.firedQuantity > 0;
            return { ...l, voidedQuantity: l.voidedQuantity + quantity, voidReason: effect.reason ?? l.voidReason, kitchenState: fired ? 'changed' : l.kitchenState };
          }),
        },
        at,
      );
    case 'updateOrder':
      return recompute(
        {
          ...order,
          ...(effect.note !== undefined ? { note: effect.note || null } : {}),
          ...(effect.guests !== undefined ? { guests: effect.guests } : {}),
          ...(effect.heldCourses !== undefined ? { heldCourses: effect.heldCourses } : {}),
        },
        at,
      );
    case 'sendOrder': {
      const fires = (course: number) => (effect.courses ? effect.courses.includes(course) : !order.heldCourses.includes(course));
      return recompute(
        {
          ...order,
          heldCourses: effect.courses ? order.heldCourses.filter((c) => !effect.courses!.includes(c)) : order.heldCourses,
          lines: order.lines.map((l) =>
            fires(l.course) && l.kitchenState !== 'fired' ? { ...l, firedQuantity: standingQuantity(l), kitchenState: 'fired' } : l,
          ),
        },
        at,
      );
    }
    case 'pay': {
      const amount = effect.tenders.reduce((s, t) => s + t.amount, 0);
      const tips = effect.tenders.reduce((s, t) => s + (t.tip ?? 0), 0);
      const payments = paymentsOf(order);
      payments.push({ checkIndex: effect.checkIndex ?? null, amount });
      return recompute({ ...order, tips: order.tips + tips }, at, payments);
    }
    default:
      return order;
  }
}

/** Payments as the checks show them (the order does not carry the payment rows themselves). */
function paymentsOf(order: Order): { checkIndex: number | null; amount: number }[] {
  if (!order.split) return order.paid > 0 ? [{ checkIndex: null, amount: order.paid }] : [];
  return order.checks.filter((c) => c.paid > 0).map((c) => ({ checkIndex: c.index, amount: c.paid }));
}

/**
 * The promotions the server applied, kept while offline for the lines that still stand (a line
 * voided here gives its saving up; no line ever saves more than it costs). Rules that would start
 * to apply are the server's call: it prices the order again when the queue reaches it.
 */
function standingPromotions(order: Order, lines: readonly OrderLine[]): Order['promotions'] {
  if (!order.promotions) return order.promotions;
  const byId = new Map(lines.map((l) => [l.id, l]));
  const left = new Map(lines.map((l) => [l.id, l.lineTotal]));
  return order.promotions
    .map((p) => {
      const kept = p.lines.flatMap((s) => {
        const line = byId.get(s.lineId);
        if (!line || standingQuantity(line) <= 0) return [];
        const saving = Math.min(s.saving, left.get(s.lineId) ?? 0);
        left.set(s.lineId, (left.get(s.lineId) ?? 0) - saving);
        return saving > 0 ? [{ lineId: s.lineId, saving }] : [];
      });
      return { ...p, lines: kept, saving: kept.reduce((sum, s) => sum + s.saving, 0) };
    })
    .filter((p) => p.saving > 0);
}

export function recompute(order: Order, at: string, payments = paymentsOf(order)): Order {
  const lines = order.lines.map((l) => ({ ...l, lineTotal: lineTotal(l) }));
  const promotions = standingPromotions(order, lines);
  const discount = promotions ? promotions.reduce((s, p) => s + p.saving, 0) : order.discount;
  const totals = orderTotals(lines, discount);
  const checks = orderChecks(totals.total, lines, order.split, payments);
  const paid = payments.reduce((s, p) => s + p.amount, 0);
  const due = Math.max(0, totals.total - paid);
  const settled = order.status === 'open' && lines.length > 0 && due === 0 && paid > 0;
  return { ...order, lines, ...(promotions ? { promotions } : {}), ...totals, checks, paid, due, status: settled ? 'paid' : order.status, updatedAt: at, closedAt: settled ? at : order.closedAt };
}

/** Folds every queued command of `orderId` (temporary or server id) onto its confirmed state. */
export function orderView(confirmed: Order | null, records: readonly OutboxRecord[], orderId: string | ReadonlySet<string>, snapshotAt?: number): Order | null {
  const ids = typeof orderId === 'string' ? new Set([orderId]) : orderId;
  let view = confirmed;
  for (const record of records) {
    if (!(record.orderId && ids.has(record.orderId)) && !(record.creates?.order && ids.has(record.creates.order))) continue;
    // Sent, answer lost, and the snapshot is younger than that send: if it landed, the snapshot
    // has it already — applying it again would show a phantom line (that someone might void).
    if (confirmed && snapshotAt !== undefined && record.lastAttemptAt !== undefined && snapshotAt > record.lastAttemptAt) continue;
    view = applyToOrder(view, record.effect, new Date(record.createdAt).toISOString());
  }
  return view;
}

/** The floor as the tablet knows it: tables opened, paid or closed by queued commands. */
export function tablesView(tables: readonly Table[], records: readonly OutboxRecord[], orders: ReadonlyMap<string, Order | null>): Table[] {
  const byId = new Map(tables.map((t) => [t.id, t]));
  for (const record of records) {
    const effect = record.effect;
    if (effect.type === 'openTable' || (effect.type === 'createOrder' && effect.order.tableId)) {
      const tableId = effect.type === 'openTable' ? effect.tableId : effect.order.tableId!;
      const table = byId.get(tableId);
      if (table && table.status === 'free') {
        const waiterId = effect.type === 'openTable' ? effect.waiterId : effect.order.waiterId;
        const waiterName = effect.type === 'openTable' ? effect.waiterName : effect.order.waiterName;
        const guests = effect.type === 'openTable' ? effect.guests : effect.order.guests;
        byId.set(tableId, {
          ...table,
          status: 'occupied',
          session: { id: record.id, tableId, waiterId, waiterName, guests, status: 'open', openedAt: new Date(record.createdAt).toISOString(), closedAt: null },
        });
      }
    } else if (effect.type === 'closeTable') {
      const table = byId.get(effect.tableId);
      if (table) byId.set(effect.tableId, { ...table, status: 'free', session: null, openTotal: 0, kitchen: { cooking: 0, ready: 0 } });
    }
  }
  // Open totals and "bill" (paid, not yet closed) follow the local view of the orders.
  for (const order of orders.values()) {
    if (!order?.tableId) continue;
    const table = byId.get(order.tableId);
    if (!table || table.status === 'free') continue;
    const status = order.status === 'paid' && table.status === 'occupied' ? 'bill' : table.status;
    byId.set(order.tableId, { ...table, status, openTotal: order.status === 'open' ? order.total : table.openTotal });
  }
  return tables.map((t) => byId.get(t.id)!);
}
