import type { PutShiftSettingsInput, ShiftAlerts, ShiftSettings } from '@pos/contracts';
import { type PosApi, useApi, useHost } from '@pos/plugin-sdk';
import { useMutation, useQuery } from '@tanstack/react-query';

export const shiftAlertsKeys = {
  alerts: ['shift', 'alerts'] as const,
  settings: ['admin', 'shift-settings'] as const,
};

/** Refetched this often besides on `shift.alert`: a reminder due while no event reached the tablet still shows. */
export const ALERTS_REFETCH_MS = 60_000;

export const getShiftAlerts = (api: PosApi): Promise<ShiftAlerts> => api.shiftAlerts();

export const getShiftAlertsQueryOptions = (api: PosApi) => ({ queryKey: shiftAlertsKeys.alerts, queryFn: () => getShiftAlerts(api) });

/** The shift reminders due now (the signed-in cashier's shifts, or every shift for a supervisor). */
export function useShiftAlerts(enabled: boolean) {
  const api = useApi();
  return useQuery({ ...getShiftAlertsQueryOptions(api), enabled, refetchInterval: ALERTS_REFETCH_MS });
}

export const getShiftSettings = (api: PosApi): Promise<ShiftSettings> => api.shiftSettings();

/** The venue's closeout hour, auto-close and the longest a shift may stay open. */
export function useShiftSettings() {
  const api = useApi();
  return useQuery({ queryKey: shiftAlertsKeys.settings, queryFn: () => getShiftSettings(api) });
}

export const saveShiftSettings = (api: PosApi, input: PutShiftSettingsInput) => api.saveShiftSettings(input);

/** Answers with the settings as they now stand; the alerts follow them (a new closeout hour). */
export function useSaveShiftSettings() {
  const api = useApi();
  const { queryClient } = useHost();
  return useMutation({
    mutationFn: (input: PutShiftSettingsInput) => saveShiftSettings(api, input),
    onSuccess: (settings) => {
      queryClient.setQueryData(shiftAlertsKeys.settings, settings);
      void queryClient.invalidateQueries({ queryKey: shiftAlertsKeys.alerts });
    },
  });
}
