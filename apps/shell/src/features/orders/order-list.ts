import { isCalendarDate, ORDER_STATUSES, type Order, type OrderStatus } from '@pos/contracts';

/** The status tabs of the list: everything, or one status (the API filters). */
export type StatusTab = 'all' | OrderStatus;
export const STATUS_TABS: readonly StatusTab[] = ['all', ...ORDER_STATUSES];

/** What the list shows: a business day of the venue and a status tab. */
export interface ListParams {
  date: string;
  tab: StatusTab;
}

/**
 * The day and tab from the address (`/orders?date=2026-03-02&status=paid`), so that coming back
 * from an order returns to the same list; anything unreadable or in the future falls back.
 */
export function readListParams(search: string, today: string): ListParams {
  const params = new URLSearchParams(search);
  const date = params.get('date');
  const status = params.get('status');
  return {
    date: date && isCalendarDate(date) && date <= today ? date : today,
    tab: STATUS_TABS.includes(status as StatusTab) ? (status as StatusTab) : 'all',
  };
}

/** The address of a list; today and "all" are the defaults and stay out of it. */
export function listPath({ date, tab }: ListParams, today: string): string {
  const params = new URLSearchParams();
  if (date !== today) params.set('date', date);
  if (tab !== 'all') params.set('status', tab);
  const search = params.toString();
  return search ? `/orders?${search}` : '/orders';
}

/** Lower case, ё as е, no "№"/"#" in front: what staff type and what the rows say compare alike. */
export function normalizeSearch(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/^[№#]\s*/, '');
}

/** One string per order to search in: its number, table label and waiter. */
export function searchTextOf(order: Pick<Order, 'number' | 'tableLabel' | 'waiterName'>): string {
  return normalizeSearch(`${order.number}\n${order.tableLabel ?? ''}\n${order.waiterName}`);
}

export interface SearchableOrder {
  order: Order;
  text: string;
}

/** Orders newest number first, each with its search text (built once per list, not per keystroke). */
export function indexOrders(orders: readonly Order[]): SearchableOrder[] {
  return [...orders].sort((a, b) => b.number - a.number).map((order) => ({ order, text: searchTextOf(order) }));
}

/** The orders whose number, table label or waiter name contains the query. */
export function filterOrders(index: readonly SearchableOrder[], query: string): Order[] {
  const q = normalizeSearch(query);
  return (q ? index.filter((x) => x.text.includes(q)) : index).map((x) => x.order);
}

/**
 * Orders that took money: only they can have something to refund, so only their rows mount the
 * remotes' row actions (a day of 500 orders does not mount 500 parcels). A tip counts (the sale is
 * refunded first, the tip may be left); a paid order stays one even when everything was given back.
 */
export function hasTakenMoney(order: Pick<Order, 'paid' | 'tips' | 'status'>): boolean {
  return order.paid > 0 || order.tips > 0 || order.status === 'paid';
}

/** The sum of the orders' totals and of what they paid. */
export function sumOrders(orders: readonly Order[]): { total: number; paid: number } {
  let total = 0;
  let paid = 0;
  for (const o of orders) {
    if (o.status === 'void') continue;
    total += o.total;
    paid += o.paid;
  }
  return { total, paid };
}
