import { LoginInputSchema, LoginResultSchema, OfflineStaffSchema, OkSchema, SessionInfoSchema } from '@pos/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { deviceKey, replies } from '../../shared/http';

export async function authRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { auth } = app.services;

  app.post('/pos/auth/login', {
    schema: { tags: ['auth'], summary: 'Sign in with venue + PIN', security: [], body: LoginInputSchema, response: replies({ 200: LoginResultSchema }) },
    handler: (req) => auth.login(req.body, deviceKey(req.headers, req.body.deviceId, req.ip)),
  });

  app.get('/pos/auth/me', {
    onRequest: app.authorize(),
    schema: { tags: ['auth'], summary: 'Who is signed in, with permissions', response: replies({ 200: SessionInfoSchema }) },
    handler: (req) => auth.sessionInfo(app.database.db, req.actor),
  });

  app.get('/pos/auth/offline-staff', {
    onRequest: app.authorize(),
    schema: {
      tags: ['auth'],
      summary: "Staff this venue's tablets may switch to without the network (salted PIN verifiers, never PINs)",
      response: replies({ 200: OfflineStaffSchema }),
    },
    handler: async (req, reply) => {
      reply.header('Cache-Control', 'no-store');
      return auth.offlineStaff(app.database.db, req.actor.venueId);
    },
  });

  app.post('/pos/auth/logout', {
    onRequest: app.authorize(),
    schema: { tags: ['auth'], summary: 'End this sign-in session', response: replies({ 200: OkSchema }) },
    handler: async (req) => {
      await auth.logout(req.actor);
      app.events.endSession(req.actor.sessionId);
      return { ok: true as const };
    },
  });
}
