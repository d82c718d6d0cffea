import type { UpsellConfig } from '@pos/contracts';
import { ApiError, HostProvider } from '@pos/plugin-sdk';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { type FakeHostOptions, hostWith, IDS } from '../../testing/fixtures';
import { UpsellPage } from './upsell-page';

const stats = (shown: number, accepted: number) => ({ shown, accepted, acceptRate: shown ? accepted / shown : null });

const steakConfig: UpsellConfig = {
  productId: IDS.steak,
  addons: [{ productId: IDS.wine, name: 'Красное вино, бокал', price: 60000, reason: 'к стейку — красное вино', position: 0, isAvailable: true, stats: stats(8, 2) }],
  combos: [],
};

function renderPage(over: FakeHostOptions['api'] = {}) {
  const made = hostWith(() => [], { api: { upsellConfig: jest.fn(async () => steakConfig), ...over } });
  render(
    <HostProvider host={made.host}>
      <UpsellPage host={made.host} />
    </HostProvider>,
  );
  return made;
}

async function openSteak() {
  fireEvent.change(await screen.findByTestId('upsell-product-input'), { target: { value: 'риба' } });
  fireEvent.click(await screen.findByTestId('upsell-product-ribeye-steak'));
  return screen.findByTestId('upsell-rules');
}

describe('UpsellPage', () => {
  it('shows a dish’s add-ons with the accept rate per rule', async () => {
    renderPage();
    await openSteak();
    const addon = screen.getByTestId('upsell-addon-0');
    expect(within(addon).getByDisplayValue('к стейку — красное вино')).toBeInTheDocument();
    expect(within(addon).getByTestId('upsell-stats')).toHaveTextContent('Показано 8 · Принято 2 · Конверсия 25%');
  });

  it('saves add-ons in order with reasons, and a new combo with its dishes', async () => {
    const saveUpsellConfig = jest.fn(async () => steakConfig);
    const { notify } = renderPage({ saveUpsellConfig });
    await openSteak();
    fireEvent.click(screen.getByTestId('upsell-add-addon'));
    fireEvent.click(await screen.findByTestId('upsell-addon-search-grilled-vegetables'));
    fireEvent.change(screen.getByTestId('upsell-addon-1-reason'), { target: { value: 'гарнир' } });
    fireEvent.click(within(screen.getByTestId('upsell-addon-1')).getByRole('button', { name: 'Выше' }));
    fireEvent.click(screen.getByTestId('upsell-add-combo'));
    fireEvent.change(screen.getByTestId('upsell-combo-0-name'), { target: { value: 'Стейк и вино' } });
    fireEvent.change(screen.getByTestId('upsell-combo-0-price'), { target: { value: '2800' } });
    fireEvent.click(screen.getByTestId('upsell-combo-0-add-item'));
    fireEvent.click(await screen.findByTestId('upsell-combo-0-search-wine-red-glass'));
    fireEvent.click(screen.getByTestId('upsell-save'));
    await waitFor(() => expect(saveUpsellConfig).toHaveBeenCalled());
    expect(saveUpsellConfig).toHaveBeenCalledWith(IDS.steak, {
      addons: [
        { productId: IDS.veg, reason: 'гарнир' },
        { productId: IDS.wine, reason: 'к стейку — красное вино' },
      ],
      combos: [{ name: 'Стейк и вино', price: 280000, items: [{ productId: IDS.steak, quantity: 1 }, { productId: IDS.wine, quantity: 1 }], windows: [], reason: null }],
    });
    await waitFor(() => expect(notify).toHaveBeenCalledWith('success', 'Правила для «Рибай» сохранены'));
  });

  it('shows the API’s validation errors at the fields their paths name', async () => {
    const problem = {
      type: 'about:blank',
      title: 'Invalid request',
      status: 400,
      code: 'validation',
      errors: [
        { path: 'body.combos.0.price', message: 'Expected number, received null' },
        { path: 'body.combos.0.items', message: 'Array must contain at least 2 element(s)' },
        { path: 'body.combos.0.name', message: 'String must contain at least 1 character(s)' },
      ],
    };
    const saveUpsellConfig = jest.fn(async (_productId: string, _input: unknown): Promise<UpsellConfig> => {
      throw new ApiError(400, problem);
    });
    renderPage({ saveUpsellConfig });
    await openSteak();
    fireEvent.click(screen.getByTestId('upsell-add-combo'));
    fireEvent.click(screen.getByTestId('upsell-save'));
    expect(await screen.findByTestId('upsell-failure')).toHaveTextContent('Исправьте отмеченные поля');
    expect(screen.getByTestId('upsell-error-combos.0.price')).toHaveTextContent('Expected number, received null');
    expect(screen.getByTestId('upsell-error-combos.0.items')).toHaveTextContent('at least 2');
    expect(screen.getByTestId('upsell-error-combos.0.name')).toHaveTextContent('at least 1 character');
    expect(saveUpsellConfig.mock.calls[0][1]).toMatchObject({ combos: [{ name: '', price: null }] });
  });
});
