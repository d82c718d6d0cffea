import { DashboardQuerySchema, DashboardSchema, PlansSchema, PutPlansInputSchema } from '@pos/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { replies } from '../../shared/http';

export async function financeDashboardRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { financeDashboard, revenuePlans } = app.services;
  const { db } = app.database;

  app.get('/pos/finance/dashboard', {
    onRequest: app.authorize('orders.view'),
    schema: {
      tags: ['finance'],
      summary:
        "The shift at a glance, live from the ledger: a shift (`sessionId`, default the caller's open shift) or the venue's business day (`scope=day`, supervisors). A cashier sees their own shifts, a waiter only their own checks and tips.",
      querystring: DashboardQuerySchema,
      response: replies({ 200: DashboardSchema }),
    },
    handler: (req) => financeDashboard.dashboard(db, req.actor, req.query),
  });

  app.get('/admin/plans', {
    onRequest: app.authorize('admin.plans'),
    schema: { tags: ['admin'], summary: "The venue's revenue plans: 24 hour targets per weekday and the on-plan threshold", response: replies({ 200: PlansSchema }) },
    handler: (req) => revenuePlans.plans(db, req.actor.venueId),
  });

  app.put('/admin/plans', {
    onRequest: app.authorize('admin.plans'),
    schema: {
      tags: ['admin'],
      summary: 'Replace the hour targets of the weekdays given and the threshold; weekdays left out keep their plan',
      body: PutPlansInputSchema,
      response: replies({ 200: PlansSchema }),
    },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => revenuePlans.save(tx, req.actor, req.body)),
  });
}
