import type { Dashboard, DashboardQuery } from '@pos/contracts';
import { problemCode } from '@pos/i18n';
import { type PosApi, queryKeys, useApi } from '@pos/plugin-sdk';
import { useQuery } from '@tanstack/react-query';

/** Between payment events the figures refresh this often anyway (another till, a refund elsewhere). */
export const REFRESH_MS = 30_000;

export const getFinanceDashboard = (api: PosApi, query: DashboardQuery): Promise<Dashboard> => api.financeDashboard(query);

export const getFinanceDashboardQueryOptions = (api: PosApi, query: DashboardQuery) => ({
  queryKey: queryKeys.financeDashboard(query),
  queryFn: () => getFinanceDashboard(api, query),
});

/** No open shift of the caller's: an empty state, not an error, and nothing to retry. */
export const isNoShift = (error: unknown): boolean => problemCode(error) === 'shift.not_open';

/**
 * The dashboard, refreshed every 30 s while online. Offline it keeps the last answer (a failed
 * refetch leaves `data` as it was) and stops polling until the network is back.
 */
export function useFinanceDashboard(query: DashboardQuery, isOffline: boolean) {
  const api = useApi();
  return useQuery({
    ...getFinanceDashboardQueryOptions(api, query),
    refetchInterval: isOffline ? false : REFRESH_MS,
    retry: (count, error) => !isOffline && !isNoShift(error) && count < 1,
  });
}
