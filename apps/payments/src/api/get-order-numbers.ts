import { queryKeys, useApi } from '@pos/plugin-sdk';
import { useQueries } from '@tanstack/react-query';

/** The numbers of the orders some payments belong to (a payment names its order only by id). */
export function useOrderNumbers(orderIds: string[]): Map<string, number> {
  const api = useApi();
  const unique = [...new Set(orderIds)];
  const orders = useQueries({ queries: unique.map((id) => ({ queryKey: queryKeys.order(id), queryFn: () => api.order(id) })) });
  const numbers = new Map<string, number>();
  orders.forEach((q, i) => q.data && numbers.set(unique[i], q.data.number));
  return numbers;
}
