import {
  ApprovalHeadersSchema,
  CancelPaymentInputSchema,
  CapturePaymentInputSchema,
  CreatePaymentInputSchema,
  ExpiredHoldsSchema,
  HoldPaymentInputSchema,
  IdParamsSchema,
  PaymentEventSchema,
  PaymentResultSchema,
  PaymentSchema,
  PaymentsQuerySchema,
  ReconcilePaymentInputSchema,
  RefundPaymentInputSchema,
  RefundResultSchema,
  SettleHoldsInputSchema,
  SettleHoldsResultSchema,
} from '@pos/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { replies } from '../../shared/http';

export async function financeRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { finance } = app.services;
  const tags = ['finance'];

  app.post('/pos/finance/payments', {
    onRequest: app.authorize('payments.take'),
    schema: {
      tags,
      summary: 'Take payment: cash with change, card, mixed tenders, tips; softpos and deferred tenders start `created`',
      body: CreatePaymentInputSchema,
      response: replies({ 201: PaymentResultSchema }),
    },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => finance.taking.pay(tx, req.actor, req.body), { status: 201 }),
  });

  app.get('/pos/finance/payments', {
    onRequest: app.authorize('orders.view'),
    schema: { tags, summary: 'Payments of an order, in every state', querystring: PaymentsQuerySchema, response: replies({ 200: z.array(PaymentSchema) }) },
    handler: (req) => finance.ledger.payments(app.database.db, req.actor.venueId, req.query.orderId),
  });

  app.get('/pos/finance/payments/holds/expired', {
    onRequest: app.authorize('payments.take'),
    schema: { tags, summary: "Authorized holds past the venue's expiry, with its day-close policy", response: replies({ 200: ExpiredHoldsSchema }) },
    handler: (req) => finance.lifecycle.expiredHolds(app.database.db, req.actor.venueId),
  });

  app.post('/pos/finance/payments/holds/settle', {
    onRequest: app.authorize('payments.take'),
    schema: { tags, summary: 'Day close: capture or release expired holds, as the venue chose', body: SettleHoldsInputSchema, response: replies({ 200: SettleHoldsResultSchema }) },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => finance.lifecycle.settleExpiredHolds(tx, req.actor)),
  });

  app.get('/pos/finance/payments/:id/events', {
    onRequest: app.authorize('orders.view'),
    schema: { tags, summary: "A payment's transition log: who did what, when and why", params: IdParamsSchema, response: replies({ 200: z.array(PaymentEventSchema) }) },
    handler: (req) => finance.ledger.paymentEvents(app.database.db, req.actor.venueId, req.params.id),
  });

  app.post('/pos/finance/payments/:id/hold', {
    onRequest: app.authorize('payments.take'),
    schema: { tags, summary: 'Record what the terminal did with an authorization (hold)', params: IdParamsSchema, body: HoldPaymentInputSchema, response: replies({ 200: PaymentSchema }) },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => finance.lifecycle.hold(tx, req.actor, req.params.id, req.body)),
  });

  app.post('/pos/finance/payments/:id/capture', {
    onRequest: app.authorize('payments.take'),
    schema: { tags, summary: 'Capture a hold (partial allowed, tip within tolerance) or sell directly', params: IdParamsSchema, body: CapturePaymentInputSchema, response: replies({ 200: PaymentSchema }) },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => finance.lifecycle.capture(tx, req.actor, req.params.id, req.body)),
  });

  app.post('/pos/finance/payments/:id/cancel', {
    onRequest: app.authorize('payments.take'),
    schema: { tags, summary: 'Void a hold', params: IdParamsSchema, body: CancelPaymentInputSchema, response: replies({ 200: PaymentSchema }) },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => finance.lifecycle.cancel(tx, req.actor, req.params.id, req.body)),
  });

  app.post('/pos/finance/payments/:id/refund', {
    onRequest: app.authorize('payments.refund'),
    schema: { tags, summary: 'Refund part or all of what was captured, with a reason; answers the payment and the refund slip', params: IdParamsSchema, headers: ApprovalHeadersSchema, body: RefundPaymentInputSchema, response: replies({ 200: RefundResultSchema }) },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => finance.lifecycle.refund(tx, req.actor, req.params.id, req.body)),
  });

  app.post('/pos/finance/payments/:id/reconcile', {
    onRequest: app.authorize('payments.take'),
    schema: { tags, summary: "Settle an `unknown` payment with the terminal's answer", params: IdParamsSchema, body: ReconcilePaymentInputSchema, response: replies({ 200: PaymentSchema }) },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => finance.lifecycle.reconcile(tx, req.actor, req.params.id, req.body)),
  });
}
