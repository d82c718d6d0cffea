import net, { type AddressInfo } from 'node:net';
import { createTestApp, type TestApp } from '../testing/harness';

/**
 * Every answer of the router and of Node's HTTP parser is RFC 9457 problem+json too: a malformed
 * URL, an overlong one, headers too large, an unknown method, a body too large or of a media type
 * the API does not read.
 */

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: any;
}

/** Sends bytes as they are on a fresh connection and reads the answer until the server closes it or it is complete. */
function raw(port: number, request: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const finish = () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const split = text.indexOf('\r\n\r\n');
      if (split === -1) return reject(new Error(`no HTTP answer: ${JSON.stringify(text.slice(0, 200))}`));
      const [statusLine, ...lines] = text.slice(0, split).split('\r\n');
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      const bodyText = text.slice(split + 4);
      let body: unknown = bodyText;
      try {
        body = JSON.parse(bodyText);
      } catch {
        /* not JSON: the assertion shows it */
      }
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body });
    };
    socket.on('data', (c) => {
      chunks.push(c);
      const text = Buffer.concat(chunks).toString('utf8');
      const split = text.indexOf('\r\n\r\n');
      const length = /\r\ncontent-length: *(\d+)/i.exec(text.slice(0, split + 2));
      if (split !== -1 && length && Buffer.byteLength(text.slice(split + 4)) >= Number(length[1])) {
        socket.destroy();
        finish();
      }
    });
    // The server may close while we are still writing (it stopped reading at the limit).
    socket.on('error', () => undefined);
    socket.on('close', () => chunks.length && finish());
    socket.setTimeout(10_000, () => {
      socket.destroy();
      reject(new Error('no answer within 10 s'));
    });
    socket.write(request);
  });
}

function expectProblem(res: { status: number; headers: Record<string, unknown>; body: any }, status: number, code: string) {
  expect({ status: res.status, type: String(res.headers['content-type']).split(';')[0], code: res.body?.code }).toEqual({
    status,
    type: 'application/problem+json',
    code,
  });
  expect(res.body).toMatchObject({ type: `https://pos.local/problems/${code}`, status, code });
  expect(typeof res.body.title).toBe('string');
  expect(res.body.title.length).toBeGreaterThan(0);
  expect(res.headers['x-content-type-options']).toBe('nosniff');
}

describe('router errors are problem+json', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ maxUrlLength: 1024, maxHeaderBytes: 4096 });
  });
  afterAll(() => t.close());

  it('answers malformed percent-encoding with 400 invalid_url, without echoing the URL', async () => {
    const res = await t.anonymous.get('/pos/%E0%A4%A');
    expectProblem(res, 400, 'invalid_url');
    expect(JSON.stringify(res.body)).not.toContain('%E0');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
  });

  it('answers an overlong path parameter and an overlong URL with 414 uri_too_long', async () => {
    expectProblem(await t.anonymous.get(`/pos/orders/${'x'.repeat(150)}`), 414, 'uri_too_long');
    const long = await t.anonymous.get(`/pos/ping?pad=${'a'.repeat(1100)}`);
    expectProblem(long, 414, 'uri_too_long');
    expect(JSON.stringify(long.body)).not.toContain('aaaa');
    // Under the limit it is an ordinary request.
    expect((await t.anonymous.get(`/pos/ping?pad=${'a'.repeat(900)}`)).status).toBe(200);
  });

  it('answers a body of a media type the API does not read with 415 unsupported_media_type', async () => {
    const res = await t.anonymous.request('POST', '/pos/auth/login', '<login venue="demo"/>', { 'content-type': 'application/xml' });
    expectProblem(res, 415, 'unsupported_media_type');
  });

  it('answers a body over the limit with 413 payload_too_large', async () => {
    const res = await t.anonymous.request('POST', '/pos/auth/login', JSON.stringify({ venue: 'demo', pad: 'x'.repeat(2 * 1024 * 1024 + 10) }), {
      'content-type': 'application/json',
    });
    expectProblem(res, 413, 'payload_too_large');
  });

  it('answers broken JSON with 400 invalid_json', async () => {
    const res = await t.anonymous.request('POST', '/pos/auth/login', '{"venue": "demo",', { 'content-type': 'application/json' });
    expectProblem(res, 400, 'invalid_json');
  });

  it('answers a method no route has with 404 route.not_found', async () => {
    for (const method of ['PROPFIND', 'DELETE', 'TRACE']) {
      const res = await t.anonymous.request(method, '/pos/ping');
      expectProblem(res, 404, 'route.not_found');
    }
  });

  describe("on a listening server (Node's HTTP parser answers before Fastify)", () => {
    let port: number;
    beforeAll(async () => {
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      port = (t.app.server.address() as AddressInfo).port;
    });

    it('answers headers over MAX_HEADER_BYTES with 431 header_fields_too_large', async () => {
      const res = await raw(port, `GET /pos/ping HTTP/1.1\r\nHost: localhost\r\nX-Pad: ${'h'.repeat(6000)}\r\n\r\n`);
      expectProblem(res, 431, 'header_fields_too_large');
      expect(res.headers.connection).toBe('close');
      expect(res.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    });

    it('answers a request line over the parser limit with 414 uri_too_long', async () => {
      const res = await raw(port, `GET /pos/ping?pad=${'u'.repeat(6000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
      expectProblem(res, 414, 'uri_too_long');
    });

    it('answers a URL between MAX_URL_LENGTH and the parser limit with 414 and the usual headers', async () => {
      const res = await raw(port, `GET /pos/ping?pad=${'u'.repeat(2000)} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
      expectProblem(res, 414, 'uri_too_long');
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    });

    it('answers a method the parser does not know with 501 not_implemented', async () => {
      const res = await raw(port, 'FROBNICATE /pos/ping HTTP/1.1\r\nHost: localhost\r\n\r\n');
      expectProblem(res, 501, 'not_implemented');
    });

    it('answers any other malformed request with 400 bad_request', async () => {
      const res = await raw(port, 'POST /pos/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Length: lots\r\n\r\n');
      expectProblem(res, 400, 'bad_request');
    });

    it('still serves a well-formed request on the same server', async () => {
      const res = await raw(port, 'GET /pos/ping HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n');
      expect(res.status).toBe(200);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    });
  });
});
