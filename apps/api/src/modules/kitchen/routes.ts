import { IdParamsSchema, KitchenTicketSchema, TicketsQuerySchema, TicketStatusInputSchema } from '@pos/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { replies } from '../../shared/http';

export async function kitchenRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { kitchen } = app.services;
  const tags = ['kitchen'];

  app.get('/pos/kitchen/tickets', {
    onRequest: app.authorize('kitchen.view'),
    schema: { tags, summary: 'Tickets of a station (default: everything not yet served)', querystring: TicketsQuerySchema, response: replies({ 200: z.array(KitchenTicketSchema) }) },
    handler: (req) => kitchen.tickets(app.database.db, req.actor.venueId, req.query),
  });

  app.post('/pos/kitchen/tickets/:id/status', {
    onRequest: app.authorize('kitchen.bump'),
    schema: { tags, summary: 'Bump a ticket along queued → cooking → ready → served', params: IdParamsSchema, body: TicketStatusInputSchema, response: replies({ 200: KitchenTicketSchema }) },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => kitchen.setStatus(tx, req.actor, req.params.id, req.body)),
  });
}
