import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { DOCS_CSP } from './security';

/** OpenAPI 3.1 generated from the zod contracts; Swagger UI at /docs, the document at /docs/json. */
export const swaggerPlugin = fp(async (app: FastifyInstance) => {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Restaurant POS API', version: '1.0.0', description: 'REST API of the restaurant point of sale.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  // Swagger UI's page and files get their own CSP (the rest of the app's is the shell's).
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: DOCS_CSP });
});
