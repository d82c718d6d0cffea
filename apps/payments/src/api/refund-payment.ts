import type { RefundPaymentInput, RefundResult } from '@pos/contracts';
import { type PosApi, queryKeys } from '@pos/plugin-sdk';
import type { QueryClient } from '@tanstack/react-query';

/**
 * `POST /pos/finance/payments/{id}/refund`: the payment as it is now plus the slip of this refund.
 * `approval`: a supervisor's inline approval token, for staff without `payments.refund`.
 */
export const refundPayment = (api: Pick<PosApi, 'refundPayment'>, paymentId: string, input: RefundPaymentInput, approval?: string): Promise<RefundResult> =>
  approval ? api.refundPayment(paymentId, input, { approval }) : api.refundPayment(paymentId, input);

/** What a refund changes: the order's payments, the order itself and every order list it is in. */
export function invalidateAfterRefund(queryClient: QueryClient, orderId: string): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.payments(orderId) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.order(orderId) }),
    // ['orders', {}] matches every list, whatever its filter.
    queryClient.invalidateQueries({ queryKey: queryKeys.orders() }),
  ]);
}
