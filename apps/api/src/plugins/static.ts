import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * Serves the built web apps when present: the shell at /, remotes at /remotes/<name>/<version>/.
 * Federation entry files must be revalidated on every load (a new version may be published
 * under the same registry name); content-hashed chunks never change, so they are immutable.
 *
 * The builds hold a brotli (`.br`) and a gzip (`.gz`) copy beside each text file above 1 KB
 * (tools/webpack/precompress.js): `preCompressed` sends the best one the client's
 * Accept-Encoding takes, with its Content-Encoding, and the file itself otherwise. Those files
 * answer with `Vary: Accept-Encoding`, so a cache never hands a brotli body to a client without it.
 */
declare module 'fastify' {
  interface FastifyInstance {
    /** True when a built shell is there to serve (index.html in the web root). */
    hasShell(): boolean;
  }
}

/** The suffixes of the precompressed copies @fastify/static looks for. */
const PRECOMPRESSED_SUFFIX = /\.(?:br|gz)$/;
/** The files the build precompresses (the same list as tools/webpack/precompress.js). */
const PRECOMPRESSED_TYPES = /\.(?:js|mjs|css|html|json|svg)$/;

export const staticPlugin = fp(async (app: FastifyInstance) => {
  const root = app.config.webRoot;
  if (!fs.existsSync(root)) {
    // Nothing to serve (the web apps were not built): API only, until the next start.
    app.decorate('hasShell', () => false);
    return;
  }
  app.decorate('hasShell', () => fs.existsSync(path.join(root, 'index.html')));
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: true,
    index: ['index.html'],
    cacheControl: false,
    preCompressed: true,
    setHeaders(res, filePath) {
      // filePath is the file sent: `main.0123456789.js.br` stands for `main.0123456789.js`.
      const base = path.basename(filePath).replace(PRECOMPRESSED_SUFFIX, '');
      if (PRECOMPRESSED_TYPES.test(base)) res.setHeader('Vary', 'Accept-Encoding');
      if (base === 'index.html' || base === 'mf-manifest.json' || base === 'remoteEntry.js' || base === 'sw.js') {
        res.setHeader('Cache-Control', 'no-cache');
      } else if (/\.[0-9a-f]{8,}\./.test(base)) {
        res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      } else {
        res.setHeader('Cache-Control', 'no-cache');
      }
    },
  });
});
