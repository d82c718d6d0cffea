import {
  ClientRequestIdSchema,
  CreateCustomerInputSchema,
  CustomerCardSchema,
  CustomerListQuerySchema,
  CustomerListSchema,
  CustomerLookupInputSchema,
  CustomerLookupSchema,
  CustomerSchema,
  GuestCodeSchema,
  IdParamsSchema,
  IsoDateTimeSchema,
  UpdateCustomerInputSchema,
} from '@pos/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { replies } from '../../shared/http';

export async function customersRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { customers } = app.services;
  const { db } = app.database;

  app.post('/pos/customers/lookup', {
    onRequest: app.authorize('customers.view'),
    schema: {
      tags: ['customers'],
      summary: 'Who is this guest: by the QR code they show (the guest app’s, valid 60 s; or a printed card’s, until revoked) or by phone. A forged, altered, expired or revoked code is refused (422) and nothing is attached',
      body: CustomerLookupInputSchema,
      response: replies({ 200: CustomerLookupSchema }),
    },
    handler: (req) => customers.lookup(db, req.actor, req.body),
  });

  const tags = ['admin'];
  app.get('/admin/customers', {
    onRequest: app.authorize('admin.customers'),
    schema: { tags, summary: "The venue's loyalty guests, newest first; `query` matches a name or phone fragment", querystring: CustomerListQuerySchema, response: replies({ 200: CustomerListSchema }) },
    handler: (req) => customers.list(db, req.actor.venueId, req.query),
  });

  app.post('/admin/customers', {
    onRequest: app.authorize('admin.customers'),
    schema: { tags, summary: 'Add a guest (409 `customer.phone_taken` for a phone the venue has); consent is stamped with the time given', body: CreateCustomerInputSchema, response: replies({ 201: CustomerSchema }) },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => customers.create(tx, req.actor, req.body), { status: 201 }),
  });

  app.patch('/admin/customers/:id', {
    onRequest: app.authorize('admin.customers'),
    schema: { tags, summary: "Edit a guest's profile; a consent that changes is stamped with the time", params: IdParamsSchema, body: UpdateCustomerInputSchema, response: replies({ 200: CustomerSchema }) },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => customers.update(tx, req.actor, req.params.id, req.body)),
  });

  app.get('/admin/customers/:id/export', {
    onRequest: app.authorize('admin.customers'),
    schema: {
      tags,
      summary: 'Everything the venue keeps about a guest, for the guest’s own copy (audited)',
      params: IdParamsSchema,
      response: replies({ 200: z.object({ customer: CustomerSchema, cards: z.array(CustomerCardSchema), exportedAt: IsoDateTimeSchema }) }),
    },
    handler: async (req, reply) => {
      reply.header('Content-Disposition', `attachment; filename="guest-${req.params.id}.json"`);
      return db.transaction().execute((tx) => customers.export(tx, req.actor, req.params.id));
    },
  });

  app.get('/admin/customers/:id/cards', {
    onRequest: app.authorize('admin.customers'),
    schema: { tags, summary: "A guest's printed cards with their codes (to reprint), revoked ones too", params: IdParamsSchema, response: replies({ 200: z.object({ cards: z.array(CustomerCardSchema) }) }) },
    handler: async (req) => ({ cards: await customers.cardsOf(db, req.actor.venueId, req.params.id) }),
  });

  app.post('/admin/customers/:id/cards', {
    onRequest: app.authorize('admin.customers'),
    schema: { tags, summary: 'Issue a printed card: a static code signed by the venue, to print as a QR', params: IdParamsSchema, body: z.strictObject({ clientRequestId: ClientRequestIdSchema.optional() }).optional(), response: replies({ 201: CustomerCardSchema }) },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => customers.issueCard(tx, req.actor, req.params.id), { status: 201 }),
  });

  app.post('/admin/customers/cards/:id/revoke', {
    onRequest: app.authorize('admin.customers'),
    schema: { tags, summary: 'Revoke a printed card: its code is refused from now on', params: IdParamsSchema, response: replies({ 200: CustomerCardSchema }) },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => customers.revokeCard(tx, req.actor, req.params.id)),
  });

  app.post('/admin/customers/:id/guest-code', {
    onRequest: app.authorize('admin.customers'),
    schema: { tags, summary: "The guest app's code for this guest now (what the app shows; valid 60 s), to try the scanner with", params: IdParamsSchema, response: replies({ 200: GuestCodeSchema }) },
    handler: (req) => customers.guestCode(db, req.actor.venueId, req.params.id),
  });
}
