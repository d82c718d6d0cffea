import type { Menu, MenuChange, MenuChanges } from '@pos/contracts';

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

/**
 * Applies changes to a menu, in version order, skipping those the menu already has. Stops at
 * the first gap, so the result's version never claims changes it does not contain.
 */
export function applyChanges(menu: Menu, changes: readonly MenuChange[]): Menu {
  let version = menu.version;
  const latest = new Map<string, MenuChange>();
  for (const change of [...changes].sort((a, b) => a.version - b.version)) {
    if (change.version <= version) continue;
    if (change.version !== version + 1) break;
    latest.set(change.productId, change);
    version = change.version;
  }
  if (version === menu.version) return menu;
  return {
    ...menu,
    version,
    products: menu.products.map((p) => {
      const c = latest.get(p.id);
      return c ? { ...p, stock: c.stock, isAvailable: c.isAvailable } : p;
    }),
  };
}

/**
 * Applies a `GET /pos/menu/changes` answer to the cached menu. `null`: the delta cannot bring the
 * menu up to the server's version (snapshot required, or the delta does not fit the cache) — take
 * the snapshot instead of showing stale availability.
 */
export function applyMenuChanges(menu: Menu, delta: MenuChanges): Menu | null {
  if (delta.snapshotRequired) return null;
  if (delta.version <= menu.version) return menu;
  const next = applyChanges(menu, delta.changes);
  return next.version === delta.version ? next : null;
}
