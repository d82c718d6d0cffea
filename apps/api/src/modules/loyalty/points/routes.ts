import { AttachCustomerInputSchema, CustomerProfileSchema, IdParamsSchema, OrderSchema, PaymentResultSchema, RedeemPointsInputSchema } from '@pos/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { replies } from '../../../shared/http';

/** The guest on an order, the guest's profile at the till, and points spent as a tender (issue 18). */
export async function pointsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { points } = app.services.loyalty;
  const { db } = app.database;
  const tags = ['loyalty'];

  app.put('/pos/orders/:id/customer', {
    onRequest: app.authorize('customers.view'),
    schema: {
      tags,
      summary: 'Attach a loyalty guest to an open order; payments already captured on it earn now. The same guest again changes nothing; another guest once points were earned or spent on the order → 409 `loyalty.customer_locked`',
      params: IdParamsSchema,
      body: AttachCustomerInputSchema,
      response: replies({ 200: OrderSchema }),
    },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => points.attach(tx, req.actor, req.params.id, req.body.customerId)),
  });

  app.delete('/pos/orders/:id/customer', {
    onRequest: app.authorize('customers.view'),
    schema: {
      tags,
      summary: "Detach the order's guest (idempotent with an Idempotency-Key header); refused (409 `loyalty.customer_locked`) once points were earned or spent on it",
      params: IdParamsSchema,
      response: replies({ 200: OrderSchema }),
    },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => points.detach(tx, req.actor, req.params.id)),
  });

  app.get('/pos/customers/:id', {
    onRequest: app.authorize('customers.view'),
    schema: {
      tags,
      summary: "The guest at the till: profile, points balance and the point's value, the last 5 visits and 20 points movements",
      params: IdParamsSchema,
      response: replies({ 200: CustomerProfileSchema }),
    },
    handler: (req) => points.profile(db, req.actor.venueId, req.params.id),
  });

  app.post('/pos/loyalty/points/redeem', {
    onRequest: app.authorize('payments.take'),
    schema: {
      tags,
      summary: "Spend the attached guest's points on the bill (or one check): a `points` payment of points × the point's value. 409 `loyalty.no_customer` without a guest, `loyalty.insufficient_points` (with the balance) when short",
      body: RedeemPointsInputSchema,
      response: replies({ 201: PaymentResultSchema }),
    },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => points.redeem(tx, req.actor, req.body), { status: 201 }),
  });
}
