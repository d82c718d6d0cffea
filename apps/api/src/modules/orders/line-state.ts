import { lineTotal, type OrderLine } from '@pos/contracts';
import type { OrderLinesTable } from '../../db/schema';
import { parseJson } from '../../shared/json';

/** What a firing must tell the kitchen about one line. */
export interface FireDelta {
  line: OrderLine;
  stationId: string;
  quantity: number;
  kind: 'add' | 'cancel' | 'note';
  note: string | null;
}

export function toLine(row: OrderLinesTable): OrderLine {
  const modifiers = parseJson<OrderLine['modifiers']>(row.modifiers, []);
  const standing = row.quantity - row.voided_quantity;
  const line = {
    id: row.id,
    productId: row.product_id,
    name: row.name,
    unitPrice: row.unit_price,
    modifiers,
    quantity: row.quantity,
    voidedQuantity: row.voided_quantity,
    firedQuantity: row.fired_quantity,
    note: row.note,
    course: row.course,
    voidReason: row.void_reason,
    ...(row.combo_id ? { comboId: row.combo_id } : {}),
    ...(row.combo_line_id ? { comboLineId: row.combo_line_id } : {}),
    ...(row.is_charge ? { isCharge: true as const } : {}),
  };
  const everFired = wasEverFired(row);
  const noteChanged = firedNoteChanged(row);
  // A line voided whole before firing has nothing to tell the kitchen: it counts as settled.
  const kitchenState: OrderLine['kitchenState'] = !everFired
    ? standing > 0
      ? 'new'
      : 'fired'
    : row.fired_quantity === standing && (standing === 0 || !noteChanged)
      ? 'fired'
      : 'changed';
  return { ...line, kitchenState, lineTotal: lineTotal(line) };
}

/** Every firing records the note the kitchen saw ('' for none), so null means never fired. */
export function wasEverFired(row: OrderLinesTable): boolean {
  return row.fired_note !== null;
}

/** The kitchen has this line with another note than the one it carries now. */
function firedNoteChanged(row: OrderLinesTable): boolean {
  return wasEverFired(row) && (row.fired_note ?? '') !== (row.note ?? '');
}

/**
 * The quantity/note changes of a line the kitchen has not been told about yet. A note changed
 * together with the quantity is told for the portions the kitchen keeps as well, not only for
 * the added ones: otherwise the cook would go on with the old note on those.
 */
export function lineDeltas(row: OrderLinesTable): { quantity: number; kind: FireDelta['kind'] }[] {
  const standing = row.quantity - row.voided_quantity;
  const diff = standing - row.fired_quantity;
  const deltas: { quantity: number; kind: FireDelta['kind'] }[] = [];
  if (diff > 0) deltas.push({ quantity: diff, kind: 'add' });
  if (diff < 0) deltas.push({ quantity: diff, kind: 'cancel' });
  const kept = Math.min(standing, row.fired_quantity);
  if (firedNoteChanged(row) && kept > 0) deltas.push({ quantity: kept, kind: 'note' });
  return deltas;
}
