import type { FastifyInstance } from 'fastify';
import { giftCardRoutes } from './gift-cards/routes';
import { pointsRoutes } from './points/routes';

export async function loyaltyRoutes(fastify: FastifyInstance) {
  await fastify.register(giftCardRoutes);
  await fastify.register(pointsRoutes);
}
