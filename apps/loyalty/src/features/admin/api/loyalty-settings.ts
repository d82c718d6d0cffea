import type { LoyaltySettings, UpdateLoyaltySettingsInput } from '@pos/contracts';
import { queryKeys, useApi, useHost } from '@pos/plugin-sdk';
import { useMutation, useQuery } from '@tanstack/react-query';

/** The venue's programme: points earned, what a point is worth, how long a gift card lasts. */
export function useLoyaltySettings() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.loyaltySettings, queryFn: (): Promise<LoyaltySettings> => api.loyaltySettings() });
}

/** Answers with the settings as they now stand. */
export function useSaveLoyaltySettings() {
  const api = useApi();
  const { queryClient } = useHost();
  return useMutation({
    mutationFn: (input: UpdateLoyaltySettingsInput) => api.saveLoyaltySettings(input),
    onSuccess: (settings) => queryClient.setQueryData(queryKeys.loyaltySettings, settings),
  });
}
