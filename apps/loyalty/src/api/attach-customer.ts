import { type PosApi, useApi, useHost } from '@pos/plugin-sdk';
import { useMutation } from '@tanstack/react-query';
import { publishOrder } from './order-cache';

export const attachCustomer = (api: PosApi, orderId: string, customerId: string, idempotencyKey: string) => api.attachCustomer(orderId, customerId, { idempotencyKey });
export const detachCustomer = (api: PosApi, orderId: string, idempotencyKey: string) => api.detachCustomer(orderId, { idempotencyKey });

/** Attaches a guest to the order: points are earned on its payments from now on. */
export function useAttachCustomer(orderId: string) {
  const api = useApi();
  const { queryClient } = useHost();
  return useMutation({
    mutationFn: ({ customerId, idempotencyKey }: { customerId: string; idempotencyKey: string }) => attachCustomer(api, orderId, customerId, idempotencyKey),
    onSuccess: (order) => publishOrder(queryClient, order),
  });
}

/** Detaches the guest (refused once points were earned or spent on the order). */
export function useDetachCustomer(orderId: string) {
  const api = useApi();
  const { queryClient } = useHost();
  return useMutation({
    mutationFn: ({ idempotencyKey }: { idempotencyKey: string }) => detachCustomer(api, orderId, idempotencyKey),
    onSuccess: (order) => publishOrder(queryClient, order),
  });
}
