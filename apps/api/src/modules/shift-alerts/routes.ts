import { PutShiftSettingsInputSchema, ShiftAlertsSchema, ShiftSettingsSchema } from '@pos/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { replies } from '../../shared/http';

export async function shiftAlertsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { shiftAlerts } = app.services;
  const { db } = app.database;

  app.get('/pos/shifts/alerts', {
    onRequest: app.authorize('shifts.view'),
    schema: {
      tags: ['shifts'],
      summary:
        'Shift reminders due now: over the time limit, 30 / 10 minutes before the closeout hour, with the next closeout instant. A cashier sees their own shifts, a supervisor (shifts.close.override) every open shift; the same alerts arrive as `shift.alert` when they become due',
      response: replies({ 200: ShiftAlertsSchema }),
    },
    handler: (req) => shiftAlerts.alerts(db, req.actor),
  });

  app.get('/admin/shift-settings', {
    onRequest: app.authorize('admin.payments'),
    schema: { tags: ['admin'], summary: "The venue's closeout hour (its time zone), auto-close and the longest a shift may stay open", response: replies({ 200: ShiftSettingsSchema }) },
    handler: (req) => shiftAlerts.settings(db, req.actor.venueId),
  });

  app.put('/admin/shift-settings', {
    onRequest: app.authorize('admin.payments'),
    schema: {
      tags: ['admin'],
      summary: 'Set the closeout hour (HH:MM in the venue time zone, or null), auto-close (needs a closeout hour) and the longest a shift may stay open (60–2880 min); audited',
      body: PutShiftSettingsInputSchema,
      response: replies({ 200: ShiftSettingsSchema }),
    },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => shiftAlerts.saveSettings(tx, req.actor, req.body)),
  });
}
