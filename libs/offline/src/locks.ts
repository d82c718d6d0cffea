/** The part of the Web Locks API the outbox needs. */
export interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

const held = new Map<string, Promise<unknown>>();

/**
 * Web Locks when the browser has them (they span every tab of the origin, so two tabs never
 * replay the same outbox at once); otherwise a lock per name within this JavaScript realm.
 */
export function defaultLocks(): LockManagerLike {
  const locks = (globalThis.navigator as (Navigator & { locks?: LockManager }) | undefined)?.locks;
  if (locks) return { request: (name, callback) => locks.request(name, callback) as Promise<Awaited<ReturnType<typeof callback>>> };
  return inProcessLocks;
}

export const inProcessLocks: LockManagerLike = {
  request<T>(name: string, callback: () => Promise<T>): Promise<T> {
    const previous = held.get(name) ?? Promise.resolve();
    const run = previous.then(callback, callback);
    const tail = run.catch(() => undefined);
    held.set(name, tail);
    void tail.then(() => {
      if (held.get(name) === tail) held.delete(name);
    });
    return run;
  },
};
