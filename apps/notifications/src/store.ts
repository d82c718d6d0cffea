import type { Menu } from '@pos/contracts';
import { type HostApi, queryKeys } from '@pos/plugin-sdk';
import {
  FOLLOW_PERMISSION,
  followKey,
  type HallRef,
  isHallRef,
  kitchenEntry,
  markAllRead,
  markRead,
  mergeEntries,
  type NotificationEntry,
  remoteEntry,
  stockEntry,
  storageKey,
} from './model';

export interface NotificationStore {
  entries(): NotificationEntry[];
  subscribe(listener: () => void): () => void;
  /** Loads the history and listens to the bus; returns the stop function. */
  start(): () => void;
  markRead(id: string): void;
  markAllRead(): void;
  /** The hall a supervisor follows (gets toasts for all its ready tickets), or null. */
  followedHall(): HallRef | null;
  /** Follows a hall (null: stop); only staff who may override shift closing (supervisors). */
  followHall(hall: HallRef | null): void;
}

/**
 * The history of one signed-in staff member in one venue, fed by the shell's bus and kept in the
 * host's storage. A kitchen-ready ticket of the staff member's own table also shows a toast; so does
 * any ready ticket of the hall a supervisor follows.
 */
export function createNotificationStore(host: HostApi): NotificationStore {
  const key = storageKey(host.session.venue.id, host.session.staff.id);
  let entries: NotificationEntry[] = [];
  let loaded = false;
  const hallKey = followKey(host.session.venue.id, host.session.staff.id);
  let followed: HallRef | null = null;
  let followTouched = false;
  const follows = (hallId: string | null) => followed !== null && hallId === followed.id && host.can(FOLLOW_PERMISSION);
  const listeners = new Set<() => void>();
  const t = (k: string, params?: Record<string, unknown>) => host.i18n.t(`notifications:${k}`, params);

  const update = (next: NotificationEntry[]) => {
    if (next === entries) return;
    entries = next;
    listeners.forEach((l) => l());
    if (loaded) void host.storage.set(key, entries).catch((e) => console.warn('[notifications] could not save', e));
  };

  const productName = (productId: string) =>
    host.queryClient.getQueryData<Menu>(queryKeys.menu)?.products.find((p) => p.id === productId)?.name ?? t('unknownProduct');

  return {
    entries: () => entries,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start() {
      let stopped = false;
      host.storage
        .get<NotificationEntry[]>(key)
        .catch(() => undefined)
        .then((saved) => {
          if (stopped) return;
          loaded = true;
          const merged = mergeEntries(entries, Array.isArray(saved) ? saved : []);
          if (merged !== entries) update(merged);
          else if (entries.length) void host.storage.set(key, entries);
        });
      host.storage
        .get<unknown>(hallKey)
        .catch(() => undefined)
        .then((saved) => {
          if (stopped || followTouched || !isHallRef(saved)) return;
          followed = { id: saved.id, name: saved.name };
          listeners.forEach((l) => l());
        });
      const subs = [
        host.bus.on('kitchen.ticket.ready').subscribe(({ venueId, ticket }) => {
          if (venueId !== host.session.venue.id) return;
          const own = ticket.waiterId === host.session.staff.id;
          // Toast for the own table, or for any table of the hall a supervisor follows.
          const mine = own || follows(ticket.hallId ?? null);
          const entry = kitchenEntry(ticket, own);
          if (entries.some((e) => e.id === entry.id)) return;
          update(mergeEntries(entries, [entry]));
          if (mine)
            host.notify('success', t(ticket.tableLabel ? 'text.kitchen' : 'text.kitchenNoTable', entry.params), { href: `/order/${ticket.orderId}` });
        }),
        host.bus.on('menu.stock').subscribe((stock) => {
          if (stock.venueId !== host.session.venue.id || stock.isAvailable) return;
          update(mergeEntries(entries, [stockEntry(stock, productName(stock.productId))]));
        }),
        host.bus.on('remote.status').subscribe((status) => {
          if (status.status === 'failed') update(mergeEntries(entries, [remoteEntry(status)]));
        }),
      ];
      return () => {
        stopped = true;
        subs.forEach((s) => s.unsubscribe());
      };
    },
    markRead: (id) => update(markRead(entries, id)),
    markAllRead: () => update(markAllRead(entries)),
    followedHall: () => followed,
    followHall(hall) {
      if (hall && !host.can(FOLLOW_PERMISSION)) return;
      followTouched = true;
      followed = hall ? { id: hall.id, name: hall.name } : null;
      listeners.forEach((l) => l());
      void host.storage.set(hallKey, followed).catch((e) => console.warn('[notifications] could not save', e));
    },
  };
}
