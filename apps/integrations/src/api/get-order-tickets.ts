import type { KitchenTicket } from '@pos/contracts';
import { type PosApi, queryKeys, useApi } from '@pos/plugin-sdk';
import { useQueries } from '@tanstack/react-query';

/** One order's kitchen tickets; with an order id the API answers served ones too (the courier has those). */
export const getOrderTickets = (api: PosApi, orderId: string): Promise<KitchenTicket[]> => api.tickets({ orderId });

export const getOrderTicketsQueryOptions = (api: PosApi, orderId: string) => ({
  queryKey: queryKeys.orderTickets(orderId),
  queryFn: () => getOrderTickets(api, orderId),
});

/**
 * Each order's kitchen tickets (`GET /pos/kitchen/tickets?orderId=`, permission kitchen.view), by
 * order id; the host refetches every `tickets` query on `kitchen.ticket.updated`.
 */
export function useOrdersTickets(orderIds: readonly string[], enabled: boolean): Map<string, KitchenTicket[]> {
  const api = useApi();
  return useQueries({
    queries: orderIds.map((orderId) => ({ ...getOrderTicketsQueryOptions(api, orderId), enabled })),
    combine: (results) => new Map(results.flatMap((r, i) => (r.data ? [[orderIds[i], r.data] as const] : []))),
  });
}
