import {
  IdParamsSchema,
  NotificationListQuerySchema,
  NotificationListSchema,
  NotificationSchema,
  ResendNotificationInputSchema,
  SendNotificationInputSchema,
} from '@pos/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { replies } from '../../shared/http';

export async function notificationsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { notifications } = app.services;
  const { db } = app.database;
  const tags = ['notifications'];

  app.post('/notification/send', {
    onRequest: app.authorize('notifications.send'),
    schema: {
      tags,
      summary:
        'Send a guest an SMS or email from a template (ru/en), to a guest profile (409 `notification.no_consent` without their consent for the channel) or to a phone / email. Queued with its outbox message in one transaction (202); delivered with retries — follow its `status`',
      body: SendNotificationInputSchema,
      response: replies({ 202: NotificationSchema }),
    },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => notifications.send(tx, req.actor, req.body), { status: 202 }),
  });

  app.get('/notification/log', {
    onRequest: app.authorize('notifications.send'),
    schema: { tags, summary: "The venue's guest notifications, newest first, a page at a time (`after`: the last id of the previous page); addresses masked", querystring: NotificationListQuerySchema, response: replies({ 200: NotificationListSchema }) },
    handler: (req) => notifications.list(db, req.actor.venueId, req.query),
  });

  app.get('/notification/:id', {
    onRequest: app.authorize('notifications.send'),
    schema: { tags, summary: 'A guest notification and its delivery status (address masked)', params: IdParamsSchema, response: replies({ 200: NotificationSchema }) },
    handler: (req) => notifications.get(db, req.actor.venueId, req.params.id),
  });

  app.post('/notification/:id/resend', {
    onRequest: app.authorize('notifications.send'),
    schema: {
      tags,
      summary: 'Send a dead notification again (its attempts start over); 409 `notification.not_dead` while it is queued, being retried or was sent',
      params: IdParamsSchema,
      body: ResendNotificationInputSchema.optional(),
      response: replies({ 202: NotificationSchema }),
    },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => notifications.resend(tx, req.actor, req.params.id), { status: 202 }),
  });
}
