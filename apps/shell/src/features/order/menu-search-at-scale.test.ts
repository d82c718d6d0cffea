import type { Category, Menu, Product } from '@pos/contracts';
import { aCategory, aProduct } from '@pos/contracts/testing';
import { createMenuSearch, filterProducts, indexMenu, normalizeText, prepareSearch } from './menu-filter';

/** A seeded random source: the generated menu and queries are the same on every run. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const WORDS = ['борщ', 'солянка', 'салат', 'цезарь', 'курица', 'гриль', 'ёжик', 'стейк', 'рибай', 'суп', 'Том', 'ям', 'паста', 'карбонара', 'пицца', 'маргарита', 'чай', 'кофе', 'латте', 'Пельмени', 'вареники', 'с', 'и', 'по-домашнему', 'Тёплый'];

/** A venue with `n` dishes in 200 categories, products in (sort, id) order as the server sends them. */
function generatedMenu(n: number, seed = 21): Pick<Menu, 'categories' | 'products'> {
  const next = random(seed);
  const pick = () => WORDS[Math.floor(next() * WORDS.length)];
  const categories: Category[] = Array.from({ length: 200 }, (_, i) => aCategory({ id: `c${String(i).padStart(3, '0')}`, name: `Категория ${i}`, sort: 200 - i }));
  const products: Product[] = Array.from({ length: n }, (_, i) =>
    aProduct({
      id: `p${String(i).padStart(6, '0')}`,
      categoryId: categories[Math.floor(next() * categories.length)].id,
      code: `d${i}`,
      name: `${pick()} ${pick()}${next() < 0.5 ? ` ${pick()}` : ''} ${i}`,
      sort: i,
    }),
  );
  return { categories, products };
}

/** The obvious filter: every word anywhere in the name or code, ranked (starts, a word starts, anywhere), then menu order. */
const prepared = new WeakMap<object, { ordered: Product[]; text: (p: Product) => string }>();

/** The obvious filter: every word anywhere in the name or code, ranked (starts, a word starts, anywhere), then menu order. */
function naive(menu: Pick<Menu, 'categories' | 'products'>, query: string): Product[] {
  let prep = prepared.get(menu);
  if (!prep) {
    const categorySort = new Map(menu.categories.map((c) => [c.id, c.sort]));
    const texts = new Map(menu.products.map((p) => [p, normalizeText(`${p.name} ${p.code}`)]));
    const ordered = [...menu.products].sort((a, b) => categorySort.get(a.categoryId)! - categorySort.get(b.categoryId)! || a.sort - b.sort);
    prep = { ordered, text: (p) => texts.get(p)! };
    prepared.set(menu, prep);
  }
  const { ordered, text } = prep;
  const q = normalizeText(query);
  const hits = ordered.filter((p) => q.split(' ').every((w) => text(p).includes(w)));
  const rank = (p: Product) => (text(p).startsWith(q) ? 0 : text(p).includes(` ${q}`) ? 1 : 2);
  return [0, 1, 2].flatMap((r) => hits.filter((p) => rank(p) === r));
}

function queriesFor(seed: number): string[] {
  const next = random(seed);
  const queries: string[] = [];
  for (let k = 0; k < 40; k++) {
    const word = WORDS[Math.floor(next() * WORDS.length)];
    const len = 1 + Math.floor(next() * word.length);
    queries.push(next() < 0.3 ? `${word.slice(0, len).toUpperCase()} ${Math.floor(next() * 10)}` : word.slice(0, len));
  }
  return queries;
}

describe('menu search at scale', () => {
  const menu = generatedMenu(50_000);
  const index = indexMenu(menu);

  it('finds exactly what a naive filter finds on a 50,000-dish menu, for random queries', () => {
    for (const query of queriesFor(7)) {
      const expected = naive(menu, query);
      const { items, total } = filterProducts(index, { query, categoryId: null });
      expect(total).toBe(expected.length);
      expect(items.map((p) => p.id)).toEqual(expected.map((p) => p.id));
    }
  });

  it('gives the same answers typed one key at a time (each keystroke narrows the previous matches)', () => {
    const search = createMenuSearch(index);
    for (const word of ['пельмени по-домашнему 1', 'тёплый салат', 'ЦЕЗАРЬ  с']) {
      for (let len = 1; len <= word.length; len++) {
        const query = word.slice(0, len);
        expect(search({ query, categoryId: null }).items.map((p) => p.id)).toEqual(naive(menu, query).map((p) => p.id));
      }
    }
  });

  it('lists a category in (sort, id) order, categories in their own order', () => {
    const first = [...menu.categories].sort((a, b) => a.sort - b.sort)[0];
    const expected = menu.products.filter((p) => p.categoryId === first.id);
    expect(filterProducts(index, { query: '', categoryId: first.id }).items).toEqual(expected);
    expect(index.products[0].categoryId).toBe(first.id);
  });

  it('carries the index over a stock change: only the changed product is touched, the result is what a fresh index gives', () => {
    const changed = menu.products.map((p, i) => (i % 10_000 === 3 ? { ...p, stock: 0, isAvailable: false } : p));
    prepareSearch(index);
    const next = indexMenu({ ...menu, products: changed }, index);
    expect(next.ranges).toBe(index.ranges);
    const fresh = indexMenu({ ...menu, products: changed });
    expect(next.products).toEqual(fresh.products);
    expect(next.haystacks).toEqual(prepareSearch(fresh));
    expect(next.products.filter((p) => !p.isAvailable)).toHaveLength(5);
  });

  it('a new product rebuilds the index in the right place', () => {
    const added = aProduct({ id: 'p-new', categoryId: menu.categories[0].id, code: 'new', name: 'Новинка', sort: -1 });
    const next = indexMenu({ ...menu, products: [added, ...menu.products] }, index);
    expect(filterProducts(next, { query: 'новинка', categoryId: null }).items).toEqual([added]);
    expect(filterProducts(next, { query: '', categoryId: added.categoryId }).items[0]).toBe(added);
  });

  it('prints how long a keystroke takes at 5,000 and 50,000 dishes (a figure, not a limit)', () => {
    /** The median of a few runs: one run alone can land on a garbage collection. */
    const timed = (runs: number, work: () => void) => {
      const times = Array.from({ length: runs }, () => {
        const started = performance.now();
        work();
        return performance.now() - started;
      });
      return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
    };
    for (const size of [5_000, 50_000]) {
      const m = generatedMenu(size, 3);
      // Fresh product objects each run: nothing comes from the per-product cache.
      const copies = Array.from({ length: 3 }, () => ({ ...m, products: m.products.map((p) => ({ ...p })) }));
      let c = 0;
      const buildMs = timed(3, () => indexMenu(copies[c++]));
      c = 0;
      const textsMs = timed(3, () => prepareSearch(indexMenu(copies[c++])));
      const built = indexMenu(m);
      prepareSearch(built);
      const stockChanges = Array.from({ length: 5 }, (_, k) => ({ ...m, products: m.products.map((p, i) => (i === 17 + k ? { ...p, stock: 1 } : p)) }));
      let k = 0;
      const carryMs = timed(5, () => indexMenu(stockChanges[k++], built));
      const queries = queriesFor(11);
      const coldMs = timed(5, () => queries.forEach((query) => filterProducts(built, { query, categoryId: null }))) / queries.length;
      const typed = 'пельмени по-домашнему';
      const typingMs =
        timed(5, () => {
          const search = createMenuSearch(built);
          for (let len = 1; len <= typed.length; len++) search({ query: typed.slice(0, len), categoryId: null });
        }) / typed.length;
      console.log(
        `menu search, ${size} dishes: index built ${buildMs.toFixed(1)} ms (with the search texts ${textsMs.toFixed(1)} ms), carried over a stock change ${carryMs.toFixed(2)} ms, ` +
          `a fresh query ${coldMs.toFixed(2)} ms, a keystroke while typing ${typingMs.toFixed(2)} ms`,
      );
    }
  });
});
