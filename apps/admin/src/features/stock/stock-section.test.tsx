import type { Product } from '@pos/contracts';
import { aCategory, aMenu, aProduct } from '@pos/contracts/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderWithHost } from '../../testing/fake-host';
import { StockSection } from './stock-section';

/** Dish n at 450 ₽ in the hot category, on sale, stock not tracked. */
const product = (n: number, over: Partial<Product> = {}): Product =>
  aProduct({ id: `0190a000-0000-7000-8000-${String(n).padStart(12, '0')}`, categoryId: 'c1', code: `P${String(n).padStart(4, '0')}`, name: `Блюдо ${n}`, price: 45_000, stock: null, isAvailable: true, sort: n, ...over });

function setup(products: Product[]) {
  const menu = aMenu({ version: 1, currency: 'RUB', stations: [], categories: [aCategory({ id: 'c1', name: 'Горячее', color: '#e67e22', sort: 1 })], products });
  // Like the server: every stock change is the menu's next version.
  let version = menu.version;
  const api = {
    menu: jest.fn(async () => menu),
    updateStock: jest.fn(async (productId: string, body: { stock?: number | null; isAvailable?: boolean }) => {
      const p = products.find((x) => x.id === productId)!;
      return { productId, stock: body.stock !== undefined ? body.stock : p.stock, isAvailable: body.isAvailable ?? p.isAvailable, menuVersion: ++version };
    }),
  };
  return { api, ...renderWithHost(<StockSection />, { api }) };
}

describe('StockSection', () => {
  it('draws at most 100 rows of a 5,000-product menu and narrows by search', async () => {
    setup(Array.from({ length: 5000 }, (_, i) => product(i + 1)));
    expect(await screen.findByTestId('stock-P0001')).toBeInTheDocument();
    expect(screen.getAllByTestId(/^stock-P\d+$/)).toHaveLength(100);
    expect(screen.getByTestId('stock-count')).toHaveTextContent('Показано 100 из 5000');

    fireEvent.change(screen.getByTestId('stock-search'), { target: { value: 'p4321' } });
    await waitFor(() => expect(screen.getAllByTestId(/^stock-P\d+$/)).toHaveLength(1));
    expect(screen.getByTestId('stock-P4321')).toHaveTextContent('Блюдо 4321');
    expect(screen.getByTestId('stock-count')).toHaveTextContent('Найдено: 1');

    fireEvent.change(screen.getByTestId('stock-search'), { target: { value: 'нет такого' } });
    expect(await screen.findByText('Ничего не найдено')).toBeInTheDocument();
  });

  it('filters the stop-list', async () => {
    setup([product(1), product(2, { isAvailable: false }), product(3, { stock: 0 })]);
    await screen.findByTestId('stock-P0001');
    fireEvent.click(screen.getByTestId('stock-filter-stopped'));
    await waitFor(() => expect(screen.getAllByTestId(/^stock-P\d+$/).map((r) => r.dataset.testid)).toEqual(['stock-P0002']));
    expect(screen.getByTestId('stock-filter-soldOut')).toHaveTextContent('1');
  });

  it('puts a dish on the stop-list and takes it off', async () => {
    const { api } = setup([product(1), product(2, { isAvailable: false })]);
    fireEvent.click(await screen.findByTestId('stock-toggle-P0001'));
    await waitFor(() => expect(api.updateStock).toHaveBeenCalledWith(product(1).id, { isAvailable: false }));
    await waitFor(() => expect(screen.getByTestId('stock-toggle-P0001')).toHaveAttribute('aria-checked', 'false'));
    fireEvent.click(screen.getByTestId('stock-toggle-P0002'));
    await waitFor(() => expect(api.updateStock).toHaveBeenLastCalledWith(product(2).id, { isAvailable: true }));
  });

  it('sets portions left and stops tracking', async () => {
    const { api } = setup([product(1), product(2, { stock: 3 })]);
    fireEvent.click(await screen.findByTestId('stock-edit-P0001'));
    fireEvent.change(screen.getByTestId('stock-amount'), { target: { value: '12' } });
    fireEvent.click(screen.getByRole('button', { name: 'Меньше' }));
    fireEvent.click(screen.getByTestId('stock-save'));
    await waitFor(() => expect(api.updateStock).toHaveBeenCalledWith(product(1).id, { stock: 11 }));
    await waitFor(() => expect(screen.getByTestId('stock-P0001')).toHaveTextContent('11 порц.'));

    fireEvent.click(screen.getByTestId('stock-edit-P0002'));
    fireEvent.click(within(screen.getByRole('dialog')).getByText('Не учитывать остаток'));
    await waitFor(() => expect(api.updateStock).toHaveBeenLastCalledWith(product(2).id, { stock: null }));
    await waitFor(() => expect(screen.getByTestId('stock-P0002')).toHaveTextContent('без учёта'));
  });
});
