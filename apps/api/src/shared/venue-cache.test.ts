import { VenueCache, VenueCaches } from './venue-cache';

/** The per-venue cache on its own: kept, dropped, told to the other instances, bounded in time. */
describe('VenueCache', () => {
  let now = 1_000;
  const told: [string, string][] = [];
  const cache = () => new VenueCache<number>('things', 5_000, (name, venueId) => told.push([name, venueId]), () => now);

  it('keeps a venue’s value until it is invalidated, and tells the other instances', async () => {
    const c = cache();
    let reads = 0;
    const load = async () => ++reads;
    expect(await c.get('v1', load)).toBe(1);
    expect(await c.get('v1', load)).toBe(1);
    expect(await c.get('v2', load)).toBe(2);
    c.invalidate('v1');
    expect(told).toEqual([['things', 'v1']]);
    expect(await c.get('v1', load)).toBe(3);
    expect(await c.get('v2', load)).toBe(2);
  });

  it('does not keep a value whose load was running when the venue changed (it may be the old one)', async () => {
    const c = cache();
    let release!: () => void;
    const slow = c.get('v1', () => new Promise<number>((resolve) => (release = () => resolve(1))));
    c.drop('v1');
    release();
    expect(await slow).toBe(1);
    expect(await c.get('v1', async () => 2)).toBe(2);

    const during = c.get('v1', async () => 3);
    c.clear();
    await during;
    expect(await c.get('v1', async () => 4)).toBe(4);
  });

  it('keeps nothing longer than its time to live', async () => {
    const c = cache();
    expect(await c.get('v1', async () => 1)).toBe(1);
    now += 4_999;
    expect(await c.get('v1', async () => 2)).toBe(1);
    now += 1;
    expect(await c.get('v1', async () => 3)).toBe(3);
  });

  it('VenueCaches routes another instance’s invalidation to the named cache and clears all after a break', async () => {
    const caches = new VenueCaches();
    const sent: [string, string][] = [];
    caches.connect((name, venueId) => sent.push([name, venueId]));
    const a = caches.create<string>('a', 60_000);
    const b = caches.create<string>('b', 60_000);
    expect(() => caches.create('a', 1)).toThrow();
    await a.get('v1', async () => 'a1');
    await b.get('v1', async () => 'b1');
    caches.received('a', 'v1');
    caches.received(42, 'v1');
    expect(sent).toEqual([]);
    expect(await a.get('v1', async () => 'a2')).toBe('a2');
    expect(await b.get('v1', async () => 'b2')).toBe('b1');
    a.invalidate('v1');
    expect(sent).toEqual([['a', 'v1']]);
    caches.clearAll();
    expect(await b.get('v1', async () => 'b3')).toBe('b3');
  });
});
