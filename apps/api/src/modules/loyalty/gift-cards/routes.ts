import {
  BlockGiftCardInputSchema,
  GiftCardCodeParamsSchema,
  GiftCardDetailsSchema,
  PaymentResultSchema,
  RedeemGiftCardInputSchema,
  SellGiftCardInputSchema,
  SellGiftCardResultSchema,
} from '@pos/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { GIFT_CARD_RATE_LIMIT } from '../../../plugins/security';
import { replies } from '../../../shared/http';

/**
 * Gift cards at the till. Looking a card up, redeeming, blocking and unblocking one are
 * rate-limited per tablet (codes are 65 random bits, and guessing them — a 404 against a 200 tells
 * a card exists — must hit 429 long before it could find one).
 */
export async function giftCardRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { giftCards } = app.services.loyalty;
  const { db } = app.database;
  const tags = ['finance'];

  app.post('/pos/finance/giftcards', {
    onRequest: app.authorize('giftcards.sell'),
    schema: {
      tags,
      summary: 'Sell a gift card: a pending card and its line on the order (a new counter order without `orderId`); it becomes active when that order is paid',
      body: SellGiftCardInputSchema,
      response: replies({ 201: SellGiftCardResultSchema }),
    },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => giftCards.sell(tx, req.actor, req.body), { status: 201 }),
  });

  app.post('/pos/finance/giftcards/redeem', {
    onRequest: app.authorize('payments.take'),
    config: { rateLimit: GIFT_CARD_RATE_LIMIT },
    schema: {
      tags,
      summary: 'Pay part of a bill (or one check) from a gift card: never more than its balance or what is due; blocked, expired, empty, unpaid or cancelled cards are refused',
      body: RedeemGiftCardInputSchema,
      response: replies({ 201: PaymentResultSchema }),
    },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => giftCards.redeem(tx, req.actor, req.body), { status: 201 }),
  });

  app.get('/pos/finance/giftcards/:code', {
    onRequest: app.authorize(['payments.take', 'giftcards.sell', 'customers.view', 'giftcards.block', 'admin.customers']),
    config: { rateLimit: GIFT_CARD_RATE_LIMIT },
    schema: { tags, summary: 'A gift card by its code: status, balance, expiry and history', params: GiftCardCodeParamsSchema, response: replies({ 200: GiftCardDetailsSchema }) },
    handler: (req) => giftCards.details(db, req.actor.venueId, req.params.code),
  });

  app.post('/pos/finance/giftcards/:code/block', {
    onRequest: app.authorize('giftcards.block'),
    config: { rateLimit: GIFT_CARD_RATE_LIMIT },
    schema: { tags, summary: 'Block an active gift card, with a reason (audited): refused everywhere until unblocked', params: GiftCardCodeParamsSchema, body: BlockGiftCardInputSchema, response: replies({ 200: GiftCardDetailsSchema }) },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => giftCards.block(tx, req.actor, req.params.code, req.body)),
  });

  app.post('/pos/finance/giftcards/:code/unblock', {
    onRequest: app.authorize('giftcards.block'),
    config: { rateLimit: GIFT_CARD_RATE_LIMIT },
    schema: { tags, summary: 'Unblock a gift card, with a reason (audited)', params: GiftCardCodeParamsSchema, body: BlockGiftCardInputSchema, response: replies({ 200: GiftCardDetailsSchema }) },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => giftCards.unblock(tx, req.actor, req.params.code, req.body)),
  });
}
