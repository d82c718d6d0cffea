import type { Product } from '@pos/contracts';

export const STOCK_FILTERS = ['all', 'stopped', 'tracked', 'soldOut'] as const;
export type StockFilter = (typeof STOCK_FILTERS)[number];

/** The table never draws more rows than this; a menu may hold 5,000 products. */
export const MAX_ROWS = 100;

export interface ProductQuery {
  text: string;
  filter: StockFilter;
  categoryId: string | null;
}

const normalize = (s: string) => s.toLocaleLowerCase('ru').replace(/ё/g, 'е').trim();

const FILTERS: Record<StockFilter, (p: Product) => boolean> = {
  all: () => true,
  stopped: (p) => !p.isAvailable,
  tracked: (p) => p.stock !== null,
  soldOut: (p) => p.stock === 0,
};

/** Products matching the search (name or code, any case, ё = е) and the filter; first MAX_ROWS. */
export function filterProducts(products: Product[], query: ProductQuery): { rows: Product[]; total: number } {
  const words = normalize(query.text).split(/\s+/).filter(Boolean);
  const rows: Product[] = [];
  let total = 0;
  for (const product of products) {
    if (query.categoryId && product.categoryId !== query.categoryId) continue;
    if (!FILTERS[query.filter](product)) continue;
    if (words.length > 0) {
      const haystack = `${normalize(product.name)} ${normalize(product.code)}`;
      if (!words.every((w) => haystack.includes(w))) continue;
    }
    total++;
    if (rows.length < MAX_ROWS) rows.push(product);
  }
  return { rows, total };
}

export const countBy = (products: Product[]): Record<StockFilter, number> =>
  Object.fromEntries(STOCK_FILTERS.map((f) => [f, products.filter(FILTERS[f]).length])) as Record<StockFilter, number>;
