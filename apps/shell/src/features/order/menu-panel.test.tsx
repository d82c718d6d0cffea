import type { Product } from '@pos/contracts';
import { aCategory, aMenu, anOrder, aProduct } from '@pos/contracts/testing';
import { createI18n } from '@pos/i18n';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { addShellTexts } from '../../i18n';
import { MenuPanel } from './menu-panel';

jest.mock('../../core/plugin-host/slot', () => ({ Slot: () => null }));

const i18n = createI18n('ru');
addShellTexts(i18n);

/** A venue with 3,000 dishes in one category and a few soups. */
const soups = aCategory({ id: 'c-soup', name: 'Супы', sort: 1 });
const mains = aCategory({ id: 'c-main', name: 'Горячее', sort: 2 });
const dish = (i: number, over: Partial<Product> = {}): Product =>
  aProduct({ id: `p${String(i).padStart(5, '0')}`, categoryId: mains.id, code: `dish-${i}`, name: `Блюдо ${i}`, price: 10000, sort: i, ...over });
const MENU = aMenu({
  categories: [soups, mains],
  products: [aProduct({ id: 'borscht', categoryId: soups.id, code: 'borscht', name: 'Борщ', sort: 0 }), ...Array.from({ length: 3000 }, (_, i) => dish(i))],
});

function renderPanel(menu = MENU) {
  const onPick = jest.fn();
  const props = { order: anOrder(), currency: 'RUB', course: 1, onCourseChange: () => undefined, lockedReason: null, onPick };
  const view = render(<MenuPanel menu={menu} {...props} />);
  return { onPick, rerender: (next: typeof menu) => view.rerender(<MenuPanel menu={next} {...props} />) };
}

describe('MenuPanel on a large menu', () => {
  it('a category of 3,000 dishes renders a window of tiles, not all of them', () => {
    renderPanel();
    fireEvent.click(screen.getByTestId('category-Горячее'));
    const tiles = screen.getByTestId('product-grid').querySelectorAll('button');
    expect(tiles.length).toBeGreaterThan(0);
    expect(tiles.length).toBeLessThan(100);
    expect(screen.getByTestId('product-dish-0')).toBeInTheDocument();
  });

  it('a search tells how many dishes match (no limit), and a tap on a found tile picks it', async () => {
    const { onPick } = renderPanel();
    fireEvent.change(screen.getByTestId('menu-search'), { target: { value: 'блюдо 1' } });
    expect(await screen.findByTestId('menu-result-info')).toHaveTextContent(/Найдено 1542 блюд/);
    fireEvent.change(screen.getByTestId('menu-search'), { target: { value: 'блюдо 2999' } });
    fireEvent.click(await screen.findByTestId('product-dish-2999'));
    expect(onPick).toHaveBeenCalledWith(expect.objectContaining({ code: 'dish-2999' }));
  });

  it('a stock event shows on its tile', () => {
    const { rerender } = renderPanel();
    act(() => rerender({ ...MENU, version: MENU.version + 1, products: MENU.products.map((p) => (p.id === 'borscht' ? { ...p, stock: 0 } : p)) }));
    expect(screen.getByTestId('product-borscht')).toHaveAttribute('data-availability', 'soldOut');
  });
});
