import type { QueryClient } from '@tanstack/react-query';

/**
 * Runs `work` once no query is fetching and the page is idle after that (or after `maxMs`,
 * whichever comes first). Returns a cancel.
 */
export function whenScreenSettled(queryClient: QueryClient, maxMs: number, work: () => void): () => void {
  const idle = window.requestIdleCallback ?? ((fn: () => void) => window.setTimeout(fn, 1));
  const cancelIdle = window.cancelIdleCallback ?? window.clearTimeout;
  let done = false;
  let idleHandle: number | undefined;
  const run = () => {
    if (done) return;
    done = true;
    stop();
    work();
  };
  const check = () => {
    if (done || idleHandle !== undefined || queryClient.isFetching() > 0) return;
    // Settled now; the paint that follows goes before the work.
    idleHandle = idle(() => {
      idleHandle = undefined;
      if (queryClient.isFetching() > 0) return;
      run();
    });
  };
  const unsubscribe = queryClient.getQueryCache().subscribe(() => check());
  const deadline = window.setTimeout(run, maxMs);
  // The screen's queries start in its own effects, before this one: look once they have.
  const first = window.setTimeout(check, 0);
  function stop() {
    unsubscribe();
    window.clearTimeout(deadline);
    window.clearTimeout(first);
    if (idleHandle !== undefined) cancelIdle(idleHandle);
  }
  return () => {
    done = true;
    stop();
  };
}
