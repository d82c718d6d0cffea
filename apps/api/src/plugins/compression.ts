import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';

/**
 * Compresses the API's own answers (JSON, problem+json, HTML, CSV…) with brotli or gzip, as the
 * client's Accept-Encoding asks (q-values honoured; no header, `identity` or every coding at q=0:
 * sent as is). Node's zlib, asynchronous (in libuv's thread pool, never on the event loop).
 *
 * Left alone: answers under COMPRESSION_THRESHOLD_BYTES (a problem+json refusal, a ping: the
 * headers cost more than the saving), types that are already compressed (images, PDF, fonts,
 * archives), answers that already carry a Content-Encoding (the static plugin's precompressed
 * `.br`/`.gz` files), and streams (file downloads, the web root's uncompressed files, Swagger UI:
 * the built web apps are compressed at build time, tools/webpack/precompress.js). Socket.IO answers
 * on the raw server and never reaches these hooks.
 *
 * Dynamic answers are compressed on every request, so brotli runs at a moderate quality: 4 is
 * close to gzip 6 in CPU and already smaller.
 */

/** Below this many bytes an answer is sent as is. */
export const COMPRESSION_THRESHOLD_BYTES = 1024;
export const BROTLI_QUALITY = 4;
export const GZIP_LEVEL = 6;

export type ContentCoding = 'br' | 'gzip';

/** Ours, in the order preferred when the client likes them equally. */
const CODINGS: readonly ContentCoding[] = ['br', 'gzip'];

/** Text-like types worth compressing; anything else (images, PDF, octet-stream…) is sent as is. */
const COMPRESSIBLE_TYPE = /^(?:text\/|application\/(?:json|[\w.+-]+\+json|x-ndjson|javascript|xml|[\w.+-]+\+xml)|image\/svg\+xml)/i;

export const isCompressibleType = (contentType: string | undefined) => !!contentType && COMPRESSIBLE_TYPE.test(contentType);

/**
 * The coding to answer with for an Accept-Encoding header: the highest q among br and gzip
 * (a `*` stands for any coding not named), br on a tie; null for identity (no header, nothing we
 * have is acceptable). Malformed entries are ignored.
 */
export function negotiateEncoding(acceptEncoding: string | undefined): ContentCoding | null {
  if (!acceptEncoding) return null;
  const q = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    let weight = 1;
    for (const param of params) {
      const [key, value] = param.trim().split('=');
      if (key === 'q') weight = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/.test(value ?? '') ? Number(value) : NaN;
    }
    if (!Number.isNaN(weight)) q.set(name.trim(), weight);
  }
  let best: ContentCoding | null = null;
  let bestQ = 0;
  for (const coding of CODINGS) {
    const weight = q.get(coding) ?? q.get('*') ?? 0;
    if (weight > bestQ) {
      best = coding;
      bestQ = weight;
    }
  }
  return best;
}

/** Adds Accept-Encoding to the answer's Vary (once; `*` already covers it). */
export function varyOnAcceptEncoding(reply: Pick<FastifyReply, 'getHeader' | 'header'>) {
  const vary = reply.getHeader('vary');
  const current = Array.isArray(vary) ? vary.join(', ') : vary === undefined ? '' : String(vary);
  if (current.split(',').some((v) => ['*', 'accept-encoding'].includes(v.trim().toLowerCase()))) return;
  reply.header('vary', current ? `${current}, Accept-Encoding` : 'Accept-Encoding');
}

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

export function compress(body: Buffer, coding: ContentCoding): Promise<Buffer> {
  if (coding === 'gzip') return gzip(body, { level: GZIP_LEVEL });
  return brotli(body, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
      [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
}

export const compressionPlugin = fp(async (app: FastifyInstance) => {
  app.addHook('onSend', async (request, reply, payload) => {
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload; // streams, empty answers
    if (reply.getHeader('content-encoding') || reply.statusCode === 204 || reply.statusCode === 304) return payload;
    if (!isCompressibleType(reply.getHeader('content-type') as string | undefined)) return payload;
    if (/\bno-transform\b/i.test(String(reply.getHeader('cache-control') ?? ''))) return payload;
    // The answer depends on Accept-Encoding from here on, whatever this client gets.
    varyOnAcceptEncoding(reply);
    const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
    if (body.length < COMPRESSION_THRESHOLD_BYTES) return payload;
    const coding = negotiateEncoding(request.headers['accept-encoding']);
    if (!coding) return payload;
    const compressed = await compress(body, coding);
    reply.header('content-encoding', coding);
    reply.removeHeader('content-length');
    return compressed;
  });
});
