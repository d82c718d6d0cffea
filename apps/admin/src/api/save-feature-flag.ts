import type { Feature } from '@pos/contracts';
import { queryKeys, useApi, useHost } from '@pos/plugin-sdk';
import { useMutation } from '@tanstack/react-query';
import { useReportError } from './use-report-error';

/** Switches one feature; the API tells every shell of the venue, which re-reads its remotes. */
export function useSaveFeatureFlag() {
  const api = useApi();
  const { queryClient } = useHost();
  const reportError = useReportError();
  return useMutation({
    mutationFn: ({ feature, isEnabled }: { feature: Feature; isEnabled: boolean }) => api.saveFeatureFlags({ [feature]: isEnabled }),
    onSuccess: (result) => queryClient.setQueryData(queryKeys.flags, result),
    onError: reportError,
  });
}
