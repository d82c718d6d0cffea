import type { Role } from '@pos/contracts';
import { queryKeys, useApi, useHost } from '@pos/plugin-sdk';
import { useMutation } from '@tanstack/react-query';
import { useReportError } from './use-report-error';

export interface UpdateStaffInput {
  name?: string;
  role?: Role;
  pin?: string;
  isActive?: boolean;
}

export function useUpdateStaff() {
  const api = useApi();
  const { queryClient } = useHost();
  const reportError = useReportError();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: UpdateStaffInput }) => api.updateStaff(id, changes),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.staff }),
    onError: reportError,
  });
}
