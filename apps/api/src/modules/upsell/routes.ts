import {
  IdParamsSchema,
  OkSchema,
  RecommendationsQuerySchema,
  RecommendationsSchema,
  RecordUpsellEventInputSchema,
  SaveUpsellConfigInputSchema,
  UpsellConfigSchema,
} from '@pos/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { replies } from '../../shared/http';

/**
 * Upsell: the admin's rules per product, the suggestions on a tap, and the shown / accepted
 * record. (Adding a combo to an order is an order command: POST /pos/orders/{id}/combos.)
 */
export async function upsellRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { upsell } = app.services;
  const { db } = app.database;
  const tags = ['upsell'];

  app.get('/admin/menu/products/:id/upsell', {
    onRequest: app.authorize('admin.menu'),
    schema: { tags, summary: "A product's add-ons and combos, with each rule's accept rate", params: IdParamsSchema, response: replies({ 200: UpsellConfigSchema }) },
    handler: (req) => upsell.config(db, req.actor.venueId, req.params.id),
  });

  app.post('/admin/menu/products/:id/upsell', {
    onRequest: app.authorize('admin.menu'),
    schema: { tags, summary: "Replace a product's add-ons (ordered, with a reason) and combos (price, dishes, time windows)", params: IdParamsSchema, body: SaveUpsellConfigInputSchema, response: replies({ 200: UpsellConfigSchema }) },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => upsell.saveConfig(tx, req.actor, req.params.id, req.body)),
  });

  app.delete('/admin/menu/products/:id/upsell', {
    onRequest: app.authorize('admin.menu'),
    schema: { tags, summary: "Remove a product's add-ons and combos", params: IdParamsSchema, response: replies({ 200: UpsellConfigSchema }) },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => upsell.deleteConfig(tx, req.actor, req.params.id)),
  });

  app.get('/pos/menu/products/:id/recommendations', {
    onRequest: app.authorize('menu.view'),
    schema: {
      tags,
      summary: 'What to suggest with a product: configured add-ons and combos first, then what is often ordered with it; only what can be sold now and is not in the order',
      params: IdParamsSchema,
      querystring: RecommendationsQuerySchema,
      response: replies({ 200: RecommendationsSchema }),
    },
    handler: (req) => upsell.recommendations(db, req.actor.venueId, req.params.id, req.query),
  });

  app.post('/pos/menu/recommendations/events', {
    onRequest: app.authorize('menu.view'),
    schema: { tags, summary: 'Record a suggestion shown to or accepted by a waiter', body: RecordUpsellEventInputSchema, response: replies({ 201: OkSchema }) },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => upsell.recordEvent(tx, req.actor, req.body), { status: 201 }),
  });
}
