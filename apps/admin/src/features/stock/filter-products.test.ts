import type { Product } from '@pos/contracts';
import { aProduct } from '@pos/contracts/testing';
import { countBy, filterProducts, MAX_ROWS } from './filter-products';

/** Dish n at 100 ₽: odd ones hot, even ones cold. */
const product = (n: number, over: Partial<Product> = {}): Product =>
  aProduct({ id: `id-${n}`, categoryId: n % 2 ? 'hot' : 'cold', code: `P${String(n).padStart(4, '0')}`, name: `Блюдо ${n}`, price: 10_000, stock: null, isAvailable: true, sort: n, ...over });

const big = Array.from({ length: 5000 }, (_, i) => product(i + 1));
const all = { text: '', filter: 'all' as const, categoryId: null };

describe('filterProducts', () => {
  it('never returns more than 100 rows but counts them all', () => {
    const { rows, total } = filterProducts(big, all);
    expect(rows).toHaveLength(MAX_ROWS);
    expect(total).toBe(5000);
  });

  it('finds by name or code, any case, every word', () => {
    expect(filterProducts(big, { ...all, text: 'p4999' }).rows.map((p) => p.code)).toEqual(['P4999']);
    expect(filterProducts(big, { ...all, text: 'БЛЮДО 4999' }).rows.map((p) => p.code)).toEqual(['P4999']);
    // 123, 1123, 2123, 3123, 4123 and 1230–1239: words match anywhere in the name.
    expect(filterProducts(big, { ...all, text: 'блюдо 123' }).total).toBe(15);
  });

  it('treats ё as е', () => {
    const menu = [product(1, { name: 'Салат «Ёжик»' }), product(2, { name: 'Щи' })];
    expect(filterProducts(menu, { ...all, text: 'ежик' }).rows).toHaveLength(1);
  });

  it('filters by stop-list, tracked stock, sold out and category', () => {
    const menu = [product(1, { isAvailable: false }), product(2, { stock: 0 }), product(3, { stock: 7 }), product(4)];
    expect(filterProducts(menu, { ...all, filter: 'stopped' }).rows.map((p) => p.code)).toEqual(['P0001']);
    expect(filterProducts(menu, { ...all, filter: 'tracked' }).rows.map((p) => p.code)).toEqual(['P0002', 'P0003']);
    expect(filterProducts(menu, { ...all, filter: 'soldOut' }).rows.map((p) => p.code)).toEqual(['P0002']);
    expect(filterProducts(menu, { ...all, categoryId: 'hot' }).rows.map((p) => p.code)).toEqual(['P0001', 'P0003']);
    expect(countBy(menu)).toEqual({ all: 4, stopped: 1, tracked: 2, soldOut: 1 });
  });
});
