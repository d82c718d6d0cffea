import type { Recommendations } from '@pos/contracts';
import { type PosApi, queryKeys, useApi } from '@pos/plugin-sdk';
import { useQuery } from '@tanstack/react-query';

export const getRecommendations = (api: PosApi, productId: string, orderId: string | null): Promise<Recommendations> =>
  api.recommendations(productId, orderId === null ? {} : { orderId });

/** `orderId` null: an order the server does not have yet, so nothing it holds is left out. */
export const getRecommendationsQueryOptions = (api: PosApi, productId: string, orderId: string | null) => ({
  queryKey: queryKeys.recommendations(productId, orderId ?? undefined),
  queryFn: () => getRecommendations(api, productId, orderId),
  // Combos have time windows and pairings change slowly: a minute is fresh enough; stock is live.
  staleTime: 60_000,
});

/** What to suggest with `productId` in this order (null: nothing to recommend for yet). */
export function useRecommendations(productId: string | null, orderId: string | null) {
  const api = useApi();
  return useQuery({ ...getRecommendationsQueryOptions(api, productId ?? '', orderId), enabled: productId !== null });
}
