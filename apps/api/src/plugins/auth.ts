import type { Permission } from '@pos/contracts';
import type { FastifyInstance, FastifyRequest, onRequestHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import type { Actor } from '../shared/command';
import { DomainError } from '../shared/errors';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
  interface FastifyInstance {
    /** onRequest hook: a valid staff token, and the permission when one is named. */
    authorize(permission?: Permission): onRequestHookHandler;
  }
}

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header?.startsWith('Bearer ')) return undefined;
  return header.slice('Bearer '.length).trim() || undefined;
}

export const authPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest('actor', null as unknown as Actor);
  app.decorate('authorize', (permission?: Permission): onRequestHookHandler => {
    return async (request) => {
      const token = bearerToken(request);
      if (!token) throw new DomainError(401, 'auth.unauthorized', 'Sign in first');
      request.actor = await app.services.auth.authenticate(token);
      if (permission && !request.actor.permissions.has(permission)) {
        throw new DomainError(403, 'auth.forbidden', `Your role may not do this (needs ${permission})`, {
          permission,
        });
      }
    };
  });
});
