import type { FastifyInstance } from 'fastify';

// WORK IN PROGRESS (issue 18): the points routes.
export async function pointsRoutes(_fastify: FastifyInstance) {}
