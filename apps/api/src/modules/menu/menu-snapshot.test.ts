import zlib from 'node:zlib';
import { CompactMenuSchema, decodeMenu, type Menu } from '@pos/contracts';
import { type Client, createTestApp, type TestApp } from '../../testing/harness';
import { matchesEtag } from './routes';

/** GET /pos/menu/snapshot: the compact menu a tablet keeps, conditional and pre-compressed. */
describe('menu snapshot', () => {
  let t: TestApp;
  let waiter: Client;
  let cook: Client;

  beforeAll(async () => {
    t = await createTestApp();
    waiter = await t.login('1111');
    cook = await t.login('4444');
  });
  afterAll(() => t.close());

  const snapshot = (headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url: '/pos/menu/snapshot', headers: { authorization: `Bearer ${waiter.token}`, ...headers } });

  it('decodes to exactly what GET /pos/menu answers', async () => {
    const res = await snapshot();
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const compact = CompactMenuSchema.parse(JSON.parse(res.body));
    const menu = (await waiter.get('/pos/menu')).body as Menu;
    expect(decodeMenu(compact)).toEqual(menu);
    expect(compact.products.id.length).toBe(menu.products.length);
    // Smaller than the object-per-dish form.
    expect(res.body.length).toBeLessThan(JSON.stringify(menu).length * 0.7);
  });

  it('carries an ETag; If-None-Match with it is a 304 until the menu changes', async () => {
    const first = await snapshot();
    const etag = first.headers.etag as string;
    expect(etag).toBe(`W/"menu-${waiter.venueId}-${JSON.parse(first.body).version}"`);
    expect(first.headers['cache-control']).toBe('private, no-cache');

    const same = await snapshot({ 'if-none-match': etag });
    expect(same.statusCode).toBe(304);
    expect(same.body).toBe('');
    expect(same.headers.etag).toBe(etag);
    // The strong form and a list naming it match too (weak comparison).
    expect((await snapshot({ 'if-none-match': `"x", ${etag.slice(2)}` })).statusCode).toBe(304);

    const borscht = await t.product('borscht');
    expect((await cook.patch(`/pos/menu/products/${borscht.id}/stock`, { isAvailable: false })).status).toBe(200);
    const changed = await snapshot({ 'if-none-match': etag });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    const menu = decodeMenu(JSON.parse(changed.body));
    expect(menu.products.find((p) => p.id === borscht.id)?.isAvailable).toBe(false);
    expect(menu).toEqual((await waiter.get('/pos/menu')).body);
  });

  it('negotiates br, gzip or identity from Accept-Encoding, the same JSON under each', async () => {
    const plain = await snapshot({ 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(String(plain.headers.vary)).toMatch(/accept-encoding/i);
    const json = plain.rawPayload;
    expect(json.length).toBeGreaterThan(1024);

    const br = await snapshot({ 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(String(br.headers.vary)).toMatch(/accept-encoding/i);
    expect(zlib.brotliDecompressSync(br.rawPayload)).toEqual(json);
    expect(br.rawPayload.length).toBeLessThan(json.length / 1.5);

    const gzip = await snapshot({ 'accept-encoding': 'br;q=0.5, gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    // Compressed once: a gunzip gives the JSON, not another layer.
    expect(zlib.gunzipSync(gzip.rawPayload)).toEqual(json);

    const none = await snapshot();
    expect(none.headers['content-encoding']).toBeUndefined();
    expect(none.rawPayload).toEqual(json);
    expect((await snapshot({ 'accept-encoding': 'br;q=0, gzip;q=0' })).headers['content-encoding']).toBeUndefined();

    // Served from the cache the second time: the same bytes.
    expect((await snapshot({ 'accept-encoding': 'br' })).rawPayload).toEqual(br.rawPayload);
  });

  it('needs menu.view', async () => {
    expect((await t.anonymous.get('/pos/menu/snapshot')).status).toBe(401);
  });

  it('keeps venues apart', async () => {
    const other = await t.login('1111', 'demo-2');
    const theirs = await t.app.inject({ method: 'GET', url: '/pos/menu/snapshot', headers: { authorization: `Bearer ${other.token}` } });
    const ours = await snapshot();
    expect(decodeMenu(JSON.parse(theirs.body))).toEqual((await other.get('/pos/menu')).body);
    expect(theirs.headers.etag).not.toBe(ours.headers.etag);
    expect((await snapshot({ 'if-none-match': theirs.headers.etag as string })).statusCode).toBe(200);
  });

  it.each([
    [undefined, false],
    ['', false],
    ['*', true],
    ['W/"menu-a-1"', true],
    ['"menu-a-1"', true],
    ['W/"menu-a-10"', false],
    ['"x", W/"menu-a-1"', true],
  ])('If-None-Match %p matches W/"menu-a-1": %p', (header, matches) => {
    expect(matchesEtag(header, 'W/"menu-a-1"')).toBe(matches);
  });
});
