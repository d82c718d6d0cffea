import { queryKeys } from '@pos/api-client';
import type { Order, OrdersQuery } from '@pos/contracts';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useServices } from '../../core/services-context';

/**
 * The venue's orders of a business day, live: an order changing (`order.updated`) or a payment
 * moving (`payment.status`, a refund too) refetches the list. The socket bridge already refetches
 * every orders query on `order.updated`; a refetch that started after the latest event is not
 * started again, so one event costs one request.
 */
export function useDayOrders(query: OrdersQuery) {
  const { api, bus, queryClient } = useServices();
  const queryKey = queryKeys.orders(query);
  /** Events seen, and how many had been seen when the running fetch started. */
  const seen = useRef({ events: 0, atFetch: -1 });

  const orders = useQuery({
    queryKey,
    queryFn: () => {
      seen.current.atFetch = seen.current.events;
      return api.orders(query);
    },
    // Another tab of the same day: show its rows from the "all" list until the API answers.
    placeholderData: () =>
      query.status && query.date ? queryClient.getQueryData<Order[]>(queryKeys.orders({ date: query.date }))?.filter((o) => o.status === query.status) : undefined,
  });

  const key = JSON.stringify(queryKey);
  useEffect(() => {
    const exactKey = JSON.parse(key) as unknown[];
    const refetch = () => {
      seen.current.events += 1;
      // After the bridge's own invalidation of the same event (it runs right after the bus).
      queueMicrotask(() => {
        const state = queryClient.getQueryState(exactKey);
        if (state?.fetchStatus === 'fetching' && seen.current.atFetch === seen.current.events) return;
        void queryClient.invalidateQueries({ queryKey: exactKey, exact: true });
      });
    };
    const subs = [bus.on('order.updated').subscribe(refetch), bus.on('payment.status').subscribe(refetch)];
    return () => subs.forEach((s) => s.unsubscribe());
  }, [bus, queryClient, key]);

  return orders;
}
