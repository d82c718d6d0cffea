import type { Order } from '@pos/contracts';
import { queryKeys } from '@pos/plugin-sdk';
import type { QueryClient } from '@tanstack/react-query';

/**
 * Puts the order the server answered with into the host's cache and refetches its payments:
 * the order screen and the pay dialog read that cache, so they show the guest, the new line or
 * the amount paid at once (the same way the payments remote's tap to pay tells the dialog).
 */
export function publishOrder(queryClient: QueryClient, order: Order): void {
  queryClient.setQueryData(queryKeys.order(order.id), order);
  void queryClient.invalidateQueries({ queryKey: queryKeys.payments(order.id) });
}
