import { queryKeys, useApi, useBusEvent, useHost } from '@pos/plugin-sdk';
import { useQuery } from '@tanstack/react-query';

/** The venue's flags; kept live by `feature-flags.changed` (another admin, another tablet). */
export function useFeatureFlags({ enabled = true }: { enabled?: boolean } = {}) {
  const api = useApi();
  const { queryClient, session } = useHost();
  useBusEvent('feature-flags.changed', ({ venueId, flags }) => {
    if (venueId === session.venue.id) queryClient.setQueryData(queryKeys.flags, { flags });
  });
  return useQuery({ queryKey: queryKeys.flags, queryFn: () => api.featureFlags(), enabled });
}
