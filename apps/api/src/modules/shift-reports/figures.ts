import { lineTotal, PAYMENT_METHODS, type ShiftReportData, type Shift } from '@pos/contracts';
import { parseJson } from '../../shared/json';
import { voids } from '../finance-dashboard/figures';

type PricedRow = { unit_price: number; modifiers: string; quantity: number; voided_quantity: number };
const priced = (l: PricedRow) => ({ id: '', unitPrice: l.unit_price, modifiers: parseJson<{ priceDelta: number }[]>(l.modifiers, []), quantity: l.quantity, voidedQuantity: l.voided_quantity });

export type CategoryLine = PricedRow & { category_id: string; category_name: string; category_sort: number };

/** Line revenue and portions sold per menu category, in the menu's order. */
export function byCategory(lines: readonly CategoryLine[]): ShiftReportData['byCategory'] {
  const groups = new Map<string, ShiftReportData['byCategory'][number] & { sort: number }>();
  for (const l of lines) {
    const g = groups.get(l.category_id) ?? { categoryId: l.category_id, name: l.category_name, quantity: 0, amount: 0, sort: l.category_sort };
    g.quantity += l.quantity - l.voided_quantity;
    g.amount += lineTotal(priced(l));
    groups.set(l.category_id, g);
  }
  return [...groups.values()]
    .filter((g) => g.quantity > 0 || g.amount > 0)
    .sort((a, b) => a.sort - b.sort || a.name.localeCompare(b.name))
    .map(({ sort: _sort, ...g }) => g);
}

export type VoidLine = Parameters<typeof voids>[0][number] & { void_reason: string | null };

/** Voided portions per reason (the dashboard's `voids` rule applied to each reason's lines). */
export function voidsByReason(lines: readonly VoidLine[]): ShiftReportData['voids'] {
  const reasons = new Map<string | null, VoidLine[]>();
  for (const l of lines) {
    const own = reasons.get(l.void_reason);
    if (own) own.push(l);
    else reasons.set(l.void_reason, [l]);
  }
  const byReason = [...reasons].map(([reason, own]) => ({ reason, ...voids(own) })).sort((a, b) => b.amount - a.amount || (a.reason ?? '').localeCompare(b.reason ?? ''));
  return { ...voids(lines), byReason };
}

/** Each open check's amount so far: its standing lines. */
export function openCheckAmounts(orders: readonly { id: string; number: number; table_label: string | null }[], lines: readonly (PricedRow & { order_id: string })[]): ShiftReportData['openChecks'] {
  const amount = new Map<string, number>();
  for (const l of lines) amount.set(l.order_id, (amount.get(l.order_id) ?? 0) + lineTotal(priced(l)));
  return orders.map((o) => ({ orderId: o.id, number: o.number, table: o.table_label, amount: amount.get(o.id) ?? 0 }));
}

/**
 * Per method: sales, tips and refunds from the ledger rows (the dashboard's `ledgerFigures`),
 * expected / counted / difference as the shift close stored them — one row per method.
 */
export function byMethod(shift: Shift, ledger: Record<string, { sales: number; tips: number; refunds: number; net: number }>): ShiftReportData['byMethod'] {
  return PAYMENT_METHODS.map((method) => ({
    method,
    sales: ledger[method].sales,
    tips: ledger[method].tips,
    refunds: ledger[method].refunds,
    net: ledger[method].net,
    expected: shift.totals[method].expected,
    counted: shift.counted ? shift.counted[method] : null,
    difference: shift.difference ? shift.difference[method] : null,
  }));
}
