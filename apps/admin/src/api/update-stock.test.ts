import type { Menu, Product } from '@pos/contracts';
import { patchMenu } from './update-stock';

const product = (id: string, stock: number | null): Product => ({
  id,
  categoryId: '00000000-0000-4000-8000-000000000001',
  code: id.slice(-4),
  name: `Блюдо ${id.slice(-1)}`,
  description: null,
  price: 10000,
  stationId: '00000000-0000-4000-8000-000000000002',
  stock,
  isAvailable: true,
  modifierGroupIds: [],
  sort: 0,
  imageUrl: null,
});
const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const menu: Menu = { version: 10, currency: 'RUB', stations: [], categories: [], modifierGroups: [], products: [product(A, 5), product(B, null)] };

describe('the admin’s stock answer patched into the cached menu', () => {
  it('moves the version when it is the very next change', () => {
    const next = patchMenu(menu, { productId: A, stock: 4, isAvailable: true, menuVersion: 11 });
    expect(next?.version).toBe(11);
    expect(next?.products[0].stock).toBe(4);
    expect(next?.products[1]).toBe(menu.products[1]);
  });

  it('over a gap patches the row but keeps the version, so the catch-up delta still brings the changes in between', () => {
    const next = patchMenu(menu, { productId: A, stock: 3, isAvailable: false, menuVersion: 14 });
    expect(next?.version).toBe(10);
    expect(next?.products[0]).toMatchObject({ stock: 3, isAvailable: false });
  });

  it('ignores an answer the cache already has', () => {
    expect(patchMenu(menu, { productId: A, stock: 1, isAvailable: true, menuVersion: 9 })).toBe(menu);
    expect(patchMenu(undefined, { productId: A, stock: 1, isAvailable: true, menuVersion: 11 })).toBeUndefined();
  });
});
