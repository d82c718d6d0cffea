import { type PosApi, queryKeys, useApi, useHost } from '@pos/plugin-sdk';
import { useMutation } from '@tanstack/react-query';
import { publishOrder } from './order-cache';

export interface RedeemPointsRequest {
  orderId: string;
  checkIndex: number | null;
  points: number;
  customerId: string;
  /** One per intent: a retry of the same spend is recorded once. */
  idempotencyKey: string;
}

export const redeemPoints = (api: PosApi, { orderId, checkIndex, points, idempotencyKey }: RedeemPointsRequest) =>
  api.redeemPoints({ orderId, ...(checkIndex !== null ? { checkIndex } : {}), points }, { idempotencyKey });

/** Spends the attached guest's points on the bill (a `points` payment); the order and the guest's balance are refetched. */
export function useRedeemPoints() {
  const api = useApi();
  const { queryClient } = useHost();
  return useMutation({
    mutationFn: (request: RedeemPointsRequest) => redeemPoints(api, request),
    onSuccess: (result, request) => {
      publishOrder(queryClient, result.order);
      void queryClient.invalidateQueries({ queryKey: queryKeys.customerProfile(request.customerId) });
    },
  });
}
