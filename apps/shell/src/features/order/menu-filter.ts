import type { Menu, Product } from '@pos/contracts';

/** The menu prepared once per version for fast filtering on every keystroke. */
export interface MenuIndex {
  /** Every product, in menu order (category sort, then product sort). */
  products: Product[];
  /** Lower-cased, ё→е name and code of each product, parallel to `products`. */
  haystacks: string[];
  byCategory: Map<string, Product[]>;
}

export interface ProductFilter {
  query: string;
  categoryId: string | null;
}

export interface FilterResult {
  items: Product[];
  /** How many matched before the limit. */
  total: number;
}

export const normalizeText = (text: string): string => text.toLocaleLowerCase('ru').replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();

export function indexMenu(menu: Pick<Menu, 'categories' | 'products'>): MenuIndex {
  const categoryOrder = new Map(menu.categories.map((c) => [c.id, c.sort]));
  const products = [...menu.products].sort(
    (a, b) => (categoryOrder.get(a.categoryId) ?? 0) - (categoryOrder.get(b.categoryId) ?? 0) || a.sort - b.sort || a.name.localeCompare(b.name),
  );
  const byCategory = new Map<string, Product[]>();
  for (const p of products) {
    const list = byCategory.get(p.categoryId);
    if (list) list.push(p);
    else byCategory.set(p.categoryId, [p]);
  }
  return { products, haystacks: products.map((p) => normalizeText(`${p.name} ${p.code}`)), byCategory };
}

/**
 * Products to show as tiles. A search looks through the whole menu (every word must occur;
 * names that start with the query come first); without one, the chosen category is shown.
 * At most `limit` tiles are returned so a 5,000-product menu stays instant to render.
 */
export function filterProducts(index: MenuIndex, { query, categoryId }: ProductFilter, limit = 100): FilterResult {
  const q = normalizeText(query);
  if (!q) {
    const list = categoryId ? (index.byCategory.get(categoryId) ?? []) : index.products;
    return { items: list.slice(0, limit), total: list.length };
  }
  const words = q.split(' ');
  // Ranks: the name starts with the query, a word in it does, it occurs anywhere.
  const ranked: Product[][] = [[], [], []];
  let total = 0;
  for (let i = 0; i < index.products.length; i++) {
    const hay = index.haystacks[i];
    if (!words.every((w) => hay.includes(w))) continue;
    total++;
    const bucket = ranked[hay.startsWith(q) ? 0 : hay.includes(` ${q}`) ? 1 : 2];
    if (bucket.length < limit) bucket.push(index.products[i]);
  }
  return { items: ranked.flat().slice(0, limit), total };
}

export type Availability = 'available' | 'stopped' | 'soldOut';

/** Whether a tile can be tapped: stop-listed or sold-out products cannot be ordered. */
export function productAvailability(product: Pick<Product, 'isAvailable' | 'stock'>): Availability {
  if (!product.isAvailable) return 'stopped';
  if (product.stock === 0) return 'soldOut';
  return 'available';
}
