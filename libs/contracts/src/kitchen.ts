import { z } from 'zod';
import { ClientRequestIdSchema, IdSchema, IsoDateTimeSchema, VersionSchema } from './common';
import { OrderSchema } from './orders';

export const TICKET_STATUSES = ['queued', 'cooking', 'ready', 'served'] as const;
export const TicketStatusSchema = z.enum(TICKET_STATUSES);
export type TicketStatus = z.infer<typeof TicketStatusSchema>;

/**
 * The one transition table of a kitchen ticket; anything else is a 409. Tickets only move
 * forward, with one exception: the kitchen display's recall (ready → cooking), for a dish bumped
 * ready too soon or sent back from the pass — the waiter was already told "ready", so the ticket
 * must say it is not. Nothing goes back to queued: once a cook has started, "queued" would
 * tell the waiter and the other screens that nobody has.
 */
export const TICKET_TRANSITIONS: Record<TicketStatus, readonly TicketStatus[]> = {
  queued: ['cooking', 'ready'],
  cooking: ['ready'],
  ready: ['served', 'cooking'],
  served: [],
};

export const TicketItemSchema = z.object({
  id: IdSchema,
  lineId: IdSchema,
  name: z.string(),
  modifiers: z.array(z.string()),
  /** Negative for a cancellation: the kitchen must stop that many. */
  quantity: z.number().int(),
  note: z.string().nullable(),
  kind: z.enum(['add', 'cancel', 'note']),
});
export type TicketItem = z.infer<typeof TicketItemSchema>;

export const KitchenTicketSchema = z.object({
  id: IdSchema,
  number: z.number().int(),
  orderId: IdSchema,
  orderNumber: z.number().int(),
  tableId: IdSchema.nullable(),
  tableLabel: z.string().nullable(),
  /** The hall of the ticket's table; null for an order without a table (takeaway). */
  hallId: IdSchema.nullable(),
  hallName: z.string().nullable(),
  waiterId: IdSchema,
  waiterName: z.string(),
  stationId: IdSchema,
  stationCode: z.string(),
  course: z.number().int().nullable(),
  /**
   * The order's courses the waiter holds back that still have dishes the kitchen has not been
   * sent: more is coming for this table. Ascending; empty when nothing waits.
   */
  heldCourses: z.array(z.number().int()),
  status: TicketStatusSchema,
  items: z.array(TicketItemSchema),
  createdAt: IsoDateTimeSchema,
  statusChangedAt: IsoDateTimeSchema,
  version: VersionSchema,
  /** A delivery partner's order (issue 20): the partner and its order id, for the cook to see; null for the till's own. */
  delivery: z.object({ partnerName: z.string(), externalId: z.string() }).nullable().optional(),
});
export type KitchenTicket = z.infer<typeof KitchenTicketSchema>;

export const TicketsQuerySchema = z.strictObject({
  station: z.string().min(1).max(32).optional(),
  /** `active` (default) lists everything not yet served. */
  status: z.union([TicketStatusSchema, z.literal('active')]).optional(),
  orderId: IdSchema.optional(),
});
export type TicketsQuery = z.infer<typeof TicketsQuerySchema>;

export const TicketStatusInputSchema = z.strictObject({
  status: TicketStatusSchema,
  /** Optional optimistic check: the version the cook's screen showed. */
  version: VersionSchema.optional(),
  clientRequestId: ClientRequestIdSchema.optional(),
});
export type TicketStatusInput = z.infer<typeof TicketStatusInputSchema>;

export const LineKitchenStatusSchema = z.enum(['not_fired', ...TICKET_STATUSES]);
export type LineKitchenStatus = z.infer<typeof LineKitchenStatusSchema>;

export const KitchenStatusSchema = z.object({
  orderId: IdSchema,
  tickets: z.array(KitchenTicketSchema),
  lines: z.array(
    z.object({
      lineId: IdSchema,
      name: z.string(),
      quantity: z.number().int(),
      firedQuantity: z.number().int(),
      /** The least advanced status among the line's fired portions. */
      status: LineKitchenStatusSchema,
      readyAt: IsoDateTimeSchema.nullable(),
    }),
  ),
});
export type KitchenStatus = z.infer<typeof KitchenStatusSchema>;

/** What a firing produced: only the changes since the previous firing, grouped by station. */
export const SendOrderResultSchema = z.object({
  order: OrderSchema,
  tickets: z.array(KitchenTicketSchema),
});
export type SendOrderResult = z.infer<typeof SendOrderResultSchema>;
