import type { Order } from '@pos/contracts';
import { type PosApi, queryKeys, useApi } from '@pos/plugin-sdk';
import { useQuery } from '@tanstack/react-query';

/** The board's question: the partners' orders still open. */
export const DELIVERY_QUERY = { source: 'delivery', status: 'open' } as const;

export const getDeliveryOrders = (api: PosApi): Promise<Order[]> => api.orders(DELIVERY_QUERY);

export const getDeliveryOrdersQueryOptions = (api: PosApi) => ({
  queryKey: queryKeys.orders(DELIVERY_QUERY),
  queryFn: () => getDeliveryOrders(api),
});

/**
 * The venue's open delivery orders. The host refetches every `orders` query on `order.updated`
 * and everything after a socket reconnect; `use-delivery-events.ts` patches the list at once
 * besides. Offline a failed refetch keeps the last list.
 */
export function useDeliveryOrders() {
  const api = useApi();
  return useQuery(getDeliveryOrdersQueryOptions(api));
}
