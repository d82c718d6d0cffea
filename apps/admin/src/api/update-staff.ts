import type { Role } from '@pos/contracts';
import { queryKeys, useApi, useHost } from '@pos/plugin-sdk';
import { useMutation } from '@tanstack/react-query';

export interface UpdateStaffInput {
  name?: string;
  role?: Role;
  pin?: string;
  isActive?: boolean;
}

/**
 * `PATCH /admin/staff/{id}` with only what changed. Errors are left to the caller: the form shows
 * them at its fields, the list says why a deactivation was refused (e.g. `staff.last_admin`).
 */
export function useUpdateStaff() {
  const api = useApi();
  const { queryClient } = useHost();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: UpdateStaffInput }) => api.updateStaff(id, changes),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.staff }),
  });
}
