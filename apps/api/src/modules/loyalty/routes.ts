import { LoyaltySettingsSchema, UpdateLoyaltySettingsInputSchema } from '@pos/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { replies } from '../../shared/http';
import { giftCardRoutes } from './gift-cards/routes';
import { pointsRoutes } from './points/routes';

export async function loyaltyRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { loyalty } = app.services;
  const { db } = app.database;

  app.get('/admin/loyalty/settings', {
    onRequest: app.authorize('admin.customers'),
    schema: { tags: ['admin'], summary: "The venue's loyalty programme: points earned (% of the net paid), a point's value, gift card validity", response: replies({ 200: LoyaltySettingsSchema }) },
    handler: (req) => loyalty.settings.settings(db, req.actor.venueId),
  });

  app.put('/admin/loyalty/settings', {
    onRequest: app.authorize('admin.customers'),
    schema: {
      tags: ['admin'],
      summary: 'Change the loyalty programme (audited); a new point value applies to points spent from now on, a new validity to cards activated from now on',
      body: UpdateLoyaltySettingsInputSchema,
      response: replies({ 200: LoyaltySettingsSchema }),
    },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => loyalty.settings.save(tx, req.actor, req.body)),
  });

  await fastify.register(giftCardRoutes);
  await fastify.register(pointsRoutes);
}
