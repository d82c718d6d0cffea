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

const sumOf = (rows: readonly DashboardLedgerRow[], kind: string) => rows.reduce((s, r) => (r.kind === kind ? s + r.amount : s), 0);

/** Rounded to the minor unit; nothing to divide by is 0, not NaN. */
export const average = (total: number, count: number) => (count === 0 ? 0 : Math.round(total / count));

/**
 * Money figures straight from the ledger rows (sale, tip, refund per settlement method), the same
 * rows and the same sums the shift close reads, so the two reconcile to the minor unit.
 */
export function ledgerFigures(rows: readonly DashboardLedgerRow[], timeZone: string): LedgerFigures {
  const byMethod = Object.fromEntries(
    PAYMENT_METHODS.map((m): [PaymentMethod, DashboardMethod] => {
      const own = rows.filter((r) => r.method === m);
      const sales = sumOf(own, 'sale');
      const refunds = sumOf(own, 'refund');
      return [m, { sales, tips: sumOf(own, 'tip'), refunds, net: sales - refunds }];
    }),
  ) as Record<PaymentMethod, DashboardMethod>;
  // A paid order's promotions book one `discount` row (issue 19): gross is at list price, so
  // gross − discounts is what was sold for, and net stays the money taken less refunds.
  const discounts = sumOf(rows, 'discount');
  const gross = sumOf(rows, 'sale') + discounts;
  const refunds = sumOf(rows, 'refund');
  const net = gross - discounts - refunds;

  const hours = new Map<string, Dashboard['byHour'][number]>();
  const tipsByWaiter = new Map<string, number>();
  const paid = new Set<string>();
  const zoned = zonedHourOf(timeZone);
  for (const r of rows) {
    if (r.kind === 'sale' && r.order_id) paid.add(r.order_id);
    if (r.kind === 'tip' && r.waiter_id) tipsByWaiter.set(r.waiter_id, (tipsByWaiter.get(r.waiter_id) ?? 0) + r.amount);
    // The hours show money: tips apart, a discount is no money at all.
    if (r.kind === 'tip' || r.kind === 'discount') continue;
    const { date, hour } = zoned(r.created_at);
    const key = `${date}T${hour}`;
    const bucket = hours.get(key) ?? { date, hour, gross: 0, refunds: 0, net: 0 };
    if (r.kind === 'sale') bucket.gross += r.amount;
    else bucket.refunds += r.amount;
    bucket.net = bucket.gross - bucket.refunds;
    hours.set(key, bucket);
  }
  const byHour = [...hours.values()].sort((a, b) => (a.date === b.date ? a.hour - b.hour : a.date < b.date ? -1 : 1));
  return { gross, discounts, discountCount: rows.filter((r) => r.kind === 'discount').length, refunds, net, tipsTotal: sumOf(rows, 'tip'), checks: paid.size, averageCheck: average(net, paid.size), byMethod, byHour, tipsByWaiter, paidOrderIds: [...paid] };
}

export type LineRow = Pick<OrderLinesTable, 'order_id' | 'product_id' | 'name' | 'unit_price' | 'modifiers' | 'quantity' | 'voided_quantity'>;

const priced = (l: LineRow) => ({ id: '', unitPrice: l.unit_price, modifiers: parseJson<{ priceDelta: number }[]>(l.modifiers, []), quantity: l.quantity, voidedQuantity: l.voided_quantity });

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
