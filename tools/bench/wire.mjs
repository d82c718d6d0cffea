// Bytes on the wire of an API answer: the body as sent (no client decoding it first), once as is
// and once per coding the API offers, so the bench shows what compression saves a tablet.
import http from 'node:http';

/** One GET with the given Accept-Encoding: status, Content-Encoding and the body's bytes as sent. */
function rawGet(url, headers) {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        let bytes = 0;
        res.on('data', (chunk) => (bytes += chunk.length));
        res.on('end', () => resolve({ status: res.statusCode, encoding: res.headers['content-encoding'] ?? 'identity', bytes }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

/**
 * GET /pos/menu as one venue's tablet sees it: raw (no Accept-Encoding), what a browser gets
 * (`br, gzip`) and gzip only.
 */
export async function menuOnTheWire({ baseUrl, token }) {
  const url = `${baseUrl}/pos/menu`;
  const auth = { authorization: `Bearer ${token}` };
  const raw = await rawGet(url, auth);
  const br = await rawGet(url, { ...auth, 'accept-encoding': 'br, gzip' });
  const gzip = await rawGet(url, { ...auth, 'accept-encoding': 'gzip' });
  for (const r of [raw, br, gzip]) if (r.status !== 200) throw new Error(`GET /pos/menu answered ${r.status}`);
  return { rawBytes: raw.bytes, brBytes: br.bytes, brEncoding: br.encoding, gzipBytes: gzip.bytes, gzipEncoding: gzip.encoding };
}
