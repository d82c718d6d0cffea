import { ApiError, type PosApi } from '@pos/api-client';
import { type CompactMenu, decodeMenu, encodeMenu, type Menu, type MenuChanges } from '@pos/contracts';
import { aCategory, aMenu, aProduct, aStation } from '@pos/contracts/testing';
import Dexie from 'dexie';
import { ConnectivityMonitor } from './connectivity';
import { OfflineDb } from './db';
import { MenuStore } from './menu-store';
import { createOfflineApi } from './offline-api';
import { Outbox } from './outbox';

const VENUE = 'venue-1';
const station = aStation();
const category = aCategory();
const menuAt = (version: number, stockOfTartare = 3): Menu =>
  aMenu({
    version,
    stations: [station],
    categories: [category],
    products: [
      aProduct({ id: 'borscht', code: 'borscht', name: 'Борщ', categoryId: category.id, stationId: station.id, sort: 1, stock: null }),
      aProduct({ id: 'tartare', code: 'tartare', name: 'Тартар', categoryId: category.id, stationId: station.id, sort: 2, stock: stockOfTartare }),
    ],
  });

let dbSeq = 0;
const networkError = (why: string) => new ApiError(0, { type: 'about:blank', title: 'No connection to the server', status: 0, code: 'network', detail: why });

/** The offline api's menu over a real (in-memory) IndexedDB and a scripted server. */
function setUp(server: { snapshot?: () => Promise<CompactMenu>; changes?: (since: number) => Promise<MenuChanges> } = {}) {
  const db = new OfflineDb(`menu-store-${++dbSeq}`);
  const calls = { snapshot: 0, changes: [] as number[] };
  const api = {
    menuSnapshot: () => {
      calls.snapshot++;
      return server.snapshot ? server.snapshot() : Promise.resolve(encodeMenu(menuAt(10)));
    },
    menuChanges: (since: number) => {
      calls.changes.push(since);
      return server.changes ? server.changes(since) : Promise.resolve({ version: since, changes: [] });
    },
    menu: () => Promise.reject(new Error('the whole JSON menu is never downloaded')),
  } as unknown as PosApi;
  const connectivity = new ConnectivityMonitor({ ping: () => Promise.resolve(), navigator: { onLine: true }, window: { addEventListener: () => undefined, removeEventListener: () => undefined } });
  const outbox = new Outbox({ db, send: () => Promise.reject(new Error('no commands here')), context: () => ({ venueId: VENUE, staffId: 's', deviceId: 'd' }) });
  const menus = new MenuStore({ db, api, connectivity, saveDelayMs: 50 });
  const fresher: Menu[] = [];
  let shown: Menu | undefined;
  const offlineApi = createOfflineApi({
    api,
    db,
    outbox,
    connectivity,
    session: () => ({ venueId: VENUE, staffId: 's', staffName: 'S', venueName: 'V', currency: 'RUB' }),
    menu: () => shown,
    menus,
    onFresherMenu: (_venue, menu) => fresher.push(menu),
  });
  const show = (menu: Menu | undefined) => (shown = menu);
  return { db, menus, api: offlineApi, calls, fresher, show };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the menu store', () => {
  it('warm start: answers with the copy at once, then brings it up with a delta — never the snapshot', async () => {
    const { db, api, calls, fresher } = setUp({
      changes: async (since) => ({ version: since + 1, changes: [{ kind: 'stock', version: since + 1, productId: 'tartare', stock: 1, isAvailable: true }] }),
    });
    await db.menus.put({ venueId: VENUE, version: 7, menu: encodeMenu(menuAt(7)), savedAt: 0 });

    const first = await api.menu();
    expect(first).toEqual(menuAt(7));
    await settle();
    expect(calls.changes).toEqual([7]);
    expect(calls.snapshot).toBe(0);
    expect(fresher).toHaveLength(1);
    expect(fresher[0]).toMatchObject({ version: 8 });
    expect(fresher[0].products.find((p) => p.id === 'tartare')?.stock).toBe(1);
  });

  it('takes the snapshot when the server says the delta cannot catch up', async () => {
    const { db, api, calls, fresher } = setUp({ changes: async () => ({ version: 20, changes: [], snapshotRequired: true }) });
    await db.menus.put({ venueId: VENUE, version: 3, menu: encodeMenu(menuAt(3)), savedAt: 0 });
    await api.menu();
    await settle();
    await settle();
    expect(calls.snapshot).toBe(1);
    expect(fresher.map((m) => m.version)).toEqual([10]);
  });

  it('takes the snapshot when the delta does not fit the copy (a gap)', async () => {
    const { db, api, calls, fresher } = setUp({
      changes: async () => ({ version: 9, changes: [{ kind: 'stock', version: 9, productId: 'tartare', stock: 0, isAvailable: true }] }),
    });
    await db.menus.put({ venueId: VENUE, version: 3, menu: encodeMenu(menuAt(3)), savedAt: 0 });
    await api.menu();
    await settle();
    await settle();
    expect(calls.snapshot).toBe(1);
    expect(fresher.map((m) => m.version)).toEqual([10]);
  });

  it('without a copy downloads the snapshot and keeps it compact', async () => {
    const { db, api, calls, menus } = setUp();
    expect(await api.menu()).toEqual(menuAt(10));
    expect(calls).toEqual({ snapshot: 1, changes: [] });
    await menus.flush();
    const stored = await db.menus.get(VENUE);
    expect(stored?.version).toBe(10);
    expect(decodeMenu(stored!.menu)).toEqual(menuAt(10));
  });

  it('offline: the copy, and nothing waits for the network', async () => {
    const { db, api, calls, fresher } = setUp({ changes: () => Promise.reject(networkError('down')), snapshot: () => Promise.reject(networkError('down')) });
    await db.menus.put({ venueId: VENUE, version: 7, menu: encodeMenu(menuAt(7)), savedAt: 0 });
    expect(await api.menu()).toEqual(menuAt(7));
    await settle();
    expect(calls.snapshot).toBe(0);
    expect(fresher).toEqual([]);
  });

  it('offline without a copy: the network error', async () => {
    const { api } = setUp({ snapshot: () => Promise.reject(networkError('down')) });
    await expect(api.menu()).rejects.toBeInstanceOf(ApiError);
  });

  it('a menu on screen is refreshed with a delta; offline it stays as it is', async () => {
    let online = true;
    const { api, calls, show } = setUp({
      changes: async (since) => {
        if (!online) throw networkError('down');
        return { version: since + 1, changes: [{ kind: 'stock', version: since + 1, productId: 'borscht', stock: null, isAvailable: false }] };
      },
    });
    show(menuAt(12));
    const fresh = await api.menu();
    expect(fresh.version).toBe(13);
    expect(fresh.products[0].isAvailable).toBe(false);
    online = false;
    expect(await api.menu()).toEqual(menuAt(12));
    expect(calls.snapshot).toBe(0);
  });

  it('live patches are written back once per delay, the last one', async () => {
    const { db, menus } = setUp();
    // The venue already has its copy (the first one is written at once, see below).
    menus.keep(VENUE, menuAt(10));
    await menus.flush();
    const put = jest.spyOn(db.menus, 'put');
    for (let v = 11; v <= 30; v++) menus.keep(VENUE, menuAt(v, v));
    expect(put).not.toHaveBeenCalled();
    await new Promise((resolve) => setTimeout(resolve, 80));
    await menus.flush();
    expect(put).toHaveBeenCalledTimes(1);
    expect((await db.menus.get(VENUE))?.version).toBe(30);
  });

  it('writes the venue’s first copy at once, so a tablet that drops Wi-Fi right after its first download still has a menu', async () => {
    const { db, menus } = setUp();
    menus.keep(VENUE, menuAt(10));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect((await db.menus.get(VENUE))?.version).toBe(10);
  });

  it('schema 2 moves a whole-JSON copy of schema 1 into the compact table, in (sort, id) order', async () => {
    const name = `menu-upgrade-${++dbSeq}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({ cache: 'key', orders: 'id, tableId, status', outbox: '++seq, &id, state, venueId', idMap: 'tempId', versions: 'orderId' });
    const unordered = { ...menuAt(5), products: [...menuAt(5).products].reverse() };
    await v1.table('cache').put({ key: `${VENUE}:menu`, value: unordered, savedAt: 1 });
    await v1.table('cache').put({ key: `${VENUE}:halls`, value: [], savedAt: 1 });
    v1.close();

    const db = new OfflineDb(name);
    const stored = await db.menus.get(VENUE);
    expect(decodeMenu(stored!.menu)).toEqual(menuAt(5));
    expect(await db.cache.get(`${VENUE}:menu`)).toBeUndefined();
    expect(await db.cache.get(`${VENUE}:halls`)).toBeDefined();
  });
});
