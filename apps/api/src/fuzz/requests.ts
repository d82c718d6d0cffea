import fc from 'fast-check';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../db/database';
import { arbitraryOf, garbageArbitrary, type Hooks, type JsonSchema, mutantOf, patternArbitrary } from './json-schema-arbitrary';
import { appTables } from './fingerprint';
import type { Operation } from './openapi';

/**
 * Requests as fast-check values. Ids and idempotency keys are symbolic (`IdRef`, `KeyRef`) and
 * resolved only when the request is sent, against the rows that exist then — the fuzzer's own
 * orders, payments, reservations… included — so the same seed makes the same sequence of
 * requests whatever the database holds.
 */
export class IdRef {
  constructor(
    readonly kind: string | undefined,
    /** own: a row of that kind in the demo venue; other: of another venue; anyKind: any row of the demo venue. */
    readonly scope: 'own' | 'other' | 'anyKind',
    readonly pick: number,
  ) {}
}
/** A clientRequestId sent before (a replay, or the same key for another request). */
export class KeyRef {
  constructor(readonly pick: number) {}
}
/** The current version of the row the path's `{id}` names (optimistic concurrency). */
export class VersionRef {}
export const isSymbol = (v: unknown): boolean => v instanceof IdRef || v instanceof KeyRef || v instanceof VersionRef;

/** Which table a uuid field points at, from its name (or, for `id`, from the path segment before it). */
const KIND_RULES: [RegExp, string][] = [
  [/line/i, 'order_lines'],
  [/ticket/i, 'kitchen_tickets'],
  [/reservation/i, 'reservations'],
  [/payment/i, 'payments'],
  [/session/i, 'table_sessions'],
  [/table/i, 'tables'],
  [/hall/i, 'halls'],
  [/product|addon/i, 'products'],
  [/modifier/i, 'modifier_options'],
  [/combo/i, 'combos'],
  [/shift/i, 'shifts'],
  [/order/i, 'orders'],
  [/waiter|staff|cashier/i, 'staff'],
  [/device/i, 'devices'],
];

export function idKindOf(name: string | undefined, path: string): string | undefined {
  let subject = name;
  if (!subject || subject === 'id') {
    const segments = path.split('/');
    const at = segments.indexOf(`{${name ?? 'id'}}`);
    subject = at > 0 ? segments[at - 1] : undefined;
  }
  return subject ? KIND_RULES.find(([re]) => re.test(subject))?.[1] : undefined;
}

export const ROLES = ['anonymous', 'forged', 'waiter', 'waiter2', 'cashier', 'supervisor', 'cook', 'admin', 'demo2-admin', 'demo2-waiter'] as const;
export type RoleName = (typeof ROLES)[number];
const ROLE_WEIGHTS: Record<RoleName, number> = { anonymous: 2, forged: 1, waiter: 3, waiter2: 2, cashier: 3, supervisor: 3, cook: 2, admin: 4, 'demo2-admin': 1, 'demo2-waiter': 1 };

export type Transport = 'invalid-json' | 'text-plain' | 'empty-json' | 'huge' | 'raw-path' | 'query-garbage' | 'head';
const TRANSPORTS: Transport[] = ['invalid-json', 'text-plain', 'empty-json', 'huge', 'raw-path', 'query-garbage', 'head'];

export interface RequestSpec {
  op: number;
  role: RoleName;
  mode: 'valid' | 'mutated' | 'transport';
  params?: unknown;
  query?: unknown;
  body?: unknown;
  transport?: Transport;
  rawValue?: string;
  headers: Record<string, string>;
}

const KNOWN_PINS = ['1111', '1112', '2222', '333333', '4444', '999999', '0000', '12345678'];

function hooksFor(op: Operation): Hooks {
  return {
    isLeaf: isSymbol,
    uuid: (name) => {
      const kind = idKindOf(name, op.path);
      const ref = (scope: IdRef['scope']) => fc.nat().map((n) => new IdRef(kind, scope, n));
      return fc.oneof(
        { weight: kind ? 17 : 0, arbitrary: ref('own') },
        { weight: kind ? 1 : 0, arbitrary: ref('other') },
        { weight: 1, arbitrary: ref('anyKind') },
        { weight: 1, arbitrary: fc.uuid({ version: [4, 7] }) },
      );
    },
    named: (name, schema) => {
      if (name === 'clientRequestId') {
        const fresh = typeof schema.pattern === 'string' ? patternArbitrary(schema.pattern, Number(schema.minLength ?? 8), Number(schema.maxLength ?? 100)) : fc.string({ minLength: 8, maxLength: 40 });
        return fc.oneof({ weight: 8, arbitrary: fresh }, { weight: 2, arbitrary: fc.nat().map((n) => new KeyRef(n)) });
      }
      // Rules the schema cannot say (refinements): a few values that pass them, among the generated ones.
      if (name === 'version' && schema.type === 'integer') return fc.oneof({ weight: 3, arbitrary: fc.constant(new VersionRef()) }, { weight: 1, arbitrary: arbitraryOf({ ...schema }) });
      if (name === 'maskedCard') return fc.oneof(fc.constantFrom('•••• 4242', '424242******4242', '**** 1111'), arbitraryOf({ ...schema }));
      if (name === 'guestPhone') return fc.oneof(fc.constantFrom('+7 (999) 123-45-67', '+79991234567', '8 800 555 35 35'), arbitraryOf({ ...schema }));
      if (/date$/i.test(name) && schema.type === 'string' && !schema.format) return fc.oneof(arbitraryOf({ type: 'string', format: 'date' }), arbitraryOf({ ...schema }));
      if (name === 'limit' && schema.type === 'string') return fc.oneof(fc.constantFrom('1', '5', '20'), arbitraryOf({ ...schema }));
      if (name === 'pin' && schema.type === 'string') return fc.oneof(fc.constantFrom(...KNOWN_PINS), fc.stringMatching(/^\d{4,8}$/));
      if (name === 'venue' && schema.type === 'string') return fc.oneof({ weight: 3, arbitrary: fc.constantFrom('demo', 'demo-2') }, { weight: 1, arbitrary: arbitraryOf({ ...schema }) });
      return undefined;
    },
  };
}

const headerValue = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 120 });

const headersArbitrary: fc.Arbitrary<Record<string, string>> = fc.record(
  {
    'idempotency-key': fc.oneof(fc.stringMatching(/^[A-Za-z0-9._:-]{8,30}$/), headerValue),
    'x-device-id': headerValue,
    'accept-language': fc.constantFrom('ru', 'en', '*', 'xx-INVALID;q=abc'),
  },
  { requiredKeys: [] },
);

/** One request of an operation: valid-shaped, mutated, or broken at the transport level. */
export function requestArbitrary(op: Operation, index: number): fc.Arbitrary<RequestSpec> {
  const hooks = hooksFor(op);
  const parts = { params: op.params, query: op.query, body: op.body } as const;
  const present = (Object.keys(parts) as (keyof typeof parts)[]).filter((k) => parts[k]);
  const valid = (k: keyof typeof parts) => (parts[k] ? arbitraryOf(parts[k] as JsonSchema, hooks) : fc.constant(undefined));
  const role = fc.oneof(...ROLES.map((r) => ({ weight: ROLE_WEIGHTS[r], arbitrary: fc.constant(r) })));
  const base = {
    op: fc.constant(index),
    role,
    params: valid('params'),
    query: valid('query'),
    body: op.body && !op.bodyRequired ? fc.option(valid('body'), { nil: undefined, freq: 4 }) : valid('body'),
    headers: fc.oneof({ weight: 4, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: headersArbitrary }),
  };
  const validSpec = fc.record({ ...base, mode: fc.constant('valid' as const) });
  // One part (params, query or body) broken; the others stay valid.
  const mutated =
    present.length === 0
      ? validSpec
      : fc.constantFrom(...present).chain((part) =>
          fc.record({ ...base, mode: fc.constant('mutated' as const), [part]: mutantOf(parts[part] as JsonSchema, hooks) }),
        );
  const transport = fc.record({
    ...base,
    mode: fc.constant('transport' as const),
    transport: fc.constantFrom(...TRANSPORTS),
    rawValue: fc.constantFrom(
      '{"a":', 'nul', '{"a":1}}', '\ufeff{}', '{"version":1,"version":"x"}', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{"x":1}}}',
      '[]', '"str"', '1e999', '%', '%zz', '..', 'a/b', '%2e%2e%2f', '%00', ' ', '\u00e9', 'x'.repeat(3000),
    ),
  });
  return fc.oneof({ weight: 10, arbitrary: validSpec }, { weight: 8, arbitrary: mutated }, { weight: 2, arbitrary: transport }) as fc.Arbitrary<RequestSpec>;
}

// --- resolution --------------------------------------------------------------------------------

export interface IdPool {
  /** Row version by id, for tables with a `version` column. */
  versions: Map<string, number>;
  own: Map<string, string[]>;
  other: Map<string, string[]>;
  allOwn: string[];
  keys: string[];
}

export interface IdTable {
  name: string;
  venueColumn: string | undefined;
  orderBy: string;
  hasVersion: boolean;
}

/** Tables with an `id` column, and how to tell their venue (tables without venue_id count as the demo venue's). */
export async function idTables(handle: DatabaseHandle): Promise<IdTable[]> {
  return (await appTables(handle))
    .filter((t) => t.columns.some((c) => c.name === 'id'))
    .map((t) => {
      const cols = new Set(t.columns.map((c) => c.name));
      return { name: t.name, venueColumn: cols.has('venue_id') ? 'venue_id' : t.name === 'venues' ? 'id' : undefined, orderBy: cols.has('created_at') ? 'created_at' : "''", hasVersion: cols.has('version') };
    });
}

/** Every id of those tables, in one query, oldest first. */
export async function loadIdPool(handle: DatabaseHandle, tables: IdTable[], ownVenueId: string, keys: string[]): Promise<IdPool> {
  const query = tables
    .map((t) => `select '${t.name}' as t, cast(id as text) as id, ${t.venueColumn ? `cast(${t.venueColumn} as text)` : 'null'} as v, cast(${t.orderBy} as text) as o, cast(${t.hasVersion ? 'version' : 'null'} as integer) as ver from "${t.name}"`)
    .join(' union all ');
  const { rows } = await sql.raw<{ t: string; id: string; v: string | null; ver: number | null }>(`${query} order by t, o, id`).execute(handle.db);
  const pool: IdPool = { versions: new Map(), own: new Map(), other: new Map(), allOwn: [], keys };
  for (const t of tables) {
    pool.own.set(t.name, []);
    pool.other.set(t.name, []);
  }
  for (const r of rows) {
    const own = r.v === null || r.v === ownVenueId;
    (own ? pool.own : pool.other).get(r.t)?.push(r.id);
    if (own) pool.allOwn.push(r.id);
    if (r.ver !== null) pool.versions.set(r.id, Number(r.ver));
  }
  return pool;
}

const fallbackId = (n: number) => `00000000-0000-4000-8000-${(n % 0xffffffffffff).toString(16).padStart(12, '0')}`;

/** Half the picks go to the ten newest rows (what the fuzzer just made), half anywhere. */
function pickFrom(list: string[] | undefined, n: number): string | undefined {
  if (!list || list.length === 0) return undefined;
  const k = Math.floor(n / 2);
  return n % 2 ? list[list.length - 1 - (k % Math.min(list.length, 10))] : list[k % list.length];
}

export function resolve(value: unknown, pool: IdPool, entityId?: unknown): unknown {
  if (value instanceof VersionRef) return (typeof entityId === 'string' && pool.versions.get(entityId)) || 1;
  if (value instanceof IdRef) {
    const list = value.scope === 'anyKind' ? pool.allOwn : value.kind ? (value.scope === 'own' ? pool.own : pool.other).get(value.kind) : undefined;
    return pickFrom(list, value.pick) ?? fallbackId(value.pick);
  }
  if (value instanceof KeyRef) return pickFrom(pool.keys, value.pick) ?? `never-sent-${value.pick}`;
  if (Array.isArray(value)) return value.map((v) => resolve(v, pool, entityId));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) Object.defineProperty(out, k, { value: resolve(v, pool, entityId), enumerable: true, configurable: true, writable: true });
    return out;
  }
  return value;
}

// --- encoding ----------------------------------------------------------------------------------

export interface WireRequest {
  method: string;
  url: string;
  payload?: string;
  headers: Record<string, string>;
  /** What was sent, for the report. */
  shown: { params?: unknown; query?: unknown; body?: unknown; raw?: string };
}

/** encodeURIComponent, with lone surrogates replaced (they cannot be encoded). */
const encode = (s: string) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, (c, i, all) => (/[\ud800-\udbff][\udc00-\udfff]/.test(all.slice(i, i + 2)) || /[\ud800-\udbff][\udc00-\udfff]/.test(all.slice(i - 1, i + 1)) ? c : '\ufffd')));
const scalar = (v: unknown) => (typeof v === 'string' ? v : v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

function queryString(query: unknown): string {
  if (query === undefined) return '';
  if (!query || typeof query !== 'object' || Array.isArray(query)) return `?${encode(scalar(query))}`;
  const parts: string[] = [];
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined) continue;
    for (const item of Array.isArray(v) ? v : [v]) parts.push(`${encode(k)}=${encode(scalar(item))}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

export function toWire(op: Operation, spec: RequestSpec, pool: IdPool): WireRequest {
  const params = resolve(spec.params, pool) as Record<string, unknown> | undefined;
  const query = resolve(spec.query, pool);
  const body = resolve(spec.body, pool, params && typeof params === 'object' ? params.id : undefined);
  const headers: Record<string, string> = { ...spec.headers };
  const raw = spec.mode === 'transport' ? spec.rawValue : undefined;
  let path = op.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const v = params && typeof params === 'object' ? (params as Record<string, unknown>)[name] : undefined;
    if (spec.transport === 'raw-path') return raw ?? '';
    return encode(scalar(v));
  });
  // A wildcard route (e.g. /docs/*) gets a path from the raw values or the generated params.
  path = path.replace(/\*$/, () => encode(scalar((params as Record<string, unknown> | undefined)?.['*'] ?? raw ?? '')));
  let qs = queryString(query);
  if (spec.transport === 'query-garbage') qs = `${qs ? `${qs}&` : '?'}${['a[b]=1', '__proto__[x]=1', 'status=open&status=paid', '%zz=1', '=', '&&&', `x=${raw ?? ''}`][(raw?.length ?? 0) % 7]}`;
  let method = op.method;
  if (spec.transport === 'head' && method === 'GET') method = 'HEAD';

  let payload: string | undefined;
  if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['content-type'] = 'application/json';
  }
  switch (spec.transport) {
    case 'invalid-json':
      payload = raw;
      headers['content-type'] = 'application/json';
      break;
    case 'text-plain':
      payload = payload ?? '{}';
      headers['content-type'] = 'text/plain';
      break;
    case 'empty-json':
      payload = '';
      headers['content-type'] = 'application/json';
      break;
    case 'huge':
      payload = JSON.stringify({ ...(body && typeof body === 'object' ? body : {}), pad: 'x'.repeat(2.2 * 1024 * 1024) });
      headers['content-type'] = 'application/json';
      break;
  }
  return { method, url: path + qs, payload, headers, shown: { params, query, body: spec.transport === 'huge' ? '<2.2 MB>' : body, ...(raw !== undefined && spec.transport ? { raw: `${spec.transport}: ${raw.slice(0, 80)}` } : {}) } };
}

/** Paths no route has: the 404 handler and the router's own parsing. */
export const UNKNOWN_PATHS = [
  '/pos', '/pos/', '/pos/orders/', '//pos//orders', '/pos/orders/%', '/pos/orders/%zz', '/pos/orders/%E0%A4%A', '/pos/%00', '/admin/../pos/ping',
  '/pos/ping/../../etc/passwd', `/pos/${'a'.repeat(5000)}`, '/pos/orders?%', '/pos/orders?a=%zz', '/pos/nope', '/ws', '/socket.io/?EIO=4&transport=polling',
  '/remotes/x/1.0.0/remoteEntry.js', '/notification/x', '/index.html', '/floor', '/.env',
];
export const unknownRequestArbitrary = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'),
  path: fc.constantFrom(...UNKNOWN_PATHS),
  body: fc.option(garbageArbitrary, { nil: undefined }),
});
