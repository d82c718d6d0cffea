import type { HostStorage } from '@pos/plugin-sdk';

const DB_NAME = 'pos-host-storage';
const STORE = 'kv';

/** The in-memory fallback (no IndexedDB, e.g. jsdom or a locked-down browser): lives until reload. */
export function createMemoryStorage(): HostStorage {
  const map = new Map<string, unknown>();
  return {
    get: <T>(key: string) => Promise.resolve(map.get(key) as T | undefined),
    set: (key, value) => {
      map.set(key, value);
      return Promise.resolve();
    },
  };
}

const request = <T>(req: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });

function openDb(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = factory.open(DB_NAME, 1);
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
    req.onblocked = () => reject(new Error('IndexedDB open blocked'));
  });
}

/**
 * The HostApi's key-value storage: one IndexedDB object store; when IndexedDB is unavailable or
 * fails to open, an in-memory Map takes over so remotes keep working for the session.
 */
export function createHostStorage(factory: IDBFactory | undefined = globalThis.indexedDB): HostStorage {
  const memory = createMemoryStorage();
  if (!factory) return memory;
  let db: Promise<IDBDatabase | null> | null = null;
  const database = () =>
    (db ??= openDb(factory).catch((error) => {
      console.warn('[shell] IndexedDB unavailable, host storage is in memory', error);
      return null;
    }));
  return {
    async get<T>(key: string) {
      const idb = await database();
      if (!idb) return memory.get<T>(key);
      return (await request(idb.transaction(STORE, 'readonly').objectStore(STORE).get(key))) as T | undefined;
    },
    async set(key, value) {
      const idb = await database();
      if (!idb) return memory.set(key, value);
      await request(idb.transaction(STORE, 'readwrite').objectStore(STORE).put(value, key));
    },
  };
}
