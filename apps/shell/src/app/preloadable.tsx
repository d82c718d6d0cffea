import { type ComponentType, type JSX, lazy } from 'react';

export interface Preloadable<P extends object> {
  (props: P): JSX.Element;
  /** Starts fetching the component (once; again after a failure) and resolves when it is here. */
  preload(): Promise<ComponentType<P>>;
}

/**
 * A component whose code is fetched on demand (or ahead, by `preload`) and that renders at once
 * when the code is already here. React.lazy suspends on its first render even for code fetched
 * long before (its promise settles a tick later), and React 19 holds a Suspense boundary's
 * content back until 300 ms after its last fallback: a sign-in waited ~0.3 s for the signed-in
 * frame and ~0.3 s more for the floor, both fetched while the PIN was typed.
 */
export function preloadable<P extends object>(load: () => Promise<ComponentType<P>>): Preloadable<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const preload = () => {
    if (!loading) {
      const attempt = load().then((component) => (loaded = component));
      // A fetch that failed (no network while the PIN pad was up) is tried again on next use.
      attempt.catch(() => {
        if (loading === attempt) loading = null;
      });
      loading = attempt;
    }
    return loading;
  };
  const Lazy = lazy(async () => ({ default: await preload() }));
  const Component = (props: P) => {
    const Loaded = loaded as ComponentType<object> | null;
    if (Loaded) return <Loaded {...props} />;
    const Fetching = Lazy as unknown as ComponentType<object>;
    return <Fetching {...props} />;
  };
  return Object.assign(Component, { preload });
}
