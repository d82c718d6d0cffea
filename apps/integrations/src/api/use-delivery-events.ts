import type { KitchenTicket, Order } from '@pos/contracts';
import { queryKeys, useBusEvent, useHost } from '@pos/plugin-sdk';
import { DELIVERY_QUERY } from './get-delivery-orders';

/**
 * Keeps the board live from the bus, without waiting for the host's refetches: an order arriving,
 * moving or leaving patches the list (never back a version: events can come late); a ticket
 * patches its order's tickets and refetches them; the network coming back refetches the list.
 */
export function useDeliveryEvents() {
  const { queryClient } = useHost();
  const ordersKey = queryKeys.orders(DELIVERY_QUERY);

  useBusEvent('order.updated', ({ order }) => {
    if (order.source !== 'delivery') return;
    queryClient.setQueryData<Order[]>(ordersKey, (list) => {
      if (!list) return list;
      const cached = list.find((o) => o.id === order.id);
      if (cached && cached.version > order.version) return list;
      const rest = list.filter((o) => o.id !== order.id);
      return order.status === 'open' ? [...rest, order] : rest;
    });
  });
  useBusEvent('kitchen.ticket.updated', ({ ticket }) => {
    const key = queryKeys.orderTickets(ticket.orderId);
    queryClient.setQueryData<KitchenTicket[]>(key, (tickets) => (tickets ? [...tickets.filter((tk) => tk.id !== ticket.id), ticket] : tickets));
    void queryClient.invalidateQueries({ queryKey: key });
  });
  useBusEvent('connectivity.changed', ({ state }) => {
    if (state === 'online') void queryClient.invalidateQueries({ queryKey: ordersKey });
  });
}
