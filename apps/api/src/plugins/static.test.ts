import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { createTestApp, type TestApp } from '../testing/harness';

const decode = (body: Buffer, encoding: string | undefined) =>
  encoding === 'br' ? zlib.brotliDecompressSync(body) : encoding === 'gzip' ? zlib.gunzipSync(body) : body;

/** A script well above the precompression threshold, as a build writes it. */
const script = Buffer.from(Array.from({ length: 200 }, (_, i) => `export const dish${i} = { id: ${i}, name: "Борщ ${i}" };\n`).join(''));
const html = Buffer.from(`<!doctype html><html><head><script defer src="/main.0123456789.js"></script></head><body>${'<p>меню</p>'.repeat(200)}</body></html>`);

/** `file`, `file.br` and `file.gz` as tools/webpack/precompress.js writes them. */
function writePrecompressed(file: string, body: Buffer) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, body);
  fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(body));
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(body, { level: 9 }));
}

describe('the web root: precompressed files', () => {
  let t: TestApp;
  let webRoot: string;

  beforeAll(async () => {
    webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-web-'));
    writePrecompressed(path.join(webRoot, 'index.html'), html);
    writePrecompressed(path.join(webRoot, 'x.js'), script);
    writePrecompressed(path.join(webRoot, 'main.0123456789.js'), script);
    writePrecompressed(path.join(webRoot, 'remotes/notifications/1.0.0/remoteEntry.js'), script);
    // Below the threshold: no copies; served as is whatever the client takes.
    fs.writeFileSync(path.join(webRoot, 'small.js'), 'var small = 1;');
    t = await createTestApp({ webRoot });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(webRoot, { recursive: true, force: true });
  });

  const get = (url: string, acceptEncoding?: string) =>
    t.app.inject({ method: 'GET', url, headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } });

  it.each([
    ['br, gzip', 'br'],
    ['gzip, deflate, br', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['gzip;q=0.5, br;q=1', 'br'],
  ])('Accept-Encoding %j: x.js comes from its %s copy, with Vary, decoding to the file', async (accept, coding) => {
    const res = await get('/x.js', accept);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe(coding);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['vary']).toMatch(/accept-encoding/i);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.rawPayload.length).toBeLessThan(script.length);
    expect(decode(res.rawPayload, coding).equals(script)).toBe(true);
  });

  it.each([[undefined], ['identity'], ['br;q=0, gzip;q=0'], ['deflate']])('Accept-Encoding %j: the plain x.js', async (accept) => {
    const res = await get('/x.js', accept);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['vary']).toMatch(/accept-encoding/i);
    expect(res.rawPayload.equals(script)).toBe(true);
  });

  it('keeps the caching rules: hashed chunks immutable, entry files and the shell revalidated', async () => {
    const chunk = await get('/main.0123456789.js', 'br');
    expect(chunk.headers['content-encoding']).toBe('br');
    expect(chunk.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(decode(chunk.rawPayload, 'br').equals(script)).toBe(true);

    const entry = await get('/remotes/notifications/1.0.0/remoteEntry.js', 'gzip');
    expect(entry.headers['content-encoding']).toBe('gzip');
    expect(entry.headers['cache-control']).toBe('no-cache');
    expect(decode(entry.rawPayload, 'gzip').equals(script)).toBe(true);

    for (const url of ['/', '/index.html', '/floor']) {
      const res = await get(url, 'br, gzip');
      expect({ url, status: res.statusCode, encoding: res.headers['content-encoding'], cache: res.headers['cache-control'] }).toEqual({
        url,
        status: 200,
        encoding: 'br',
        cache: 'no-cache',
      });
      expect(res.headers['content-type']).toContain('text/html');
      expect(decode(res.rawPayload, 'br').equals(html)).toBe(true);
    }
  });

  it('sends a file without copies as it is, never compressed again at run time', async () => {
    const res = await get('/small.js', 'br, gzip');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body).toBe('var small = 1;');
  });
});
