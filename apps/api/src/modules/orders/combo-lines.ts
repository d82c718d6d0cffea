import type { LineModifier, OrderLine } from '@pos/contracts';
import type { OrderLinesTable } from '../../db/schema';
import { conflict, invalid } from '../../shared/errors';
import { parseJson } from '../../shared/json';

/**
 * A combo line never goes to the kitchen itself; what the waiter sees of it is how far its
 * dishes are: `changed` if any dish is, else `new` if any dish is, else `fired`.
 */
export function withComboKitchenState(lines: OrderLine[]): OrderLine[] {
  if (!lines.some((l) => l.comboId)) return lines;
  return lines.map((line) => {
    if (!line.comboId) return line;
    const dishes = lines.filter((d) => d.comboLineId === line.id);
    const kitchenState: OrderLine['kitchenState'] = dishes.some((d) => d.kitchenState === 'changed')
      ? 'changed'
      : dishes.some((d) => d.kitchenState === 'new')
        ? 'new'
        : 'fired';
    return { ...line, kitchenState };
  });
}

export interface Replacement {
  row: OrderLinesTable;
  /** Unfired portions the combo takes over. */
  take: number;
  /** Nothing left, nothing ever fired or voided: the line just goes. */
  deleteLine: boolean;
}

/**
 * Which portions of `replaceLineIds` a combo takes over (body.replaceLineIds.N names a bad one):
 * only unfired portions of the combo's products, at most as many as the combo holds; and what each
 * dish carries over from the line it replaces (the first one wins).
 */
export function planReplacement(
  items: readonly { productId: string; quantity: number }[],
  comboQuantity: number,
  rows: readonly OrderLinesTable[],
  replaceLineIds: readonly string[],
) {
  const left = new Map(items.map((i) => [i.productId, i.quantity * comboQuantity]));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const replaced: Replacement[] = [];
  const carried = new Map<string, { modifierIds: string[]; note: string | null; course: number }>();
  replaceLineIds.forEach((lineId, i) => {
    const path = `body.replaceLineIds.${i}`;
    const row = byId.get(lineId);
    if (!row) throw invalid(path, 'No such line in this order');
    if (row.combo_id || row.combo_line_id) throw invalid(path, 'This line already belongs to a combo');
    const wanted = left.get(row.product_id);
    if (wanted === undefined) throw invalid(path, `${row.name} is not a dish of this combo`);
    if (wanted === 0 || replaced.some((r) => r.row.id === lineId)) throw invalid(path, `The combo already takes enough × ${row.name}`);
    const standing = row.quantity - row.voided_quantity;
    const unfired = standing - row.fired_quantity;
    if (unfired <= 0) {
      throw conflict('line.fired', `The kitchen already has ${row.name}: void it with a reason first, or keep it outside the combo`, { lineId });
    }
    const take = Math.min(wanted, unfired);
    left.set(row.product_id, wanted - take);
    replaced.push({ row, take, deleteLine: take === row.quantity && row.voided_quantity === 0 && row.fired_note === null });
    if (!carried.has(row.product_id)) {
      carried.set(row.product_id, {
        modifierIds: parseJson<LineModifier[]>(row.modifiers, []).map((m) => m.id),
        note: row.note,
        course: row.course,
      });
    }
  });
  return { replaced, carried };
}
