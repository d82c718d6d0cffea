import { z } from 'zod';
import { FeatureSchema } from './admin';
import { IdSchema } from './common';
import { KitchenTicketSchema } from './kitchen';
import { ProductStockSchema } from './menu';
import { OrderSchema } from './orders';
import { TableSchema } from './venues';

/** Socket.IO is served on this path; namespaces below. */
export const SOCKET_PATH = '/ws';
export const SOCKET_NAMESPACES = { menu: '/menu-updates', pos: '/pos' } as const;

/** Every event the server pushes, by name; the same names travel on the browser's event bus. */
export const ServerEventSchemas = {
  'menu.stock': ProductStockSchema.extend({ venueId: IdSchema }),
  'order.updated': z.object({ venueId: IdSchema, order: OrderSchema }),
  'table.updated': z.object({ venueId: IdSchema, table: TableSchema }),
  'kitchen.ticket.updated': z.object({ venueId: IdSchema, ticket: KitchenTicketSchema }),
  'feature-flags.changed': z.object({ venueId: IdSchema, flags: z.record(FeatureSchema, z.boolean()) }),
} as const;

export type ServerEventName = keyof typeof ServerEventSchemas;
export type ServerEvent<N extends ServerEventName> = z.infer<(typeof ServerEventSchemas)[N]>;
export type ServerEvents = { [N in ServerEventName]: ServerEvent<N> };

/** Which namespace carries which event. */
export const EVENT_NAMESPACE: Record<ServerEventName, keyof typeof SOCKET_NAMESPACES> = {
  'menu.stock': 'menu',
  'order.updated': 'pos',
  'table.updated': 'pos',
  'kitchen.ticket.updated': 'pos',
  'feature-flags.changed': 'pos',
};
