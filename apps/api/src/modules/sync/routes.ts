import { PingSchema, PosConfigSchema } from '@pos/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { nowIso } from '../../shared/clock';
import { replies } from '../../shared/http';

const VERSION = process.env.npm_package_version ?? '0.1.0';

export async function syncRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  // Cheap and open: tablets poll it to tell "offline" from "signed out".
  app.get('/pos/ping', {
    schema: { tags: ['sync'], summary: 'Health check for the connectivity indicator', security: [], response: { 200: PingSchema } },
    handler: async (_req, reply) => {
      reply.header('Cache-Control', 'no-store');
      return { ok: true as const, time: nowIso(), version: VERSION };
    },
  });

  app.get('/pos/config', {
    onRequest: app.authorize(),
    schema: { tags: ['sync'], summary: 'Venue, flags, permissions and the enabled remotes', response: replies({ 200: PosConfigSchema }) },
    handler: (req) => app.services.admin.config(app.database.db, req.actor),
  });
}
