import { ApiError, queryKeys, useApi, useHost } from '@pos/plugin-sdk';
import { useMutation } from '@tanstack/react-query';
import { useReportError } from './use-report-error';

/** The server's reason for refusing a manifest URL (400 at body.manifestUrl: not allowed, no build, entry elsewhere). */
export function manifestProblem(error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  const messages = (error.problem.errors ?? []).filter((e) => e.path === 'body.manifestUrl').map((e) => e.message);
  return messages.length > 0 ? [...new Set(messages)].join('; ') : null;
}

/**
 * Points a remote at a published build (the server stores the hash of its entry); screens of the
 * venue load it on their next sync. A refused manifest URL is left to the dialog, shown at its field.
 */
export function useSaveRemote() {
  const api = useApi();
  const { queryClient } = useHost();
  const reportError = useReportError();
  return useMutation({
    mutationFn: ({ name, version, manifestUrl }: { name: string; version: string; manifestUrl: string }) => api.saveRemote(name, { version, manifestUrl }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.remotes }),
    onError: (error) => {
      if (!manifestProblem(error)) reportError(error);
    },
  });
}
