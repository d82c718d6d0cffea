import type { ActivePromotions } from '@pos/contracts';
import { type PosApi, queryKeys, useApi, useBusEvent, useHost } from '@pos/plugin-sdk';
import { useQuery } from '@tanstack/react-query';

/** Between events the list refreshes this often anyway (a window that opened on the server's clock). */
export const REFRESH_MS = 60_000;

export const getActivePromotions = (api: PosApi): Promise<ActivePromotions> => api.activePromotions();

export const getActivePromotionsQueryOptions = (api: PosApi) => ({
  queryKey: queryKeys.activePromotions,
  queryFn: () => getActivePromotions(api),
});

/**
 * The venue's promotions that apply now or start within 24 h, shared by the widget and the order
 * summary (one query). Refetched when the server says promotions or flags changed, when the
 * network is back, and every minute while online; offline the last answer stays (`dataUpdatedAt`
 * is when it arrived: the countdowns run from there).
 */
export function useActivePromotions(isOffline: boolean) {
  const api = useApi();
  const { queryClient } = useHost();
  const refetch = () => void queryClient.invalidateQueries({ queryKey: queryKeys.activePromotions });
  useBusEvent('promotions.changed', refetch);
  useBusEvent('feature-flags.changed', refetch);
  useBusEvent('connectivity.changed', ({ state }) => {
    if (state === 'online') refetch();
  });
  return useQuery({
    ...getActivePromotionsQueryOptions(api),
    refetchInterval: isOffline ? false : REFRESH_MS,
    retry: (count) => !isOffline && count < 1,
  });
}
