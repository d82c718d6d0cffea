import {
  CloseTableInputSchema,
  HallSchema,
  IdParamsSchema,
  MergeTableInputSchema,
  OpenTableInputSchema,
  TableSchema,
  TableSessionSchema,
  TablesQuerySchema,
  TransferTableInputSchema,
} from '@pos/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { replies } from '../../shared/http';

export async function venuesRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { venues } = app.services;
  const { db } = app.database;
  const tags = ['floor'];

  app.get('/pos/halls', {
    onRequest: app.authorize('tables.view'),
    schema: { tags, summary: 'Halls of the venue', response: replies({ 200: z.array(HallSchema) }) },
    handler: (req) => venues.halls(db, req.actor.venueId),
  });

  app.get('/pos/tables', {
    onRequest: app.authorize('tables.view'),
    schema: { tags, summary: 'Tables with position, shape and live status', querystring: TablesQuerySchema, response: replies({ 200: z.array(TableSchema) }) },
    handler: (req) => venues.tables(db, req.actor.venueId, req.query.hallId),
  });

  app.post('/pos/tables/:id/open', {
    onRequest: app.authorize('tables.open'),
    schema: { tags, summary: 'Seat guests: open a table session', params: IdParamsSchema, body: OpenTableInputSchema, response: replies({ 201: TableSessionSchema }) },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => venues.openTable(tx, req.actor, req.params.id, req.body.guests), { status: 201 }),
  });

  app.post('/pos/tables/:id/close', {
    onRequest: app.authorize('tables.close'),
    schema: { tags, summary: 'Free the table (every order paid; empty ones are voided)', params: IdParamsSchema, body: CloseTableInputSchema.optional(), response: replies({ 200: TableSchema }) },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => venues.closeTable(tx, req.actor, req.params.id)),
  });

  app.post('/pos/tables/:id/transfer', {
    onRequest: app.authorize('tables.transfer'),
    schema: { tags, summary: 'Hand the table to another waiter or move the party to a free table', params: IdParamsSchema, body: TransferTableInputSchema, response: replies({ 200: TableSchema }) },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => venues.transfer(tx, req.actor, req.params.id, req.body)),
  });

  app.post('/pos/tables/:id/merge', {
    onRequest: app.authorize('tables.merge'),
    schema: { tags, summary: "Merge this table's party into another open table", params: IdParamsSchema, body: MergeTableInputSchema, response: replies({ 200: TableSchema }) },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => venues.merge(tx, req.actor, req.params.id, req.body.targetTableId)),
  });
}
