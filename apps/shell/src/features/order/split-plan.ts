import { type Check, type Order, orderChecks, type Split } from '@pos/contracts';

/** Split by lines as the waiter builds it: for each check, portions per line id. */
export type LinePlan = readonly Readonly<Record<string, number>>[];

type PlanLine = Pick<Order['lines'][number], 'id' | 'quantity' | 'voidedQuantity'>;

/** Portions of a line still on no check (they end up on the remainder check). */
export function unassigned(plan: LinePlan, line: PlanLine): number {
  return line.quantity - line.voidedQuantity - plan.reduce((s, check) => s + (check[line.id] ?? 0), 0);
}

/** Moves one portion (delta ±1) of a line onto or off a check, within what is left to share. */
export function assignPortion(plan: LinePlan, checkIndex: number, line: PlanLine, delta: number): LinePlan {
  const current = plan[checkIndex]?.[line.id] ?? 0;
  const next = Math.max(0, Math.min(current + delta, current + unassigned(plan, line)));
  if (next === current) return plan;
  return plan.map((check, i) => {
    if (i !== checkIndex) return check;
    const copy = { ...check };
    if (next === 0) delete copy[line.id];
    else copy[line.id] = next;
    return copy;
  });
}

/** The plan the order already has, so the dialog opens on the current split. */
export function planFromSplit(split: Split | null, checks = 2): LinePlan {
  if (split?.mode !== 'lines') return Array.from({ length: checks }, () => ({}));
  return split.checks.map((check) => Object.fromEntries(check.map((a) => [a.lineId, a.quantity])));
}

/** The split to send: empty checks dropped; null when no check got anything. */
export function planToSplit(plan: LinePlan): Split | null {
  const checks = plan
    .map((check) => Object.entries(check).filter(([, q]) => q > 0).map(([lineId, quantity]) => ({ lineId, quantity })))
    .filter((check) => check.length > 0);
  return checks.length ? { mode: 'lines', checks } : null;
}

/** The checks as the server will compute them (shared arithmetic from contracts). */
export function previewChecks(order: Pick<Order, 'total' | 'lines'>, split: Split | null): Check[] {
  return orderChecks(order.total, order.lines, split, []);
}
