import type { ExternalStatus, KitchenTicket, Order } from '@pos/contracts';

/** The board's columns, left to right: where a delivery order is on its way to the courier. */
export const LANES = ['accepted', 'cooking', 'ready', 'picked_up'] as const;
export type Lane = (typeof LANES)[number];

/** The partner's word for the order; delivered and cancelled ones leave the board. */
const LANE_OF_STATUS: Record<ExternalStatus, Lane | null> = {
  accepted: 'accepted',
  cooking: 'cooking',
  ready_for_pickup: 'ready',
  picked_up: 'picked_up',
  delivered: null,
  cancelled: null,
};

/**
 * The kitchen's word for the order: every ticket served → the courier has it; every ticket ready
 * (or served) → ready for pickup; any ticket started → cooking. Cancellation tickets (all lines
 * negative) say nothing about the dishes still to cook. Null while the tickets are not known.
 */
export function kitchenLane(tickets: readonly KitchenTicket[] | undefined): Lane | null {
  const dishes = (tickets ?? []).filter((tk) => tk.items.some((i) => i.quantity > 0));
  if (dishes.length === 0) return null;
  if (dishes.every((tk) => tk.status === 'served')) return 'picked_up';
  if (dishes.every((tk) => tk.status === 'ready' || tk.status === 'served')) return 'ready';
  if (dishes.some((tk) => tk.status !== 'queued')) return 'cooking';
  return 'accepted';
}

/**
 * The column of a delivery order: the further of what the partner said and what the kitchen did
 * (a cook bumping the ticket ready moves the card before the partner hears of it). Null: not on
 * the board (not a delivery order, closed, delivered or cancelled).
 */
export function boardLane(order: Order, tickets?: readonly KitchenTicket[]): Lane | null {
  if (order.source !== 'delivery' || !order.delivery || order.status !== 'open') return null;
  const status = order.delivery.externalStatus ?? 'accepted';
  const partner = LANE_OF_STATUS[status];
  if (partner === null) return null;
  const kitchen = kitchenLane(tickets);
  return kitchen !== null && LANES.indexOf(kitchen) > LANES.indexOf(partner) ? kitchen : partner;
}

/** The dishes still standing on an order ("2 × Борщ"), combo and charge lines left out. */
export function standingDishes(order: Order): { name: string; quantity: number }[] {
  return order.lines.filter((l) => !l.isCharge && l.comboId === undefined && l.quantity - l.voidedQuantity > 0).map((l) => ({ name: l.name, quantity: l.quantity - l.voidedQuantity }));
}
