import type { Roles } from '@pos/contracts';
import { queryKeys, useApi, useHost } from '@pos/plugin-sdk';
import { useMutation } from '@tanstack/react-query';
import { useReportError } from './use-report-error';

/** Replaces the permissions of the roles given (the others stay as they are). */
export function useSaveRoles() {
  const api = useApi();
  const { queryClient } = useHost();
  const reportError = useReportError();
  return useMutation({
    mutationFn: (roles: Roles['roles']) => api.saveRoles(roles),
    onSuccess: (result) => queryClient.setQueryData(queryKeys.roles, result),
    onError: reportError,
  });
}
