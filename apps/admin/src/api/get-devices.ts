import type { Device } from '@pos/contracts';
import { type PosApi, queryKeys, useApi } from '@pos/plugin-sdk';
import { useQuery } from '@tanstack/react-query';

export const devicesQueryKey = queryKeys.devices;

/** `GET /admin/devices`: the venue's enrolled tablets, revoked ones included. */
export const getDevices = (api: PosApi): Promise<{ devices: Device[] }> => api.devices();

/** The list; `refetchInterval` polls while something may change it elsewhere (a tablet enrolling). */
export function useDevices({ refetchInterval }: { refetchInterval?: number } = {}) {
  const api = useApi();
  return useQuery({ queryKey: devicesQueryKey, queryFn: () => getDevices(api), refetchInterval });
}
