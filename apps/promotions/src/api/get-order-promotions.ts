import type { OrderPromotions } from '@pos/contracts';
import { type PosApi, queryKeys, useApi } from '@pos/plugin-sdk';
import { keepPreviousData, useQuery } from '@tanstack/react-query';

export const getOrderPromotions = (api: PosApi, orderId: string): Promise<OrderPromotions> => api.orderPromotions(orderId);

/**
 * What applies to the order and why the rest does not, asked again for every version of the
 * order (each change re-prices it on the server). The previous answer stays on screen meanwhile.
 */
export function useOrderPromotions(orderId: string, version: number, isEnabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: [...queryKeys.orderPromotions(orderId), version],
    queryFn: () => getOrderPromotions(api, orderId),
    enabled: isEnabled,
    placeholderData: keepPreviousData,
    retry: false,
  });
}
