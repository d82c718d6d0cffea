import type { Order } from '@pos/contracts';
import { aLine, anOrder } from '@pos/contracts/testing';
import type { Connectivity, HostApi } from '@pos/plugin-sdk';
import { ApiError, HostProvider, queryKeys } from '@pos/plugin-sdk';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { aHint, anActiveList, anActivePromotion, anApplied, anOrderPromotions, aPromotionsMenu, aRule, DESSERTS_ID, testHost } from '../../testing/fixtures';
import { OrderPromotions } from './order-promotions';

const evaluatePromotions = jest.fn();
jest.mock('@pos/contracts', () => ({ ...jest.requireActual('@pos/contracts'), evaluatePromotions: (...args: unknown[]) => evaluatePromotions(...args) }));

const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');
const menu = jest.fn(async () => aPromotionsMenu());

function renderSummary(host: HostApi, order: Order, place: 'order' | 'payment' = 'order') {
  const view = render(
    <HostProvider host={host}>
      <OrderPromotions host={host} context={{ order, place, checkIndex: null }} />
    </HostProvider>,
  );
  return {
    ...view,
    update: (next: Order) =>
      view.rerender(
        <HostProvider host={host}>
          <OrderPromotions host={host} context={{ order: next, place, checkIndex: null }} />
        </HostProvider>,
      ),
  };
}

const dessertFree = aRule({
  name: 'Десерт в подарок',
  effect: { kind: 'buy_x_get_y', buy: { productIds: [], categoryIds: [DESSERTS_ID] }, buyQuantity: 2, get: { productIds: [], categoryIds: [] }, getQuantity: 1, getPercent: 100, reward: 'cheapest' },
});
const compliment = aRule({ name: 'Комплимент', manual: true, effect: { kind: 'percent', percent: 10, target: { scope: 'check' } } });

describe('OrderPromotions', () => {
  it('shows what each applied promotion saves and what is missing for the others, asked again for each version of the order', async () => {
    const happy = anApplied({ name: 'Счастливые часы', saving: 9000 });
    const order = anOrder({ promotions: [happy], discount: 9000 });
    const orderPromotions = jest.fn(async () =>
      anOrderPromotions({
        applied: [happy],
        hints: [
          aHint({ ruleId: dessertFree.id, name: 'Десерт в подарок', reason: 'more_items', missingQuantity: 1, missingLabel: 'Десерты', missingAmount: undefined }),
          aHint({ name: 'Скидка от 1500', reason: 'min_subtotal', missingAmount: 35000 }),
          aHint({ name: 'Ужин', reason: 'not_started', startsAt: '2026-12-07T14:00:00.000Z', secondsToStart: 600, missingAmount: undefined }),
        ],
      }),
    );
    const host = testHost({ api: { orderPromotions, activePromotions: jest.fn(async () => anActiveList([anActivePromotion({ rule: dessertFree })])), menu } });
    const { update } = renderSummary(host, order);
    const applied = await screen.findByTestId('applied-promotion');
    expect(plain(applied.textContent)).toBe('Счастливые часы−90 ₽');
    const hints = await screen.findAllByTestId('promotion-hint');
    expect(await within(hints[0]).findByText(/один бесплатно/)).toBeInTheDocument();
    expect(hints.map((h) => plain(h.textContent))).toEqual(['Десерт в подарок — ещё 1 × Десерты — и один бесплатно', 'Скидка от 1500 — ещё 350 ₽ до скидки', 'Ужин — с 17:00']);
    expect(orderPromotions).toHaveBeenCalledTimes(1);
    update({ ...order, version: 5 });
    await act(async () => undefined);
    expect(orderPromotions).toHaveBeenCalledTimes(2);
    // No manual promotion is running: no button.
    expect(screen.queryByTestId('promotion-apply-open')).toBeNull();
  });

  it('says nothing for an order no promotion is near', async () => {
    const host = testHost({ api: { orderPromotions: jest.fn(async () => anOrderPromotions()), activePromotions: jest.fn(async () => anActiveList([])), menu } });
    const { container } = renderSummary(host, anOrder());
    await act(async () => undefined);
    expect(container).toBeEmptyDOMElement();
  });

  it('lets staff with promotions.apply apply a manual promotion running now, and take it off', async () => {
    const order = anOrder();
    const repriced: Order = { ...order, version: 5, discount: 4500, promotions: [anApplied({ ruleId: compliment.id, name: 'Комплимент', manual: true, saving: 4500 })] };
    const applyPromotion = jest.fn(async (): Promise<Order> => repriced);
    const notify = jest.fn();
    const host = testHost({
      api: {
        applyPromotion,
        orderPromotions: jest.fn(async () => anOrderPromotions({ hints: [aHint({ ruleId: compliment.id, name: 'Комплимент', reason: 'manual', missingAmount: undefined })] })),
        activePromotions: jest.fn(async () => anActiveList([anActivePromotion({ rule: compliment })])),
        menu,
      },
      notify,
    });
    const { update } = renderSummary(host, order);
    fireEvent.click(await screen.findByTestId('promotion-apply-open'));
    // The button lists it: «можно применить вручную» is not said again.
    await act(async () => undefined);
    expect(host.api.orderPromotions).toHaveBeenCalled();
    expect(screen.queryByTestId('promotion-hint')).toBeNull();
    const dialog = screen.getByRole('dialog', { name: 'Применить акцию' });
    fireEvent.click(within(dialog).getByTestId(`promotion-apply-${compliment.id}`));
    await act(async () => undefined);
    expect(applyPromotion).toHaveBeenCalledWith(order.id, { ruleId: compliment.id, version: order.version }, { idempotencyKey: expect.any(String) });
    expect(host.queryClient.getQueryData(queryKeys.order(order.id))).toEqual(repriced);
    expect(notify).toHaveBeenCalledWith('success', 'Акция «Комплимент» применена');
    expect(screen.queryByRole('dialog')).toBeNull();

    update(repriced);
    const row = await screen.findByTestId('applied-promotion');
    expect(plain(row.textContent)).toContain('Комплимент · вручную');
    applyPromotion.mockResolvedValue({ ...order, version: 6 });
    fireEvent.click(within(row).getByRole('button', { name: 'Снять акцию «Комплимент»' }));
    await act(async () => undefined);
    expect(applyPromotion).toHaveBeenLastCalledWith(order.id, { ruleId: compliment.id, remove: true, version: 5 }, { idempotencyKey: expect.any(String) });
  });

  it('says a refused apply in its own words', async () => {
    const notify = jest.fn();
    const applyPromotion = jest.fn(async () => {
      throw new ApiError(409, { type: 'about:blank', title: 'Conflict', status: 409, code: 'promotion.not_applicable' });
    });
    const host = testHost({ api: { applyPromotion, orderPromotions: jest.fn(async () => anOrderPromotions()), activePromotions: jest.fn(async () => anActiveList([anActivePromotion({ rule: compliment })])), menu }, notify });
    renderSummary(host, anOrder());
    fireEvent.click(await screen.findByTestId('promotion-apply-open'));
    fireEvent.click(screen.getByTestId(`promotion-apply-${compliment.id}`));
    await act(async () => undefined);
    expect(notify).toHaveBeenCalledWith('error', 'Акция не подходит к этому заказу.');
  });

  it('offers no apply without promotions.apply', async () => {
    const host = testHost({
      permissions: ['orders.view'],
      api: { orderPromotions: jest.fn(async () => anOrderPromotions({ hints: [aHint({ ruleId: compliment.id, reason: 'manual' })] })), activePromotions: jest.fn(async () => anActiveList([anActivePromotion({ rule: compliment })])), menu },
    });
    renderSummary(host, anOrder());
    expect(await screen.findByTestId('promotion-hint')).toHaveTextContent('можно применить вручную');
    expect(screen.queryByTestId('promotion-apply-open')).toBeNull();
  });

  it('offline prices the order with the cached rules and the engine, marked as waiting for the network', async () => {
    let connectivity: Connectivity = { state: 'online', pending: 0 };
    const list = anActiveList([anActivePromotion({ rule: dessertFree })]);
    const host = testHost({ api: { orderPromotions: jest.fn(async () => anOrderPromotions()), activePromotions: jest.fn(async () => list), menu }, connectivity: () => connectivity });
    const order = anOrder({ lines: [aLine({ id: 'cake', quantity: 3 })] });
    const { update } = renderSummary(host, order);
    await act(async () => undefined);
    evaluatePromotions.mockReturnValue({ applied: [anApplied({ ruleId: dessertFree.id, name: 'Десерт в подарок', kind: 'buy_x_get_y', saving: 45000 })], discount: 45000, hints: [] });
    connectivity = { state: 'offline', pending: 1 };
    act(() => host.bus.emit('connectivity.changed', connectivity));
    update({ ...order, version: 5 });
    const row = await screen.findByTestId('applied-promotion');
    expect(plain(row.textContent)).toBe('Десерт в подарок−450 ₽');
    expect(screen.getByTestId('promotions-pending')).toHaveTextContent('ожидает сети');
    expect(evaluatePromotions).toHaveBeenLastCalledWith([dessertFree], [expect.objectContaining({ id: 'cake', quantity: 3 })], expect.objectContaining({ timeZone: 'Europe/Moscow' }));
  });

  it('an order the server has not taken yet (number 0, a tablet-made id) is priced here, never asked about', async () => {
    const orderPromotions = jest.fn(async () => anOrderPromotions());
    const list = anActiveList([anActivePromotion({ rule: dessertFree }), anActivePromotion({ rule: compliment })]);
    const host = testHost({ api: { orderPromotions, activePromotions: jest.fn(async () => list), menu } });
    evaluatePromotions.mockReturnValue({ applied: [anApplied({ ruleId: dessertFree.id, name: 'Десерт в подарок', kind: 'buy_x_get_y', saving: 45000 })], discount: 45000, hints: [] });
    const pending = anOrder({ id: '01a252ed-0458-7544-873f-8df925fd294f', number: 0, lines: [aLine({ id: 'cake', quantity: 3 })] });
    renderSummary(host, pending);
    expect(plain((await screen.findByTestId('applied-promotion')).textContent)).toBe('Десерт в подарок−450 ₽');
    expect(screen.getByTestId('promotions-pending')).toHaveTextContent('ожидает сети');
    // No manual apply either: the server would not know the order.
    expect(screen.queryByTestId('promotion-apply-open')).toBeNull();
    expect(orderPromotions).not.toHaveBeenCalled();
  });
});
