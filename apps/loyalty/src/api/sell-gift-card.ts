import { type PosApi, useApi, useHost } from '@pos/plugin-sdk';
import { useMutation } from '@tanstack/react-query';
import { publishOrder } from './order-cache';

export interface SellGiftCardRequest {
  orderId: string;
  amount: number;
  idempotencyKey: string;
}

export const sellGiftCard = (api: PosApi, { orderId, amount, idempotencyKey }: SellGiftCardRequest) => api.sellGiftCard({ orderId, amount }, { idempotencyKey });

/** Sells a gift card on the order (a line of it); the card is active once the order is paid. */
export function useSellGiftCard() {
  const api = useApi();
  const { queryClient } = useHost();
  return useMutation({
    mutationFn: (request: SellGiftCardRequest) => sellGiftCard(api, request),
    onSuccess: (result) => publishOrder(queryClient, result.order),
  });
}
