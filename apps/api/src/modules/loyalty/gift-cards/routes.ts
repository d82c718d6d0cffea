import type { FastifyInstance } from 'fastify';

// WORK IN PROGRESS (issue 18): the gift-cards routes.
export async function giftCardRoutes(_fastify: FastifyInstance) {}
