/**
 * Per-venue values that every command reads and only an admin changes (a venue's webhook
 * endpoints): kept in memory so a command does not read them again, dropped when they change.
 *
 * Correct across instances because every instance hears every change: the instance that made it
 * drops its copy once the change committed (`invalidate`) and tells the others (the socket
 * plugin sends it over the Redis adapter, `serverSideEmit`). Several API instances always run
 * with REDIS_URL (sockets and background jobs need it too); one process without it has nobody to
 * tell. While Redis is away a message can be lost, so every copy is cleared when the connection
 * comes back, and none is kept longer than `ttlMs` whatever happens.
 *
 * A load that was running when its venue was invalidated is answered but not kept: it may have
 * read the value from before the change.
 */
export class VenueCache<T> {
  private readonly entries = new Map<string, { value: T; until: number }>();
  /** Bumped by every invalidation of a venue (and by `clear`): a load started before it is not kept. */
  private readonly generations = new Map<string, number>();
  private epoch = 0;

  constructor(
    readonly name: string,
    private readonly ttlMs: number,
    private readonly onInvalidate: (name: string, venueId: string) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** The venue's value: the copy kept here, or `load()`'s answer (kept unless the venue changed meanwhile). */
  async get(venueId: string, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(venueId);
    if (hit && hit.until > this.now()) return hit.value;
    const generation = this.generationOf(venueId);
    const value = await load();
    if (this.generationOf(venueId) === generation) this.entries.set(venueId, { value, until: this.now() + this.ttlMs });
    return value;
  }

  /** After a change to the venue's value committed: dropped here and on every other instance. */
  invalidate(venueId: string): void {
    this.drop(venueId);
    this.onInvalidate(this.name, venueId);
  }

  /** Another instance changed the venue's value. */
  drop(venueId: string): void {
    this.entries.delete(venueId);
    this.generations.set(venueId, (this.generations.get(venueId) ?? 0) + 1);
  }

  /** Everything dropped (the link to the other instances was down: what they said may be lost). */
  clear(): void {
    this.entries.clear();
    this.generations.clear();
    this.epoch++;
  }

  private generationOf(venueId: string): string {
    return `${this.epoch}:${this.generations.get(venueId) ?? 0}`;
  }
}

/** One instance's venue caches, and its link to the other instances (null until the socket plugin sets it). */
export class VenueCaches {
  private readonly caches = new Map<string, VenueCache<unknown>>();
  private tellOthers: ((name: string, venueId: string) => void) | null = null;

  /** A cache of its own name; `ttlMs` bounds how long a copy is kept if a message from another instance was lost. */
  create<T>(name: string, ttlMs: number): VenueCache<T> {
    if (this.caches.has(name)) throw new Error(`Venue cache ${name} already exists`);
    const cache = new VenueCache<T>(name, ttlMs, (n, venueId) => this.tellOthers?.(n, venueId));
    this.caches.set(name, cache as VenueCache<unknown>);
    return cache;
  }

  /** How invalidations reach the other instances (the Redis adapter's server-side emit). */
  connect(tellOthers: (name: string, venueId: string) => void): void {
    this.tellOthers = tellOthers;
  }

  /** An invalidation from another instance. */
  received(name: unknown, venueId: unknown): void {
    if (typeof name === 'string' && typeof venueId === 'string') this.caches.get(name)?.drop(venueId);
  }

  /** Drops every copy (the link to the other instances came back after a break). */
  clearAll(): void {
    for (const cache of this.caches.values()) cache.clear();
  }
}

/**
 * A value handed out from a cache, frozen through and through: every caller shares the same copy,
 * so one that tried to change it would throw rather than change it for the others.
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
