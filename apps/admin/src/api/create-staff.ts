import type { Role } from '@pos/contracts';
import { queryKeys, useApi, useHost } from '@pos/plugin-sdk';
import { useMutation } from '@tanstack/react-query';

export interface CreateStaffInput {
  name: string;
  role: Role;
  pin: string;
}

/**
 * `POST /admin/staff`. Errors are left to the form: a taken or too short PIN is shown at the PIN
 * field (problem+json code / `errors[].path`), not as a toast.
 */
export function useCreateStaff() {
  const api = useApi();
  const { queryClient } = useHost();
  return useMutation({
    mutationFn: (input: CreateStaffInput) => api.createStaff(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.staff }),
  });
}
