import type { RefundFlowState } from './refund-flow';

export type UnfinishedRefund = Extract<RefundFlowState, { kind: 'unknown' | 'failed' }>;

/**
 * Refunds left unknown (the terminal did not answer) or unrecorded (the server's answer was lost),
 * by payment, for this tablet session. Closing the dialog does not lose them: opening it again on
 * that payment resumes the same attempt with the same keys, so nothing is refunded twice.
 */
export function createPendingRefunds() {
  const byPayment = new Map<string, UnfinishedRefund>();
  return {
    get: (paymentId: string): UnfinishedRefund | undefined => byPayment.get(paymentId),
    /** Keeps an unfinished refund, forgets a finished one (done, declined, refused). */
    follow(paymentId: string, state: RefundFlowState) {
      if (state.kind === 'unknown' || state.kind === 'failed') byPayment.set(paymentId, state);
      else if (state.kind !== 'busy') byPayment.delete(paymentId);
    },
  };
}

export type PendingRefunds = ReturnType<typeof createPendingRefunds>;

/** The tablet's one list. */
export const tabletPendingRefunds = createPendingRefunds();
