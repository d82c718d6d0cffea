import {
  ApprovalHeadersSchema,
  CashMovementSchema,
  CloseShiftInputSchema,
  ClosedShiftSchema,
  CurrentShiftSchema,
  IdParamsSchema,
  OpenShiftInputSchema,
  RecordCashMovementInputSchema,
  ShiftSchema,
} from '@pos/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
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

  app.post('/pos/shifts/:id/cash-movements', {
    onRequest: app.authorize('shifts.cash'),
    schema: { tags, summary: "Cash paid into or out of an open shift's drawer, with a reason; a paid-out never exceeds the cash the drawer should hold (409 `shift.cash_short` with `available`)", params: IdParamsSchema, body: RecordCashMovementInputSchema, response: replies({ 201: CashMovementSchema }) },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => shifts.recordCashMovement(tx, req.actor, req.params.id, req.body), { status: 201 }),
  });

  app.get('/pos/shifts/:id/cash-movements', {
    onRequest: app.authorize('shifts.view'),
    schema: { tags, summary: "A shift's cash movements (paid in / paid out), oldest first, with who recorded them", params: IdParamsSchema, response: replies({ 200: z.array(CashMovementSchema) }) },
    handler: (req) => shifts.cashMovements(db, req.actor.venueId, req.params.id),
  });
}
