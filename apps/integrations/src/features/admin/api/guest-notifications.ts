import type { NotificationListQuery, SendNotificationInput } from '@pos/contracts';
import { queryKeys, useApi, useHost } from '@pos/plugin-sdk';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { newRequestId } from '../../../api/request-id';

/** One page of the guest notification log (`notifications.send`); the page shown stays while the next loads. */
export function useNotifications(query: Partial<NotificationListQuery>) {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.notifications(query), queryFn: () => api.notifications(query), placeholderData: keepPreviousData });
}

/** Every page of the log is stale after a send or a resend. */
function useRefreshNotifications() {
  const { queryClient } = useHost();
  return () => void queryClient.invalidateQueries({ queryKey: ['admin', 'notifications'] });
}

/** Queues an SMS or email; the log is fetched again. */
export function useSendNotification() {
  const api = useApi();
  const refresh = useRefreshNotifications();
  return useMutation({ mutationFn: (input: SendNotificationInput) => api.sendNotification(input), onSuccess: refresh });
}

/** A dead notification again (attempts start over); the log is fetched again. */
export function useResendNotification() {
  const api = useApi();
  const refresh = useRefreshNotifications();
  return useMutation({ mutationFn: (id: string) => api.resendNotification(id, { clientRequestId: newRequestId() }), onSuccess: refresh });
}
