import { APPROVAL_HEADER, Base64Url32Schema, type Permission } from '@pos/contracts';
import type { FastifyInstance, FastifyRequest, onRequestHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import type { Actor, PresentedApproval } from '../shared/command';
import { DomainError, invalid } from '../shared/errors';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
  interface FastifyInstance {
    /**
     * onRequest hook: a valid staff token, and the permission when one is named. A command
     * (any method but GET/HEAD) may present a supervisor's inline approval in `X-Approval`: when
     * the caller lacks the approved permission it is lent for this one command, which spends it
     * inside its transaction (`runCommand`). Only `APPROVABLE_PERMISSIONS` are ever lent, and
     * every route and service that checks one of them runs as a command. A list of permissions
     * lets in staff who hold any one of them (a gift card looked up at the till, at the sale or
     * from the guest's profile).
     */
    authorize(permission?: Permission | readonly Permission[]): onRequestHookHandler;
  }
}

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header?.startsWith('Bearer ')) return undefined;
  return header.slice('Bearer '.length).trim() || undefined;
}

/** The approval header of a command, checked for shape; undefined when there is none. */
function approvalToken(request: FastifyRequest): string | undefined {
  if (request.method === 'GET' || request.method === 'HEAD') return undefined;
  const header = request.headers[APPROVAL_HEADER];
  if (header === undefined) return undefined;
  if (typeof header !== 'string' || !Base64Url32Schema.safeParse(header).success) {
    throw invalid(`headers.${APPROVAL_HEADER}`, 'An approval token is 32 bytes in base64url, once');
  }
  return header;
}

const withApproval = (actor: Actor, approval: PresentedApproval): Actor => ({
  ...actor,
  permissions: new Set([...actor.permissions, approval.permission]),
  approval,
});

export const authPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest('actor', null as unknown as Actor);
  app.decorate('authorize', (permission?: Permission | readonly Permission[]): onRequestHookHandler => {
    const anyOf: readonly Permission[] = permission === undefined ? [] : typeof permission === 'string' ? [permission] : permission;
    return async (request) => {
      const token = bearerToken(request);
      if (!token) throw new DomainError(401, 'auth.unauthorized', 'Sign in first');
      request.actor = await app.services.auth.authenticate(token);
      const approval = approvalToken(request);
      if (approval !== undefined) {
        const presented = await app.services.approvals.present(app.database.db, request.actor, approval);
        // Staff who hold the permission themselves act on their own: the approval stays unspent.
        if (!request.actor.permissions.has(presented.permission)) request.actor = withApproval(request.actor, presented);
      }
      if (anyOf.length > 0 && !anyOf.some((p) => request.actor.permissions.has(p))) {
        throw new DomainError(403, 'auth.forbidden', `Your role may not do this (needs ${anyOf.join(' or ')})`, {
          // One permission as before; a route open to several also lists them all.
          permission: anyOf[0],
          ...(anyOf.length > 1 ? { anyOf } : {}),
        });
      }
    };
  });
});
