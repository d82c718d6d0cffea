import type { Device } from '@pos/contracts';
import { type PosApi, useApi, useHost } from '@pos/plugin-sdk';
import { useMutation } from '@tanstack/react-query';
import { devicesQueryKey } from './get-devices';
import { useReportError } from './use-report-error';

/** `POST /admin/devices/{id}/revoke`: no more sign-ins from the tablet; everyone on it is signed out now. */
export const revokeDevice = (api: PosApi, id: string): Promise<Device> => api.revokeDevice(id);

export function useRevokeDevice() {
  const api = useApi();
  const { queryClient } = useHost();
  const reportError = useReportError();
  return useMutation({
    mutationFn: (id: string) => revokeDevice(api, id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: devicesQueryKey }),
    onError: reportError,
  });
}
