import type { MenuChange } from '@pos/contracts';
import type { MenuChangesTable } from '../../db/schema';
import { nowIso } from '../../shared/clock';
import type { Db } from '../../shared/command';
import * as repo from './repository';

/** How many of the newest menu versions each venue keeps in `menu_changes` for catch-up deltas. */
export const MENU_CHANGES_KEPT = 1000;

/** A change as a write describes it; the version is given when it is recorded. */
export type MenuChangeBody = MenuChange extends infer C ? (C extends MenuChange ? Omit<C, 'version'> : never) : never;

/**
 * Bumps the venue's menu version and records the change as that version's one row (in the
 * caller's transaction), dropping versions beyond the kept window. Returns the new version.
 * A stock change keeps its narrow columns (one on every order that takes stock); any other kind
 * is stored as JSON in `data` — the whole new product or category, never a difference.
 */
export async function recordChange(db: Db, venueId: string, change: MenuChangeBody): Promise<number> {
  const version = await repo.bumpMenuVersion(db, venueId);
  const base = { venue_id: venueId, version, changed_at: nowIso() };
  let row: MenuChangesTable;
  if (change.kind === 'stock') {
    row = { ...base, kind: 'stock', product_id: change.productId, stock: change.stock, is_available: change.isAvailable ? 1 : 0, data: null };
  } else {
    const { kind, ...data } = change;
    row = { ...base, kind, product_id: null, stock: null, is_available: null, data: JSON.stringify(data) };
  }
  await repo.recordMenuChange(db, row, MENU_CHANGES_KEPT);
  return version;
}

type ChangeRow = Pick<MenuChangesTable, 'version' | 'kind' | 'product_id' | 'stock' | 'is_available' | 'data'>;

/** A recorded row as the contract's change (rows from before migration 028 are all 'stock'). */
export function changeOfRow(row: ChangeRow): MenuChange {
  const version = Number(row.version);
  if (row.kind === 'stock') {
    return { kind: 'stock', version, productId: row.product_id ?? '', stock: row.stock === null ? null : Number(row.stock), isAvailable: Number(row.is_available) === 1 };
  }
  return { ...(JSON.parse(row.data ?? '{}') as object), kind: row.kind, version } as MenuChange;
}
