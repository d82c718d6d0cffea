import type { CustomerProfile } from '@pos/contracts';
import { type PosApi, queryKeys, useApi } from '@pos/plugin-sdk';
import { useQuery } from '@tanstack/react-query';

export const getCustomerProfile = (api: PosApi, customerId: string): Promise<CustomerProfile> => api.customerProfile(customerId);

export const getCustomerProfileQueryOptions = (api: PosApi, customerId: string) => ({
  queryKey: queryKeys.customerProfile(customerId),
  queryFn: () => getCustomerProfile(api, customerId),
});

/** The guest at the till: profile, points with their history, last visits, the venue's point value. */
export function useCustomerProfile(customerId: string | null, enabled = true) {
  const api = useApi();
  return useQuery({ ...getCustomerProfileQueryOptions(api, customerId ?? ''), enabled: enabled && customerId !== null });
}
