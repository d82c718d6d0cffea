import { CreatePaymentInputSchema, PaymentResultSchema } from '@pos/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { replies } from '../../shared/http';

export async function financeRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { finance } = app.services;

  app.post('/pos/finance/payments', {
    onRequest: app.authorize('payments.take'),
    schema: { tags: ['finance'], summary: 'Take payment: cash with change, card, mixed tenders, tips', body: CreatePaymentInputSchema, response: replies({ 201: PaymentResultSchema }) },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => finance.pay(tx, req.actor, req.body), { status: 201 }),
  });
}
