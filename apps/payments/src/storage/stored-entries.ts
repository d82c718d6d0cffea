import type { HostStorage } from '@pos/plugin-sdk';

/**
 * Entries kept in the host storage (IndexedDB in the shell) under one key, as a record by id:
 * what this tablet must not forget across a reload or a crash (unfinished card operations,
 * unfinished refunds). Reads happen once; writes go one after another, so two flows never
 * overwrite each other's entries. Storage outlives app versions and may hold anything: only
 * entries `isEntry` accepts are read.
 */
export function createStoredEntries<T extends object>(storage: HostStorage, key: string, isEntry: (v: unknown) => v is T) {
  /** By id; null until read from storage. */
  let entries: Readonly<Record<string, T>> | null = null;
  const listeners = new Set<() => void>();
  const publish = (next: Record<string, T>) => {
    entries = next;
    listeners.forEach((l) => l());
  };
  let loaded: Promise<Record<string, T>> | null = null;
  const load = () =>
    (loaded ??= storage.get<Record<string, unknown>>(key).then(
      (stored) => {
        const read = Object.fromEntries(Object.entries(stored ?? {}).filter((e): e is [string, T] => isEntry(e[1])));
        publish(read);
        return read;
      },
      (): Record<string, T> => {
        // Unreadable storage: nothing is known, and the next read tries again.
        loaded = null;
        return {};
      },
    ));
  let queue: Promise<unknown> = Promise.resolve();
  /** Changes the stored record; resolves once it is in storage (rejects when storage refused it). */
  const write = (change: (current: Record<string, T>) => Record<string, T> | null): Promise<void> => {
    const done = queue.then(async () => {
      const next = change(await load());
      if (next === null) return;
      await storage.set(key, next);
      loaded = Promise.resolve(next);
      publish(next);
    });
    queue = done.catch(() => undefined);
    return done;
  };

  return {
    /** The entries as last read or written (null until read); a new object after every change. */
    entries: () => entries,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    /** Reads the entries from storage (once); `entries()` has them afterwards. Never rejects. */
    load: async () => void (await load()),
    get: async (id: string): Promise<T | undefined> => {
      await queue;
      return (await load())[id];
    },
    /** Writes the entry down (replacing an earlier one with the id). */
    save: (id: string, entry: T) => write((current) => ({ ...current, [id]: entry })),
    /** Adds what became known; a forgotten entry stays forgotten. */
    update: (id: string, patch: Partial<T>) => write((current) => (current[id] ? { ...current, [id]: { ...current[id], ...patch } } : null)),
    forget: (id: string) =>
      write((current) => {
        if (!current[id]) return null;
        const { [id]: _done, ...rest } = current;
        return rest;
      }),
  };
}

export type StoredEntries<T extends object> = ReturnType<typeof createStoredEntries<T>>;
