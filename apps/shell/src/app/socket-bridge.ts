import { queryKeys } from '@pos/api-client';
import type { Menu, ServerEventName } from '@pos/contracts';
import { SOCKET_NAMESPACES, SOCKET_PATH } from '@pos/contracts/constants';
import type { EventBus } from '@pos/event-bus';
import type { QueryClient } from '@tanstack/react-query';
import { io, type Socket } from 'socket.io-client';

const POS_EVENTS: ServerEventName[] = ['order.updated', 'table.updated', 'kitchen.ticket.updated', 'feature-flags.changed'];

/**
 * The shell's one connection per namespace. Server events go onto the bus and patch or
 * invalidate react-query caches; after a reconnect everything is refetched (events may have
 * been missed while away).
 */
export function connectSockets(token: string, bus: EventBus, queryClient: QueryClient): () => void {
  const options = { path: SOCKET_PATH, auth: { token }, transports: ['websocket', 'polling'] };
  const pos: Socket = io(SOCKET_NAMESPACES.pos, options);
  const menu: Socket = io(SOCKET_NAMESPACES.menu, options);

  for (const name of POS_EVENTS) {
    pos.on(name, (payload) => {
      bus.emit(name, payload);
      if (name === 'order.updated') {
        queryClient.setQueryData(queryKeys.order(payload.order.id), payload.order);
        void queryClient.invalidateQueries({ queryKey: ['orders'] });
      } else if (name === 'table.updated') {
        void queryClient.invalidateQueries({ queryKey: queryKeys.tables });
      } else if (name === 'kitchen.ticket.updated') {
        void queryClient.invalidateQueries({ queryKey: ['tickets'] });
        if (payload.ticket.status === 'ready') bus.emit('kitchen.ticket.ready', payload);
      }
    });
  }
  // Patch the one product in the cached menu; refetch the whole menu only on a version gap.
  menu.on('menu.stock', (payload) => {
    bus.emit('menu.stock', payload);
    const cached = queryClient.getQueryData<Menu>(queryKeys.menu);
    if (!cached || payload.menuVersion !== cached.version + 1) {
      void queryClient.invalidateQueries({ queryKey: queryKeys.menu });
      return;
    }
    queryClient.setQueryData<Menu>(queryKeys.menu, {
      ...cached,
      version: payload.menuVersion,
      products: cached.products.map((p) => (p.id === payload.productId ? { ...p, stock: payload.stock, isAvailable: payload.isAvailable } : p)),
    });
  });

  let wasConnected = false;
  const onConnect = () => {
    if (wasConnected) void queryClient.invalidateQueries();
    wasConnected = true;
    bus.emit('connectivity.changed', { state: 'online', pending: 0 });
  };
  const onDisconnect = () => bus.emit('connectivity.changed', { state: 'offline', pending: 0 });
  pos.on('connect', onConnect);
  pos.on('disconnect', onDisconnect);
  pos.on('connect_error', onDisconnect);

  return () => {
    pos.disconnect();
    menu.disconnect();
  };
}
