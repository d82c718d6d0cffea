// eslint-disable-next-line @nx/enforce-module-boundaries -- test only: property tests; the library itself still imports zod alone
import fc from 'fast-check';
import type { Category, Menu, MenuChange, Product } from './menu';
import { MenuChangeSchema, MenuSchema } from './menu';
import { CompactMenuSchema, applyChanges, applyMenuChanges, decodeMenu, encodeMenu } from './menu-compact';

const id = (kind: string, n: number) => `00000000-0000-4000-8000-${kind.repeat(4)}${String(n).padStart(8, '0')}`;
const STATIONS = [1, 2].map((n) => ({ id: id('a', n), code: `s${n}`, name: `Станция ${n}` }));
const GROUPS = [1, 2, 3].map((n) => ({
  id: id('b', n),
  name: `Группа ${n}`,
  minSelect: n - 1,
  maxSelect: n,
  options: [1, 2].map((o) => ({ id: id('e', n * 10 + o), name: `Опция ${o}`, priceDelta: (o - 1) * 5000 - 100 })),
}));
const CATEGORY_IDS = [1, 2, 3, 4].map((n) => id('d', n));
const PRODUCT_IDS = Array.from({ length: 12 }, (_, n) => id('c', n + 1));

const bySortThenId = (a: { sort: number; id: string }, b: { sort: number; id: string }) => a.sort - b.sort || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const categoryArb = (categoryId: string): fc.Arbitrary<Category> =>
  fc.record({ id: fc.constant(categoryId), name: fc.string({ maxLength: 12 }), color: fc.constantFrom('#aa0000', '#00bb00'), sort: fc.integer({ min: -3, max: 3 }) });

const productArb = (productId: string, categories: string[]): fc.Arbitrary<Product> =>
  fc.record({
    id: fc.constant(productId),
    categoryId: fc.constantFrom(...categories),
    code: fc.string({ minLength: 1, maxLength: 8 }),
    name: fc.string({ maxLength: 20 }),
    description: fc.option(fc.string({ maxLength: 30 }), { nil: null }),
    price: fc.integer({ min: 0, max: 100_000_000 }),
    stationId: fc.constantFrom(...STATIONS.map((s) => s.id)),
    stock: fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }),
    isAvailable: fc.boolean(),
    modifierGroupIds: fc.subarray(GROUPS.map((g) => g.id)),
    sort: fc.integer({ min: -3, max: 3 }),
    imageUrl: fc.option(fc.constant('https://img.example/dish.webp'), { nil: null }),
  });

/** A menu as the server lists it: categories and products in (sort, id) order. */
const menuArb: fc.Arbitrary<Menu> = fc
  .tuple(fc.subarray(CATEGORY_IDS, { minLength: 1 }), fc.integer({ min: 1, max: 1000 }), fc.constantFrom('RUB', 'EUR'))
  .chain(([categoryIds, version, currency]) =>
    fc.record({
      version: fc.constant(version),
      currency: fc.constant(currency),
      stations: fc.constant(STATIONS),
      categories: fc.tuple(...categoryIds.map(categoryArb)).map((list) => [...list].sort(bySortThenId)),
      modifierGroups: fc.constant(GROUPS),
      products: fc.subarray(PRODUCT_IDS).chain((ids) => (ids.length === 0 ? fc.constant([]) : fc.tuple(...ids.map((p) => productArb(p, categoryIds))).map((list) => [...list].sort(bySortThenId)))),
    }),
  );

describe('the compact menu', () => {
  it('round-trips: decode(encode(menu)) equals the menu, and the encoding matches its schema', () => {
    fc.assert(
      fc.property(menuArb, (menu) => {
        const compact = encodeMenu(menu);
        expect(CompactMenuSchema.safeParse(compact).success).toBe(true);
        // Through JSON too, as it travels and is kept.
        expect(decodeMenu(JSON.parse(JSON.stringify(compact)))).toEqual(menu);
        expect(MenuSchema.safeParse(decodeMenu(compact)).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('writes no key per dish and no null for the dishes that lack a rare field', () => {
    const menu: Menu = {
      version: 3,
      currency: 'RUB',
      stations: STATIONS,
      categories: [{ id: CATEGORY_IDS[0], name: 'Супы', color: '#aa0000', sort: 1 }],
      modifierGroups: GROUPS,
      products: PRODUCT_IDS.map((p, i) => ({ id: p, categoryId: CATEGORY_IDS[0], code: `p${i}`, name: `Блюдо ${i}`, description: null, price: 100 * i, stationId: STATIONS[0].id, stock: null, isAvailable: true, modifierGroupIds: [], sort: i, imageUrl: null })),
    };
    const json = JSON.stringify(encodeMenu(menu));
    expect(json).not.toContain('null');
    // One column key for all the dishes, not one key per dish.
    expect(json.match(/"name"/g)).toHaveLength(1);
    const plain = JSON.stringify(menu);
    expect(json.length).toBeLessThan(plain.length * 0.6);
  });

  it('refuses to encode a dish that names a category the menu does not have', () => {
    const menu: Menu = { version: 1, currency: 'RUB', stations: STATIONS, categories: [], modifierGroups: [], products: [] };
    const dish: Product = { id: PRODUCT_IDS[0], categoryId: CATEGORY_IDS[0], code: 'x', name: 'x', description: null, price: 1, stationId: STATIONS[0].id, stock: null, isAvailable: true, modifierGroupIds: [], sort: 0, imageUrl: null };
    expect(() => encodeMenu({ ...menu, products: [dish] })).toThrow(/no category/);
  });
});

/** One admin or stock operation on the "server" menu: its change, and the server's menu after it. */
type Op = { kind: 'stock'; product: number; stock: number | null; isAvailable: boolean } | { kind: 'product'; product: number } | { kind: 'product.removed'; product: number } | { kind: 'category'; category: number } | { kind: 'category.removed'; category: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('stock' as const), product: fc.nat(PRODUCT_IDS.length - 1), stock: fc.option(fc.integer({ min: 0, max: 50 }), { nil: null }), isAvailable: fc.boolean() }),
  fc.record({ kind: fc.constant('product' as const), product: fc.nat(PRODUCT_IDS.length - 1) }),
  fc.record({ kind: fc.constant('product.removed' as const), product: fc.nat(PRODUCT_IDS.length - 1) }),
  fc.record({ kind: fc.constant('category' as const), category: fc.nat(CATEGORY_IDS.length - 1) }),
  fc.record({ kind: fc.constant('category.removed' as const), category: fc.nat(CATEGORY_IDS.length - 1) }),
);

/**
 * Plays the operations on a server model (lists re-sorted from scratch, as a fresh snapshot
 * would list them), recording one change per version the way the API does.
 */
function play(start: Menu, ops: Op[], seed: number): { server: Menu; changes: MenuChange[] } {
  let server = start;
  const changes: MenuChange[] = [];
  let n = seed;
  const next = () => (n = (n * 1103515245 + 12345) % 2147483648);
  for (const op of ops) {
    const version = server.version + 1;
    let change: MenuChange | null = null;
    if (op.kind === 'stock') {
      const p = server.products.find((x) => x.id === PRODUCT_IDS[op.product]);
      if (!p) continue;
      change = { kind: 'stock', version, productId: p.id, stock: op.stock, isAvailable: op.isAvailable };
      server = { ...server, products: server.products.map((x) => (x.id === p.id ? { ...x, stock: op.stock, isAvailable: op.isAvailable } : x)) };
    } else if (op.kind === 'product') {
      if (server.categories.length === 0) continue;
      const product: Product = {
        id: PRODUCT_IDS[op.product],
        categoryId: server.categories[next() % server.categories.length].id,
        code: `c${next() % 100}`,
        name: `Блюдо ${next() % 1000}`,
        description: next() % 2 ? null : 'Описание',
        price: next() % 100_000,
        stationId: STATIONS[next() % 2].id,
        stock: next() % 3 ? null : next() % 20,
        isAvailable: next() % 4 !== 0,
        modifierGroupIds: GROUPS.filter(() => next() % 2).map((g) => g.id),
        sort: (next() % 7) - 3,
        imageUrl: null,
      };
      change = { kind: 'product', version, product };
      server = { ...server, products: [...server.products.filter((x) => x.id !== product.id), product].sort(bySortThenId) };
    } else if (op.kind === 'product.removed') {
      const productId = PRODUCT_IDS[op.product];
      if (!server.products.some((x) => x.id === productId)) continue;
      change = { kind: 'product.removed', version, productId };
      server = { ...server, products: server.products.filter((x) => x.id !== productId) };
    } else if (op.kind === 'category') {
      const category: Category = { id: CATEGORY_IDS[op.category], name: `Категория ${next() % 100}`, color: '#00bb00', sort: (next() % 7) - 3 };
      change = { kind: 'category', version, category };
      server = { ...server, categories: [...server.categories.filter((x) => x.id !== category.id), category].sort(bySortThenId) };
    } else {
      const categoryId = CATEGORY_IDS[op.category];
      // Only an empty category can go, as on the server.
      if (!server.categories.some((c) => c.id === categoryId) || server.products.some((p) => p.categoryId === categoryId)) continue;
      change = { kind: 'category.removed', version, categoryId };
      server = { ...server, categories: server.categories.filter((c) => c.id !== categoryId) };
    }
    expect(MenuChangeSchema.safeParse(change).success).toBe(true);
    changes.push(change);
    server = { ...server, version };
  }
  return { server, changes };
}

describe('menu deltas', () => {
  it('applied to a cached menu, equal a fresh snapshot after any sequence of changes', () => {
    fc.assert(
      fc.property(menuArb, fc.array(opArb, { maxLength: 30 }), fc.nat(), (start, ops, seed) => {
        const { server, changes } = play(start, ops, seed);
        const delta = { version: server.version, changes };
        expect(applyMenuChanges(start, delta)).toEqual(server);
        // Through the compact copy a tablet keeps: the same.
        expect(applyMenuChanges(decodeMenu(encodeMenu(start)), delta)).toEqual(server);
      }),
      { numRuns: 400 },
    );
  });

  it('skip what the cache already has (a repeated or older change), so applying twice is harmless', () => {
    fc.assert(
      fc.property(menuArb, fc.array(opArb, { minLength: 1, maxLength: 20 }), fc.nat(), fc.nat(), (start, ops, seed, cut) => {
        const { server, changes } = play(start, ops, seed);
        if (changes.length === 0) return;
        const k = cut % (changes.length + 1);
        const halfway = applyChanges(start, changes.slice(0, k));
        // The socket delivered the first k; the catch-up delta repeats them all.
        expect(applyMenuChanges(halfway, { version: server.version, changes })).toEqual(server);
        expect(applyChanges(server, changes)).toBe(server);
      }),
      { numRuns: 200 },
    );
  });

  it('stop at a gap and never claim a version they do not contain', () => {
    fc.assert(
      fc.property(menuArb, fc.array(opArb, { minLength: 3, maxLength: 20 }), fc.nat(), (start, ops, seed) => {
        const { server, changes } = play(start, ops, seed);
        if (changes.length < 2) return;
        const missing = changes.filter((_, i) => i !== 1);
        expect(applyChanges(start, missing).version).toBe(start.version + 1);
        expect(applyMenuChanges(start, { version: server.version, changes: missing })).toBeNull();
      }),
      { numRuns: 100 },
    );
  });

  it('keep unchanged dishes as the same objects (screens cache per dish)', () => {
    const menu = decodeMenu(
      encodeMenu({
        version: 1,
        currency: 'RUB',
        stations: STATIONS,
        categories: [{ id: CATEGORY_IDS[0], name: 'Супы', color: '#aa0000', sort: 1 }],
        modifierGroups: [],
        products: PRODUCT_IDS.slice(0, 3).map((p, i) => ({ id: p, categoryId: CATEGORY_IDS[0], code: `p${i}`, name: `Блюдо ${i}`, description: null, price: 100, stationId: STATIONS[0].id, stock: 5, isAvailable: true, modifierGroupIds: [], sort: i, imageUrl: null })),
      }),
    );
    const next = applyChanges(menu, [{ kind: 'stock', version: 2, productId: PRODUCT_IDS[1], stock: 4, isAvailable: true }]);
    expect(next.products[0]).toBe(menu.products[0]);
    expect(next.products[2]).toBe(menu.products[2]);
    expect(next.products[1]).toEqual({ ...menu.products[1], stock: 4 });
  });

  it('answer null for snapshotRequired', () => {
    const menu: Menu = { version: 4, currency: 'RUB', stations: [], categories: [], modifierGroups: [], products: [] };
    expect(applyMenuChanges(menu, { version: 9, snapshotRequired: true, changes: [] })).toBeNull();
    expect(applyMenuChanges(menu, { version: 4, changes: [] })).toBe(menu);
  });
});
