import type { Menu } from '@pos/contracts';

/** What a `menu.stock` event (or any versioned change) means for the cached menu. */
export type ChangeFit =
  /** Exactly the next version: patch it in. */
  | 'next'
  /** Already in the cache (an older or repeated event): ignore it. */
  | 'stale'
  /** Versions were missed in between (or nothing is cached): resync. */
  | 'gap';

export function fitChange(cached: Pick<Menu, 'version'> | undefined, version: number): ChangeFit {
  if (!cached) return 'gap';
  if (version <= cached.version) return 'stale';
  return version === cached.version + 1 ? 'next' : 'gap';
}

export { applyChanges, applyMenuChanges } from '@pos/contracts';
