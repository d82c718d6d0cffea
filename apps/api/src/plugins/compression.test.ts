import zlib from 'node:zlib';
import { type Client, createTestApp, type TestApp } from '../testing/harness';
import { COMPRESSION_THRESHOLD_BYTES, negotiateEncoding } from './compression';

const decode = (body: Buffer, encoding: string | undefined) =>
  encoding === 'br' ? zlib.brotliDecompressSync(body) : encoding === 'gzip' ? zlib.gunzipSync(body) : body;

describe('negotiateEncoding', () => {
  it.each([
    [undefined, null],
    ['', null],
    ['identity', null],
    ['br', 'br'],
    ['gzip, deflate, br', 'br'],
    ['gzip, deflate', 'gzip'],
    ['br;q=0.5, gzip', 'gzip'],
    ['br;q=0, gzip;q=0.1', 'gzip'],
    ['br;q=0, gzip;q=0', null],
    ['*', 'br'],
    ['*;q=0.5, br;q=0', 'gzip'],
    ['gzip;q=0, *', 'br'],
    ['*;q=0, identity', null],
    ['deflate', null],
    ['BR;Q=1', 'br'],
    ['br;q=2, gzip', 'gzip'],
  ])('%j → %j', (header, expected) => {
    expect(negotiateEncoding(header)).toBe(expected);
  });
});

describe('API answers compressed as Accept-Encoding asks', () => {
  let t: TestApp;
  let waiter: Client;
  let menu: Buffer;

  const getMenu = (acceptEncoding?: string) =>
    t.app.inject({
      method: 'GET',
      url: '/pos/menu',
      headers: { authorization: `Bearer ${waiter.token}`, ...(acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }) },
    });

  beforeAll(async () => {
    t = await createTestApp();
    waiter = await t.login('1111');
    const plain = await getMenu();
    expect(plain.statusCode).toBe(200);
    menu = plain.rawPayload;
    expect(menu.length).toBeGreaterThan(COMPRESSION_THRESHOLD_BYTES);
  });
  afterAll(() => t.close());

  it.each([
    ['br', 'br'],
    ['gzip', 'gzip'],
    ['gzip, deflate, br', 'br'],
    ['br;q=0, gzip', 'gzip'],
  ])('a JSON answer with Accept-Encoding %j comes as %s, and decodes to the same JSON', async (accept, coding) => {
    const res = await getMenu(accept);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe(coding);
    expect(res.headers['vary']).toMatch(/accept-encoding/i);
    expect(res.headers['content-type']).toContain('application/json');
    expect(Number(res.headers['content-length'])).toBe(res.rawPayload.length);
    expect(res.rawPayload.length).toBeLessThan(menu.length / 3);
    expect(decode(res.rawPayload, coding).equals(menu)).toBe(true);
  });

  it.each([[undefined], ['identity'], ['br;q=0, gzip;q=0'], ['*;q=0'], ['deflate']])('Accept-Encoding %j: the JSON as is, with Vary', async (accept) => {
    const res = await getMenu(accept);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['vary']).toMatch(/accept-encoding/i);
    expect(res.rawPayload.equals(menu)).toBe(true);
  });

  it('sends small answers as they are: a ping, a problem+json refusal', async () => {
    const ping = await t.app.inject({ method: 'GET', url: '/pos/ping', headers: { 'accept-encoding': 'br, gzip' } });
    expect(ping.statusCode).toBe(200);
    expect(ping.headers['content-encoding']).toBeUndefined();
    expect(ping.json()).toEqual(expect.any(Object));

    const missing = await t.app.inject({ method: 'GET', url: '/pos/nothing-here', headers: { 'accept-encoding': 'br, gzip' } });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(missing.rawPayload.length).toBeLessThan(COMPRESSION_THRESHOLD_BYTES);
    expect(missing.headers['content-encoding']).toBeUndefined();
    expect(missing.json()).toMatchObject({ status: 404 });
  });
});
