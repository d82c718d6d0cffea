import {
  ApprovalHeadersSchema,
  AddComboInputSchema,
  AddItemsInputSchema,
  ApplyPromotionInputSchema,
  OrderPromotionsSchema,
  CreateOrderInputSchema,
  IdParamsSchema,
  KitchenStatusSchema,
  LineParamsSchema,
  OrderSchema,
  OrdersQuerySchema,
  SendOrderInputSchema,
  SendOrderResultSchema,
  SplitOrderInputSchema,
  UpdateLineInputSchema,
  UpdateOrderInputSchema,
  VoidLineInputSchema,
} from '@pos/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { replies } from '../../shared/http';

export async function ordersRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { orders, kitchen } = app.services;
  const { db } = app.database;
  const tags = ['orders'];

  app.post('/pos/orders', {
    onRequest: app.authorize('orders.create'),
    schema: { tags, summary: 'Create an order (opens a free table on the fly)', body: CreateOrderInputSchema, response: replies({ 201: OrderSchema }) },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => orders.taking.create(tx, req.actor, req.body), { status: 201 }),
  });

  app.get('/pos/orders', {
    onRequest: app.authorize('orders.view'),
    schema: { tags, summary: 'Orders of the venue, newest first', querystring: OrdersQuerySchema, response: replies({ 200: z.array(OrderSchema) }) },
    handler: (req) => orders.reads.list(db, req.actor.venueId, req.query),
  });

  app.get('/pos/orders/:id', {
    onRequest: app.authorize('orders.view'),
    schema: { tags, summary: 'One order with lines, checks and totals', params: IdParamsSchema, response: replies({ 200: OrderSchema }) },
    handler: (req) => orders.reads.get(db, req.actor.venueId, req.params.id),
  });

  app.patch('/pos/orders/:id', {
    onRequest: app.authorize('orders.edit'),
    schema: { tags, summary: 'Change note, guests or held courses', params: IdParamsSchema, body: UpdateOrderInputSchema, response: replies({ 200: OrderSchema }) },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => orders.taking.update(tx, req.actor, req.params.id, req.body)),
  });

  app.post('/pos/orders/:id/items', {
    onRequest: app.authorize('orders.edit'),
    schema: { tags, summary: 'Add lines (name and price are snapshotted)', params: IdParamsSchema, body: AddItemsInputSchema, response: replies({ 200: OrderSchema }) },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => orders.lines.addItems(tx, req.actor, req.params.id, req.body.items, req.body.version)),
  });

  app.post('/pos/orders/:id/combos', {
    onRequest: app.authorize('orders.edit'),
    schema: { tags, summary: "Sell a combo: one line at the combo price, its dishes to the kitchen (optionally taking over lines already in the order)", params: IdParamsSchema, body: AddComboInputSchema, response: replies({ 200: OrderSchema }) },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => orders.lines.addCombo(tx, req.actor, req.params.id, req.body)),
  });

  app.patch('/pos/orders/:id/items/:lineId', {
    onRequest: app.authorize('orders.edit'),
    schema: { tags, summary: 'Change quantity, note or course of a line', params: LineParamsSchema, body: UpdateLineInputSchema, response: replies({ 200: OrderSchema }) },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => orders.lines.updateLine(tx, req.actor, req.params.id, req.params.lineId, req.body)),
  });

  app.post('/pos/orders/:id/items/:lineId/void', {
    onRequest: app.authorize('orders.edit'),
    schema: { tags, summary: "Void portions (after firing: a reason, and orders.void or a supervisor's inline approval in X-Approval)", params: LineParamsSchema, headers: ApprovalHeadersSchema, body: VoidLineInputSchema, response: replies({ 200: OrderSchema }) },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => orders.lines.voidLine(tx, req.actor, req.params.id, req.params.lineId, req.body)),
  });

  app.post('/pos/orders/:id/split', {
    onRequest: app.authorize('orders.split'),
    schema: { tags, summary: 'Split the bill by lines or in equal parts (null removes the split)', params: IdParamsSchema, body: SplitOrderInputSchema, response: replies({ 200: OrderSchema }) },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => orders.taking.split(tx, req.actor, req.params.id, req.body.split, req.body.version)),
  });

  app.get('/pos/orders/:id/promotions', {
    onRequest: app.authorize('orders.view'),
    schema: {
      tags: [...tags, 'promotions'],
      summary: 'The promotions applied to the order, and for each rule near it why it does not apply and what is missing ("one more dessert", "from 17:00")',
      params: IdParamsSchema,
      response: replies({ 200: OrderPromotionsSchema }),
    },
    handler: (req) => orders.pricing.explain(db, req.actor.venueId, req.params.id),
  });

  app.post('/pos/orders/:id/promotion/apply', {
    onRequest: app.authorize('promotions.apply'),
    schema: {
      tags: [...tags, 'promotions'],
      summary: 'Apply a manual promotion to the order, or take it off (`remove`); 409 `promotion.not_applicable` when it gives nothing on this order',
      params: IdParamsSchema,
      body: ApplyPromotionInputSchema,
      response: replies({ 200: OrderSchema }),
    },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => orders.taking.applyPromotion(tx, req.actor, req.params.id, req.body)),
  });

  app.post('/pos/orders/:id/send', {
    onRequest: app.authorize('orders.fire'),
    schema: { tags, summary: 'Fire the changes since the last firing to the kitchen', params: IdParamsSchema, body: SendOrderInputSchema.optional(), response: replies({ 200: SendOrderResultSchema }) },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => orders.firing.send(tx, req.actor, req.params.id, req.body ?? {})),
  });

  app.get('/pos/orders/:id/kitchen-status', {
    onRequest: app.authorize('orders.view'),
    schema: { tags, summary: 'Where each line is in the kitchen', params: IdParamsSchema, response: replies({ 200: KitchenStatusSchema }) },
    handler: (req) => kitchen.orderStatus(db, req.actor.venueId, req.params.id),
  });
}
