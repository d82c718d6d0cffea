import { queryKeys, useApi } from '@pos/plugin-sdk';
import { useQuery } from '@tanstack/react-query';

export function useRemotes() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.remotes, queryFn: () => api.remotes() });
}
