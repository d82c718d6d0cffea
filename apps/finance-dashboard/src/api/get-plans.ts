import type { Plans } from '@pos/contracts';
import { type PosApi, queryKeys, useApi } from '@pos/plugin-sdk';
import { useQuery } from '@tanstack/react-query';

export const getPlans = (api: PosApi): Promise<Plans> => api.plans();

export const getPlansQueryOptions = (api: PosApi) => ({ queryKey: queryKeys.plans, queryFn: () => getPlans(api) });

/** The venue's revenue plan: 24 hour targets for each weekday and the on-plan threshold. */
export function usePlans() {
  const api = useApi();
  return useQuery(getPlansQueryOptions(api));
}
