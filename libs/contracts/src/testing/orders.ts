import type { KitchenTicket, TicketItem } from '../kitchen';
import type { Check, LineModifier, Order, OrderLine } from '../orders';
import { FIXTURE_IDS, FIXTURE_TIME, fixtureId } from './ids';

/** A paid modifier of a line: "Перечный соус", +70 ₽. */
export const aModifier = (over: Partial<LineModifier> = {}): LineModifier => ({
  id: fixtureId(),
  name: 'Перечный соус',
  priceDelta: 7000,
  ...over,
});

/** A line just added to an order and not fired: one borscht at 450 ₽. */
export const aLine = (over: Partial<OrderLine> = {}): OrderLine => ({
  id: fixtureId(),
  productId: fixtureId(),
  name: 'Борщ',
  unitPrice: 45000,
  modifiers: [],
  quantity: 1,
  voidedQuantity: 0,
  firedQuantity: 0,
  note: null,
  course: 1,
  kitchenState: 'new',
  voidReason: null,
  lineTotal: 45000,
  ...over,
});

/** One check of a split order, nothing paid on it yet. */
export const aCheck = (over: Partial<Check> = {}): Check => ({
  index: 0,
  amount: 45000,
  paid: 0,
  due: 45000,
  lines: null,
  ...over,
});

/**
 * The open order of table 7 (order №12, two guests, waiter Анна), empty. Totals are not worked out
 * from `lines`: a test that needs them says them (or runs the order through `orderTotals`).
 */
export const anOrder = (over: Partial<Order> = {}): Order => ({
  id: FIXTURE_IDS.order,
  number: 12,
  tableId: FIXTURE_IDS.table,
  tableLabel: '7',
  sessionId: FIXTURE_IDS.tableSession,
  waiterId: FIXTURE_IDS.waiter,
  waiterName: 'Анна',
  shiftId: null,
  status: 'open',
  guests: 2,
  note: null,
  heldCourses: [],
  version: 4,
  lines: [],
  split: null,
  checks: [],
  subtotal: 0,
  discount: 0,
  total: 0,
  paid: 0,
  tips: 0,
  due: 0,
  createdAt: FIXTURE_TIME,
  updatedAt: FIXTURE_TIME,
  closedAt: null,
  ...over,
});

/** A dish on a kitchen ticket: two borschts to cook. */
export const aTicketItem = (over: Partial<TicketItem> = {}): TicketItem => ({
  id: fixtureId(),
  lineId: fixtureId(),
  name: 'Борщ',
  modifiers: [],
  quantity: 2,
  note: null,
  kind: 'add',
  ...over,
});

/** A queued ticket of the hot station for table 5's first course, without dishes. */
export const aTicket = (over: Partial<KitchenTicket> = {}): KitchenTicket => ({
  id: fixtureId(),
  number: 1,
  orderId: FIXTURE_IDS.order,
  orderNumber: 12,
  tableId: FIXTURE_IDS.table,
  tableLabel: '5',
  hallId: null,
  hallName: null,
  waiterId: FIXTURE_IDS.waiter,
  waiterName: 'Анна',
  stationId: FIXTURE_IDS.station,
  stationCode: 'hot',
  course: 1,
  heldCourses: [],
  status: 'queued',
  items: [],
  createdAt: FIXTURE_TIME,
  statusChangedAt: FIXTURE_TIME,
  version: 1,
  ...over,
});
