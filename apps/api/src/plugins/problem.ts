import { type ServerOptions, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ApiConfig } from '../config';
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

/** Stable codes of the framework's own 4xx/5xx answers, by status. */
const STATUS_CODE_NAMES: Record<number, string> = {
  405: 'method_not_allowed',
  406: 'not_acceptable',
  408: 'request_timeout',
  411: 'length_required',
  413: 'payload_too_large',
  414: 'uri_too_long',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  431: 'header_fields_too_large',
  501: 'not_implemented',
  503: 'unavailable',
};

const TITLES: Record<string, string> = {
  payload_too_large: 'The request body is too large',
  unsupported_media_type: 'The request body has an unsupported media type',
  uri_too_long: 'The request URL is too long',
  header_fields_too_large: 'The request headers are too large',
  request_timeout: 'The request took too long to arrive',
  invalid_url: 'The request URL is malformed',
  not_implemented: 'The request method is not supported',
};

/**
 * The headers of answers written before Fastify's hooks run (the parser's 414/431, a bad URL):
 * nothing there is a page, so nothing may load.
 */
export const BARE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};

const problemBody = (status: number, code: string, title: string, extra: Record<string, unknown> = {}) => ({
  type: PROBLEM_TYPE + code,
  title,
  status,
  code,
  ...extra,
});

/**
 * An error of Node's HTTP parser, before there is any request for Fastify: the request line or
 * headers are too large (431; 414 when it is the request line alone that never ended), a method
 * the parser does not know (501), a request that took too long (408), anything else malformed (400).
 */
function parserProblem(err: Error & { code?: string; rawPacket?: unknown }, maxUrlLength: number) {
  if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') return { status: 408, code: 'request_timeout' };
  if (err.code === 'HPE_HEADER_OVERFLOW') {
    const packet = Buffer.isBuffer(err.rawPacket) ? err.rawPacket.toString('latin1') : '';
    const lineEnd = packet.indexOf('\r\n');
    const requestLine = /^[A-Z-]+ \S/.test(packet) && (lineEnd === -1 || lineEnd > maxUrlLength);
    return requestLine ? { status: 414, code: 'uri_too_long' } : { status: 431, code: 'header_fields_too_large' };
  }
  if (err.code === 'HPE_INVALID_METHOD') return { status: 501, code: 'not_implemented' };
  return { status: 400, code: 'bad_request' };
}

/**
 * Fastify's constructor options for answers that never reach the error handler: the router's
 * (bad percent-encoding, an overlong path parameter) and the HTTP parser's. All are problem+json.
 */
export function problemServerOptions(config: Pick<ApiConfig, 'maxHeaderBytes' | 'maxUrlLength'>) {
  const frameworkErrors: NonNullable<FastifyServerOptions['frameworkErrors']> = (error, _request, reply) => {
    const status = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : (error.statusCode ?? 400);
    const code = error.code === 'FST_ERR_BAD_URL' ? 'invalid_url' : (STATUS_CODE_NAMES[status] ?? (status < 500 ? 'bad_request' : 'internal'));
    // Fastify's hooks (helmet's headers among them) never run here. The URL that was wrong is not echoed back.
    void (reply as FastifyReply)
      .headers(BARE_SECURITY_HEADERS)
      .code(status)
      .type('application/problem+json')
      .send(problemBody(status, code, TITLES[code] ?? STATUS_CODES[status] ?? 'Bad request'));
  };
  function clientErrorHandler(this: FastifyInstance, err: Error & { code?: string }, socket: Socket) {
    // A reset connection has nobody left to answer.
    if (err.code === 'ECONNRESET' || socket.destroyed) return;
    const { status, code } = parserProblem(err, config.maxUrlLength);
    this.log.debug({ err, status }, 'client error');
    if (socket.writable) {
      const body = JSON.stringify(problemBody(status, code, TITLES[code] ?? STATUS_CODES[status] ?? 'Bad request'));
      const headers = {
        'Content-Type': 'application/problem+json; charset=utf-8',
        'Content-Length': String(Buffer.byteLength(body)),
        Connection: 'close',
        ...BARE_SECURITY_HEADERS,
      };
      const head = Object.entries(headers)
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('');
      socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${head}\r\n${body}`);
    }
    socket.destroy(err);
  }
  const http: ServerOptions = { maxHeaderSize: config.maxHeaderBytes };
  return { http, frameworkErrors, clientErrorHandler };
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
      const code =
        error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError
          ? 'invalid_json'
          : (STATUS_CODE_NAMES[status] ?? 'bad_request');
      return sendProblem(reply, status, code, TITLES[code] ?? error.message, TITLES[code] ? { detail: error.message } : {});
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
