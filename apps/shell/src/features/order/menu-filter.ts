import type { Category, Menu, Product } from '@pos/contracts';

/**
 * The menu prepared for filtering on every keystroke. Built once per menu and carried over when
 * the menu changes: a stock event replaces a few products, and only their places are touched.
 */
export interface MenuIndex {
  /** Every product in menu order: categories in their order, each one's products in (sort, id) order. */
  products: readonly Product[];
  /**
   * Lower-cased, ё→е name and code of each product, parallel to `products`: made on the first
   * search (or by `prepareSearch` when the screen is idle), so the first paint does not wait for them.
   */
  haystacks: readonly string[] | null;
  /** Where each category's products lie in `products`: [start, end). */
  ranges: ReadonlyMap<string, readonly [number, number]>;
  /** What the index was built from, to carry it over to the next menu. */
  source: { categories: readonly Category[]; products: readonly Product[]; place: Int32Array };
}

export interface ProductFilter {
  query: string;
  categoryId: string | null;
}

export interface FilterResult {
  items: readonly Product[];
  total: number;
}

/** Lower case (Russian has no locale-specific casing, so the plain one), ё as е, single spaces. */
export const normalizeText = (text: string): string => {
  let lower = text.toLowerCase();
  if (lower.includes('ё')) lower = lower.replace(/ё/g, 'е');
  return /\s\s|^\s|\s$|[^\S ]/.test(lower) ? lower.replace(/\s+/g, ' ').trim() : lower;
};

/** Each product's search text, kept while the product object lives (unchanged products keep their identity through deltas). */
const haystackOf = new WeakMap<Product, string>();
function haystack(product: Product): string {
  let text = haystackOf.get(product);
  if (text === undefined) {
    text = normalizeText(`${product.name} ${product.code}`);
    haystackOf.set(product, text);
  }
  return text;
}

const bySortThenId = (a: { sort: number; id: string }, b: { sort: number; id: string }) => a.sort - b.sort || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The index of `menu`, carried over from `previous` when only some products changed in place (the
 * same products at the same places, same categories): O(changed) work after an identity scan.
 */
export function indexMenu(menu: Pick<Menu, 'categories' | 'products'>, previous?: MenuIndex): MenuIndex {
  return (previous && carriedOver(menu, previous)) ?? buildIndex(menu);
}

function carriedOver(menu: Pick<Menu, 'categories' | 'products'>, previous: MenuIndex): MenuIndex | null {
  const { source } = previous;
  if (source.categories !== menu.categories || source.products.length !== menu.products.length) return null;
  if (source.products === menu.products) return previous;
  let products: Product[] | null = null;
  let haystacks: (string | undefined)[] | null = null;
  for (let i = 0; i < menu.products.length; i++) {
    const next = menu.products[i];
    const before = source.products[i];
    if (next === before) continue;
    // A product moved, was replaced by another or changed category or order: build afresh.
    if (next.id !== before.id || next.categoryId !== before.categoryId || next.sort !== before.sort) return null;
    products ??= previous.products.slice();
    const at = source.place[i];
    products[at] = next;
    if (previous.haystacks) {
      haystacks ??= previous.haystacks.slice();
      haystacks[at] = haystack(next);
    }
  }
  return { products: products ?? previous.products, haystacks: (haystacks as string[] | null) ?? previous.haystacks, ranges: previous.ranges, source: { categories: menu.categories, products: menu.products, place: source.place } };
}

function buildIndex(menu: Pick<Menu, 'categories' | 'products'>): MenuIndex {
  const categories = [...menu.categories].sort(bySortThenId);
  const groups = new Map<string, number[]>(categories.map((c) => [c.id, []]));
  // Products of a category the menu does not list go last, as they come.
  const orphans: number[] = [];
  menu.products.forEach((p, i) => (groups.get(p.categoryId) ?? orphans).push(i));
  const n = menu.products.length;
  const products: Product[] = new Array(n);
  const place = new Int32Array(n);
  const ranges = new Map<string, readonly [number, number]>();
  let at = 0;
  const lay = (indexes: number[]) => {
    // The server sends products in (sort, id) order; anything else (an old copy, a test) is put in it.
    if (!isInOrder(menu.products, indexes)) indexes.sort((a, b) => bySortThenId(menu.products[a], menu.products[b]));
    const start = at;
    for (const i of indexes) {
      products[at] = menu.products[i];
      place[i] = at++;
    }
    return [start, at] as const;
  };
  for (const [id, indexes] of groups) if (indexes.length > 0) ranges.set(id, lay(indexes));
  lay(orphans);
  return { products, haystacks: null, ranges, source: { categories: menu.categories, products: menu.products, place } };
}

/**
 * Makes the search texts of the products at [from, to) ahead of time (kept per product): an idle
 * screen prepares a large menu a slice at a time instead of blocking a tap for one long task.
 */
export function warmSearchTexts(index: MenuIndex, from: number, to: number): void {
  if (index.haystacks) return;
  for (let i = from; i < Math.min(to, index.products.length); i++) haystack(index.products[i]);
}

/** The index's search texts, made now if they are not yet (unchanged products' come from the per-product cache). */
export function prepareSearch(index: MenuIndex): readonly string[] {
  index.haystacks ??= index.products.map(haystack);
  return index.haystacks;
}

function isInOrder(products: readonly Product[], indexes: readonly number[]): boolean {
  for (let k = 1; k < indexes.length; k++) if (bySortThenId(products[indexes[k - 1]], products[indexes[k]]) > 0) return false;
  return true;
}

/** A category's products, or every product without one. */
function categoryItems(index: MenuIndex, categoryId: string | null): readonly Product[] {
  if (!categoryId) return index.products;
  const range = index.ranges.get(categoryId);
  return range ? index.products.slice(range[0], range[1]) : [];
}

/**
 * Products to show as tiles. A search looks through the whole menu (every word must occur; names
 * that start with the query come first, then those with a word that does); without one, the chosen
 * category is shown. Everything that matches is returned: the grid renders only what is in view.
 */
export function filterProducts(index: MenuIndex, filter: ProductFilter): FilterResult {
  return createMenuSearch(index)(filter);
}

/**
 * `filterProducts` for one index that remembers its last search: a query that extends the
 * previous one (the usual keystroke) looks only through the previous matches.
 */
export function createMenuSearch(index: MenuIndex): (filter: ProductFilter) => FilterResult {
  let last: { query: string; matches: Int32Array } | null = null;
  return ({ query, categoryId }) => {
    const q = normalizeText(query);
    if (!q) {
      const items = categoryItems(index, categoryId);
      return { items, total: items.length };
    }
    const matches = matching(prepareSearch(index), q.split(' '), last && q.startsWith(last.query) ? last.matches : null);
    last = { query: q, matches };
    return { items: ranked(index, matches, q), total: matches.length };
  };
}

/** Places whose text holds every word; among `within` only, when given (ascending places). */
function matching(haystacks: readonly string[], words: readonly string[], within: Int32Array | null): Int32Array {
  const found = new Int32Array(within ? within.length : haystacks.length);
  let count = 0;
  const test = (hay: string) => {
    for (let w = 0; w < words.length; w++) if (!hay.includes(words[w])) return false;
    return true;
  };
  if (within) {
    for (let k = 0; k < within.length; k++) if (test(haystacks[within[k]])) found[count++] = within[k];
  } else {
    for (let i = 0; i < haystacks.length; i++) if (test(haystacks[i])) found[count++] = i;
  }
  return found.subarray(0, count);
}

/** Matches in rank order: the name starts with the query, a word in it does, it occurs anywhere; menu order within a rank. */
function ranked(index: MenuIndex, matches: Int32Array, q: string): Product[] {
  const first: Product[] = [];
  const second: Product[] = [];
  const rest: Product[] = [];
  const wordStart = ` ${q}`;
  const haystacks = prepareSearch(index);
  for (let k = 0; k < matches.length; k++) {
    const hay = haystacks[matches[k]];
    (hay.startsWith(q) ? first : hay.includes(wordStart) ? second : rest).push(index.products[matches[k]]);
  }
  return first.concat(second, rest);
}

export type Availability = 'available' | 'stopped' | 'soldOut';

/** Whether a tile can be tapped: stop-listed or sold-out products cannot be ordered. */
export function productAvailability(product: Pick<Product, 'isAvailable' | 'stock'>): Availability {
  if (!product.isAvailable) return 'stopped';
  if (product.stock === 0) return 'soldOut';
  return 'available';
}
