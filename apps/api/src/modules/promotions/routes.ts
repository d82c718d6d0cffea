import {
  ActivePromotionsSchema,
  IdParamsSchema,
  OkSchema,
  PromotionInputSchema,
  PromotionListSchema,
  PromotionRuleSchema,
  PromotionSettingsSchema,
  PutPromotionSettingsInputSchema,
  UpdatePromotionInputSchema,
} from '@pos/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { replies } from '../../shared/http';

/**
 * Promotions: the venue's rules in Admin (`admin.promotions`) and what the till shows. Applying a
 * manual rule and the "why not applied" answer are order routes (orders/routes.ts).
 */
export async function promotionsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { promotions } = app.services;
  const { db } = app.database;
  const tags = ['promotions'];

  app.get('/pos/promotions/active', {
    onRequest: app.authorize('orders.view'),
    schema: {
      tags,
      summary: 'The promotions that apply now or start within 24 hours, with the seconds to their end or start by the server clock (the rules themselves, for the tablet engine)',
      response: replies({ 200: ActivePromotionsSchema }),
    },
    handler: (req) => promotions.active(db, req.actor.venueId),
  });

  app.get('/admin/promotions', {
    onRequest: app.authorize('admin.promotions'),
    schema: { tags, summary: "The venue's promotion rules, highest priority first", response: replies({ 200: PromotionListSchema }) },
    handler: async (req) => ({ promotions: await promotions.list(db, req.actor.venueId) }),
  });

  app.post('/admin/promotions', {
    onRequest: app.authorize('admin.promotions'),
    schema: { tags, summary: 'Create a promotion rule; unknown products or categories and overlapping windows are 400 at their field', body: PromotionInputSchema, response: replies({ 201: PromotionRuleSchema }) },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => promotions.create(tx, req.actor, req.body), { status: 201 }),
  });

  app.get('/admin/promotions/settings', {
    onRequest: app.authorize('admin.promotions'),
    schema: { tags, summary: 'How several matching exclusive promotions compete', response: replies({ 200: PromotionSettingsSchema }) },
    handler: (req) => promotions.settings(db, req.actor.venueId),
  });

  app.put('/admin/promotions/settings', {
    onRequest: app.authorize('admin.promotions'),
    schema: { tags, summary: 'Choose how several matching exclusive promotions compete: the highest priority, or the best for the guest', body: PutPromotionSettingsInputSchema, response: replies({ 200: PromotionSettingsSchema }) },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => promotions.saveSettings(tx, req.actor, req.body)),
  });

  app.get('/admin/promotions/:id', {
    onRequest: app.authorize('admin.promotions'),
    schema: { tags, summary: 'One promotion rule', params: IdParamsSchema, response: replies({ 200: PromotionRuleSchema }) },
    handler: (req) => promotions.get(db, req.actor.venueId, req.params.id),
  });

  app.put('/admin/promotions/:id', {
    onRequest: app.authorize('admin.promotions'),
    schema: { tags, summary: 'Replace a promotion rule, quoting the version it was read at (409 when someone changed it since)', params: IdParamsSchema, body: UpdatePromotionInputSchema, response: replies({ 200: PromotionRuleSchema }) },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => promotions.update(tx, req.actor, req.params.id, req.body)),
  });

  app.delete('/admin/promotions/:id', {
    onRequest: app.authorize('admin.promotions'),
    schema: { tags, summary: 'Delete a promotion rule (kept for the orders that name it; open orders lose it within seconds)', params: IdParamsSchema, response: replies({ 200: OkSchema }) },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => promotions.remove(tx, req.actor, req.params.id)),
  });
}
