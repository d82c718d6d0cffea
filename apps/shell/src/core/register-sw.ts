/** Set by the shell's webpack config: true in production builds, which emit /sw.js. */
declare const __SERVICE_WORKER__: boolean | undefined;

const isRemoteFile = (url: URL) => url.origin === location.origin && url.pathname.startsWith('/remotes/');

/** Remote files (manifests, entries, chunks) among these resource timing entries. */
const remoteFilesOf = (entries: readonly PerformanceEntry[]) =>
  entries
    .map((entry) => new URL(entry.name))
    .filter(isRemoteFile)
    .map((url) => url.href);

/** How long after taking control fetches begun before it may still land. */
const LATE_FETCHES_MS = 30_000;

/**
 * On the very first visit the worker takes control only after sign-in may already have loaded
 * and preloaded the remotes past it. Its router caches a `CACHE_URLS` list with the same routes
 * (Workbox's default router listens for it), so a reload while offline finds them all the same.
 * Fetches already on their way when it took over land later, past it, uncached: those are handed
 * over as they land (a resource timing entry is written when a fetch ends).
 */
function handOverEarlyRemoteFiles(): void {
  const send = (urlsToCache: string[]) => {
    if (urlsToCache.length > 0) navigator.serviceWorker.controller?.postMessage({ type: 'CACHE_URLS', payload: { urlsToCache } });
  };
  navigator.serviceWorker.addEventListener(
    'controllerchange',
    () => {
      send(remoteFilesOf(performance.getEntriesByType('resource')));
      if (typeof PerformanceObserver === 'undefined') return;
      const observer = new PerformanceObserver((list) => send(remoteFilesOf(list.getEntries())));
      observer.observe({ type: 'resource' });
      setTimeout(() => observer.disconnect(), LATE_FETCHES_MS);
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
  if (!navigator.serviceWorker.controller) {
    // The hand-over reads resource timing, whose buffer keeps 250 entries by default: sign-in,
    // enrollment and the first screens' API calls can fill it before the remotes' files are in.
    performance.setResourceTimingBufferSize?.(2000);
    handOverEarlyRemoteFiles();
  }
  const register = () =>
    navigator.serviceWorker.register('/sw.js').catch((error) => console.warn('[shell] service worker registration failed', error));
  if (document.readyState === 'complete') void register();
  else window.addEventListener('load', () => void register(), { once: true });
}
