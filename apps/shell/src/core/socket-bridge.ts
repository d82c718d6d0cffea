import { type PosApi, queryKeys } from '@pos/api-client';
import type { Menu, MenuChanges, Order, ServerEventName } from '@pos/contracts';
import { SOCKET_NAMESPACES, SOCKET_PATH } from '@pos/contracts/constants';
import type { EventBus } from '@pos/event-bus';
import type { QueryClient } from '@tanstack/react-query';
import { io, type Socket } from 'socket.io-client';
import { applyChanges, applyMenuChanges, fitChange } from './menu-sync';

/** Every event of the `pos` namespace, forwarded to the bus (a test checks none is missing). */
export const POS_EVENTS: ServerEventName[] = ['order.updated', 'table.updated', 'kitchen.ticket.updated', 'feature-flags.changed', 'reservation.changed', 'payment.status', 'shift.alert', 'promotions.changed'];

/**
 * The shell's one connection per namespace. Server events go onto the bus and patch or
 * invalidate react-query caches; after a reconnect everything is refetched (events may have
 * been missed while away) — except the menu, which catches up with a delta since its version.
 */
export interface SocketLink {
  /** The socket's state feeds the connectivity monitor. */
  setSocketConnected(connected: boolean): void;
  /** Commands still queued for this order: a pushed order would hide them, so it is re-read instead. */
  hasPending(orderId: string): boolean;
}

export function connectSockets(token: string, bus: EventBus, queryClient: QueryClient, api: Pick<PosApi, 'menuChanges' | 'me'>, link?: SocketLink): () => void {
  const options = { path: SOCKET_PATH, auth: { token }, transports: ['websocket', 'polling'] };
  const pos: Socket = io(SOCKET_NAMESPACES.pos, options);
  const menu: Socket = io(SOCKET_NAMESPACES.menu, options);

  for (const name of POS_EVENTS) {
    pos.on(name, (payload) => {
      bus.emit(name, payload);
      if (name === 'order.updated') {
        if (link?.hasPending(payload.order.id)) void queryClient.invalidateQueries({ queryKey: queryKeys.order(payload.order.id) });
        // Events can arrive late (after a reconnect, or behind our own command's answer): never go back a version.
        else queryClient.setQueryData<Order>(queryKeys.order(payload.order.id), (cached) => (cached && cached.version > payload.order.version ? cached : payload.order));
        void queryClient.invalidateQueries({ queryKey: ['orders'] });
      } else if (name === 'table.updated') {
        // An open order screen reads its table from this query: a table closed on another tablet
        // takes «Закрыть стол» away there at once.
        void queryClient.invalidateQueries({ queryKey: queryKeys.tables });
      } else if (name === 'payment.status') {
        // A payment taken, captured or refunded on another tablet changes the order's due.
        void queryClient.invalidateQueries({ queryKey: queryKeys.order(payload.payment.orderId) });
        void queryClient.invalidateQueries({ queryKey: ['orders'] });
      } else if (name === 'kitchen.ticket.updated') {
        void queryClient.invalidateQueries({ queryKey: ['tickets'] });
        void queryClient.invalidateQueries({ queryKey: queryKeys.kitchenStatus(payload.ticket.orderId) });
        if (payload.ticket.status === 'ready') bus.emit('kitchen.ticket.ready', payload);
      }
    });
  }
  const getMenu = () => queryClient.getQueryData<Menu>(queryKeys.menu);
  const refetchMenu = () => void queryClient.invalidateQueries({ queryKey: queryKeys.menu });

  /**
   * Brings the cached menu up to the server's version with a delta since its version; the full
   * snapshot when the server no longer has the delta (or the call fails). One at a time: a gap
   * seen while a resync runs is covered by another round once it ends.
   */
  let syncing = false;
  let again = false;
  const resyncMenu = async (): Promise<void> => {
    if (syncing) {
      again = true;
      return;
    }
    syncing = true;
    try {
      do {
        again = false;
        const cached = getMenu();
        if (!cached) return refetchMenu();
        let delta: MenuChanges;
        try {
          delta = await api.menuChanges(cached.version);
        } catch {
          return refetchMenu();
        }
        // Events may have been patched in meanwhile: apply the delta to the cache as it is now.
        const current = getMenu();
        if (!current) return refetchMenu();
        const next = applyMenuChanges(current, delta);
        if (!next) return refetchMenu();
        if (next !== current) queryClient.setQueryData<Menu>(queryKeys.menu, next);
      } while (again);
    } finally {
      syncing = false;
    }
  };

  // Patch the one product in the cached menu; on a version gap, catch up with a delta.
  menu.on('menu.stock', (payload) => {
    bus.emit('menu.stock', payload);
    const cached = getMenu();
    const fit = fitChange(cached, payload.menuVersion);
    if (fit === 'stale') return;
    if (!cached) return refetchMenu();
    if (fit === 'gap') return void resyncMenu();
    const { productId, stock, isAvailable, menuVersion: version } = payload;
    queryClient.setQueryData<Menu>(queryKeys.menu, applyChanges(cached, [{ kind: 'stock', version, productId, stock, isAvailable }]));
  });
  // An admin changed products or categories: the change itself comes with the delta.
  menu.on('menu.changed', (payload) => {
    bus.emit('menu.changed', payload);
    const cached = getMenu();
    if (!cached) return refetchMenu();
    if (fitChange(cached, payload.menuVersion) !== 'stale') void resyncMenu();
  });
  // Back from a disconnect: events may have been missed while away.
  let menuWasConnected = false;
  menu.on('connect', () => {
    if (menuWasConnected) void resyncMenu();
    menuWasConnected = true;
  });

  let wasConnected = false;
  const onConnect = () => {
    if (wasConnected) void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== queryKeys.menu[0] });
    wasConnected = true;
    link?.setSocketConnected(true);
  };
  const onDisconnect = () => link?.setSocketConnected(false);
  pos.on('connect', onConnect);
  pos.on('disconnect', (reason) => {
    onDisconnect();
    // The server dropped us on purpose: this person was deactivated, re-roled or re-PINned, or the
    // tablet was revoked. Asking who we are answers 401, and the shell signs out at once.
    if (reason === 'io server disconnect') void api.me().catch(() => undefined);
  });
  pos.on('connect_error', (error) => {
    onDisconnect();
    // A handshake refused for the token: the session ended while the socket was away (a revoked
    // tablet reconnecting after a Wi-Fi drop). Asking who we are answers 401 and signs out.
    if (error.message === 'unauthorized') void api.me().catch(() => undefined);
  });

  return () => {
    pos.disconnect();
    menu.disconnect();
  };
}
