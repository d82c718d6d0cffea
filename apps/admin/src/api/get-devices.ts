import type { Device } from '@pos/contracts';
import { type PosApi, useApi } from '@pos/plugin-sdk';
import { useQuery } from '@tanstack/react-query';

/** Under 'admin' like the other admin lists (the api client's `queryKeys` has no entry for devices yet). */
export const devicesQueryKey = ['admin', 'devices'] as const;

/**
 * `GET /admin/devices`: the venue's enrolled tablets, revoked ones included. The api client has no
 * method for it yet, so this goes through its generic `client.get`.
 */
export const getDevices = (api: PosApi): Promise<{ devices: Device[] }> => api.client.get<{ devices: Device[] }>('/admin/devices');

/** The list; `refetchInterval` polls while something may change it elsewhere (a tablet enrolling). */
export function useDevices({ refetchInterval }: { refetchInterval?: number } = {}) {
  const api = useApi();
  return useQuery({ queryKey: devicesQueryKey, queryFn: () => getDevices(api), refetchInterval });
}
