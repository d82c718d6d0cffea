import { useSyncExternalStore } from 'react';

/**
 * The shell's routes are plain paths on the History API: single-spa (for remotes' routes under
 * /x/) listens to the same history, so one navigate() serves both.
 */
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());
window.addEventListener('popstate', notify);

export function navigate(path: string, replace = false): void {
  if (window.location.pathname + window.location.search === path) return;
  if (replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  notify();
}

export function usePath(): string {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => window.location.pathname,
  );
}

/** Matches '/order/:id' style patterns; returns the params or null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/').filter(Boolean);
  const s = path.split('/').filter(Boolean);
  if (p.length !== s.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i].startsWith(':')) params[p[i].slice(1)] = decodeURIComponent(s[i]);
    else if (p[i] !== s[i]) return null;
  }
  return params;
}

/**
 * Where an order screen goes back to: the screen that opened it (`?back=/orders?date=…`), or the
 * floor. Only the shell's own paths are taken (never another origin).
 */
export function orderBackPath(search = window.location.search): string {
  const back = new URLSearchParams(search).get('back');
  return back && back.startsWith('/') && !back.startsWith('//') ? back : '/floor';
}

/** The order screen's path, remembering the screen to go back to. */
export const orderPath = (orderId: string, back?: string) => `/order/${orderId}${back ? `?back=${encodeURIComponent(back)}` : ''}`;
