import {
  CancelReservationInputSchema,
  CreateReservationInputSchema,
  IdParamsSchema,
  NoShowReservationInputSchema,
  ReservationSchema,
  ReservationsQuerySchema,
  SeatReservationInputSchema,
  SeatReservationResultSchema,
  UpdateReservationInputSchema,
} from '@pos/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { replies } from '../../shared/http';

/** Reservations of tables: book, list a business day, change, cancel, no-show, seat. */
export async function reservationsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { reservations } = app.services;
  const { db } = app.database;
  const tags = ['reservations'];

  app.get('/pos/tables/reservations', {
    onRequest: app.authorize('reservations.view'),
    schema: {
      tags,
      summary: "Reservations of one business day (the venue's time zone), optionally of one hall or table",
      querystring: ReservationsQuerySchema,
      response: replies({ 200: z.array(ReservationSchema) }),
    },
    handler: (req) => reservations.list(db, req.actor.venueId, req.query),
  });

  app.get('/pos/tables/reservations/:id', {
    onRequest: app.authorize('reservations.view'),
    schema: { tags, summary: 'One reservation', params: IdParamsSchema, response: replies({ 200: ReservationSchema }) },
    handler: (req) => reservations.get(db, req.actor.venueId, req.params.id),
  });

  app.post('/pos/tables/reservations', {
    onRequest: app.authorize('reservations.manage'),
    schema: { tags, summary: 'Book a table or tables pushed together (409 names an overlapping booking)', body: CreateReservationInputSchema, response: replies({ 201: ReservationSchema }) },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => reservations.create(tx, req.actor, req.body), { status: 201 }),
  });

  app.patch('/pos/tables/reservations/:id', {
    onRequest: app.authorize('reservations.manage'),
    schema: { tags, summary: 'Change a booked reservation (time, tables, party, guest)', params: IdParamsSchema, body: UpdateReservationInputSchema, response: replies({ 200: ReservationSchema }) },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => reservations.update(tx, req.actor, req.params.id, req.body)),
  });

  app.post('/pos/tables/reservations/:id/cancel', {
    onRequest: app.authorize('reservations.manage'),
    schema: { tags, summary: 'Cancel a booked reservation, with the reason', params: IdParamsSchema, body: CancelReservationInputSchema, response: replies({ 200: ReservationSchema }) },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => reservations.cancel(tx, req.actor, req.params.id, req.body.reason)),
  });

  app.post('/pos/tables/reservations/:id/no-show', {
    onRequest: app.authorize('reservations.manage'),
    schema: { tags, summary: 'The guests never came (only once their time has come)', params: IdParamsSchema, body: NoShowReservationInputSchema.optional(), response: replies({ 200: ReservationSchema }) },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => reservations.markNoShow(tx, req.actor, req.params.id)),
  });

  app.post('/pos/tables/reservations/:id/seat', {
    onRequest: app.authorize('reservations.manage'),
    schema: { tags, summary: 'The party arrived: open the table session and link it to the reservation', params: IdParamsSchema, body: SeatReservationInputSchema.optional(), response: replies({ 200: SeatReservationResultSchema }) },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => reservations.seat(tx, req.actor, req.params.id, req.body ?? {})),
  });
}
