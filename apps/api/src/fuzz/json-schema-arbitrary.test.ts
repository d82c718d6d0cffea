import { CreateOrderInputSchema, PutFeatureFlagsInputSchema, SplitOrderInputSchema } from '@pos/contracts';
import fc from 'fast-check';
import { z } from 'zod';
import { applyMutations, arbitraryOf, type JsonSchema, MAX_INSTANT, MIN_INSTANT, mutantOf, patternArbitrary } from './json-schema-arbitrary';

/** The JSON-Schema → fast-check translator of the route fuzzer. */
describe('fuzz: JSON Schema → arbitrary', () => {
  const sample = (schema: JsonSchema, runs = 200) => fc.sample(arbitraryOf(schema), { seed: 42, numRuns: runs });
  const toJson = (schema: z.ZodType) => z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as JsonSchema;

  it('follows const, enum, type lists and nullable', () => {
    expect(new Set(sample({ const: 'x' }))).toEqual(new Set(['x']));
    expect(new Set(sample({ type: 'string', enum: ['a', 'b'] }))).toEqual(new Set(['a', 'b']));
    const types = new Set(sample({ type: ['integer', 'null'] }).map((v) => (v === null ? 'null' : typeof v)));
    expect(types).toEqual(new Set(['number', 'null']));
    expect(sample({ type: 'boolean', nullable: true })).toContain(null);
  });

  it('keeps integers and numbers within (exclusive) bounds', () => {
    for (const v of sample({ type: 'integer', minimum: 1, maximum: 99 }) as number[]) expect(Number.isInteger(v) && v >= 1 && v <= 99).toBe(true);
    for (const v of sample({ type: 'integer', exclusiveMinimum: 0 }) as number[]) expect(v).toBeGreaterThan(0);
    for (const v of sample({ type: 'number', minimum: 0, maximum: 1 }) as number[]) expect(v >= 0 && v <= 1).toBe(true);
  });

  it('makes strings of a pattern within the length bounds, uuids, dates and date-times', () => {
    for (const v of sample({ type: 'string', pattern: '^[A-Za-z0-9._:-]+$', minLength: 8, maxLength: 100 }) as string[]) {
      expect(v).toMatch(/^[A-Za-z0-9._:-]{8,100}$/);
    }
    for (const v of fc.sample(patternArbitrary('^\\+?[0-9][0-9 ()-]*$', 5, 20), { seed: 1, numRuns: 100 })) {
      expect(v).toMatch(/^\+?[0-9][0-9 ()-]*$/);
      expect(v.length >= 5 && v.length <= 20).toBe(true);
    }
    for (const v of sample({ type: 'string', format: 'uuid' }) as string[]) expect(z.uuid().safeParse(v).success).toBe(true);
    for (const v of sample({ type: 'string', format: 'date' }) as string[]) expect(z.iso.date().safeParse(v).success).toBe(true);
    const instants = sample({ type: 'string', format: 'date-time' }, 500) as string[];
    for (const v of instants) expect(z.iso.datetime().safeParse(v).success).toBe(true);
    const times = instants.map(Date.parse);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(MIN_INSTANT);
    expect(Math.max(...times)).toBeLessThanOrEqual(MAX_INSTANT);
  });

  it('makes objects with the required keys, arrays within minItems/maxItems, anyOf branches, dictionaries of propertyNames', () => {
    const obj = { type: 'object', properties: { a: { type: 'integer' }, b: { type: 'string' } }, required: ['a'], additionalProperties: false };
    const values = sample(obj) as Record<string, unknown>[];
    for (const v of values) expect(Object.keys(v).every((k) => k === 'a' || k === 'b') && 'a' in v).toBe(true);
    expect(values.some((v) => 'b' in v) && values.some((v) => !('b' in v))).toBe(true);
    for (const v of sample({ type: 'array', items: { type: 'integer' }, minItems: 2, maxItems: 3 }) as unknown[][]) expect(v.length >= 2 && v.length <= 3).toBe(true);
    expect(new Set(sample({ anyOf: [{ type: 'string', enum: ['s'] }, { type: 'null' }] }))).toEqual(new Set(['s', null]));
    const dict = sample({ type: 'object', propertyNames: { type: 'string', enum: ['x', 'y'] }, additionalProperties: { type: 'boolean' } }) as Record<string, unknown>[];
    for (const d of dict) for (const [k, v] of Object.entries(d)) expect(['x', 'y'].includes(k) && typeof v === 'boolean').toBe(true);
  });

  it('asks the hooks for ids and named fields', () => {
    const schema = { type: 'object', properties: { tableId: { type: 'string', format: 'uuid' }, clientRequestId: { type: 'string' } }, required: ['tableId', 'clientRequestId'] };
    const [v] = fc.sample(arbitraryOf(schema, { uuid: (name) => fc.constant(`id-of-${name}`), named: (name) => (name === 'clientRequestId' ? fc.constant('key') : undefined) }), { seed: 1, numRuns: 1 });
    expect(v).toEqual({ tableId: 'id-of-tableId', clientRequestId: 'key' });
  });

  it('generates values the contracts accept (the zod schemas behind the routes)', () => {
    for (const schema of [CreateOrderInputSchema, SplitOrderInputSchema, PutFeatureFlagsInputSchema]) {
      const values = fc.sample(arbitraryOf(toJson(schema)), { seed: 7, numRuns: 150 });
      const rejected = values.map((v) => schema.safeParse(v)).filter((r) => !r.success);
      expect(rejected.map((r) => r.error?.issues[0])).toEqual([]);
    }
  });

  it('mutants are mostly rejected by the same contracts', () => {
    for (const schema of [CreateOrderInputSchema, SplitOrderInputSchema, PutFeatureFlagsInputSchema]) {
      const values = fc.sample(mutantOf(toJson(schema)), { seed: 7, numRuns: 200 });
      const rejected = values.filter((v) => !schema.safeParse(v).success).length;
      expect(rejected / values.length).toBeGreaterThan(0.6);
    }
  });

  it('mutations: delete, extra key, wrong type, boundary — on a copy', () => {
    const schema = { type: 'object', properties: { n: { type: 'integer', minimum: 1, maximum: 9 }, s: { type: 'string', maxLength: 3 } } };
    const value = { n: 5, s: 'abc' };
    // Node 0 is the root, 1 is `n`, 2 is `s`.
    expect(applyMutations(value, schema, [[1, 'delete', null, 0]])).toEqual({ s: 'abc' });
    expect(applyMutations(value, schema, [[0, 'extraKey', 1, 0]])).toEqual({ n: 5, s: 'abc', extra: 1 });
    expect(applyMutations(value, schema, [[1, 'wrongType', null, 0]])).toEqual({ n: '5', s: 'abc' });
    expect(applyMutations(value, schema, [[1, 'boundary', null, 1]])).toEqual({ n: 10, s: 'abc' });
    expect(applyMutations(value, schema, [[2, 'boundary', null, 2]])).toEqual({ n: 5, s: 'xxxx' });
    expect(applyMutations(value, schema, [[0, 'delete', null, 0]])).toBeUndefined();
    const proto = applyMutations(value, schema, [[0, 'extraKey', { isAdmin: true }, 1]]) as object;
    expect(JSON.stringify(proto)).toBe('{"n":5,"s":"abc","__proto__":{"isAdmin":true}}');
    expect(value).toEqual({ n: 5, s: 'abc' });
  });
});
