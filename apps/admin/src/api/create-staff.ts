import type { Role } from '@pos/contracts';
import { queryKeys, useApi, useHost } from '@pos/plugin-sdk';
import { useMutation } from '@tanstack/react-query';
import { useReportError } from './use-report-error';

export interface CreateStaffInput {
  name: string;
  role: Role;
  pin: string;
}

export function useCreateStaff() {
  const api = useApi();
  const { queryClient } = useHost();
  const reportError = useReportError();
  return useMutation({
    mutationFn: (input: CreateStaffInput) => api.createStaff(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.staff }),
    onError: reportError,
  });
}
