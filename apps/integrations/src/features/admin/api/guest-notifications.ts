import type { NotificationListQuery, SendNotificationInput } from '@pos/contracts';
import { queryKeys, useApi, useHost } from '@pos/plugin-sdk';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { newRequestId } from '../../../api/request-id';

/** How often a page with messages still on their way is fetched again (they end sent or dead within seconds). */
export const NOTIFICATION_POLL_MS = 5000;

/**
 * One page of the guest notification log (`notifications.send`); the page shown stays while the
 * next loads, and is fetched again while any of its messages is queued or being retried.
 */
export function useNotifications(query: Partial<NotificationListQuery>) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.notifications(query),
    queryFn: () => api.notifications(query),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data?.notifications.some((n) => n.status === 'queued' || n.status === 'failed') ? NOTIFICATION_POLL_MS : false),
  });
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
