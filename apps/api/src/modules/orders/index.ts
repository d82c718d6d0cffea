import type { AdminService } from '../admin/service';
import type { AuthService } from '../auth/service';
import type { MenuService } from '../menu/service';
import type { PromotionsService } from '../promotions/service';
import type { UpsellService } from '../upsell/service';
import type { VenuesService } from '../venues/service';
import { OrderEdits } from './order-edits';
import { OrderFiring } from './order-firing';
import { OrderHooks } from './order-hooks';
import { OrderLines } from './order-lines';
import { OrderPricing } from './order-pricing';
import { OrderReads } from './order-reads';
import { OrderTaking } from './order-taking';
import type { OrderKitchen, OrderPayments, OrderShifts } from './ports';

export type { FireDelta } from './line-state';
export type { OrderKitchen, OrderPayments, OrderShifts, PaymentShare } from './ports';
export type { OrderEdits, OrderFiring, OrderHooks, OrderLines, OrderPricing, OrderReads, OrderTaking };

/** The base services orders call directly, and the ports the domains above them fill in. */
export interface OrdersDeps {
  auth: AuthService;
  admin: AdminService;
  menu: MenuService;
  venues: VenuesService;
  upsell: UpsellService;
  promotions: PromotionsService;
  payments: OrderPayments;
  kitchen: OrderKitchen;
  shifts: OrderShifts;
}

/** The orders domain, by seam: reading, opening and changing orders, their lines, firing, and the hooks other domains call. */
export interface Orders {
  reads: OrderReads;
  taking: OrderTaking;
  lines: OrderLines;
  firing: OrderFiring;
  hooks: OrderHooks;
  pricing: OrderPricing;
}

export function createOrders({ auth, admin, menu, venues, upsell, promotions, payments, kitchen, shifts }: OrdersDeps): Orders {
  const reads = new OrderReads(auth, payments, promotions);
  const pricing = new OrderPricing(reads, venues, promotions);
  const edits = new OrderEdits(reads, venues, pricing);
  const lines = new OrderLines(reads, edits, menu, upsell, admin);
  const firing = new OrderFiring(reads, edits, kitchen);
  return {
    reads,
    taking: new OrderTaking(reads, edits, lines, menu, venues, shifts, pricing),
    lines,
    firing,
    hooks: new OrderHooks(reads, edits, firing, upsell),
    pricing,
  };
}
