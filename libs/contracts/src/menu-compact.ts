import { z } from 'zod';
import { CurrencySchema, IdSchema, MoneySchema, SignedMoneySchema, VersionSchema } from './common';
import type { Category, Menu, MenuChange, MenuChanges, ModifierGroup, Product, Station } from './menu';

/**
 * The menu as a tablet downloads and keeps it: column arrays instead of one object per dish, so no
 * key or null is repeated 50,000 times, and every reference (category, station, modifier group)
 * is an index into its list. Rare fields (description, photo, tracked stock, stop-list, modifier
 * groups) are sparse: only the dishes that have them are listed, by index.
 * `decodeMenu(encodeMenu(menu))` equals `menu` (a property test holds it to that).
 */
const Index = z.number().int().min(0).max(10_000_000);
const Sort = z.number().int().min(-2_147_483_648).max(2_147_483_647);

export const COMPACT_MENU_FORMAT = 1;

export const CompactMenuSchema = z.object({
  format: z.literal(COMPACT_MENU_FORMAT),
  version: VersionSchema,
  currency: CurrencySchema.or(z.string().max(8)),
  /** [id, code, name] */
  stations: z.array(z.tuple([IdSchema, z.string(), z.string()])),
  /** [id, name, color, sort] */
  categories: z.array(z.tuple([IdSchema, z.string(), z.string(), Sort])),
  /** [id, name, minSelect, maxSelect, options: [id, name, priceDelta][]] */
  modifierGroups: z.array(
    z.tuple([IdSchema, z.string(), z.number().int().min(0), z.number().int().min(1), z.array(z.tuple([IdSchema, z.string(), SignedMoneySchema]))]),
  ),
  products: z.object({
    id: z.array(IdSchema),
    /** Index into `categories`. */
    category: z.array(Index),
    code: z.array(z.string()),
    name: z.array(z.string()),
    price: z.array(MoneySchema),
    /** Index into `stations`. */
    station: z.array(Index),
    sort: z.array(Sort),
    /** [product index, description] for the dishes that have one. */
    description: z.array(z.tuple([Index, z.string()])),
    /** [product index, image URL]. */
    imageUrl: z.array(z.tuple([Index, z.string()])),
    /** [product index, portions left] for the dishes whose stock is tracked. */
    stock: z.array(z.tuple([Index, z.number().int()])),
    /** Product indexes on the stop-list. */
    unavailable: z.array(Index),
    /** [product index, indexes into `modifierGroups`]. */
    modifierGroups: z.array(z.tuple([Index, z.array(Index)])),
  }),
});
export type CompactMenu = z.infer<typeof CompactMenuSchema>;

export function encodeMenu(menu: Menu): CompactMenu {
  const stationIndex = new Map(menu.stations.map((s, i) => [s.id, i]));
  const categoryIndex = new Map(menu.categories.map((c, i) => [c.id, i]));
  const groupIndex = new Map(menu.modifierGroups.map((g, i) => [g.id, i]));
  const at = (map: Map<string, number>, id: string, what: string) => {
    const i = map.get(id);
    if (i === undefined) throw new Error(`encodeMenu: the menu has no ${what} ${id}`);
    return i;
  };
  const n = menu.products.length;
  const products: CompactMenu['products'] = {
    id: new Array(n),
    category: new Array(n),
    code: new Array(n),
    name: new Array(n),
    price: new Array(n),
    station: new Array(n),
    sort: new Array(n),
    description: [],
    imageUrl: [],
    stock: [],
    unavailable: [],
    modifierGroups: [],
  };
  menu.products.forEach((p, i) => {
    products.id[i] = p.id;
    products.category[i] = at(categoryIndex, p.categoryId, 'category');
    products.code[i] = p.code;
    products.name[i] = p.name;
    products.price[i] = p.price;
    products.station[i] = at(stationIndex, p.stationId, 'station');
    products.sort[i] = p.sort;
    if (p.description !== null) products.description.push([i, p.description]);
    if (p.imageUrl !== null) products.imageUrl.push([i, p.imageUrl]);
    if (p.stock !== null) products.stock.push([i, p.stock]);
    if (!p.isAvailable) products.unavailable.push(i);
    if (p.modifierGroupIds.length > 0) products.modifierGroups.push([i, p.modifierGroupIds.map((id) => at(groupIndex, id, 'modifier group'))]);
  });
  return {
    format: COMPACT_MENU_FORMAT,
    version: menu.version,
    currency: menu.currency,
    stations: menu.stations.map((s) => [s.id, s.code, s.name]),
    categories: menu.categories.map((c) => [c.id, c.name, c.color, c.sort]),
    modifierGroups: menu.modifierGroups.map((g) => [g.id, g.name, g.minSelect, g.maxSelect, g.options.map((o) => [o.id, o.name, o.priceDelta])]),
    products,
  };
}

export function decodeMenu(compact: CompactMenu): Menu {
  const stations: Station[] = compact.stations.map(([id, code, name]) => ({ id, code, name }));
  const categories: Category[] = compact.categories.map(([id, name, color, sort]) => ({ id, name, color, sort }));
  const modifierGroups: ModifierGroup[] = compact.modifierGroups.map(([id, name, minSelect, maxSelect, options]) => ({
    id,
    name,
    minSelect,
    maxSelect,
    options: options.map(([optionId, optionName, priceDelta]) => ({ id: optionId, name: optionName, priceDelta })),
  }));
  const p = compact.products;
  const sparse = <T>(pairs: [number, T][]) => new Map(pairs);
  const description = sparse(p.description);
  const imageUrl = sparse(p.imageUrl);
  const stock = sparse(p.stock);
  const unavailable = new Set(p.unavailable);
  const groups = sparse(p.modifierGroups);
  const products: Product[] = new Array(p.id.length);
  for (let i = 0; i < p.id.length; i++) {
    products[i] = {
      id: p.id[i],
      categoryId: categories[p.category[i]].id,
      code: p.code[i],
      name: p.name[i],
      description: description.get(i) ?? null,
      price: p.price[i],
      stationId: stations[p.station[i]].id,
      stock: stock.get(i) ?? null,
      isAvailable: !unavailable.has(i),
      modifierGroupIds: (groups.get(i) ?? []).map((g) => modifierGroups[g].id),
      sort: p.sort[i],
      imageUrl: imageUrl.get(i) ?? null,
    };
  }
  return { version: compact.version, currency: compact.currency, stations, categories, modifierGroups, products };
}

// ---------------------------------------------------------------------------------------------
// Deltas. The server lists products by (sort, id) and categories by (sort, id); applying changes
// keeps that order, so a cached menu brought up to date equals a fresh snapshot exactly.

const bySortThenId = (a: { sort: number; id: string }, b: { sort: number; id: string }) => a.sort - b.sort || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Puts `item` in its place in a list kept in (sort, id) order, replacing the one with its id. */
function upsertSorted<T extends { id: string; sort: number }>(list: T[], item: T): T[] {
  const rest = list.filter((x) => x.id !== item.id);
  let lo = 0;
  let hi = rest.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (bySortThenId(rest[mid], item) < 0) lo = mid + 1;
    else hi = mid;
  }
  rest.splice(lo, 0, item);
  return rest;
}

/**
 * Applies changes to a menu, in version order, skipping those it already has. Stops at the first
 * gap, so the result's version never claims changes it does not contain. Products that did not
 * change keep their identity (a screen's per-product caches stay valid).
 */
export function applyChanges(menu: Menu, changes: readonly MenuChange[]): Menu {
  let version = menu.version;
  const stock = new Map<string, Extract<MenuChange, { kind: 'stock' }>>();
  let products = menu.products;
  let categories = menu.categories;
  const flushStock = () => {
    if (stock.size === 0) return;
    products = products.map((p) => {
      const c = stock.get(p.id);
      return c && (c.stock !== p.stock || c.isAvailable !== p.isAvailable) ? { ...p, stock: c.stock, isAvailable: c.isAvailable } : p;
    });
    stock.clear();
  };
  for (const change of [...changes].sort((a, b) => a.version - b.version)) {
    if (change.version <= version) continue;
    if (change.version !== version + 1) break;
    version = change.version;
    switch (change.kind) {
      case 'stock':
        stock.set(change.productId, change);
        break;
      case 'product':
        flushStock();
        products = upsertSorted(products, change.product);
        break;
      case 'product.removed':
        flushStock();
        products = products.filter((p) => p.id !== change.productId);
        break;
      case 'category':
        categories = upsertSorted(categories, change.category);
        break;
      case 'category.removed':
        categories = categories.filter((c) => c.id !== change.categoryId);
        break;
    }
  }
  flushStock();
  if (version === menu.version) return menu;
  return { ...menu, version, products, categories };
}

/**
 * Applies a `GET /pos/menu/changes` answer to a cached menu. `null`: the delta cannot bring the
 * menu up to the server's version (snapshot required, or the delta does not fit the cache) — take
 * the snapshot instead of showing stale prices or availability.
 */
export function applyMenuChanges(menu: Menu, delta: MenuChanges): Menu | null {
  if (delta.snapshotRequired) return null;
  if (delta.version <= menu.version) return menu;
  const next = applyChanges(menu, delta.changes);
  return next.version === delta.version ? next : null;
}
