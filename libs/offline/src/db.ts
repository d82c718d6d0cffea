import Dexie, { type EntityTable } from 'dexie';
import { type CompactMenu, encodeMenu, type Menu, type Order } from '@pos/contracts';
import type { OutboxRecord } from './outbox-model';

/** A cached snapshot (menu, halls, tables, config, staff…) as the server last sent it. */
export interface CacheEntry {
  key: string;
  value: unknown;
  savedAt: number;
}

/**
 * A venue's menu as the tablet last knew it, compact (column arrays: one structured clone of a few
 * dozen arrays, not of 50,000 objects). Kept apart from the kv cache so a read of anything else never
 * drags the menu along.
 */
export interface StoredMenu {
  venueId: string;
  version: number;
  menu: CompactMenu;
  savedAt: number;
}

/** An order as the server last confirmed it (pending commands are folded on top when read). */
export interface CachedOrder {
  id: string;
  tableId: string | null;
  status: Order['status'];
  order: Order;
  savedAt: number;
}

/** A temporary id the tablet made up offline, and the server's id once the command was acknowledged. */
export interface IdMapping {
  tempId: string;
  serverId: string;
  kind: 'order' | 'line';
}

/** The order's version the server acknowledged last: the base for the next queued edit. */
export interface AckedVersion {
  orderId: string;
  version: number;
}

/**
 * The tablet's IndexedDB. Every write is `durability: 'strict'`: Chrome's default (relaxed)
 * reports a write done before it reaches the disk, and a crash could lose a "queued" command.
 *
 * Schema history: Dexie keeps every `version(n)`; a change adds a new version with an `upgrade`
 * and never edits an old one (tablets in the field still hold it).
 * 1 — kv cache, confirmed orders, outbox, temporary-id map, acknowledged order versions.
 * 2 — `menus`: each venue's menu, compact; the whole-JSON `<venue>:menu` cache entries move there.
 */
export class OfflineDb extends Dexie {
  cache!: EntityTable<CacheEntry, 'key'>;
  orders!: EntityTable<CachedOrder, 'id'>;
  outbox!: EntityTable<OutboxRecord, 'seq'>;
  idMap!: EntityTable<IdMapping, 'tempId'>;
  versions!: EntityTable<AckedVersion, 'orderId'>;
  menus!: EntityTable<StoredMenu, 'venueId'>;

  constructor(name = 'pos-offline') {
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({
      cache: 'key',
      orders: 'id, tableId, status',
      outbox: '++seq, &id, state, venueId',
      idMap: 'tempId',
      versions: 'orderId',
    });
    this.version(2)
      .stores({ menus: 'venueId' })
      .upgrade(async (tx) => {
        // A tablet updated in the field keeps its menu: the next start asks for a delta, not the whole menu.
        const old = await tx.table<CacheEntry, string>('cache').filter((entry) => entry.key.endsWith(':menu')).toArray();
        for (const entry of old) {
          const venueId = entry.key.slice(0, -':menu'.length);
          const compact = compactOfOldCopy(entry.value);
          if (compact) await tx.table<StoredMenu, string>('menus').put({ venueId, version: compact.version, menu: compact, savedAt: entry.savedAt });
          await tx.table('cache').delete(entry.key);
        }
      });
  }
}

/**
 * A menu cached whole by schema 1, compact. Deltas keep products and categories in (sort, id)
 * order, as the server lists them, so the old copy is put in that order once; a copy that does not
 * encode (a damaged entry) is dropped, and the next start takes a snapshot.
 */
function compactOfOldCopy(value: unknown): CompactMenu | null {
  try {
    const menu = value as Menu;
    const bySortThenId = (a: { sort: number; id: string }, b: { sort: number; id: string }) => a.sort - b.sort || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    return encodeMenu({ ...menu, categories: [...menu.categories].sort(bySortThenId), products: [...menu.products].sort(bySortThenId) });
  } catch {
    return null;
  }
}
