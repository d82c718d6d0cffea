import Dexie, { type EntityTable } from 'dexie';
import type { Order } from '@pos/contracts';
import type { OutboxRecord } from './outbox-model';

/** A cached snapshot (menu, halls, tables, config, staff…) as the server last sent it. */
export interface CacheEntry {
  key: string;
  value: unknown;
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
 */
export class OfflineDb extends Dexie {
  cache!: EntityTable<CacheEntry, 'key'>;
  orders!: EntityTable<CachedOrder, 'id'>;
  outbox!: EntityTable<OutboxRecord, 'seq'>;
  idMap!: EntityTable<IdMapping, 'tempId'>;
  versions!: EntityTable<AckedVersion, 'orderId'>;

  constructor(name = 'pos-offline') {
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({
      cache: 'key',
      orders: 'id, tableId, status',
      outbox: '++seq, &id, state, venueId',
      idMap: 'tempId',
      versions: 'orderId',
    });
  }
}
