import { queryKeys, useApi, useHost } from '@pos/plugin-sdk';
import { useMutation } from '@tanstack/react-query';
import { useReportError } from './use-report-error';

/** Points a remote at a published build; screens of the venue load it on their next sync. */
export function useSaveRemote() {
  const api = useApi();
  const { queryClient } = useHost();
  const reportError = useReportError();
  return useMutation({
    mutationFn: ({ name, version, manifestUrl }: { name: string; version: string; manifestUrl: string }) => api.saveRemote(name, { version, manifestUrl }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.remotes }),
    onError: reportError,
  });
}
