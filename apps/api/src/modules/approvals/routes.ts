import { ApprovalSchema, RequestApprovalInputSchema } from '@pos/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { SIGN_IN_RATE_LIMIT } from '../../plugins/security';
import { replies } from '../../shared/http';

export async function approvalsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { approvals } = app.services;
  const { db } = app.database;

  app.post('/pos/approvals', {
    onRequest: app.authorize(),
    config: { rateLimit: SIGN_IN_RATE_LIMIT },
    schema: {
      tags: ['auth'],
      summary:
        "A supervisor's inline approval: their PIN, typed on the signed-in staff member's tablet, lends one permission for one command (send the token as `X-Approval`; single-use, 2 minutes). Wrong PINs count against the sign-in lockouts",
      body: RequestApprovalInputSchema,
      response: replies({ 201: ApprovalSchema }),
    },
    // Not a stored command: its answer would keep the token readable under the idempotency key.
    handler: async (req, reply) => {
      reply.code(201).header('Cache-Control', 'no-store');
      return approvals.grant(db, req.actor, req.body);
    },
  });
}
