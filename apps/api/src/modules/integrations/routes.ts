import {
  CreateIntegrationInputSchema,
  CreateWebhookEndpointInputSchema,
  DeliveriesPageSchema,
  DeliveriesQuerySchema,
  DeliveryDetailSchema,
  DeliveryOrderInputSchema,
  DeliverySchema,
  ExternalStatusInputSchema,
  IdParamsSchema,
  IdSchema,
  InboundResultSchema,
  IntegrationSchema,
  OkSchema,
  RotateSecretInputSchema,
  UpdateIntegrationInputSchema,
  UpdateWebhookEndpointInputSchema,
  WebhookEndpointSchema,
} from '@pos/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { replies } from '../../shared/http';

/** Inbound webhooks are small JSON; a partner's order of 100 dishes is well under this. */
const INBOUND_BODY_LIMIT = 256 * 1024;

const SIGNATURE_HEADERS = {
  description:
    'Standard Webhooks: `webhook-id`, `webhook-timestamp` (Unix seconds, within 5 minutes of now) and `webhook-signature` (`v1,` + base64 HMAC-SHA256 of `id.timestamp.body` with the partner\'s secret; several space-separated during a rotation).',
};

/** Admin: delivery partners, webhook endpoints, the delivery log. */
export async function integrationsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { integrations } = app.services;
  const { db } = app.database;
  const admin = app.authorize('admin.integrations');

  app.get('/admin/integrations', {
    onRequest: admin,
    schema: { tags: ['integrations'], summary: "The venue's delivery partners with their webhook secrets", response: replies({ 200: z.array(IntegrationSchema) }) },
    handler: (req) => integrations.integrations(db, req.actor.venueId),
  });

  app.post('/admin/integrations', {
    onRequest: admin,
    schema: { tags: ['integrations'], summary: 'Add a delivery partner: it gets a signing secret and the URL it sends orders to', body: CreateIntegrationInputSchema, response: replies({ 201: IntegrationSchema }) },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => integrations.createIntegration(tx, req.actor, req.body), { status: 201 }),
  });

  app.patch('/admin/integrations/:id', {
    onRequest: admin,
    schema: { tags: ['integrations'], summary: 'Rename a delivery partner or switch it off (its webhooks are then refused)', params: IdParamsSchema, body: UpdateIntegrationInputSchema, response: replies({ 200: IntegrationSchema }) },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => integrations.updateIntegration(tx, req.actor, req.params.id, req.body)),
  });

  app.post('/admin/integrations/:id/rotate-secret', {
    onRequest: admin,
    schema: {
      tags: ['integrations'],
      summary: "A new signing secret for a partner's webhooks; the old one is still accepted for `graceHours` (default 24)",
      params: IdParamsSchema,
      body: RotateSecretInputSchema,
      response: replies({ 200: IntegrationSchema }),
    },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => integrations.rotateIntegrationSecret(tx, req.actor, req.params.id, req.body)),
  });

  app.get('/admin/webhook-endpoints', {
    onRequest: admin,
    schema: { tags: ['integrations'], summary: 'Where order changes are sent, with their secrets and how many messages wait or died', response: replies({ 200: z.array(WebhookEndpointSchema) }) },
    handler: (req) => integrations.endpoints(db, req.actor.venueId),
  });

  app.post('/admin/webhook-endpoints', {
    onRequest: admin,
    schema: { tags: ['integrations'], summary: 'Subscribe a URL to order or kitchen events (signed with its own secret)', body: CreateWebhookEndpointInputSchema, response: replies({ 201: WebhookEndpointSchema }) },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => integrations.createEndpoint(tx, req.actor, req.body), { status: 201 }),
  });

  app.patch('/admin/webhook-endpoints/:id', {
    onRequest: admin,
    schema: { tags: ['integrations'], summary: 'Change an endpoint (URL, events, on/off) at the version seen', params: IdParamsSchema, body: UpdateWebhookEndpointInputSchema, response: replies({ 200: WebhookEndpointSchema }) },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => integrations.updateEndpoint(tx, req.actor, req.params.id, req.body)),
  });

  app.post('/admin/webhook-endpoints/:id/rotate-secret', {
    onRequest: admin,
    schema: {
      tags: ['integrations'],
      summary: 'A new signing secret for an endpoint; for `graceHours` every message carries a signature with each secret',
      params: IdParamsSchema,
      body: RotateSecretInputSchema,
      response: replies({ 200: WebhookEndpointSchema }),
    },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => integrations.rotateEndpointSecret(tx, req.actor, req.params.id, req.body)),
  });

  app.delete('/admin/webhook-endpoints/:id', {
    onRequest: admin,
    schema: { tags: ['integrations'], summary: 'Remove an endpoint; its messages still waiting are dead, the log stays', params: IdParamsSchema, response: replies({ 200: OkSchema }) },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => integrations.deleteEndpoint(tx, req.actor, req.params.id)),
  });

  app.get('/admin/deliveries', {
    onRequest: admin,
    schema: { tags: ['integrations'], summary: 'The delivery log: outgoing webhooks and guest notifications, newest first', querystring: DeliveriesQuerySchema, response: replies({ 200: DeliveriesPageSchema }) },
    handler: (req) => integrations.deliveries(db, req.actor.venueId, req.query),
  });

  app.get('/admin/deliveries/:id', {
    onRequest: admin,
    schema: { tags: ['integrations'], summary: 'One message with what it carries and every attempt', params: IdParamsSchema, response: replies({ 200: DeliveryDetailSchema }) },
    handler: (req) => integrations.delivery(db, req.actor.venueId, req.params.id),
  });

  app.post('/admin/deliveries/:id/redeliver', {
    onRequest: admin,
    schema: { tags: ['integrations'], summary: 'Send a dead (or delivered) message again, with the same id, attempts starting over', params: IdParamsSchema, response: replies({ 200: DeliverySchema }) },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => integrations.redeliver(tx, req.actor, req.params.id)),
  });
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The body exactly as it came (inbound webhooks are verified over it). */
    rawBody?: string;
  }
}

/**
 * Inbound webhooks from delivery partners. No staff token: the signature over the raw body is the
 * credential, so this context keeps the body as it came before parsing it.
 */
export async function integrationsInboundRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { integrations } = app.services;
  const { db } = app.database;

  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: INBOUND_BODY_LIMIT }, (req: FastifyRequest, body: string, done) => {
    req.rawBody = body;
    try {
      done(null, body.length ? JSON.parse(body) : undefined);
    } catch {
      const error = Object.assign(new Error('The body is not JSON'), { statusCode: 400 });
      done(error, undefined);
    }
  });
  const signed = (req: FastifyRequest) => ({ rawBody: req.rawBody ?? '', headers: req.headers });

  app.post('/integrations/:integrationId/orders', {
    schema: {
      tags: ['integrations'],
      summary: "A delivery partner's new order, signed with the partner's secret: taken and fired to the kitchen at once. A replayed webhook id, or the partner's order id again, answers the order already taken.",
      description: SIGNATURE_HEADERS.description,
      params: z.strictObject({ integrationId: IdSchema }),
      body: DeliveryOrderInputSchema,
      response: replies({ 200: InboundResultSchema, 201: InboundResultSchema }),
    },
    // The signature first: an unsigned body is refused before its content is even looked at.
    preValidation: async (req) => {
      integrations.verifiedPartner(await integrations.partner(db, (req.params as { integrationId: string }).integrationId), signed(req));
    },
    handler: async (req, reply) => {
      const partner = integrations.verifiedPartner(await integrations.partner(db, req.params.integrationId), signed(req));
      const webhookId = String(req.headers['webhook-id']);
      const result = await app.runCommand(req, reply, (tx) => integrations.receiveOrder(tx, partner, webhookId, req.body), { venueId: partner.venue_id, status: 201 });
      if (result.duplicate) reply.code(200);
      return result;
    },
  });

  app.post('/pos/orders/:id/external-status', {
    schema: {
      tags: ['integrations'],
      summary: "A delivery partner's status of its order (accepted, cooking, ready for pickup, picked up, delivered, cancelled), signed with the partner's secret; moves the kitchen tickets along, a cancel voids what is left",
      description: SIGNATURE_HEADERS.description,
      params: IdParamsSchema,
      body: ExternalStatusInputSchema,
      response: replies({ 200: InboundResultSchema }),
    },
    preValidation: async (req) => {
      integrations.verifiedPartner(await integrations.partnerOfOrder(db, (req.params as { id: string }).id), signed(req));
    },
    handler: async (req, reply) => {
      const partner = integrations.verifiedPartner(await integrations.partnerOfOrder(db, req.params.id), signed(req));
      const webhookId = String(req.headers['webhook-id']);
      return app.runCommand(req, reply, (tx) => integrations.receiveStatus(tx, partner, webhookId, req.params.id, req.body), { venueId: partner.venue_id });
    },
  });
}
