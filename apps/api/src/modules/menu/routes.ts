import { IdParamsSchema, MenuSchema, ProductStockSchema, UpdateStockInputSchema } from '@pos/contracts';
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

  app.patch('/pos/menu/products/:id/stock', {
    onRequest: app.authorize('menu.stock'),
    schema: { tags, summary: 'Set portions left or put on / take off the stop-list', params: IdParamsSchema, body: UpdateStockInputSchema, response: replies({ 200: ProductStockSchema }) },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => menu.updateStock(tx, req.actor, req.params.id, req.body)),
  });
}
