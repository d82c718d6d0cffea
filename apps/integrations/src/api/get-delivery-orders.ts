import type { KitchenTicket, Order } from '@pos/contracts';
import { type PosApi, queryKeys, useApi, useBusEvent, useHost } from '@pos/plugin-sdk';
import { useQueries, useQuery } from '@tanstack/react-query';

export const DELIVERY_QUERY = { source: 'delivery', status: 'open' } as const;

export const getDeliveryOrders = (api: PosApi): Promise<Order[]> => api.orders(DELIVERY_QUERY);

export const getDeliveryOrdersQueryOptions = (api: PosApi) => ({
  queryKey: queryKeys.orders(DELIVERY_QUERY),
  queryFn: () => getDeliveryOrders(api),
});

/**
 * The venue's open delivery orders. The host refetches every `orders` query on `order.updated`
 * and everything after a reconnect; the events below patch the list at once besides (an order
 * arriving or moving shows before the refetch answers), and the network coming back refetches it.
 */
export function useDeliveryOrders(enabled: boolean) {
  const api = useApi();
  const { queryClient } = useHost();
  const query = useQuery({ ...getDeliveryOrdersQueryOptions(api), enabled });
  const key = queryKeys.orders(DELIVERY_QUERY);

  useBusEvent('order.updated', ({ order }) => {
    if (order.source !== 'delivery') return;
    queryClient.setQueryData<Order[]>(key, (list) => {
      if (!list) return list;
      const cached = list.find((o) => o.id === order.id);
      // Events can come late: never go back a version.
      if (cached && cached.version > order.version) return list;
      const rest = list.filter((o) => o.id !== order.id);
      return order.status === 'open' ? [...rest, order] : rest;
    });
  });
  useBusEvent('kitchen.ticket.updated', ({ ticket }) => {
    queryClient.setQueryData<KitchenTicket[]>(queryKeys.orderTickets(ticket.orderId), (tickets) => (tickets ? [...tickets.filter((tk) => tk.id !== ticket.id), ticket] : tickets));
    void queryClient.invalidateQueries({ queryKey: queryKeys.orderTickets(ticket.orderId) });
  });
  useBusEvent('connectivity.changed', ({ state }) => {
    if (state === 'online') void queryClient.invalidateQueries({ queryKey: key });
  });
  return query;
}

/** Each order's kitchen tickets (`GET /pos/kitchen/tickets?orderId=`, permission kitchen.view), by order id. */
export function useOrdersTickets(orderIds: readonly string[], enabled: boolean): Map<string, KitchenTicket[]> {
  const api = useApi();
  return useQueries({
    queries: orderIds.map((orderId) => ({
      queryKey: queryKeys.orderTickets(orderId),
      // With an order id the API answers every ticket, served ones too (the courier has those).
      queryFn: () => api.tickets({ orderId }),
      enabled,
    })),
    combine: (results) => new Map(results.flatMap((r, i) => (r.data ? [[orderIds[i], r.data] as const] : []))),
  });
}
