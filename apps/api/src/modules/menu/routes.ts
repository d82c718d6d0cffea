import { IdParamsSchema, MenuChangesQuerySchema, MenuChangesSchema, MenuSchema, ProductStockSchema, UpdateStockInputSchema } from '@pos/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { replies } from '../../shared/http';

export async function menuRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { menu } = app.services;
  const tags = ['menu'];

  app.get('/pos/menu', {
    onRequest: app.authorize('menu.view'),
    schema: { tags, summary: 'The menu snapshot with its version', response: replies({ 200: MenuSchema }) },
    handler: (req) => menu.menu(app.database.db, req.actor.venueId),
  });

  app.get('/pos/menu/changes', {
    onRequest: app.authorize('menu.view'),
    schema: {
      tags,
      summary: 'Menu changes after a version (a catch-up delta), or snapshotRequired when they are no longer kept',
      querystring: MenuChangesQuerySchema,
      response: replies({ 200: MenuChangesSchema }),
    },
    handler: (req) => menu.changes(app.database.db, req.actor.venueId, req.query.since),
  });

  app.patch('/pos/menu/products/:id/stock', {
    onRequest: app.authorize('menu.stock'),
    schema: { tags, summary: 'Set portions left or put on / take off the stop-list', params: IdParamsSchema, body: UpdateStockInputSchema, response: replies({ 200: ProductStockSchema }) },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => menu.updateStock(tx, req.actor, req.params.id, req.body)),
  });
}
