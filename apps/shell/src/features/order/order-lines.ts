import type { Order, OrderLine } from '@pos/contracts';

/** Courses a waiter can pick on the tablet (the API allows up to 9). */
export const COURSES = [1, 2, 3] as const;

export interface CourseGroup {
  course: number;
  isHeld: boolean;
  lines: OrderLine[];
  /** Lines of the course the kitchen does not know yet (new or changed). */
  unsent: number;
}

/** Lines grouped by course, in course order, keeping the order they were added within a course. */
export function courseGroups(order: Pick<Order, 'lines' | 'heldCourses'>): CourseGroup[] {
  const byCourse = new Map<number, OrderLine[]>();
  for (const line of order.lines) byCourse.set(line.course, [...(byCourse.get(line.course) ?? []), line]);
  return [...byCourse.entries()]
    .sort(([a], [b]) => a - b)
    .map(([course, lines]) => ({ course, isHeld: order.heldCourses.includes(course), lines, unsent: lines.filter((l) => l.kitchenState !== 'fired').length }));
}

/** Lines "Fire" would send now: changed or new, in courses that are not held. */
export function unsentCount(order: Pick<Order, 'lines' | 'heldCourses'>): number {
  return order.lines.filter((l) => l.kitchenState !== 'fired' && !order.heldCourses.includes(l.course)).length;
}

/**
 * What a "−" on a line means. Above the fired portions it is a plain quantity change; at the
 * fired portions, or at the last portion, it becomes a void (the API never takes quantity 0 and
 * never lowers below what the kitchen has).
 */
export function decreaseAction(line: Pick<OrderLine, 'quantity' | 'voidedQuantity' | 'firedQuantity'>): 'decrease' | 'void' {
  const standing = line.quantity - line.voidedQuantity;
  return standing - 1 >= Math.max(1, line.firedQuantity) ? 'decrease' : 'void';
}

/** Portions of a void that the kitchen already has (they need orders.void and a reason). */
export function firedPortionsInVoid(line: Pick<OrderLine, 'quantity' | 'voidedQuantity' | 'firedQuantity'>, quantity: number): number {
  const unfired = Math.max(0, line.quantity - line.voidedQuantity - line.firedQuantity);
  return Math.max(0, quantity - unfired);
}

/** A line's course may change only while the kitchen has never seen it. */
export const canChangeCourse = (line: Pick<OrderLine, 'kitchenState' | 'firedQuantity'>): boolean => line.kitchenState === 'new' && line.firedQuantity === 0;
