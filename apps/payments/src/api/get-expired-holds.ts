import type { ExpiredHolds } from '@pos/contracts';
import { type PosApi, queryKeys, useApi, useBusEvent } from '@pos/plugin-sdk';
import { useQuery, useQueryClient } from '@tanstack/react-query';

/** Totals move with every payment: the list is asked again every 30 s. */
const REFRESH_MS = 30_000;

export const getExpiredHolds = (api: PosApi): Promise<ExpiredHolds> => api.expiredHolds();

export const getExpiredHoldsQueryOptions = (api: PosApi) => ({
  // The shell's key: its shift close refreshes the list once the day close settled them.
  queryKey: queryKeys.expiredHolds,
  queryFn: () => getExpiredHolds(api),
  refetchInterval: REFRESH_MS,
});

/**
 * Card holds past their expiry and what the day close will do with them, for staff who take
 * payments (`isAllowed`). Live: any payment moving may settle one.
 */
export function useExpiredHolds(isAllowed: boolean) {
  const api = useApi();
  const queryClient = useQueryClient();
  useBusEvent('payment.status', () => {
    if (isAllowed) void queryClient.invalidateQueries({ queryKey: queryKeys.expiredHolds });
  });
  return useQuery({ ...getExpiredHoldsQueryOptions(api), enabled: isAllowed });
}
