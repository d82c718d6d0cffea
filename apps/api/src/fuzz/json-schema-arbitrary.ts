import fc from 'fast-check';

/**
 * A compact JSON Schema → fast-check translator for the fuzzer: the subset the zod contracts turn
 * into (draft 2020-12 / OpenAPI 3.1): type (also as a list), const, enum, anyOf/oneOf/allOf,
 * nullable, formats uuid/date-time/date, pattern, minimum/maximum (and exclusive ones),
 * minLength/maxLength, items/prefixItems/minItems/maxItems, properties/required,
 * additionalProperties and propertyNames. `arbitraryOf` makes values of the schema's shape;
 * `mutantOf` takes such a value and breaks it in a few places (wrong types, missing and extra
 * fields, out-of-range numbers and lengths, odd unicode, nested garbage).
 */
export type JsonSchema = { [key: string]: unknown };

export interface Hooks {
  /** The arbitrary of a `format: uuid` string named `name` (a property or parameter name). */
  uuid?: (name: string | undefined) => fc.Arbitrary<unknown>;
  /** An override for a property or parameter by name; undefined keeps the schema's own. */
  named?: (name: string, schema: JsonSchema) => fc.Arbitrary<unknown> | undefined;
  /** Leaf values the mutator must not look into (e.g. symbolic ids resolved at send time). */
  isLeaf?: (value: unknown) => boolean;
}

const asSchema = (s: unknown): JsonSchema => (s && typeof s === 'object' ? (s as JsonSchema) : {});
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** Instants in the 4-digit-year range an ISO string can carry (0000-01-01 … 9999-12-31). */
export const MIN_INSTANT = Date.parse('0000-01-01T00:00:00.000Z');
export const MAX_INSTANT = Date.parse('9999-12-31T23:59:59.999Z');
const DAY = 86_400_000;

/** Mostly around today (± 60 days), sometimes anywhere in 0000–9999, sometimes at the ends. */
export function instantArbitrary(now = Date.now()): fc.Arbitrary<number> {
  return fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: now - 60 * DAY, max: now + 60 * DAY }) },
    { weight: 1, arbitrary: fc.integer({ min: MIN_INSTANT, max: MAX_INSTANT }) },
    { weight: 1, arbitrary: fc.constantFrom(MIN_INSTANT, MAX_INSTANT, Date.parse('1970-01-01T00:00:00Z'), Date.parse('2038-01-19T03:14:08Z')) },
  );
}

function dateTimeArbitrary(allowOffset: boolean): fc.Arbitrary<string> {
  const iso = instantArbitrary().map((ms) => new Date(ms).toISOString());
  if (!allowOffset) return iso;
  return fc.tuple(iso, fc.constantFrom('Z', 'Z', '+03:00', '-11:30', '+14:00')).map(([s, zone]) => (zone === 'Z' ? s : s.replace('Z', zone)));
}

/** Strings of a regular expression, within the length bounds. */
export function patternArbitrary(pattern: string, minLength = 0, maxLength?: number): fc.Arbitrary<string> {
  // `^[class]+$` (the common case: keys, slugs) with length bounds is one bounded quantifier.
  const simple = /^\^(\[[^\]]+\])([+*])\$$/.exec(pattern);
  if (simple) {
    const lo = Math.max(minLength, simple[2] === '+' ? 1 : 0);
    const hi = maxLength ?? lo + 30;
    return fc.stringMatching(new RegExp(`^${simple[1]}{${lo},${hi}}$`));
  }
  const base = fc.stringMatching(new RegExp(pattern), maxLength !== undefined ? { maxLength } : { maxLength: Math.max(minLength, 64) });
  return minLength > 0 ? base.filter((s) => s.length >= minLength) : base;
}

function integerArbitrary(schema: JsonSchema): fc.Arbitrary<number> {
  const exMin = num(schema.exclusiveMinimum);
  const exMax = num(schema.exclusiveMaximum);
  const min = Math.max(Number.MIN_SAFE_INTEGER, Math.ceil(num(schema.minimum) ?? (exMin !== undefined ? exMin + 1 : -1_000_000)));
  const max = Math.min(Number.MAX_SAFE_INTEGER, Math.floor(num(schema.maximum) ?? (exMax !== undefined ? exMax - 1 : 1_000_000)));
  if (min > max) return fc.constant(min);
  // Small values near the lower bound (or near 0 when the range spans it) reach the services most.
  const low = min <= 0 && max >= 0 ? 0 : min;
  return fc.oneof(
    { weight: 5, arbitrary: fc.integer({ min: low, max: Math.min(max, low + 20) }) },
    { weight: 2, arbitrary: fc.integer({ min, max }) },
    { weight: 1, arbitrary: fc.constantFrom(min, max) },
  );
}

function numberArbitrary(schema: JsonSchema): fc.Arbitrary<number> {
  const min = num(schema.minimum) ?? num(schema.exclusiveMinimum) ?? -1e9;
  const max = num(schema.maximum) ?? num(schema.exclusiveMaximum) ?? 1e9;
  return fc.oneof(
    integerArbitrary({ minimum: Math.ceil(min), maximum: Math.floor(max) }),
    fc.double({
      min,
      max,
      minExcluded: schema.exclusiveMinimum !== undefined,
      maxExcluded: schema.exclusiveMaximum !== undefined,
      noNaN: true,
      noDefaultInfinity: true,
    }),
  );
}

function stringArbitrary(schema: JsonSchema, hooks: Hooks, name: string | undefined): fc.Arbitrary<unknown> {
  const minLength = num(schema.minLength) ?? 0;
  const maxLength = num(schema.maxLength);
  if (schema.format === 'uuid') return hooks.uuid?.(name) ?? fc.uuid({ version: [4, 7] });
  if (schema.format === 'date-time') return dateTimeArbitrary(typeof schema.pattern === 'string' && schema.pattern.includes('[+-]'));
  if (schema.format === 'date') return instantArbitrary().map((ms) => new Date(ms).toISOString().slice(0, 10));
  if (typeof schema.pattern === 'string') return patternArbitrary(schema.pattern, minLength, maxLength);
  const hi = Math.min(maxLength ?? minLength + 40, minLength + 40);
  // Free text: ASCII, any grapheme, and any code point (NUL, lone surrogates, controls) — all valid here.
  return fc.oneof(
    { weight: 3, arbitrary: fc.string({ minLength, maxLength: hi }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength, maxLength: hi }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength, maxLength: hi }) },
  );
}

function arrayArbitrary(schema: JsonSchema, hooks: Hooks, name: string | undefined): fc.Arbitrary<unknown> {
  if (Array.isArray(schema.prefixItems)) return fc.tuple(...schema.prefixItems.map((s) => arbitraryOf(asSchema(s), hooks, name)));
  const minLength = num(schema.minItems) ?? 0;
  const maxLength = Math.min(num(schema.maxItems) ?? minLength + 4, minLength + 4);
  const items = arbitraryOf(asSchema(schema.items), hooks, name);
  return schema.uniqueItems
    ? fc.uniqueArray(items, { minLength, maxLength, selector: (v) => JSON.stringify(v) })
    : fc.array(items, { minLength, maxLength });
}

function objectArbitrary(schema: JsonSchema, hooks: Hooks): fc.Arbitrary<unknown> {
  const properties = asSchema(schema.properties);
  const keys = Object.keys(properties);
  if (keys.length === 0 && (schema.additionalProperties || schema.propertyNames)) {
    const keyArb = schema.propertyNames ? (arbitraryOf(asSchema(schema.propertyNames), hooks) as fc.Arbitrary<string>) : fc.string({ minLength: 1, maxLength: 12 });
    const valueArb = schema.additionalProperties === true || !schema.additionalProperties ? fc.jsonValue({ maxDepth: 1 }) : arbitraryOf(asSchema(schema.additionalProperties), hooks);
    return fc.dictionary(keyArb, valueArb, { maxKeys: 4, minKeys: num(schema.minProperties) ?? 0 });
  }
  const required = Array.isArray(schema.required) ? (schema.required as string[]).filter((k) => keys.includes(k)) : [];
  const optional = keys.filter((k) => !required.includes(k));
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const key of keys) record[key] = arbitraryOf(asSchema(properties[key]), hooks, key);
  const any = fc.record(record, { requiredKeys: required });
  if (optional.length < 2) return any;
  // Rules across fields ("exactly one of tableId or tableIds") are not in the schema: objects with
  // few optional fields (each one in four) get past them more often.
  const sparse = fc.tuple(fc.record(record), fc.array(fc.nat(3), { minLength: optional.length, maxLength: optional.length })).map(([full, dice]) => {
    const out: Record<string, unknown> = {};
    for (const k of keys) if (required.includes(k) || dice[optional.indexOf(k)] === 0) out[k] = full[k];
    return out;
  });
  return fc.oneof({ weight: 2, arbitrary: any }, { weight: 1, arbitrary: sparse });
}

/** Values of the schema's shape. `name` is the property or parameter the schema belongs to. */
export function arbitraryOf(schema: JsonSchema, hooks: Hooks = {}, name?: string): fc.Arbitrary<unknown> {
  if (name !== undefined) {
    const override = hooks.named?.(name, schema);
    if (override) return override;
  }
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  const branches = (schema.anyOf ?? schema.oneOf) as unknown[] | undefined;
  if (Array.isArray(branches)) return fc.oneof(...branches.map((b) => arbitraryOf({ ...withoutCombinators(schema), ...asSchema(b) }, hooks, name)));
  if (Array.isArray(schema.allOf)) {
    const merged = (schema.allOf as unknown[]).reduce<JsonSchema>((acc, s) => mergeSchemas(acc, asSchema(s)), withoutCombinators(schema));
    return arbitraryOf(merged, hooks, name);
  }
  if (schema.nullable === true) return fc.option(arbitraryOf({ ...schema, nullable: false }, hooks, name), { nil: null, freq: 4 });
  if (Array.isArray(schema.type)) return fc.oneof(...(schema.type as string[]).map((type) => arbitraryOf({ ...schema, type }, hooks, name)));
  switch (schema.type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return integerArbitrary(schema);
    case 'number':
      return numberArbitrary(schema);
    case 'string':
      return stringArbitrary(schema, hooks, name);
    case 'array':
      return arrayArbitrary(schema, hooks, name);
    case 'object':
      return objectArbitrary(schema, hooks);
    default:
      if (schema.properties || schema.additionalProperties) return objectArbitrary(schema, hooks);
      if (schema.items || schema.prefixItems) return arrayArbitrary(schema, hooks, name);
      // {} (anything): a little JSON.
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function withoutCombinators(schema: JsonSchema): JsonSchema {
  const { anyOf: _a, oneOf: _o, allOf: _l, ...rest } = schema;
  return rest;
}

function mergeSchemas(a: JsonSchema, b: JsonSchema): JsonSchema {
  const merged: JsonSchema = { ...a, ...b };
  if (a.properties || b.properties) merged.properties = { ...asSchema(a.properties), ...asSchema(b.properties) };
  if (a.required || b.required) merged.required = [...((a.required as string[]) ?? []), ...((b.required as string[]) ?? [])];
  return merged;
}

// --- mutations ------------------------------------------------------------------------------

const LONG = [256, 1_001, 10_000, 100_000];

/** Values no schema here asks for: wrong types, extremes, NaN-like strings, odd unicode, deep nesting. */
export const garbageArbitrary: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom<unknown>(
      null, true, false, 0, -1, -0, 0.5, 1.5, -2.5, 2 ** 31, -(2 ** 31), 2 ** 53 + 2, 1e308, -1e308, 1e-308,
      Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 99_999_999_999,
      '', ' ', 'NaN', 'Infinity', '-Infinity', '1e309', 'null', 'undefined', 'true', '0', '-1', '0x1F', '1_000', '٣',
      '9999-12-31', '9999-12-31T23:59:59.999Z', '0000-01-01T00:00:00Z', '2024-02-30', '2024-13-01T00:00:00Z',
      '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff',
      '\u0000', 'a\u0000b', '\u202eevil', '\u200b', 'Z\u0351\u0360\u0338', '👨‍👩‍👧‍👦', '\ud800', '𝕏'.repeat(101),
      "' OR 1=1 --", '"; DROP TABLE orders; --', '../../../etc/passwd', '%00', '%', '<script>alert(1)</script>', '${7*7}',
      '__proto__', 'constructor', [], {}, [null], [[]], JSON.parse('{"__proto__":{"isAdmin":true}}'), { length: -1 }, { $gt: '' },
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom(...LONG).map((n) => 'x'.repeat(n)) },
  { weight: 1, arbitrary: fc.constantFrom(10, 100, 1_000).map((depth) => nest(depth)) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 2, arbitrary: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.bigInt().map((b) => Number(b))) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

function nest(depth: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = i % 2 ? { a: v } : [v];
  return v;
}

export type MutationKind = 'replace' | 'wrongType' | 'delete' | 'extraKey' | 'boundary' | 'unicode';
export const MUTATION_KINDS: MutationKind[] = ['replace', 'wrongType', 'delete', 'extraKey', 'boundary', 'unicode'];

interface Node {
  value: unknown;
  schema: JsonSchema | undefined;
  parent: Record<string, unknown> | unknown[] | undefined;
  key: string | number | undefined;
}

/** The schema branch a value takes (for anyOf/oneOf: the first whose type fits). */
function branchFor(value: unknown, schema: JsonSchema | undefined): JsonSchema | undefined {
  if (!schema) return undefined;
  const branches = (schema.anyOf ?? schema.oneOf) as unknown[] | undefined;
  if (!Array.isArray(branches)) return schema;
  const t = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value === 'number' ? (Number.isInteger(value) ? 'integer' : 'number') : typeof value;
  const fit = branches.map(asSchema).find((b) => b.type === t || (t === 'integer' && b.type === 'number') || (Array.isArray(b.type) && b.type.includes(t)));
  return fit ? branchFor(value, fit) : undefined;
}

function collectNodes(root: Node, isLeaf: (v: unknown) => boolean): Node[] {
  const out: Node[] = [];
  const walk = (node: Node) => {
    out.push(node);
    const { value } = node;
    if (!value || typeof value !== 'object' || isLeaf(value)) return;
    const schema = branchFor(value, node.schema);
    if (Array.isArray(value)) {
      value.forEach((v, i) => walk({ value: v, schema: schema ? asSchema(schema.items) : undefined, parent: value, key: i }));
    } else {
      const props = asSchema(schema?.properties);
      for (const [k, v] of Object.entries(value)) {
        const child = props[k] ? asSchema(props[k]) : schema?.additionalProperties && typeof schema.additionalProperties === 'object' ? asSchema(schema.additionalProperties) : undefined;
        walk({ value: v, schema: child, parent: value as Record<string, unknown>, key: k });
      }
    }
  };
  walk(root);
  return out;
}

function wrongTypeOf(value: unknown): unknown {
  if (typeof value === 'string') return /^-?\d+$/.test(value) ? Number(value) : value.length;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 0;
  if (value === null) return 'null';
  if (Array.isArray(value)) return { ...value };
  if (typeof value === 'object') return [value];
  return null;
}

function boundaryOf(value: unknown, schema: JsonSchema | undefined, pick: number): unknown {
  const s = branchFor(value, schema) ?? {};
  if (typeof value === 'number') {
    const min = num(s.minimum) ?? num(s.exclusiveMinimum);
    const max = num(s.maximum) ?? num(s.exclusiveMaximum);
    const options = [min !== undefined ? min - 1 : -1, max !== undefined ? max + 1 : 2 ** 31, -value || -1, value + 0.5, 2 ** 53, 1e21, -1e21, 0];
    return options[pick % options.length];
  }
  if (typeof value === 'string') {
    const max = num(s.maxLength) ?? 200;
    const options = ['', ' '.repeat(3), 'x'.repeat(max + 1), '😀'.repeat(Math.ceil(max / 2) + 1), value.toUpperCase(), ` ${value} `, `${value}\n`, value.slice(0, -1)];
    return options[pick % options.length];
  }
  if (Array.isArray(value)) {
    const max = num(s.maxItems) ?? 20;
    const first = value[0] ?? null;
    const options = [[], Array.from({ length: max + 1 }, () => first), [...value, ...value], [first, first]];
    return options[pick % options.length];
  }
  if (value && typeof value === 'object') return pick % 2 ? {} : Object.fromEntries(Object.keys(value).map((k) => [k, null]));
  return pick % 2 ? null : undefined;
}

const UNICODE = ['\u0000', '\u202e\u202d', '\u200b\u200d\ufeff', 'Ω≈ç√∫', '🍕🍔🍟', '\ud83d', '\udfff', 'ﷺ', 'Ｔｅｓｔ', 'İı', 'ß', '\r\n\t', 'a'.repeat(3) + '\u0301'.repeat(50)];

function unicodeOf(value: unknown, pick: number): unknown {
  const u = UNICODE[pick % UNICODE.length];
  if (typeof value === 'string') return pick % 3 === 0 ? u : pick % 3 === 1 ? value + u : u + value;
  return u;
}

export type MutationStep = [index: number, kind: MutationKind, garbage: unknown, pick: number];

export const mutationStepsArbitrary: fc.Arbitrary<MutationStep[]> = fc.array(
  fc.tuple(fc.nat(), fc.constantFrom(...MUTATION_KINDS), garbageArbitrary, fc.nat()),
  { minLength: 1, maxLength: 3 },
);

const EXTRA_KEYS = ['extra', '__proto__', 'constructor', 'prototype', 'toString', 'id', 'venueId', 'venue_id', 'staffId', 'role', 'status', '', ' ', 'ключ', '$where'];

/**
 * Applies mutation steps to a (copied) value of `schema`; a step picks its node by index. The
 * root can be deleted (undefined: no body / no query) or replaced as a whole.
 */
export function applyMutations(value: unknown, schema: JsonSchema | undefined, steps: MutationStep[], isLeaf: (v: unknown) => boolean = () => false): unknown {
  const box: Record<string, unknown> = { root: structuredCloneSafe(value, isLeaf) };
  for (const [index, kind, garbage, pick] of steps) {
    const nodes = collectNodes({ value: box.root, schema, parent: box, key: 'root' }, isLeaf);
    const node = nodes[index % nodes.length];
    const set = (v: unknown) => {
      if (Array.isArray(node.parent)) node.parent[node.key as number] = v;
      else if (node.parent) node.parent[node.key as string] = v;
    };
    switch (kind) {
      case 'replace':
        set(structuredCloneSafe(garbage, isLeaf));
        break;
      case 'wrongType':
        set(isLeaf(node.value) ? pick : wrongTypeOf(node.value));
        break;
      case 'delete':
        if (Array.isArray(node.parent)) node.parent.splice(node.key as number, 1);
        else if (node.parent) delete node.parent[node.key as string];
        break;
      case 'extraKey':
        if (node.value && typeof node.value === 'object' && !Array.isArray(node.value) && !isLeaf(node.value)) {
          Object.defineProperty(node.value, EXTRA_KEYS[pick % EXTRA_KEYS.length], { value: structuredCloneSafe(garbage, isLeaf), enumerable: true, configurable: true, writable: true });
        } else if (Array.isArray(node.value)) {
          node.value.push(structuredCloneSafe(garbage, isLeaf));
        } else {
          set({ value: node.value, extra: garbage });
        }
        break;
      case 'boundary':
        set(isLeaf(node.value) ? boundaryOf('', undefined, pick) : boundaryOf(node.value, node.schema, pick));
        break;
      case 'unicode':
        set(unicodeOf(node.value, pick));
        break;
    }
  }
  return box.root;
}

/** Values of the schema's shape, then broken by one to three mutations. */
export function mutantOf(schema: JsonSchema, hooks: Hooks = {}): fc.Arbitrary<unknown> {
  const isLeaf = hooks.isLeaf ?? (() => false);
  return fc.tuple(arbitraryOf(schema, hooks), mutationStepsArbitrary).map(([value, steps]) => applyMutations(value, schema, steps, isLeaf));
}

/** A deep copy of plain JSON-ish data; leaves (symbolic values) are kept as they are. */
function structuredCloneSafe(value: unknown, isLeaf: (v: unknown) => boolean): unknown {
  if (!value || typeof value !== 'object' || isLeaf(value)) return value;
  if (Array.isArray(value)) return value.map((v) => structuredCloneSafe(v, isLeaf));
  const out: Record<string, unknown> = {};
  // defineProperty: a key named __proto__ stays an own key (as JSON.parse would make it).
  for (const [k, v] of Object.entries(value)) Object.defineProperty(out, k, { value: structuredCloneSafe(v, isLeaf), enumerable: true, configurable: true, writable: true });
  return out;
}
