import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { DomainError } from '../shared/errors';

const PROBLEM_TYPE = 'https://pos.local/problems/';

const API_PREFIXES = ['/pos/', '/admin/', '/docs', '/remotes/', '/ws', '/notification/'];
const isShellPath = (path: string) => !API_PREFIXES.some((p) => path.startsWith(p)) && !/\.[a-z0-9]+$/i.test(path);

export function sendProblem(
  reply: FastifyReply,
  status: number,
  code: string,
  title: string,
  extra: Record<string, unknown> = {},
) {
  return reply
    .code(status)
    .type('application/problem+json')
    .send({ type: PROBLEM_TYPE + code, title, status, code, instance: reply.request.url, ...extra });
}

/** Maps every error to RFC 9457 problem+json; bad input is always a 4xx with field paths. */
export const problemPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'body';
      const errors = error.validation.flatMap((issue) => {
        const base = [where === 'querystring' ? 'query' : where, ...issue.instancePath.split('/').filter(Boolean)];
        // An unknown field is reported on its parent; name the field itself.
        const keys = (issue.params as { keys?: unknown }).keys;
        const paths = Array.isArray(keys) && keys.length ? keys.map((k) => [...base, String(k)]) : [base];
        return paths.map((path) => ({ path: path.join('.'), message: issue.message ?? 'Invalid value' }));
      });
      return sendProblem(reply, 400, 'validation', 'The request is invalid', {
        detail: errors.map((e) => `${e.path}: ${e.message}`).join('; '),
        errors,
      });
    }
    if (error instanceof DomainError) {
      if (error.status === 429 && typeof error.extra.retryAfterSeconds === 'number') {
        reply.header('Retry-After', String(error.extra.retryAfterSeconds));
      }
      return sendProblem(reply, error.status, error.code, error.message, error.extra);
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response does not match its schema');
      return sendProblem(reply, 500, 'internal', 'Internal server error');
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code = error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError ? 'invalid_json' : 'bad_request';
      return sendProblem(reply, status, code, error.message);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, 500, 'internal', 'Internal server error');
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0];
    // The shell is a single-page app: its own paths (/floor, /order/…) get index.html.
    if (request.method === 'GET' && isShellPath(path) && app.hasShell()) {
      return reply.header('Cache-Control', 'no-cache').type('text/html').sendFile('index.html');
    }
    return sendProblem(reply, 404, 'route.not_found', `No route ${request.method} ${path}`);
  });
});
