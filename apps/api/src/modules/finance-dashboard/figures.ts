import { type Dashboard, type DashboardMethod, lineTotal, PAYMENT_METHODS, type PaymentMethod, unitTotal, zonedHourOf } from '@pos/contracts';
import type { OrderLinesTable } from '../../db/schema';
import { parseJson } from '../../shared/json';
import type { DashboardLedgerRow } from './repository';

/** Ledger figures of a dashboard, without the scope fields the service adds. */
export type LedgerFigures = Omit<Dashboard, 'scope' | 'shiftId' | 'businessDate' | 'waiterId' | 'currency' | 'timeZone' | 'updatedAt' | 'topProducts' | 'voids' | 'guests' | 'averagePerGuest' | 'tips' | 'plan'> & {
  tipsTotal: number;
  /** Orders paid with a promotion's discount (one `discount` row each). */
  discountCount: number;
  tipsByWaiter: Map<string, number>;
  paidOrderIds: string[];
};

/** Rounded to the minor unit; nothing to divide by is 0, not NaN. */
export const average = (total: number, count: number) => (count === 0 ? 0 : Math.round(total / count));

/** A row's venue-local hour, worked out once per row object (the dashboard keeps its rows between requests). */
const hourOfRow = new WeakMap<DashboardLedgerRow, { timeZone: string; date: string; hour: number }>();

/**
 * Money figures straight from the ledger rows (sale, tip, refund per settlement method), the same
 * rows and the same sums the shift close reads, so the two reconcile to the minor unit. One pass:
 * the dashboard sums a day's rows again after every payment.
 */
export function ledgerFigures(rows: readonly DashboardLedgerRow[], timeZone: string): LedgerFigures {
  const byMethod = Object.fromEntries(PAYMENT_METHODS.map((m): [PaymentMethod, DashboardMethod] => [m, { sales: 0, tips: 0, refunds: 0, net: 0 }])) as Record<PaymentMethod, DashboardMethod>;
  const hours = new Map<string, Dashboard['byHour'][number]>();
  const tipsByWaiter = new Map<string, number>();
  const paid = new Set<string>();
  const zoned = zonedHourOf(timeZone);
  let sales = 0;
  let discounts = 0;
  let discountCount = 0;
  let refunds = 0;
  let tipsTotal = 0;
  for (const r of rows) {
    const method = byMethod[r.method as PaymentMethod] as DashboardMethod | undefined;
    if (r.kind === 'sale') {
      sales += r.amount;
      if (method) method.sales += r.amount;
      if (r.order_id) paid.add(r.order_id);
    } else if (r.kind === 'refund') {
      refunds += r.amount;
      if (method) method.refunds += r.amount;
    } else if (r.kind === 'tip') {
      tipsTotal += r.amount;
      if (method) method.tips += r.amount;
      if (r.waiter_id) tipsByWaiter.set(r.waiter_id, (tipsByWaiter.get(r.waiter_id) ?? 0) + r.amount);
    } else if (r.kind === 'discount') {
      discounts += r.amount;
      discountCount++;
    }
    // The hours show money: tips apart, a discount is no money at all.
    if (r.kind === 'tip' || r.kind === 'discount') continue;
    let at = hourOfRow.get(r);
    if (!at || at.timeZone !== timeZone) {
      at = { timeZone, ...zoned(r.created_at) };
      hourOfRow.set(r, at);
    }
    const key = `${at.date}T${at.hour}`;
    let bucket = hours.get(key);
    if (!bucket) hours.set(key, (bucket = { date: at.date, hour: at.hour, gross: 0, refunds: 0, net: 0 }));
    if (r.kind === 'sale') bucket.gross += r.amount;
    else bucket.refunds += r.amount;
    bucket.net = bucket.gross - bucket.refunds;
  }
  for (const m of Object.values(byMethod)) m.net = m.sales - m.refunds;
  // A paid order's promotions book one `discount` row (issue 19): gross is at list price, so
  // gross − discounts is what was sold for, and net stays the money taken less refunds.
  const gross = sales + discounts;
  const net = gross - discounts - refunds;
  const byHour = [...hours.values()].sort((a, b) => (a.date === b.date ? a.hour - b.hour : a.date < b.date ? -1 : 1));
  return { gross, discounts, discountCount, refunds, net, tipsTotal, checks: paid.size, averageCheck: average(net, paid.size), byMethod, byHour, tipsByWaiter, paidOrderIds: [...paid] };
}

export type LineRow = Pick<OrderLinesTable, 'order_id' | 'product_id' | 'name' | 'unit_price' | 'modifiers' | 'quantity' | 'voided_quantity'>;

type Priced = { id: string; unitPrice: number; modifiers: { priceDelta: number }[]; quantity: number; voidedQuantity: number };
/** A line's modifiers parsed once per row object: the dashboard keeps its rows between requests and sums them again. */
const pricedRows = new WeakMap<LineRow, Priced>();
function priced(l: LineRow): Priced {
  let p = pricedRows.get(l);
  if (!p || p.quantity !== l.quantity || p.voidedQuantity !== l.voided_quantity) {
    p = { id: '', unitPrice: l.unit_price, modifiers: parseJson<{ priceDelta: number }[]>(l.modifiers, []), quantity: l.quantity, voidedQuantity: l.voided_quantity };
    pricedRows.set(l, p);
  }
  return p;
}

/** The five products with the most revenue on the paid checks (ties by name, so the list is stable). */
export function topProducts(lines: readonly LineRow[], paidOrderIds: ReadonlySet<string>): Dashboard['topProducts'] {
  const byProduct = new Map<string, Dashboard['topProducts'][number]>();
  for (const l of lines) {
    if (!paidOrderIds.has(l.order_id)) continue;
    const p = byProduct.get(l.product_id) ?? { productId: l.product_id, name: l.name, quantity: 0, revenue: 0 };
    const line = priced(l);
    p.quantity += line.quantity - line.voidedQuantity;
    p.revenue += lineTotal(line);
    byProduct.set(l.product_id, p);
  }
  return [...byProduct.values()]
    .filter((p) => p.quantity > 0)
    .sort((a, b) => b.revenue - a.revenue || a.name.localeCompare(b.name))
    .slice(0, 5);
}

/** Voided portions and what they would have cost. */
export function voids(lines: readonly LineRow[]): Dashboard['voids'] {
  return lines.reduce((v, l) => (l.voided_quantity > 0 ? { count: v.count + l.voided_quantity, amount: v.amount + unitTotal(priced(l)) * l.voided_quantity } : v), { count: 0, amount: 0 });
}
