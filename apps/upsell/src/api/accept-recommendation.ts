import { isOrderOnServer, type Order, type Recommendation } from '@pos/contracts';
import { problemText, useTranslation } from '@pos/i18n';
import { type PosApi, queryKeys, useApi, useHost } from '@pos/plugin-sdk';
import { useMutation } from '@tanstack/react-query';
import { comboReplacement } from '../model/suggestions';
import { recordAccepted } from './record-upsell-event';

/**
 * Puts a recommendation into the order, in the course selected on the order screen: a product as
 * one portion, a combo as one combo line at the combo price (its dishes in that course) that
 * takes over the unfired lines of its dishes.
 */
export function acceptRecommendation(api: PosApi, order: Order, item: Recommendation, course: number): Promise<Order> {
  if (item.kind === 'product') return api.addItems(order.id, [{ productId: item.productId, quantity: 1, course }]);
  const replaceLineIds = comboReplacement(item, order);
  return api.addCombo(order.id, { comboId: item.comboId, version: order.version, course, ...(replaceLineIds.length ? { replaceLineIds } : {}) });
}

/** Accepts a card, hands the new order to the shell's cache and records the acceptance. */
export function useAcceptRecommendation() {
  const api = useApi();
  const { queryClient, notify } = useHost();
  const { t } = useTranslation();
  return useMutation({
    mutationFn: (v: { order: Order; item: Recommendation; productId: string; course: number }) => acceptRecommendation(api, v.order, v.item, v.course),
    onSuccess: (next, { item, productId }) => {
      // The shell's order screen reads this cache entry; a newer version from the socket wins.
      queryClient.setQueryData<Order>(queryKeys.order(next.id), (cached) => (cached && cached.version > next.version ? cached : next));
      // Queued offline, the order may still be under its tablet id: the acceptance counts, unlinked.
      void recordAccepted(api, { productId, item, orderId: isOrderOnServer(next) ? next.id : undefined }).catch(() => undefined);
    },
    onError: (error) => notify('error', problemText(t, error)),
  });
}
