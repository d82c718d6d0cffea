import { queryKeys, useApi } from '@pos/plugin-sdk';
import { useQuery } from '@tanstack/react-query';

export function useStaff() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.staff, queryFn: () => api.staff() });
}
