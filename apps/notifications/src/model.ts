import type { BusEvents, KitchenTicket } from '@pos/contracts';

export const MAX_ENTRIES = 200;
export const NOTIFICATION_TYPES = ['kitchen', 'stock', 'remote'] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/** One line of the history; the text is rendered from `params` in the current language. */
export interface NotificationEntry {
  id: string;
  type: NotificationType;
  /** ISO time of the event. */
  at: string;
  read: boolean;
  /** Table (hall) label the entry is about, for the text filter. */
  label: string | null;
  /** For kitchen entries: the signed-in waiter's own table. */
  mine?: boolean;
  /** For kitchen entries: the hall of the ticket's table (null for takeaway); absent in older saved entries. */
  hallId?: string | null;
  hallName?: string | null;
  params: Record<string, string | number>;
}

export const storageKey = (venueId: string, staffId: string) => `notifications:${venueId}:${staffId}`;
/** Where a supervisor's followed hall is kept (per venue and staff member). */
export const followKey = (venueId: string, staffId: string) => `notifications-follow:${venueId}:${staffId}`;

/** The permission that makes a staff member a supervisor who may follow a whole hall. */
export const FOLLOW_PERMISSION = 'shifts.close.override' as const;

export interface HallRef {
  id: string;
  name: string;
}

export const isHallRef = (v: unknown): v is HallRef =>
  typeof v === 'object' && v !== null && typeof (v as HallRef).id === 'string' && typeof (v as HallRef).name === 'string';

/** The halls seen in the history, in order of first appearance (newest first), one per id. */
export function hallsOf(list: readonly NotificationEntry[]): HallRef[] {
  const seen = new Map<string, HallRef>();
  for (const e of list) if (e.hallId && e.hallName && !seen.has(e.hallId)) seen.set(e.hallId, { id: e.hallId, name: e.hallName });
  return [...seen.values()];
}

export const dishesText = (ticket: KitchenTicket) =>
  ticket.items
    .filter((i) => i.kind === 'add')
    .map((i) => `${i.name} ×${i.quantity}`)
    .join(', ');

export function kitchenEntry(ticket: KitchenTicket, mine: boolean): NotificationEntry {
  return {
    id: `kitchen:${ticket.id}:${ticket.statusChangedAt}`,
    type: 'kitchen',
    at: ticket.statusChangedAt,
    read: false,
    label: ticket.tableLabel,
    mine,
    hallId: ticket.hallId ?? null,
    hallName: ticket.hallName ?? null,
    params: { table: ticket.tableLabel ?? '', number: ticket.number, dishes: dishesText(ticket), waiter: ticket.waiterName },
  };
}

export function stockEntry(stock: BusEvents['menu.stock'], product: string, at = new Date().toISOString()): NotificationEntry {
  return { id: `stock:${stock.productId}:${stock.menuVersion}`, type: 'stock', at, read: false, label: null, params: { product } };
}

export function remoteEntry(status: BusEvents['remote.status'], at = new Date().toISOString()): NotificationEntry {
  return { id: `remote:${status.name}:${at}`, type: 'remote', at, read: false, label: null, params: { name: status.name, reason: status.reason ?? '' } };
}

const newestFirst = (a: NotificationEntry, b: NotificationEntry) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0);

/** Adds entries not seen yet (by id), newest first, keeping at most MAX_ENTRIES. */
export function mergeEntries(list: readonly NotificationEntry[], added: readonly NotificationEntry[]): NotificationEntry[] {
  const known = new Set(list.map((e) => e.id));
  const fresh = added.filter((e) => !known.has(e.id) && known.add(e.id));
  if (fresh.length === 0) return list as NotificationEntry[];
  return [...fresh, ...list].sort(newestFirst).slice(0, MAX_ENTRIES);
}

export const markRead = (list: readonly NotificationEntry[], id: string) => list.map((e) => (e.id === id && !e.read ? { ...e, read: true } : e));
export const markAllRead = (list: readonly NotificationEntry[]) => list.map((e) => (e.read ? e : { ...e, read: true }));
export const unreadCount = (list: readonly NotificationEntry[]) => list.filter((e) => !e.read).length;

/** `hallId` 'all' keeps every entry; a hall id keeps only the entries of that hall. */
export function filterEntries(list: readonly NotificationEntry[], type: NotificationType | 'all', text: string, hallId: string | 'all' = 'all') {
  const needle = text.trim().toLowerCase();
  return list.filter(
    (e) =>
      (type === 'all' || e.type === type) &&
      (hallId === 'all' || e.hallId === hallId) &&
      (!needle || (e.label ?? '').toLowerCase().includes(needle) || (e.hallName ?? '').toLowerCase().includes(needle)),
  );
}
