import type { Menu, MenuChanges, Product } from '@pos/contracts';
import { aMenu, aProduct } from '@pos/contracts/testing';
import { applyChanges, applyMenuChanges, fitChange } from './menu-sync';

/** Product `id` at 100 ₽, on sale, stock not tracked. */
const product = (id: string, over: Partial<Product> = {}): Product => aProduct({ id, code: id, name: id, price: 10000, stock: null, isAvailable: true, ...over });

const menu = (version: number): Menu => aMenu({ version, stations: [], categories: [], products: [product('borscht'), product('tartare', { stock: 3 }), product('ukha')] });

const byId = (m: Menu, id: string) => m.products.find((p) => p.id === id)!;

describe('fitChange', () => {
  it('takes exactly the next version', () => {
    expect(fitChange(menu(5), 6)).toBe('next');
  });

  it('sees a gap when versions were skipped, or nothing is cached', () => {
    expect(fitChange(menu(5), 7)).toBe('gap');
    expect(fitChange(menu(5), 100)).toBe('gap');
    expect(fitChange(undefined, 1)).toBe('gap');
  });

  it('calls repeated and older events stale', () => {
    expect(fitChange(menu(5), 5)).toBe('stale');
    expect(fitChange(menu(5), 2)).toBe('stale');
  });
});

describe('applyChanges', () => {
  it('applies a delta in version order; the last change of a product wins', () => {
    const before = menu(5);
    const after = applyChanges(before, [
      { kind: 'stock', version: 7, productId: 'tartare', stock: 1, isAvailable: true },
      { kind: 'stock', version: 6, productId: 'tartare', stock: 2, isAvailable: true },
      { kind: 'stock', version: 8, productId: 'borscht', stock: null, isAvailable: false },
    ]);
    expect(after.version).toBe(8);
    expect(byId(after, 'tartare')).toMatchObject({ stock: 1, isAvailable: true });
    expect(byId(after, 'borscht')).toMatchObject({ stock: null, isAvailable: false });
    expect(byId(after, 'ukha')).toBe(byId(before, 'ukha'));
    // The cached menu is not mutated.
    expect(before.version).toBe(5);
    expect(byId(before, 'tartare').stock).toBe(3);
  });

  it('ignores stale changes the menu already has', () => {
    const before = menu(5);
    expect(applyChanges(before, [{ kind: 'stock', version: 5, productId: 'borscht', stock: null, isAvailable: false }])).toBe(before);
    const after = applyChanges(before, [
      { kind: 'stock', version: 4, productId: 'borscht', stock: null, isAvailable: false },
      { kind: 'stock', version: 6, productId: 'ukha', stock: 4, isAvailable: true },
    ]);
    expect(after.version).toBe(6);
    expect(byId(after, 'borscht').isAvailable).toBe(true);
    expect(byId(after, 'ukha').stock).toBe(4);
  });

  it('stops at a gap, never claiming a version it has not seen', () => {
    const after = applyChanges(menu(5), [
      { kind: 'stock', version: 6, productId: 'ukha', stock: 4, isAvailable: true },
      { kind: 'stock', version: 8, productId: 'borscht', stock: null, isAvailable: false },
    ]);
    expect(after.version).toBe(6);
    expect(byId(after, 'borscht').isAvailable).toBe(true);
  });

  it('leaves products the menu does not know alone', () => {
    const after = applyChanges(menu(5), [{ kind: 'stock', version: 6, productId: 'new-dish', stock: 1, isAvailable: true }]);
    expect(after.version).toBe(6);
    expect(after.products.map((p) => p.id)).toEqual(['borscht', 'tartare', 'ukha']);
  });
});

describe('applyMenuChanges', () => {
  it('brings the menu up to the server version', () => {
    const delta: MenuChanges = { version: 7, changes: [{ kind: 'stock', version: 6, productId: 'tartare', stock: 0, isAvailable: true }, { kind: 'stock', version: 7, productId: 'ukha', stock: null, isAvailable: false }] };
    const after = applyMenuChanges(menu(5), delta)!;
    expect(after.version).toBe(7);
    expect(byId(after, 'tartare').stock).toBe(0);
    expect(byId(after, 'ukha').isAvailable).toBe(false);
  });

  it('applies only what is new when events were patched in during the request', () => {
    const cached = applyChanges(menu(5), [{ kind: 'stock', version: 6, productId: 'tartare', stock: 2, isAvailable: true }]);
    const delta: MenuChanges = { version: 7, changes: [{ kind: 'stock', version: 6, productId: 'tartare', stock: 2, isAvailable: true }, { kind: 'stock', version: 7, productId: 'tartare', stock: 1, isAvailable: true }] };
    expect(applyMenuChanges(cached, delta)).toMatchObject({ version: 7 });
    expect(byId(applyMenuChanges(cached, delta)!, 'tartare').stock).toBe(1);
  });

  it('keeps the menu as it is when already up to date', () => {
    const m = menu(5);
    expect(applyMenuChanges(m, { version: 5, changes: [] })).toBe(m);
  });

  it('asks for the snapshot when the server says so or the delta does not reach its version', () => {
    expect(applyMenuChanges(menu(5), { version: 9, snapshotRequired: true, changes: [] })).toBeNull();
    expect(applyMenuChanges(menu(5), { version: 9, changes: [{ kind: 'stock', version: 6, productId: 'ukha', stock: 1, isAvailable: true }] })).toBeNull();
  });
});
