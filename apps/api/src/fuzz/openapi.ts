import type { FastifyInstance } from 'fastify';
import type { JsonSchema } from './json-schema-arbitrary';

/** One route of the OpenAPI document, with its inputs as JSON Schemas. */
export interface Operation {
  method: string;
  /** OpenAPI path template, e.g. /pos/orders/{id}/items/{lineId}. */
  path: string;
  /** `${METHOD} ${path}`. */
  key: string;
  params?: JsonSchema;
  query?: JsonSchema;
  headers?: JsonSchema;
  body?: JsonSchema;
  bodyRequired: boolean;
  /** Whether the route asks for a bearer token (an empty `security` list means open). */
  secured: boolean;
}

interface OpenApiParameter {
  in: string;
  name: string;
  required?: boolean;
  schema?: JsonSchema;
}

interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
  security?: unknown[];
}

/** Parameters of one location (path, query, header) as one object schema. */
function objectOf(params: OpenApiParameter[], where: string): JsonSchema | undefined {
  const mine = params.filter((p) => p.in === where);
  if (mine.length === 0) return undefined;
  return {
    type: 'object',
    properties: Object.fromEntries(mine.map((p) => [p.name, p.schema ?? {}])),
    required: mine.filter((p) => p.required || where === 'path').map((p) => p.name),
    additionalProperties: where !== 'query',
  };
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'];

/** Every operation of the generated document (`app.swagger()` after ready). */
export function operationsOf(doc: { paths?: Record<string, Record<string, unknown>>; security?: unknown[] }): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, raw] of Object.entries(item)) {
      if (!METHODS.includes(method)) continue;
      const op = raw as OpenApiOperation;
      const params = op.parameters ?? [];
      const body = op.requestBody?.content?.['application/json']?.schema;
      const security = op.security ?? doc.security ?? [];
      out.push({
        method: method.toUpperCase(),
        path,
        key: `${method.toUpperCase()} ${path}`,
        params: objectOf(params, 'path'),
        query: objectOf(params, 'query'),
        headers: objectOf(params, 'header'),
        body,
        bodyRequired: Boolean(op.requestBody?.required),
        secured: security.length > 0,
      });
    }
  }
  return out;
}

/**
 * Every method + path the router knows, from `printRoutes({ commonPrefix: false })`: a tree whose
 * lines are `<indent>├── <segment> (METHODS)`, a child's path being its parent's plus its segment.
 * HEAD is left out (Fastify adds it to every GET).
 */
export function routerRoutes(app: FastifyInstance): { method: string; path: string }[] {
  const tree = app.printRoutes({ commonPrefix: false });
  const stack: string[] = [];
  const out: { method: string; path: string }[] = [];
  for (const line of tree.split('\n')) {
    const m = /^((?:[│ ] {3})*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1].length / 4;
    stack.length = depth;
    const path = (stack[depth - 1] ?? '') + m[2];
    stack[depth] = path;
    for (const method of (m[3] ?? '').split(', ').filter(Boolean)) {
      if (method !== 'HEAD') out.push({ method, path: path.replace(/:(\w+)/g, '{$1}') });
    }
  }
  return out;
}
