import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * Serves the built web apps when present: the shell at /, remotes at /remotes/<name>/<version>/.
 * Federation entry files must be revalidated on every load (a new version may be published
 * under the same registry name); content-hashed chunks never change, so they are immutable.
 */
declare module 'fastify' {
  interface FastifyInstance {
    /** True when a built shell is there to serve (index.html in the web root). */
    hasShell(): boolean;
  }
}

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
    setHeaders(res, filePath) {
      const base = path.basename(filePath);
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
