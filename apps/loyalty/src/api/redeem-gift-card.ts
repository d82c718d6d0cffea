import { type PosApi, queryKeys, useApi, useHost } from '@pos/plugin-sdk';
import { useMutation } from '@tanstack/react-query';
import { publishOrder } from './order-cache';

export interface RedeemGiftCardRequest {
  code: string;
  orderId: string;
  checkIndex: number | null;
  amount: number;
  idempotencyKey: string;
}

export const redeemGiftCard = (api: PosApi, { code, orderId, checkIndex, amount, idempotencyKey }: RedeemGiftCardRequest) =>
  api.redeemGiftCard({ code, orderId, ...(checkIndex !== null ? { checkIndex } : {}), amount }, { idempotencyKey });

/** Pays part of the bill from a gift card; the order goes to the host's cache and the card is refetched. */
export function useRedeemGiftCard() {
  const api = useApi();
  const { queryClient } = useHost();
  return useMutation({
    mutationFn: (request: RedeemGiftCardRequest) => redeemGiftCard(api, request),
    onSuccess: (result, request) => {
      publishOrder(queryClient, result.order);
      void queryClient.invalidateQueries({ queryKey: queryKeys.giftCard(request.code) });
    },
  });
}
