import type { Till } from '@pos/contracts';
import { type PosApi, queryKeys, useApi } from '@pos/plugin-sdk';
import { useQuery } from '@tanstack/react-query';

export const tillsQueryKey = queryKeys.adminTills;

/** `GET /admin/tills`: the venue's tills, archived ones included, each with its open shift. */
export const getTills = (api: PosApi): Promise<{ tills: Till[] }> => api.adminTills();

/** The list; the devices section reads it too, for each tablet's till select. */
export function useTills() {
  const api = useApi();
  return useQuery({ queryKey: tillsQueryKey, queryFn: () => getTills(api) });
}
