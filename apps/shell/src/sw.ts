// The shell's service worker (built by Workbox InjectManifest into dist/web/sw.js): a reload while
// offline still brings up the shell and the venue's last remotes. Data is not its business: the
// app keeps menu, tables and orders in IndexedDB itself, so API responses are never cached here.
import { clientsClaim } from 'workbox-core';
import { ExpirationPlugin } from 'workbox-expiration';
import { cleanupOutdatedCaches, createHandlerBoundToURL, type PrecacheEntry, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (PrecacheEntry | string)[] };

// A new shell build takes over at once instead of waiting for every tab to close.
void self.skipWaiting();
clientsClaim();

// The shell's own build output (index.html, entry, chunks), listed by InjectManifest.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

/** Paths the server answers itself (the API, its docs, the socket, the remotes' deploys): never the SPA. */
const SERVER_PATHS = [/^\/pos\//, /^\/admin\//, /^\/docs/, /^\/ws/, /^\/remotes\//, /^\/notification\//];

// Every other navigation is a shell screen (/floor, /order/…, /x/<remote route>): the precached
// index.html, as the server's own SPA fallback would answer. Paths with a file extension are files.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [...SERVER_PATHS, /\.[a-z0-9]+$/i] }));

const isRemoteFile = (url: URL) => url.origin === self.location.origin && url.pathname.startsWith('/remotes/');
const isRemoteEntry = (url: URL) => /\/(mf-manifest\.json|remoteEntry\.js)$/.test(url.pathname);

// A remote's manifest and entry name its current chunks and may change under the same URL when a
// version is republished: the network first, the last copy when it does not answer within 3 s.
registerRoute(
  ({ url }) => isRemoteFile(url) && isRemoteEntry(url),
  new NetworkFirst({
    cacheName: 'pos-remote-entries',
    networkTimeoutSeconds: 3,
    plugins: [new ExpirationPlugin({ maxEntries: 100, purgeOnQuotaError: true })],
  }),
);

// Everything else a remote deploys carries a content hash in its name, so a cached copy is final.
registerRoute(
  ({ url }) => isRemoteFile(url) && !isRemoteEntry(url),
  new CacheFirst({
    cacheName: 'pos-remote-chunks',
    plugins: [new ExpirationPlugin({ maxEntries: 500, maxAgeSeconds: 60 * 24 * 60 * 60, purgeOnQuotaError: true })],
  }),
);
