import { queryKeys } from '@pos/api-client';
import { isOrderOnServer, type LineKitchenStatus, type Order, type OrderLine } from '@pos/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useServices } from '../../core/services-context';

/**
 * What a line's badge says. Before the kitchen has it: `new`, `changed` (fired, edited since) or
 * `waiting` (its fire is still in the outbox). Once fired: where the kitchen is with it —
 * `queued`, `cooking`, `ready` (at the pass), `served`; `fired` while that is not known (offline).
 */
export type LineKitchenLabel = 'new' | 'changed' | 'waiting' | 'fired' | 'queued' | 'cooking' | 'ready' | 'served';

export function lineKitchenLabel(line: Pick<OrderLine, 'kitchenState'>, isAwaitingFire: boolean, status: LineKitchenStatus | undefined): LineKitchenLabel {
  if (isAwaitingFire) return 'waiting';
  if (line.kitchenState !== 'fired') return line.kitchenState;
  return status && status !== 'not_fired' ? status : 'fired';
}

const NONE: ReadonlyMap<string, LineKitchenStatus> = new Map();

/**
 * Each fired line's kitchen status, live: read from the server and re-read whenever a ticket of
 * this order changes (the socket invalidates it) or the order does. Offline, or for an order the
 * server does not have yet, it is empty and the lines fall back to what the order itself knows.
 */
export function useLineKitchenStatuses(order: Pick<Order, 'id' | 'number' | 'version' | 'lines'>): ReadonlyMap<string, LineKitchenStatus> {
  const { api } = useServices();
  const hasFired = order.lines.some((l) => l.firedQuantity > 0);
  const { data } = useQuery({
    queryKey: [...queryKeys.kitchenStatus(order.id), order.version],
    queryFn: () => api.kitchenStatus(order.id),
    // A number is given by the server: an order queued offline has none yet.
    enabled: hasFired && isOrderOnServer(order),
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 30_000,
  });
  return useMemo(() => (data ? new Map(data.lines.map((l) => [l.lineId, l.status])) : NONE), [data]);
}
