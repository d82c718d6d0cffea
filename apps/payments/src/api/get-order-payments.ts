import type { Payment } from '@pos/contracts';
import { type PosApi, useApi } from '@pos/plugin-sdk';
import { useQuery } from '@tanstack/react-query';

/** The remote's own key: the shell has none for an order's payments. */
export const orderPaymentsQueryKey = (orderId: string) => ['payments', 'order', orderId] as const;

export const getOrderPayments = (api: PosApi, orderId: string): Promise<Payment[]> => api.payments(orderId);

export const getOrderPaymentsQueryOptions = (api: PosApi, orderId: string) => ({
  queryKey: orderPaymentsQueryKey(orderId),
  queryFn: () => getOrderPayments(api, orderId),
});

/** Every payment of the order, in every state (holds among them). */
export function useOrderPayments(orderId: string) {
  const api = useApi();
  return useQuery(getOrderPaymentsQueryOptions(api, orderId));
}
