import { z } from 'zod';
import { FeatureSchema } from './admin';
import { PaymentActionSchema, PaymentSchema } from './finance';
import { SOCKET_NAMESPACES } from './constants';
import { IdSchema } from './common';
import { KitchenTicketSchema } from './kitchen';
import { MenuChangedEventSchema, ProductStockSchema } from './menu';
import { PromotionsChangedEventSchema } from './promotions';
import { OrderSchema } from './orders';
import { ReservationSchema } from './reservations';
import { ShiftAlertEventSchema } from './shift-alerts';
import { TableSchema } from './venues';


/** Every event the server pushes, by name; the same names travel on the browser's event bus. */
export const ServerEventSchemas = {
  'menu.stock': ProductStockSchema.extend({ venueId: IdSchema }),
  /** An admin changed products or categories (not stock): tablets catch up with `GET /pos/menu/changes`. */
  'menu.changed': MenuChangedEventSchema,
  'order.updated': z.object({ venueId: IdSchema, order: OrderSchema }),
  'table.updated': z.object({ venueId: IdSchema, table: TableSchema }),
  'kitchen.ticket.updated': z.object({ venueId: IdSchema, ticket: KitchenTicketSchema }),
  'feature-flags.changed': z.object({ venueId: IdSchema, flags: z.record(FeatureSchema, z.boolean()) }),
  /** A reservation was booked, changed, cancelled, seated or marked no-show. */
  'reservation.changed': z.object({ venueId: IdSchema, reservation: ReservationSchema }),
  /** A payment moved through its state machine (created, held, captured, refunded…). */
  'payment.status': z.object({ venueId: IdSchema, action: PaymentActionSchema, payment: PaymentSchema }),
  /**
   * A shift reminder the moment it becomes due (once per shift and kind, whichever API instance
   * sees it first), or `auto_closed` when the closeout hour closed the shift. The whole venue gets
   * it; a cashier's screen shows only their own shifts' (`alert.cashierId`).
   */
  'shift.alert': z.object({ venueId: IdSchema, alert: ShiftAlertEventSchema }),
  /** Promotions changed for the venue (a rule saved, a window opened or closed, a gating flag flipped): tablets refetch the active list. */
  'promotions.changed': PromotionsChangedEventSchema,
} as const;

export type ServerEventName = keyof typeof ServerEventSchemas;
export type ServerEvent<N extends ServerEventName> = z.infer<(typeof ServerEventSchemas)[N]>;
export type ServerEvents = { [N in ServerEventName]: ServerEvent<N> };

/** Which namespace carries which event. */
export const EVENT_NAMESPACE: Record<ServerEventName, keyof typeof SOCKET_NAMESPACES> = {
  'menu.stock': 'menu',
  'menu.changed': 'menu',
  'order.updated': 'pos',
  'table.updated': 'pos',
  'kitchen.ticket.updated': 'pos',
  'feature-flags.changed': 'pos',
  'reservation.changed': 'pos',
  'payment.status': 'pos',
  'shift.alert': 'pos',
  'promotions.changed': 'pos',
};

/** Events that exist only in the browser, on the shell's bus. */
export const ClientEventSchemas = {
  /** Derived by the shell from `kitchen.ticket.updated` when a ticket turns ready. */
  'kitchen.ticket.ready': z.object({ venueId: IdSchema, ticket: KitchenTicketSchema }),
  'connectivity.changed': z.object({
    state: z.enum(['online', 'offline', 'syncing']),
    pending: z.number().int().min(0),
  }),
  /** The plugin host's log: a remote loaded, failed, or was switched off. */
  'remote.status': z.object({
    name: z.string(),
    status: z.enum(['loading', 'loaded', 'failed', 'unmounted']),
    reason: z.string().optional(),
  }),
  'notification.toast': z.object({
    kind: z.enum(['info', 'success', 'warning', 'error']),
    message: z.string(),
    /** A shell path (e.g. `/order/<id>`) opened when the toast is tapped. */
    href: z.string().startsWith('/').optional(),
  }),
} as const;

export const BusEventSchemas = { ...ServerEventSchemas, ...ClientEventSchemas } as const;
export type BusEventName = keyof typeof BusEventSchemas;
export type BusEvents = { [N in BusEventName]: z.infer<(typeof BusEventSchemas)[N]> };
