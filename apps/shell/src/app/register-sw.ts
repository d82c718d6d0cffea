/** Set by the shell's webpack config: true in production builds, which emit /sw.js. */
declare const __SERVICE_WORKER__: boolean | undefined;

/** Remote files (manifests, entries, chunks) this page fetched so far, from the browser's resource timing. */
function remoteFilesFetched(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name))
    .filter((url) => url.origin === location.origin && url.pathname.startsWith('/remotes/'))
    .map((url) => url.href);
}

/**
 * On the very first visit the worker takes control only after sign-in may already have loaded
 * and preloaded the remotes past it. Its router caches a `CACHE_URLS` list with the same routes
 * (Workbox's default router listens for it), so a reload while offline finds them all the same.
 */
function handOverEarlyRemoteFiles(): void {
  navigator.serviceWorker.addEventListener(
    'controllerchange',
    () => {
      const urlsToCache = remoteFilesFetched();
      if (urlsToCache.length > 0) navigator.serviceWorker.controller?.postMessage({ type: 'CACHE_URLS', payload: { urlsToCache } });
    },
    { once: true },
  );
}

/**
 * Registers the shell's service worker (precached shell, cached remote files) once the page has
 * loaded, so it never competes with the first paint. Development builds have no worker: a cache
 * in front of a rebuilding dev bundle only serves stale code. A failure is logged, never fatal:
 * the app works online without it.
 */
export function registerServiceWorker(): void {
  if (typeof __SERVICE_WORKER__ === 'undefined' || !__SERVICE_WORKER__ || !('serviceWorker' in navigator)) return;
  if (!navigator.serviceWorker.controller) handOverEarlyRemoteFiles();
  const register = () =>
    navigator.serviceWorker.register('/sw.js').catch((error) => console.warn('[shell] service worker registration failed', error));
  if (document.readyState === 'complete') void register();
  else window.addEventListener('load', () => void register(), { once: true });
}
