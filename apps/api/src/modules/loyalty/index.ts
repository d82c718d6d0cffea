import type { PaymentListener } from '../finance';
import type { LoyaltyDeps } from './deps';
import { GiftCardsService } from './gift-cards/service';
import { PointsService } from './points/service';
import { LoyaltySettingsService } from './settings';

/**
 * Loyalty at the till (issue 18), over finance: the guest attached to an order, points earned on
 * what is paid and spent as a tender (`points/`), gift cards sold on an order and redeemed as a
 * tender (`gift-cards/`). Finance tells it of captures and refunds through its `PaymentListener`
 * port, in the command's transaction.
 */
export interface Loyalty {
  settings: LoyaltySettingsService;
  points: PointsService;
  giftCards: GiftCardsService;
  listener: PaymentListener;
}

export function createLoyalty(base: Omit<LoyaltyDeps, 'settings'>): Loyalty {
  const settings = new LoyaltySettingsService(base.admin);
  const deps: LoyaltyDeps = { ...base, settings };
  const points = new PointsService(deps);
  const giftCards = new GiftCardsService(deps);
  const listener: PaymentListener = {
    captured: async (...args) => [...(await points.captured(...args)), ...(await giftCards.captured(...args))],
    refunded: async (...args) => [...(await giftCards.refunded(...args)), ...(await points.refunded(...args))],
  };
  return { settings, points, giftCards, listener };
}
