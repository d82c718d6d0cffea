import type { Order, Payment } from '@pos/contracts';
import type { Actor, Db, OutboundEvent } from '../../shared/command';

/**
 * What finance tells the domains above it (loyalty: points, gift cards) about money, inside the
 * command's transaction, so that a payment and what it earns — or a refund and what it takes back
 * or puts back — are written together or not at all. Wired in `composition.ts`.
 */
export interface PaymentListener {
  /** Payments just captured on `order` (as it is after them: paid, due, status). */
  captured(db: Db, actor: Actor, payments: Payment[], order: Order): Promise<OutboundEvent[]>;
  /**
   * `amount` was just refunded on `payment` (`payment.refunded` already counts it); `refundId` is
   * the refund's transition row. For a stored-value payment (giftcard, points) the listener must
   * put the value back where it came from — finance moves no money for it.
   */
  refunded(db: Db, actor: Actor, payment: Payment, amount: number, order: Order, refundId: string): Promise<OutboundEvent[]>;
}

/** Nobody listening (tests of finance alone, a venue without loyalty wiring). */
export const NO_PAYMENT_LISTENER: PaymentListener = { captured: async () => [], refunded: async () => [] };

/** A stored-value tender taken by the domain that owns the value (the card, the points account). */
export interface StoredValueTender {
  orderId: string;
  checkIndex?: number;
  method: 'giftcard' | 'points';
  amount: number;
  /** Shown on the receipt and in the payment (a card's masked code, "120 points"); never card data. */
  reference: string;
  shiftId?: string;
}
