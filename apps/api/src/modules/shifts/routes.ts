import {
  ApprovalHeadersSchema,
  CashMovementSchema,
  CreateTillInputSchema,
  DeviceSchema,
  OpenShiftsSchema,
  SetDeviceTillInputSchema,
  TillSchema,
  TillsSchema,
  UpdateTillInputSchema,
  CloseShiftInputSchema,
  ClosedShiftSchema,
  CurrentShiftSchema,
  IdParamsSchema,
  OpenShiftInputSchema,
  RecordCashMovementInputSchema,
  ShiftSchema,
  ShiftStaffSchema,
} from '@pos/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { replies } from '../../shared/http';

export async function shiftsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { shifts, tills } = app.services;
  const { db } = app.database;
  const tags = ['shifts'];

  app.post('/pos/shifts', {
    onRequest: app.authorize('shifts.open'),
    schema: { tags, summary: "Open a cash shift with a float, on a till (`tillId`, default the tablet's till; 409 `till.busy` when one is open on it)", body: OpenShiftInputSchema, response: replies({ 201: ShiftSchema }) },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => shifts.open(tx, req.actor, req.body), { status: 201 }),
  });

  app.get('/pos/shifts/current', {
    onRequest: app.authorize('shifts.view'),
    schema: { tags, summary: "The signed-in cashier's open shift, if any", response: replies({ 200: CurrentShiftSchema }) },
    handler: async (req) => ({ shift: await shifts.current(db, req.actor) }),
  });

  app.get('/pos/shifts/open', {
    onRequest: app.authorize('shifts.close-others'),
    schema: { tags, summary: "The supervisor's board: every open shift of the venue — who, which till, since when, open checks; no expected figures (a close for another is counted blind)", response: replies({ 200: OpenShiftsSchema }) },
    handler: async (req) => ({ shifts: await shifts.openShifts(db, req.actor.venueId) }),
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

  app.get('/pos/shifts/:id/staff', {
    onRequest: app.authorize('shifts.view'),
    schema: {
      tags,
      summary:
        "Each staff member's work on the shift — payments taken, sales, tips, refunds — from the ledger rows the shift's totals add up. A cashier reads their own shifts and their till's; every shift needs shifts.reports.all (403 `shift.not_yours`).",
      params: IdParamsSchema,
      response: replies({ 200: ShiftStaffSchema }),
    },
    handler: async (req) => {
      await shifts.readableBy(db, req.actor, req.params.id, 'shift.not_yours');
      return { staff: await shifts.staffWork(db, req.actor.venueId, req.params.id) };
    },
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

  // --- tills: the venue's cash drawers and which tablet books to which ---
  app.get('/pos/tills', {
    onRequest: app.authorize('shifts.view'),
    schema: { tags, summary: "The venue's tills in use, each with its open shift, and the till this tablet is attached to", response: replies({ 200: TillsSchema }) },
    handler: (req) => tills.forTablet(db, req.actor),
  });

  const adminTags = ['admin'];
  app.get('/admin/tills', {
    onRequest: app.authorize('admin.devices'),
    schema: { tags: adminTags, summary: "The venue's tills, archived ones too", response: replies({ 200: z.object({ tills: z.array(TillSchema) }) }) },
    handler: async (req) => ({ tills: await tills.list(db, req.actor.venueId) }),
  });

  app.post('/admin/tills', {
    onRequest: app.authorize('admin.devices'),
    schema: { tags: adminTags, summary: 'Add a till (409 `till.name_taken` for a name in use)', body: CreateTillInputSchema, response: replies({ 201: TillSchema }) },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => tills.create(tx, req.actor, req.body), { status: 201 }),
  });

  app.patch('/admin/tills/:id', {
    onRequest: app.authorize('admin.devices'),
    schema: { tags: adminTags, summary: 'Rename a till, archive it (409 `till.busy` while a shift is open on it) or bring it back', params: IdParamsSchema, body: UpdateTillInputSchema, response: replies({ 200: TillSchema }) },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => tills.update(tx, req.actor, req.params.id, req.body)),
  });

  app.put('/admin/devices/:id/till', {
    onRequest: app.authorize('admin.devices'),
    schema: { tags: adminTags, summary: "Attach a tablet to a till — its payments and refunds book to the till's open shift — or detach it (null)", params: IdParamsSchema, body: SetDeviceTillInputSchema, response: replies({ 200: DeviceSchema }) },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => tills.attachDevice(tx, req.actor, req.params.id, req.body.tillId)),
  });
}
