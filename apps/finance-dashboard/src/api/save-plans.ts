import type { PutPlansInput } from '@pos/contracts';
import { type PosApi, queryKeys, useApi, useHost } from '@pos/plugin-sdk';
import { useMutation } from '@tanstack/react-query';

export const savePlans = (api: PosApi, input: PutPlansInput) => api.savePlans(input);

/** Answers with the plan as it now stands: the cache takes it, and the dashboards recompute against it. */
export function useSavePlans() {
  const api = useApi();
  const { queryClient } = useHost();
  return useMutation({
    mutationFn: (input: PutPlansInput) => savePlans(api, input),
    onSuccess: (plans) => {
      queryClient.setQueryData(queryKeys.plans, plans);
      void queryClient.invalidateQueries({ queryKey: ['finance', 'dashboard'] });
    },
  });
}
