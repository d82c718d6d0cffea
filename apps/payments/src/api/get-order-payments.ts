import type { Payment } from '@pos/contracts';
import { type PosApi, queryKeys, useApi } from '@pos/plugin-sdk';
import { useQuery } from '@tanstack/react-query';

export const getOrderPayments = (api: PosApi, orderId: string): Promise<Payment[]> => api.payments(orderId);

export const getOrderPaymentsQueryOptions = (api: PosApi, orderId: string) => ({
  // The shell's key: its screens and this remote refresh each other.
  queryKey: queryKeys.payments(orderId),
  queryFn: () => getOrderPayments(api, orderId),
});

/** Every payment of the order, in every state (holds among them). */
export function useOrderPayments(orderId: string) {
  const api = useApi();
  return useQuery(getOrderPaymentsQueryOptions(api, orderId));
}
