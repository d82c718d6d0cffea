import type { Device } from '@pos/contracts';
import { type PosApi, useApi, useHost } from '@pos/plugin-sdk';
import { useMutation } from '@tanstack/react-query';
import { devicesQueryKey } from './get-devices';
import { newRequestId } from './request-id';
import { useReportError } from './use-report-error';

/** `PUT /admin/devices/{id}/till`: the tablet's payments book to this till's open shift (null: to the staff member's own). */
export const setDeviceTill = (api: PosApi, deviceId: string, tillId: string | null): Promise<Device> => api.setDeviceTill(deviceId, tillId, newRequestId());

export function useSetDeviceTill() {
  const api = useApi();
  const { queryClient } = useHost();
  const reportError = useReportError();
  return useMutation({
    mutationFn: ({ deviceId, tillId }: { deviceId: string; tillId: string | null }) => setDeviceTill(api, deviceId, tillId),
    onSuccess: (device) => {
      queryClient.setQueryData<{ devices: Device[] }>(devicesQueryKey, (list) => list && { devices: list.devices.map((d) => (d.id === device.id ? device : d)) });
      void queryClient.invalidateQueries({ queryKey: devicesQueryKey });
    },
    onError: reportError,
  });
}
