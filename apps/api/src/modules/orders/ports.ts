import type { KitchenTicket, Order } from '@pos/contracts';
import type { Actor, Db, Outcome } from '../../shared/command';
import type { FireDelta } from './line-state';

/**
 * What orders need to know from the domains above them. Orders declare the ports; kitchen,
 * finance and shifts implement them, and `composition.ts` plugs them in — so the imports keep
 * pointing one way (kitchen/finance/shifts → orders) while an order still reads its payments,
 * fires tickets and books to a shift inside the same transaction.
 */

/** Each captured payment's share of its order (refunds come off): what `paid`, `tips` and the checks add up. */
export interface PaymentShare {
  orderId: string;
  checkIndex: number | null;
  amount: number;
  tip: number;
}

/** Finance answers what was paid on orders. */
export interface OrderPayments {
  paymentShares(db: Db, orderIds: string[]): Promise<PaymentShare[]>;
}

/** The kitchen takes a firing as tickets, one per station, and tells its screens. */
export interface OrderKitchen {
  createTickets(db: Db, venueId: string, order: Order, deltas: FireDelta[]): Promise<Outcome<KitchenTicket[]>>;
}

/** Shifts say which cash shift a new order books to (none yet is fine). */
export interface OrderShifts {
  shiftForOrder(db: Db, actor: Actor, shiftId?: string): Promise<string | null>;
}
