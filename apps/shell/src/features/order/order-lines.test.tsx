import type { OrderLine } from '@pos/contracts';
import { aLine } from '@pos/contracts/testing';
import { canChangeCourse, courseGroups, decreaseAction, firedPortionsInVoid, unsentCount } from './order-lines';
import { assignPortion, planFromSplit, planToSplit, previewChecks, unassigned } from './split-plan';

/** A new line of 100 ₽, named by its id. */
const line = (id: string, over: Partial<OrderLine> = {}): OrderLine => aLine({ id, productId: 'p', name: id, unitPrice: 10000, lineTotal: 10000, ...over });

describe('line rules', () => {
  it('"−" lowers the quantity above the fired portions, and becomes a void at them or at the last one', () => {
    expect(decreaseAction({ quantity: 3, voidedQuantity: 0, firedQuantity: 0 })).toBe('decrease');
    expect(decreaseAction({ quantity: 1, voidedQuantity: 0, firedQuantity: 0 })).toBe('void');
    expect(decreaseAction({ quantity: 3, voidedQuantity: 0, firedQuantity: 2 })).toBe('decrease');
    expect(decreaseAction({ quantity: 2, voidedQuantity: 0, firedQuantity: 2 })).toBe('void');
    expect(decreaseAction({ quantity: 4, voidedQuantity: 2, firedQuantity: 2 })).toBe('void');
  });

  it('counts how many portions of a void the kitchen already has', () => {
    const l = { quantity: 5, voidedQuantity: 0, firedQuantity: 3 };
    expect(firedPortionsInVoid(l, 2)).toBe(0);
    expect(firedPortionsInVoid(l, 4)).toBe(2);
    expect(firedPortionsInVoid({ quantity: 2, voidedQuantity: 0, firedQuantity: 2 }, 1)).toBe(1);
  });

  it('lets the course change only while the kitchen has never seen the line', () => {
    expect(canChangeCourse(line('a'))).toBe(true);
    expect(canChangeCourse(line('a', { kitchenState: 'changed', firedQuantity: 1 }))).toBe(false);
  });

  it('groups lines by course and counts what Fire would send, held courses excluded', () => {
    const order = {
      heldCourses: [2],
      lines: [line('a', { course: 2 }), line('b'), line('c', { kitchenState: 'fired', firedQuantity: 1 }), line('d', { course: 3, kitchenState: 'changed' })],
    };
    expect(courseGroups(order).map((g) => [g.course, g.isHeld, g.lines.map((l) => l.id), g.unsent])).toEqual([
      [1, false, ['b', 'c'], 1],
      [2, true, ['a'], 1],
      [3, false, ['d'], 1],
    ]);
    expect(unsentCount(order)).toBe(2);
  });
});

describe('split by lines', () => {
  const soup = line('soup', { quantity: 3, unitPrice: 45000, lineTotal: 135000 });
  const tea = line('tea', { quantity: 2, voidedQuantity: 1, unitPrice: 20000, lineTotal: 20000 });
  const order = { total: 155000, lines: [soup, tea] };

  it('puts portions on checks, never more than stand on the line', () => {
    let plan = planFromSplit(null, 2);
    plan = assignPortion(plan, 0, soup, 1);
    plan = assignPortion(plan, 1, soup, 1);
    plan = assignPortion(plan, 1, soup, 1);
    plan = assignPortion(plan, 1, soup, 1);
    expect(plan).toEqual([{ soup: 1 }, { soup: 2 }]);
    expect(unassigned(plan, soup)).toBe(0);
    plan = assignPortion(plan, 0, tea, 5);
    expect(plan[0]).toEqual({ soup: 1, tea: 1 });
    plan = assignPortion(plan, 0, tea, -1);
    expect(plan[0]).toEqual({ soup: 1 });
  });

  it('sends only checks that got something; nothing assigned means no split', () => {
    expect(planToSplit([{}, { soup: 2 }, {}])).toEqual({ mode: 'lines', checks: [[{ lineId: 'soup', quantity: 2 }]] });
    expect(planToSplit([{}, {}])).toBeNull();
  });

  it('previews the checks like the server: what no check claims lands on a remainder check', () => {
    const checks = previewChecks(order, planToSplit([{ soup: 1 }, { soup: 1 }]));
    expect(checks.map((c) => c.amount)).toEqual([45000, 45000, 65000]);
  });

  it('opens on the split the order already has', () => {
    expect(planFromSplit({ mode: 'lines', checks: [[{ lineId: 'soup', quantity: 2 }]] })).toEqual([{ soup: 2 }]);
    expect(planFromSplit({ mode: 'equal', parts: 3 })).toEqual([{}, {}]);
  });
});
