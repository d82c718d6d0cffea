import { queryKeys, useApi } from '@pos/plugin-sdk';
import { useQuery } from '@tanstack/react-query';

export function useRoles() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.roles, queryFn: () => api.roles() });
}
