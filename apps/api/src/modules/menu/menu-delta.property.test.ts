import fc from 'fast-check';
import { applyMenuChanges, type CompactMenu, decodeMenu, type Menu, type MenuChanges } from '@pos/contracts';
import { type Client, createTestApp, type TestApp } from '../../testing/harness';
import { MENU_CHANGES_KEPT } from './service';

/**
 * Issue 21's promise: a tablet's cached menu, brought up to date with `GET /pos/menu/changes`,
 * equals a fresh snapshot exactly — whatever admins and cooks changed in between (names, prices,
 * categories, modifiers, order, stock, removals). Random sequences of changes through the API.
 *   MENU_PROPERTY_RUNS=200   more sequences (default 20)
 */
const RUNS = Number(process.env.MENU_PROPERTY_RUNS ?? 20);

type Op =
  | { t: 'stock'; p: number; stock?: number | null; isAvailable?: boolean }
  | { t: 'createProduct'; c: number; station: number; groups: number[]; sort: number; price: number; name: string; description: string | null }
  | { t: 'patchProduct'; p: number; price?: number; name?: string; sort?: number; c?: number; station?: number; groups?: number[]; description?: string | null; imageUrl?: string | null }
  | { t: 'removeProduct'; p: number }
  | { t: 'createCategory'; sort: number; name: string; color: string }
  | { t: 'patchCategory'; c: number; sort?: number; name?: string; color?: string }
  | { t: 'removeCategory'; c: number };

const name = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim().length > 0);
// Few distinct sorts: ties, so the id tie-breaker decides the order.
const sort = fc.integer({ min: 0, max: 3 });
const index = fc.nat(1000);
const groups = fc.uniqueArray(fc.nat(5), { maxLength: 3 });
const color = fc.constantFrom('#112233', '#aabbcc', '#ff0000');

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ t: fc.constant('stock' as const), p: index, stock: fc.option(fc.nat(20), { nil: null }), isAvailable: fc.boolean() }, { requiredKeys: ['t', 'p'] }).filter((o) => o.stock !== undefined || o.isAvailable !== undefined),
  fc.record({ t: fc.constant('createProduct' as const), c: index, station: index, groups, sort, price: fc.nat(1_000_000), name, description: fc.option(name, { nil: null }) }),
  fc
    .record(
      { t: fc.constant('patchProduct' as const), p: index, price: fc.nat(1_000_000), name, sort, c: index, station: index, groups, description: fc.option(name, { nil: null }), imageUrl: fc.constantFrom(null, 'https://img.example/a.png') },
      { requiredKeys: ['t', 'p'] },
    )
    .filter((o) => Object.keys(o).length > 2),
  fc.record({ t: fc.constant('removeProduct' as const), p: index }),
  fc.record({ t: fc.constant('createCategory' as const), sort, name, color }),
  fc.record({ t: fc.constant('patchCategory' as const), c: index, sort, name, color }, { requiredKeys: ['t', 'c'] }).filter((o) => Object.keys(o).length > 2),
  fc.record({ t: fc.constant('removeCategory' as const), c: index }),
);

describe('menu deltas (property)', () => {
  let t: TestApp;
  let admin: Client;
  let cook: Client;
  let waiter: Client;
  let codes = 0;

  beforeAll(async () => {
    t = await createTestApp();
    [admin, cook, waiter] = [await t.login('999999'), await t.login('4444'), await t.login('1111')];
  });
  afterAll(() => t.close());

  const snapshot = async (): Promise<Menu> => {
    const res = await waiter.get('/pos/menu/snapshot');
    expect(res.status).toBe(200);
    return decodeMenu(res.body as CompactMenu);
  };
  const del = (url: string) => admin.request('DELETE', url);
  const pick = <T>(list: T[], i: number) => list[i % list.length];

  /** Runs one op against the API; the state it needs (what exists now) is read from `menu`. */
  async function run(o: Op, menu: Menu) {
    const product = () => pick(menu.products, (o as { p: number }).p).id;
    const category = (i: number) => pick(menu.categories, i).id;
    const station = (i: number) => pick(menu.stations, i).id;
    const groupIds = (is: number[]) => [...new Set(is.map((i) => pick(menu.modifierGroups, i).id))];
    let res;
    switch (o.t) {
      case 'stock':
        res = await cook.patch(`/pos/menu/products/${product()}/stock`, { ...(o.stock !== undefined ? { stock: o.stock } : {}), ...(o.isAvailable !== undefined ? { isAvailable: o.isAvailable } : {}) });
        break;
      case 'createProduct':
        res = await admin.post('/admin/menu/products', { categoryId: category(o.c), code: `prop-${++codes}`, name: o.name, price: o.price, stationId: station(o.station), modifierGroupIds: groupIds(o.groups), sort: o.sort, description: o.description });
        break;
      case 'patchProduct': {
        const { t: _t, p: _p, c, station: s, groups: g, ...rest } = o;
        res = await admin.patch(`/admin/menu/products/${product()}`, { ...rest, ...(c !== undefined ? { categoryId: category(c) } : {}), ...(s !== undefined ? { stationId: station(s) } : {}), ...(g !== undefined ? { modifierGroupIds: groupIds(g) } : {}) });
        break;
      }
      case 'removeProduct':
        res = await del(`/admin/menu/products/${product()}`);
        break;
      case 'createCategory':
        res = await admin.post('/admin/menu/categories', { name: o.name, color: o.color, sort: o.sort });
        break;
      case 'patchCategory': {
        const { t: _t, c, ...rest } = o;
        res = await admin.patch(`/admin/menu/categories/${category(c)}`, rest);
        break;
      }
      case 'removeCategory':
        res = await del(`/admin/menu/categories/${category(o.c)}`);
        // A category with dishes stays (and nothing is written).
        if (res.status === 409) return expect(res.body.code).toBe('menu.category_not_empty');
        break;
    }
    expect([res.status, res.body]).toEqual([o.t.startsWith('create') ? 201 : 200, expect.anything()]);
  }

  it('a cached snapshot brought up to date by the delta equals a fresh snapshot', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        const cached = await snapshot();
        let menu = cached;
        for (const o of ops) {
          // Keep at least one dish and one category to act on.
          if ((o.t === 'removeProduct' && menu.products.length < 5) || (o.t === 'removeCategory' && menu.categories.length < 3)) continue;
          await run(o, menu);
          menu = (await waiter.get('/pos/menu')).body;
        }
        const delta = (await waiter.get(`/pos/menu/changes?since=${cached.version}`)).body as MenuChanges;
        expect(delta.snapshotRequired).toBeUndefined();
        const fresh = await snapshot();
        expect(applyMenuChanges(cached, delta)).toEqual(fresh);
        expect(fresh).toEqual(menu);
      }),
      { numRuns: RUNS, seed: 21, endOnFailure: true },
    );
  });

  it('a delta that straddles the kept window is refused: take the snapshot', async () => {
    const cached = await snapshot();
    const venueId = admin.venueId!;
    const cat = await admin.post('/admin/menu/categories', { name: 'Старое', color: '#010203' });
    expect(cat.body.menuVersion).toBe(cached.version + 1);
    // As if MENU_CHANGES_KEPT - 1 more changes happened: the next one pushes version+1 out.
    await t.database.db.updateTable('venues').set({ menu_version: cached.version + MENU_CHANGES_KEPT }).where('id', '=', venueId).execute();
    const renamed = await admin.patch(`/admin/menu/categories/${cat.body.category.id}`, { name: 'Новое' });
    expect(renamed.body.menuVersion).toBe(cached.version + MENU_CHANGES_KEPT + 1);

    const straddling = (await waiter.get(`/pos/menu/changes?since=${cached.version}`)).body as MenuChanges;
    expect(straddling).toEqual({ version: renamed.body.menuVersion, snapshotRequired: true, changes: [] });
    expect(applyMenuChanges(cached, straddling)).toBeNull();
    const inside = (await waiter.get(`/pos/menu/changes?since=${renamed.body.menuVersion - 1}`)).body as MenuChanges;
    expect(inside.changes).toEqual([{ kind: 'category', version: renamed.body.menuVersion, category: renamed.body.category }]);
  });
});
