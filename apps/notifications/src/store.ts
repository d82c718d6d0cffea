import type { Menu } from '@pos/contracts';
import { type HostApi, queryKeys } from '@pos/plugin-sdk';
import { kitchenEntry, markAllRead, markRead, mergeEntries, type NotificationEntry, remoteEntry, stockEntry, storageKey } from './model';

export interface NotificationStore {
  entries(): NotificationEntry[];
  subscribe(listener: () => void): () => void;
  /** Loads the history and listens to the bus; returns the stop function. */
  start(): () => void;
  markRead(id: string): void;
  markAllRead(): void;
}

/**
 * The history of one signed-in staff member in one venue, fed by the shell's bus and kept in the
 * host's storage. A kitchen-ready ticket of the staff member's own table also shows a toast.
 */
export function createNotificationStore(host: HostApi): NotificationStore {
  const key = storageKey(host.session.venue.id, host.session.staff.id);
  let entries: NotificationEntry[] = [];
  let loaded = false;
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
      const subs = [
        host.bus.on('kitchen.ticket.ready').subscribe(({ venueId, ticket }) => {
          if (venueId !== host.session.venue.id) return;
          const mine = ticket.waiterId === host.session.staff.id;
          const entry = kitchenEntry(ticket, mine);
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
  };
}
