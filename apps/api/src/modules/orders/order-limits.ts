import { lineTotal, type LineModifier } from '@pos/contracts';
import { MAX_ORDER_LINES, MAX_ORDER_TOTAL, MAX_TABLE_TOTAL } from '@pos/contracts/constants';
import { unprocessable } from '../../shared/errors';

/**
 * How big an order may grow (limits in the contracts' constants). Every answer about an order —
 * the order itself, the venue's order list, the floor map's table total — must fit `MoneySchema`;
 * a change that would leave an order or its table's open bill past the limits is refused with a
 * 422 before the command writes anything, so no stored order can make those answers fail.
 */

/** What a change adds to an order: lines (fewer when a combo takes some over) and money. */
export interface OrderGrowth {
  lines: number;
  amount: number;
}

/** The order as it stands before the change, and the open bill of its table session (if any). */
export interface OrderSize {
  lineCount: number;
  subtotal: number;
  tableOpenTotal: number | null;
}

/** What new lines cost: each priced item at its quantity, with its modifiers. */
export const newLinesAmount = (lines: readonly { unitPrice: number; modifiers: readonly Pick<LineModifier, 'priceDelta'>[]; quantity: number }[]): number =>
  lines.reduce((sum, l) => sum + lineTotal({ id: '', unitPrice: l.unitPrice, modifiers: l.modifiers, quantity: l.quantity, voidedQuantity: 0 }), 0);

export function assertOrderFits(size: OrderSize, growth: OrderGrowth): void {
  const lines = size.lineCount + growth.lines;
  if (growth.lines > 0 && lines > MAX_ORDER_LINES) {
    throw unprocessable('order.too_many_lines', `An order holds at most ${MAX_ORDER_LINES} lines; open another order for the rest`, {
      limit: MAX_ORDER_LINES,
      lines,
    });
  }
  if (growth.amount <= 0) return;
  const total = size.subtotal + growth.amount;
  if (total > MAX_ORDER_TOTAL) {
    throw unprocessable('order.total_too_large', `An order totals at most ${MAX_ORDER_TOTAL} (minor units); this would make it ${total}`, {
      limit: MAX_ORDER_TOTAL,
      total,
    });
  }
  if (size.tableOpenTotal !== null && size.tableOpenTotal + growth.amount > MAX_TABLE_TOTAL) {
    throw unprocessable('table.total_too_large', `The open orders of a table total at most ${MAX_TABLE_TOTAL} (minor units)`, {
      limit: MAX_TABLE_TOTAL,
      total: size.tableOpenTotal + growth.amount,
    });
  }
}

/** Two parties seated together: their open bills must fit one table's limit. */
export function assertTablesFit(openTotals: readonly number[]): void {
  const total = openTotals.reduce((s, t) => s + t, 0);
  if (total > MAX_TABLE_TOTAL) {
    throw unprocessable('table.total_too_large', `The open orders of a table total at most ${MAX_TABLE_TOTAL} (minor units); settle part of the bill first`, {
      limit: MAX_TABLE_TOTAL,
      total,
    });
  }
}
