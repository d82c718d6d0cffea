import type { PromotionRule } from '@pos/contracts';
import type { HostApi } from '@pos/plugin-sdk';
import { ApiError, HostProvider } from '@pos/plugin-sdk';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { aPromotionsMenu, aRule, CAKE_ID, DRINKS_ID, testHost } from '../../testing/fixtures';
import { PromotionsAdminPage } from './admin-page';

const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

function renderPage(host: HostApi) {
  return render(
    <HostProvider host={host}>
      <PromotionsAdminPage host={host} context={{ path: '/x/admin/promotions' }} />
    </HostProvider>,
  );
}

/** «Новая акция», once the menu it picks items from is there. */
async function openNewRule() {
  const create = await screen.findByTestId('promotions-create');
  await waitFor(() => expect(create).toBeEnabled());
  fireEvent.click(create);
}

function adminHost(rules: PromotionRule[], api: Partial<HostApi['api']> = {}, notify = jest.fn()) {
  return testHost({
    notify,
    api: {
      adminPromotions: jest.fn(async () => ({ promotions: rules })),
      promotionSettings: jest.fn(async () => ({ exclusiveChoice: 'priority' as const })),
      menu: jest.fn(async () => aPromotionsMenu()),
      ...api,
    },
  });
}

const validation = (errors: { path: string; message: string }[]) => new ApiError(400, { type: 'about:blank', title: 'Bad Request', status: 400, code: 'validation', errors });

describe('Admin → Акции', () => {
  it('lists the rules: what each gives, when, priority, stacking, on/off', async () => {
    const happy = aRule();
    const pilot = aRule({ name: 'Пилот: кофе', featureFlag: 'promotions-pilot', manual: true, stacking: 'exclusive', enabled: false, schedule: { validFrom: null, validTo: null, windows: [] }, priority: 5 });
    renderPage(adminHost([happy, pilot]));
    const rows = await screen.findAllByTestId('promotion-rule');
    expect(rows).toHaveLength(2);
    expect(await within(rows[0]).findByText('−20 % на Напитки')).toBeInTheDocument();
    expect(within(rows[0]).getByTestId('promotion-rule-schedule')).toHaveTextContent('17:00–19:00');
    expect(within(rows[0]).getByText('Приоритет: 10')).toBeInTheDocument();
    expect(within(rows[0]).getByText('суммируется')).toBeInTheDocument();
    expect(within(rows[0]).getByTestId('promotion-rule-enabled')).toHaveAttribute('aria-checked', 'true');
    expect(within(rows[1]).getByText('исключительная')).toBeInTheDocument();
    expect(within(rows[1]).getByText('вручную')).toBeInTheDocument();
    expect(within(rows[1]).getByText('флаг «promotions-pilot»')).toBeInTheDocument();
    expect(within(rows[1]).getByTestId('promotion-rule-schedule')).toHaveTextContent('весь день');
    expect(within(rows[1]).getByTestId('promotion-rule-enabled')).toHaveAttribute('aria-checked', 'false');
  });

  it('switches a rule off in place, quoting the version it saw', async () => {
    const happy = aRule({ version: 3 });
    const updatePromotion = jest.fn(async () => ({ ...happy, enabled: false, version: 4 }));
    renderPage(adminHost([happy], { updatePromotion }));
    fireEvent.click(await screen.findByTestId('promotion-rule-enabled'));
    await act(async () => undefined);
    const { id, version, updatedAt, ...input } = happy;
    expect(updatePromotion).toHaveBeenCalledWith(id, { ...input, enabled: false, version: 3 });
    void version;
    void updatedAt;
  });

  it('creates a happy hour through the form: money in minor units, the window, the items picked from the menu', async () => {
    const createPromotion = jest.fn(async () => aRule({ name: 'Счастливый час' }));
    const notify = jest.fn();
    renderPage(adminHost([], { createPromotion }, notify));
    await openNewRule();
    fireEvent.change(await screen.findByTestId('promotion-form-name'), { target: { value: 'Счастливый час' } });
    fireEvent.change(screen.getByTestId('promotion-form-percent'), { target: { value: '20' } });
    fireEvent.click(screen.getByTestId('promotion-form-target-items'));
    fireEvent.click(screen.getByTestId(`promotion-form-target-category-${DRINKS_ID}`));
    fireEvent.click(screen.getByTestId('promotion-form-target-add-product'));
    fireEvent.change(screen.getByTestId('promotion-form-target-search'), { target: { value: 'медов' } });
    fireEvent.click(await screen.findByTestId('promotion-form-target-product-cake'));
    fireEvent.click(screen.getByTestId('promotion-form-add-window'));
    fireEvent.click(screen.getByTestId('promotion-form-window-0-day-7'));
    fireEvent.change(screen.getByTestId('promotion-form-min-subtotal'), { target: { value: '1500' } });
    fireEvent.change(screen.getByTestId('promotion-form-flag'), { target: { value: 'promotions-pilot' } });
    fireEvent.click(screen.getByTestId('promotion-form-exclusive'));
    fireEvent.click(screen.getByTestId('promotion-form-save'));
    await act(async () => undefined);
    expect(createPromotion).toHaveBeenCalledWith({
      name: 'Счастливый час',
      effect: { kind: 'percent', percent: 20, target: { scope: 'items', items: { productIds: [CAKE_ID], categoryIds: [DRINKS_ID] } } },
      schedule: { validFrom: null, validTo: null, windows: [{ days: [1, 2, 3, 4, 5, 6], from: '17:00', to: '19:00' }] },
      conditions: { minSubtotal: 150000, minQuantity: null },
      limits: { perGuest: null, total: null },
      priority: 0,
      stacking: 'exclusive',
      manual: false,
      featureFlag: 'promotions-pilot',
      enabled: true,
    });
    expect(notify).toHaveBeenCalledWith('success', 'Акция «Счастливый час» сохранена');
    expect(await screen.findByTestId('promotions-page')).toBeInTheDocument();
  });

  it('marks an empty window at its field and sends nothing', async () => {
    const createPromotion = jest.fn();
    renderPage(adminHost([], { createPromotion }));
    await openNewRule();
    fireEvent.change(await screen.findByTestId('promotion-form-name'), { target: { value: 'Пустое окно' } });
    fireEvent.click(screen.getByTestId('promotion-form-add-window'));
    fireEvent.change(screen.getByTestId('promotion-form-window-0-to'), { target: { value: '17:00' } });
    fireEvent.click(screen.getByTestId('promotion-form-save'));
    expect(screen.getByTestId('promotion-form-failure')).toHaveTextContent('Исправьте отмеченные поля');
    expect(screen.getByTestId('promotion-form-window-0-error')).toHaveTextContent('Окно не может быть пустым');
    expect(createPromotion).not.toHaveBeenCalled();
  });

  it('puts the server’s refusals at their fields, and a stale version says to reload', async () => {
    const happy = aRule({ version: 2 });
    const updatePromotion = jest.fn(async () => {
      throw validation([{ path: 'body.conditions.minQuantity', message: 'Too many' }, { path: 'body.somewhere', message: 'Odd' }]);
    });
    renderPage(adminHost([happy], { updatePromotion }));
    fireEvent.click(await screen.findByTestId('promotion-rule-edit'));
    expect(await screen.findByTestId('promotion-form-name')).toHaveValue('Счастливые часы');
    fireEvent.click(screen.getByTestId('promotion-form-save'));
    await act(async () => undefined);
    expect(updatePromotion).toHaveBeenCalledWith(happy.id, expect.objectContaining({ version: 2, name: 'Счастливые часы' }));
    expect(screen.getByTestId('promotion-error-conditions.minQuantity')).toHaveTextContent('От 1 до 999 или пусто');
    expect(plain(screen.getByTestId('promotion-form-failure').textContent)).toContain('somewhere: Odd');

    updatePromotion.mockRejectedValue(new ApiError(409, { type: 'about:blank', title: 'Conflict', status: 409, code: 'promotion.version_conflict' }));
    fireEvent.click(screen.getByTestId('promotion-form-save'));
    await act(async () => undefined);
    expect(screen.getByTestId('promotion-form-failure')).toHaveTextContent('Акцию только что изменили в другом месте');
  });

  it('deletes a rule after a confirm', async () => {
    const happy = aRule();
    const deletePromotion = jest.fn(async () => ({ ok: true as const }));
    renderPage(adminHost([happy], { deletePromotion }));
    fireEvent.click(await screen.findByTestId('promotion-rule-delete'));
    expect(deletePromotion).not.toHaveBeenCalled();
    fireEvent.click(within(screen.getByRole('dialog', { name: 'Удалить акцию?' })).getByTestId('promotion-delete-confirm'));
    await act(async () => undefined);
    expect(deletePromotion).toHaveBeenCalledWith(happy.id);
  });

  it('saves how exclusive promotions compete', async () => {
    const savePromotionSettings = jest.fn(async () => ({ exclusiveChoice: 'best_for_guest' as const }));
    renderPage(adminHost([], { savePromotionSettings }));
    const best = await screen.findByTestId('promotion-settings-best');
    expect(screen.getByTestId('promotion-settings-priority')).toHaveAttribute('aria-checked', 'true');
    fireEvent.click(best);
    await act(async () => undefined);
    expect(savePromotionSettings).toHaveBeenCalledWith({ exclusiveChoice: 'best_for_guest' });
    await waitFor(() => expect(screen.getByTestId('promotion-settings-best')).toHaveAttribute('aria-checked', 'true'));
  });
});
