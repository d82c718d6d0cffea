import { z } from 'zod';
import { ClientRequestIdSchema, IdSchema, InputInstantSchema, IsoDateTimeSchema, queryInteger, VersionSchema } from './common';

/**
 * External integrations (issue 20): delivery partners sending orders and status changes in, and
 * webhook endpoints the venue's order changes go out to. Both directions are signed the Standard
 * Webhooks way (`webhook-id`, `webhook-timestamp`, `webhook-signature` = base64 HMAC-SHA256 of
 * `id.timestamp.body` with the secret, `v1,` first; several space-separated during a rotation;
 * 5 minutes' tolerance), with the `standardwebhooks` library on our side.
 */

/** A Standard Webhooks secret: `whsec_` and 32 random bytes in base64. Shown to admins only. */
export const WebhookSecretSchema = z.string().regex(/^whsec_[A-Za-z0-9+/]{43}=$/, 'whsec_ and 32 bytes in base64');

/** How long the previous secret stays valid after a rotation, in hours (0: at once invalid). */
export const RotationGraceHoursSchema = z.number().int().min(0).max(168);
export const DEFAULT_ROTATION_GRACE_HOURS = 24;

export const RotateSecretInputSchema = z.strictObject({
  /** How long the secret being replaced stays valid (partners switch over meanwhile). */
  graceHours: RotationGraceHoursSchema.default(DEFAULT_ROTATION_GRACE_HOURS),
  version: VersionSchema,
  clientRequestId: ClientRequestIdSchema.optional(),
});
export type RotateSecretInput = z.infer<typeof RotateSecretInputSchema>;

// ---------------------------------------------------------------------------------------------
// Delivery partners (inbound)

const NameSchema = z.string().trim().min(1).max(100);

export const IntegrationSchema = z.object({
  id: IdSchema,
  name: z.string(),
  enabled: z.boolean(),
  /** The current signing secret of the partner's webhooks to us. */
  secret: WebhookSecretSchema,
  /** Until when the replaced secret is still accepted (null: none). */
  previousSecretUntil: IsoDateTimeSchema.nullable(),
  /** Where the partner sends new orders (relative to the API's origin). */
  ordersUrl: z.string(),
  version: VersionSchema,
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
});
export type Integration = z.infer<typeof IntegrationSchema>;

export const CreateIntegrationInputSchema = z.strictObject({ name: NameSchema, enabled: z.boolean().default(true), clientRequestId: ClientRequestIdSchema.optional() });
export type CreateIntegrationInput = z.infer<typeof CreateIntegrationInputSchema>;

export const UpdateIntegrationInputSchema = z.strictObject({ name: NameSchema.optional(), enabled: z.boolean().optional(), version: VersionSchema, clientRequestId: ClientRequestIdSchema.optional() });
export type UpdateIntegrationInput = z.infer<typeof UpdateIntegrationInputSchema>;

/** A partner's statuses of a delivery order, and what each does here (see EXTERNAL_STATUS_EFFECTS in the API). */
export const EXTERNAL_STATUSES = ['accepted', 'cooking', 'ready_for_pickup', 'picked_up', 'delivered', 'cancelled'] as const;
export const ExternalStatusSchema = z.enum(EXTERNAL_STATUSES);
export type ExternalStatus = z.infer<typeof ExternalStatusSchema>;

/** Either our product id or its code (what the partner's menu was mapped to). */
export const DeliveryItemInputSchema = z
  .strictObject({
    productId: IdSchema.optional(),
    code: z.string().trim().min(1).max(64).optional(),
    quantity: z.number().int().min(1).max(99),
    note: z.string().trim().max(200).optional(),
  })
  .refine((i) => (i.productId === undefined) !== (i.code === undefined), { message: 'Give productId or code, one of them', path: ['productId'] });

const PhoneLikeSchema = z.string().trim().regex(/^\+?[0-9 ()-]{5,24}$/, 'a phone number');

export const DeliveryOrderInputSchema = z.strictObject({
  /** The partner's own id of the order: the same id twice is one order. */
  externalId: z.string().trim().min(1).max(100),
  items: z.array(DeliveryItemInputSchema).min(1).max(100),
  customer: z.strictObject({ name: NameSchema, phone: PhoneLikeSchema.optional() }),
  address: z.string().trim().max(300).optional(),
  note: z.string().trim().max(500).optional(),
  /** When the courier comes for it. */
  pickupAt: InputInstantSchema.optional(),
});
export type DeliveryOrderInput = z.infer<typeof DeliveryOrderInputSchema>;

export const ExternalStatusInputSchema = z.strictObject({
  status: ExternalStatusSchema,
  reason: z.string().trim().max(300).optional(),
});
export type ExternalStatusInput = z.infer<typeof ExternalStatusInputSchema>;

/** What an inbound webhook answers; `duplicate` when its webhook id was taken before (nothing was done again). */
export const InboundResultSchema = z.object({
  orderId: IdSchema,
  orderNumber: z.number().int(),
  externalStatus: ExternalStatusSchema.nullable(),
  duplicate: z.boolean(),
});
export type InboundResult = z.infer<typeof InboundResultSchema>;

/** The delivery side of an order that came in from a partner (`Order.delivery`). */
export const OrderDeliverySchema = z.object({
  integrationId: IdSchema,
  partnerName: z.string(),
  externalId: z.string(),
  externalStatus: ExternalStatusSchema.nullable(),
  customerName: z.string(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  pickupAt: IsoDateTimeSchema.nullable(),
});
export type OrderDelivery = z.infer<typeof OrderDeliverySchema>;

// ---------------------------------------------------------------------------------------------
// Webhook endpoints (outbound)

/** What an endpoint may subscribe to: an order changed (status, lines, payment), a kitchen ticket moved. */
export const WEBHOOK_EVENT_TYPES = ['order.updated', 'kitchen.ticket.updated'] as const;
export const WebhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES);
export type WebhookEventType = z.infer<typeof WebhookEventTypeSchema>;

/** http(s) only, no credentials in it; bounded. */
export const WebhookUrlSchema = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .refine((u) => {
    // Runs even when the URL check above failed (zod 4 goes on through checks): a throw here would be a 500.
    try {
      const url = new URL(u);
      return !url.username && !url.password;
    } catch {
      return false;
    }
  }, 'No user or password in the URL');

export const WebhookEndpointSchema = z.object({
  id: IdSchema,
  url: z.string(),
  description: z.string(),
  events: z.array(WebhookEventTypeSchema),
  enabled: z.boolean(),
  secret: WebhookSecretSchema,
  previousSecretUntil: IsoDateTimeSchema.nullable(),
  version: VersionSchema,
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
  /** Messages to it still waiting (pending or being sent) and dead ones. */
  pending: z.number().int().min(0),
  dead: z.number().int().min(0),
});
export type WebhookEndpoint = z.infer<typeof WebhookEndpointSchema>;

const EventsSchema = z.array(WebhookEventTypeSchema).min(1).max(WEBHOOK_EVENT_TYPES.length).refine((e) => new Set(e).size === e.length, 'Each event once');

export const CreateWebhookEndpointInputSchema = z.strictObject({
  url: WebhookUrlSchema,
  description: z.string().trim().max(200).default(''),
  events: EventsSchema,
  enabled: z.boolean().default(true),
  clientRequestId: ClientRequestIdSchema.optional(),
});
export type CreateWebhookEndpointInput = z.infer<typeof CreateWebhookEndpointInputSchema>;

export const UpdateWebhookEndpointInputSchema = z.strictObject({
  url: WebhookUrlSchema.optional(),
  description: z.string().trim().max(200).optional(),
  events: EventsSchema.optional(),
  enabled: z.boolean().optional(),
  version: VersionSchema,
  clientRequestId: ClientRequestIdSchema.optional(),
});
export type UpdateWebhookEndpointInput = z.infer<typeof UpdateWebhookEndpointInputSchema>;

/** The body of every outbound webhook (Standard Webhooks' recommended shape). */
export const OutboundWebhookSchema = z.object({
  type: WebhookEventTypeSchema,
  timestamp: IsoDateTimeSchema,
  data: z.record(z.string(), z.unknown()),
});

// ---------------------------------------------------------------------------------------------
// The delivery log (the outbox as admins see it)

export const OUTBOX_STATUSES = ['pending', 'sending', 'delivered', 'dead'] as const;
export const OutboxStatusSchema = z.enum(OUTBOX_STATUSES);
export type OutboxStatus = z.infer<typeof OutboxStatusSchema>;

export const DeliveryAttemptSchema = z.object({
  attempt: z.number().int().min(1),
  at: IsoDateTimeSchema,
  statusCode: z.number().int().nullable(),
  error: z.string().nullable(),
  durationMs: z.number().int().min(0),
});

export const DeliverySchema = z.object({
  id: IdSchema,
  kind: z.string(),
  targetId: IdSchema.nullable(),
  eventId: z.string(),
  eventType: z.string(),
  status: OutboxStatusSchema,
  attempts: z.number().int().min(0),
  nextAttemptAt: IsoDateTimeSchema.nullable(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdAt: IsoDateTimeSchema,
  deliveredAt: IsoDateTimeSchema.nullable(),
});
export type Delivery = z.infer<typeof DeliverySchema>;

export const DeliveryDetailSchema = DeliverySchema.extend({ payload: z.unknown(), log: z.array(DeliveryAttemptSchema) });
export type DeliveryDetail = z.infer<typeof DeliveryDetailSchema>;

export const DeliveriesQuerySchema = z.strictObject({
  kind: z.enum(['webhook', 'notification']).optional(),
  status: OutboxStatusSchema.optional(),
  targetId: IdSchema.optional(),
  /** The `next` of the previous page. */
  cursor: z.string().max(200).optional(),
  limit: queryInteger(1, 200).optional(),
});
export type DeliveriesQuery = z.infer<typeof DeliveriesQuerySchema>;

export const DeliveriesPageSchema = z.object({ items: z.array(DeliverySchema), next: z.string().nullable() });
export type DeliveriesPage = z.infer<typeof DeliveriesPageSchema>;
