import type { Order } from '@pos/contracts';
import { type PosApi, queryKeys, useApi, useHost } from '@pos/plugin-sdk';
import { useMutation } from '@tanstack/react-query';

export interface ApplyPromotionCommand {
  ruleId: string;
  /** true takes a manually applied rule off the order. */
  remove?: boolean;
  /** One key per tap: a retry after a lost answer is applied once. */
  idempotencyKey: string;
}

export const applyPromotion = (api: PosApi, order: Pick<Order, 'id' | 'version'>, { ruleId, remove, idempotencyKey }: ApplyPromotionCommand) =>
  api.applyPromotion(order.id, { ruleId, ...(remove ? { remove: true } : {}), version: order.version }, { idempotencyKey });

/**
 * Applies a manual promotion to the order (or takes it off). The answer is the re-priced order: it
 * goes into the host's cache, so the order screen and the pay dialog show the new total at once.
 */
export function useApplyPromotion(order: Pick<Order, 'id' | 'version'>) {
  const api = useApi();
  const { queryClient } = useHost();
  return useMutation({
    mutationFn: (command: ApplyPromotionCommand) => applyPromotion(api, order, command),
    onSuccess: (next) => {
      queryClient.setQueryData(queryKeys.order(next.id), next);
      void queryClient.invalidateQueries({ queryKey: queryKeys.orderPromotions(next.id) });
    },
  });
}
