import type { PaymentSettings, UpdatePaymentSettingsInput } from '@pos/contracts';
import { type PosApi, queryKeys, useApi, useHost } from '@pos/plugin-sdk';
import { useMutation } from '@tanstack/react-query';

/** `PUT /admin/payments/settings` with only the fields that changed; answers the settings as stored. */
export const savePaymentSettings = (api: PosApi, changes: UpdatePaymentSettingsInput): Promise<PaymentSettings> => api.savePaymentSettings(changes);

/**
 * Saves and puts the stored settings in the cache. Errors are left to the form: a refused field
 * is shown at that field (problem+json paths), not as a toast.
 */
export function useSavePaymentSettings() {
  const api = useApi();
  const { queryClient } = useHost();
  return useMutation({
    mutationFn: (changes: UpdatePaymentSettingsInput) => savePaymentSettings(api, changes),
    onSuccess: (stored) => queryClient.setQueryData(queryKeys.paymentSettings, stored),
  });
}
