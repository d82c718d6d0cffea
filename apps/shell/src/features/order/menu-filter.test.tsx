import type { Category, Product } from '@pos/contracts';
import { aCategory, aProduct } from '@pos/contracts/testing';
import { filterProducts, indexMenu, normalizeText, productAvailability } from './menu-filter';

const category = (id: string, sort: number): Category => aCategory({ id, name: id, color: '#ccc', sort });
let seq = 0;
const product = (name: string, categoryId: string, over: Partial<Product> = {}): Product => aProduct({ id: `p${++seq}`, categoryId, code: `code-${seq}`, name, price: 10000, sort: seq, ...over });

const menu = {
  categories: [category('soups', 2), category('salads', 1)],
  products: [product('Борщ', 'soups'), product('Солянка', 'soups'), product('Салат с ёжиком', 'salads'), product('Цезарь с курицей', 'salads'), product('Курица гриль', 'soups')],
};

describe('menu filter', () => {
  const index = indexMenu(menu);

  it('orders products by category, then by their own sort', () => {
    expect(index.products.map((p) => p.name)).toEqual(['Салат с ёжиком', 'Цезарь с курицей', 'Борщ', 'Солянка', 'Курица гриль']);
  });

  it('shows the chosen category without a search', () => {
    expect(filterProducts(index, { query: '', categoryId: 'soups' })).toEqual({ items: index.products.slice(2), total: 3 });
  });

  it('searches the whole menu, case- and ё-insensitive, every word must match', () => {
    expect(filterProducts(index, { query: 'ЁЖИК', categoryId: 'soups' }).items.map((p) => p.name)).toEqual(['Салат с ёжиком']);
    expect(filterProducts(index, { query: 'ежик', categoryId: null }).total).toBe(1);
    expect(filterProducts(index, { query: 'с кур', categoryId: null }).items.map((p) => p.name)).toEqual(['Цезарь с курицей']);
  });

  it('puts names that start with the query first', () => {
    expect(filterProducts(index, { query: 'кур', categoryId: null }).items.map((p) => p.name)).toEqual(['Курица гриль', 'Цезарь с курицей']);
  });

  it('finds a product by its code', () => {
    const target = index.products[3];
    expect(filterProducts(index, { query: target.code, categoryId: null }).items).toEqual([target]);
  });

  it('returns every match of a 5,000-product menu (the grid renders only what is in view)', () => {
    const big = indexMenu({
      categories: [category('c', 1)],
      products: Array.from({ length: 5000 }, (_, i) => product(`Блюдо ${i}`, 'c', { code: `dish-${i}` })),
    });
    const result = filterProducts(big, { query: 'блюдо', categoryId: null });
    expect(result.items).toHaveLength(5000);
    expect(result.total).toBe(5000);
    expect(filterProducts(big, { query: 'блюдо 4999', categoryId: null })).toEqual({ items: [big.products[4999]], total: 1 });
    expect(filterProducts(big, { query: '', categoryId: 'c' }).items).toHaveLength(5000);
  });

  it('normalizes spaces and ё', () => {
    expect(normalizeText('  Тёплый   САЛАТ ')).toBe('теплый салат');
  });
});

describe('productAvailability', () => {
  it('greys out stop-listed and sold-out products; tracked stock above zero is fine', () => {
    expect(productAvailability({ isAvailable: false, stock: null })).toBe('stopped');
    expect(productAvailability({ isAvailable: true, stock: 0 })).toBe('soldOut');
    expect(productAvailability({ isAvailable: true, stock: 3 })).toBe('available');
    expect(productAvailability({ isAvailable: true, stock: null })).toBe('available');
  });
});
