import type { PaymentSettings } from '@pos/contracts';
import { type PosApi, queryKeys, useApi } from '@pos/plugin-sdk';
import { useQuery } from '@tanstack/react-query';

/** `GET /admin/payments/settings`: the venue's rules for tips over a hold, hold expiry and day close. */
export const getPaymentSettings = (api: PosApi): Promise<PaymentSettings> => api.paymentSettings();

export const getPaymentSettingsQueryOptions = (api: PosApi) => ({
  queryKey: queryKeys.paymentSettings,
  queryFn: () => getPaymentSettings(api),
});

export function usePaymentSettings() {
  const api = useApi();
  return useQuery(getPaymentSettingsQueryOptions(api));
}
