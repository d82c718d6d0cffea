import type { Order, Payment } from '@pos/contracts';
import type { Actor, Db, OutboundEvent } from '../../../shared/command';
import type { LoyaltyDeps } from '../deps';

// WORK IN PROGRESS (issue 18): the listener methods below are filled in by the gift-cards work.
export class GiftCardsService {
  constructor(private readonly deps: LoyaltyDeps) {}

  async captured(_db: Db, _actor: Actor, _payments: Payment[], _order: Order): Promise<OutboundEvent[]> {
    return [];
  }

  async refunded(_db: Db, _actor: Actor, _payment: Payment, _amount: number, _order: Order, _refundId: string): Promise<OutboundEvent[]> {
    return [];
  }
}
