import { ApprovalHeadersSchema, CloseShiftInputSchema, ClosedShiftSchema, CurrentShiftSchema, IdParamsSchema, OpenShiftInputSchema, ShiftSchema } from '@pos/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { replies } from '../../shared/http';

export async function shiftsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { shifts } = app.services;
  const { db } = app.database;
  const tags = ['shifts'];

  app.post('/pos/shifts', {
    onRequest: app.authorize('shifts.open'),
    schema: { tags, summary: 'Open a cash shift with a float', body: OpenShiftInputSchema, response: replies({ 201: ShiftSchema }) },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => shifts.open(tx, req.actor, req.body.openingFloat), { status: 201 }),
  });

  app.get('/pos/shifts/current', {
    onRequest: app.authorize('shifts.view'),
    schema: { tags, summary: "The signed-in cashier's open shift, if any", response: replies({ 200: CurrentShiftSchema }) },
    handler: async (req) => ({ shift: await shifts.current(db, req.actor) }),
  });

  app.get('/pos/shifts/:id', {
    onRequest: app.authorize('shifts.view'),
    schema: { tags, summary: 'A shift with its totals per payment method', params: IdParamsSchema, response: replies({ 200: ShiftSchema }) },
    handler: (req) => shifts.get(db, req.actor.venueId, req.params.id),
  });

  app.post('/pos/shifts/:id/close', {
    onRequest: app.authorize('shifts.close'),
    schema: { tags, summary: "Close with counted money: expected vs counted per method; closing the venue's last open shift settles expired holds first (`settledHolds`)", params: IdParamsSchema, headers: ApprovalHeadersSchema, body: CloseShiftInputSchema, response: replies({ 200: ClosedShiftSchema }) },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => shifts.close(tx, req.actor, req.params.id, req.body)),
  });
}

