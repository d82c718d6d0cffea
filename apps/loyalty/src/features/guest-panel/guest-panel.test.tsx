import type { Order } from '@pos/contracts';
import { ApiError, type HostApi, HostProvider, type PosApi, queryKeys } from '@pos/plugin-sdk';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { startQrScanner } from '../../qr/load-qr-scanner';
import { aCustomer, anOrder, aPaymentResult, aProfile, CUSTOMER_ID, GIFT_CARD_CODE, GIFT_CARD_CODE_SHOWN, aGiftCard, testHost } from '../../testing/fixtures';
import { GuestPanel } from './guest-panel';

jest.mock('../../qr/load-qr-scanner', () => ({ startQrScanner: jest.fn() }));
const startScanner = startQrScanner as jest.MockedFunction<typeof startQrScanner>;

const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');
const problem = (status: number, code: string) => new ApiError(status, { type: 'about:blank', title: code, status, code });

function renderPanel(host: HostApi, order: Order = anOrder()) {
  host.queryClient.setQueryData(queryKeys.order(order.id), order);
  const view = render(
    <HostProvider host={host}>
      <GuestPanel host={host} context={{ order }} />
    </HostProvider>,
  );
  return { ...view, rerenderWith: (next: Order) => view.rerender(<HostProvider host={host}><GuestPanel host={host} context={{ order: next }} /></HostProvider>) };
}

const withGuest = (over: Partial<Order> = {}) => anOrder({ customer: { id: CUSTOMER_ID, name: 'Ольга Смирнова' }, ...over });

describe('GuestPanel: finding and attaching a guest', () => {
  it('finds a guest by a phone typed the local way, shows the profile and attaches them to the order', async () => {
    const order = anOrder();
    const lookupCustomer = jest.fn(async () => ({ customer: aCustomer(), via: 'phone' as const }));
    const attachCustomer = jest.fn(async () => ({ ...order, customer: { id: CUSTOMER_ID, name: 'Ольга Смирнова' } }));
    const notify = jest.fn();
    const host = testHost({ api: { lookupCustomer, attachCustomer, customerProfile: async () => aProfile() } as Partial<PosApi>, notify });
    renderPanel(host, order);

    fireEvent.change(screen.getByTestId('loyalty-entry'), { target: { value: '8 916 123-45-67' } });
    fireEvent.click(screen.getByTestId('loyalty-find'));
    const dialog = await screen.findByRole('dialog', { name: 'Гость' });
    expect(lookupCustomer).toHaveBeenCalledWith({ phone: '+79161234567' });
    expect(await within(dialog).findByTestId('loyalty-profile-name')).toHaveTextContent('Ольга Смирнова');
    expect(plain(within(dialog).getByTestId('loyalty-profile-points').textContent)).toBe('1 250 баллов ≈ 1 250,00 ₽');
    expect(within(dialog).getByText('Найден по телефону')).toBeInTheDocument();
    expect(within(dialog).getByTestId('loyalty-points-history')).toHaveTextContent('Начислено · заказ №41');

    fireEvent.click(within(dialog).getByTestId('loyalty-attach'));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(attachCustomer).toHaveBeenCalledWith(order.id, CUSTOMER_ID, { idempotencyKey: expect.any(String) });
    // The order screen reads the host's cache: it has the guest now.
    expect(host.queryClient.getQueryData<Order>(queryKeys.order(order.id))?.customer).toEqual({ id: CUSTOMER_ID, name: 'Ольга Смирнова' });
    expect(notify).toHaveBeenCalledWith('success', 'К заказу прикреплён гость: Ольга Смирнова');
  });

  it('refuses an incomplete phone or a gift card code before asking the server', () => {
    const lookupCustomer = jest.fn();
    renderPanel(testHost({ api: { lookupCustomer } }));
    fireEvent.change(screen.getByTestId('loyalty-entry'), { target: { value: '8 916 123-45' } });
    fireEvent.click(screen.getByTestId('loyalty-find'));
    expect(screen.getByTestId('loyalty-entry-problem')).toHaveTextContent('Телефон набран не полностью');
    fireEvent.change(screen.getByTestId('loyalty-entry'), { target: { value: GIFT_CARD_CODE_SHOWN } });
    fireEvent.click(screen.getByTestId('loyalty-find'));
    expect(screen.getByTestId('loyalty-entry-problem')).toHaveTextContent('Это код подарочной карты');
    expect(lookupCustomer).not.toHaveBeenCalled();
  });

  it('says why the server found nobody by that phone', async () => {
    const lookupCustomer = jest.fn(async () => Promise.reject(problem(404, 'customer.not_found')));
    renderPanel(testHost({ api: { lookupCustomer } }));
    fireEvent.change(screen.getByTestId('loyalty-entry'), { target: { value: '+7 916 000-00-00' } });
    fireEvent.click(screen.getByTestId('loyalty-find'));
    expect(await screen.findByTestId('loyalty-entry-problem')).toHaveTextContent('Гость не найден. Проверьте телефон');
    expect(lookupCustomer).toHaveBeenCalledWith({ phone: '+79160000000' });
  });

  it('scans a guest code with the camera; an expired code says what to ask for, and scanning again finds the guest', async () => {
    const decoders: ((data: string) => void)[] = [];
    startScanner.mockImplementation(async (_video, onCode) => {
      decoders.push(onCode);
      return { stop: jest.fn() };
    });
    const lookupCustomer = jest.fn().mockRejectedValueOnce(problem(422, 'customer.qr_expired')).mockResolvedValueOnce({ customer: aCustomer(), via: 'guest_app' });
    renderPanel(testHost({ api: { lookupCustomer, customerProfile: async () => aProfile() } }));

    fireEvent.click(screen.getByTestId('loyalty-scan'));
    const dialog = screen.getByRole('dialog', { name: 'QR-код гостя' });
    await waitFor(() => expect(decoders).toHaveLength(1));
    act(() => decoders[0]('PQ1.0190a000-0000-7000-8000-000000000c01.1765100000.old'));
    expect(await within(dialog).findByTestId('loyalty-scan-problem')).toHaveTextContent('Код из приложения устарел');
    expect(lookupCustomer).toHaveBeenCalledWith({ qr: 'PQ1.0190a000-0000-7000-8000-000000000c01.1765100000.old' });

    fireEvent.click(within(dialog).getByTestId('loyalty-scan-again'));
    await waitFor(() => expect(decoders).toHaveLength(2));
    act(() => decoders[1]('PQ1.0190a000-0000-7000-8000-000000000c01.1765100060.new'));
    expect(await screen.findByTestId('loyalty-profile-name')).toHaveTextContent('Ольга Смирнова');
    expect(screen.getByText('Найден по приложению')).toBeInTheDocument();
    expect(screen.getByTestId('loyalty-attach')).toBeEnabled();
  });

  it.each([
    ['customer.qr_forged', 'Код не подписан нашим заведением'],
    ['customer.card_revoked', 'Эта карта гостя отозвана'],
    ['customer.qr_malformed', 'Это не QR-код гостя нашего заведения'],
  ])('says %s in words', async (code, text) => {
    startScanner.mockImplementation(async (_video, onCode) => {
      setTimeout(() => onCode('PC1.0190a000-0000-7000-8000-000000000c09.sig'), 0);
      return { stop: jest.fn() };
    });
    renderPanel(testHost({ api: { lookupCustomer: async () => Promise.reject(problem(422, code)) } }));
    fireEvent.click(screen.getByTestId('loyalty-scan'));
    expect(await screen.findByTestId('loyalty-scan-problem')).toHaveTextContent(text);
    expect(screen.queryByTestId('loyalty-attach')).not.toBeInTheDocument();
  });
});

describe('GuestPanel: the order’s guest', () => {
  it('shows the attached guest’s tier, points and what they are worth, and visits', async () => {
    renderPanel(testHost({ api: { customerProfile: async () => aProfile() } }), withGuest());
    expect(await screen.findByTestId('loyalty-guest-points')).toHaveTextContent(/^1\s250 баллов · 1\s250,00\s₽$/);
    expect(screen.getByTestId('loyalty-guest')).toHaveTextContent('Серебряный');
    expect(screen.getByTestId('loyalty-guest')).toHaveTextContent('7 визитов');
    expect(screen.queryByTestId('loyalty-entry')).not.toBeInTheDocument();
  });

  it('spends at most the whole points the bill holds, with one key for the dialog, and puts the paid order in the cache', async () => {
    const order = withGuest();
    const paidOrder = { ...order, paid: 123_400, due: 50 };
    const redeemPoints = jest.fn(async () => aPaymentResult(paidOrder));
    const customerProfile = jest.fn(async () => aProfile({ points: 5_000 }));
    const host = testHost({ api: { customerProfile, redeemPoints } });
    const invalidate = jest.spyOn(host.queryClient, 'invalidateQueries');
    renderPanel(host, order);
    await waitFor(() => expect(screen.getByTestId('loyalty-spend')).toBeEnabled());
    fireEvent.click(screen.getByTestId('loyalty-spend'));
    const dialog = screen.getByRole('dialog', { name: 'Списать баллы' });
    // 1 234,50 ₽ due at 1 ₽ a point: 1 234 points, the 50 kopecks stay.
    expect(within(dialog).getByTestId('loyalty-spend-points')).toHaveValue('1234');
    fireEvent.change(within(dialog).getByTestId('loyalty-spend-points'), { target: { value: '1235' } });
    expect(within(dialog).getByText(/Не больше 1\s234 балла$/)).toBeInTheDocument();
    expect(within(dialog).getByTestId('loyalty-spend-confirm')).toBeDisabled();
    fireEvent.change(within(dialog).getByTestId('loyalty-spend-points'), { target: { value: '1234' } });
    fireEvent.click(within(dialog).getByTestId('loyalty-spend-confirm'));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(redeemPoints).toHaveBeenCalledWith({ orderId: order.id, points: 1234 }, { idempotencyKey: expect.any(String) });
    expect(host.queryClient.getQueryData<Order>(queryKeys.order(order.id))?.due).toBe(50);
    expect(invalidate).toHaveBeenCalledWith({ queryKey: queryKeys.customerProfile(CUSTOMER_ID) });
    expect(invalidate).toHaveBeenCalledWith({ queryKey: queryKeys.payments(order.id) });
  });

  it('keeps the spend dialog’s key across a retry after a refusal', async () => {
    const redeemPoints = jest.fn().mockRejectedValueOnce(problem(0, 'network')).mockRejectedValueOnce(problem(409, 'loyalty.insufficient_points'));
    renderPanel(testHost({ api: { customerProfile: async () => aProfile(), redeemPoints } }), withGuest());
    await waitFor(() => expect(screen.getByTestId('loyalty-spend')).toBeEnabled());
    fireEvent.click(screen.getByTestId('loyalty-spend'));
    fireEvent.click(screen.getByTestId('loyalty-spend-confirm'));
    expect(await screen.findByTestId('loyalty-spend-problem')).toHaveTextContent('Нет связи с сервером');
    fireEvent.click(screen.getByTestId('loyalty-spend-confirm'));
    await waitFor(() => expect(screen.getByTestId('loyalty-spend-problem')).toHaveTextContent('У гостя не хватает баллов'));
    const keys = redeemPoints.mock.calls.map((call) => (call[1] as { idempotencyKey: string }).idempotencyKey);
    expect(keys[0]).toBe(keys[1]);
  });

  it('says why the guest cannot be detached once points moved on the order', async () => {
    const detachCustomer = jest.fn(async () => Promise.reject(problem(409, 'loyalty.customer_locked')));
    renderPanel(testHost({ api: { customerProfile: async () => aProfile(), detachCustomer } }), withGuest());
    fireEvent.click(screen.getByTestId('loyalty-detach'));
    expect(await screen.findByTestId('loyalty-detach-problem')).toHaveTextContent('На этом заказе уже начислены или списаны баллы гостя: гостя нельзя снять или заменить.');
  });

  it('on a paid order shows the guest but offers nothing to change', async () => {
    renderPanel(testHost({ api: { customerProfile: async () => aProfile() } }), withGuest({ status: 'paid', due: 0 }));
    expect(await screen.findByTestId('loyalty-guest-points')).toBeInTheDocument();
    expect(screen.queryByTestId('loyalty-spend')).not.toBeInTheDocument();
    expect(screen.queryByTestId('loyalty-detach')).not.toBeInTheDocument();
    expect(screen.queryByTestId('loyalty-sell-gift-card')).not.toBeInTheDocument();
  });
});

describe('GuestPanel: selling a gift card', () => {
  it('sells a preset value on this order and shows the code once, active when the order is paid', async () => {
    const order = anOrder();
    const sellGiftCard = jest.fn(async () => ({ card: aGiftCard({ status: 'pending', initialAmount: 300_000, balance: 300_000, activatedAt: null, expiresAt: null }), order: { ...order, total: 423_450, due: 423_450 } }));
    const host = testHost({ api: { sellGiftCard } });
    renderPanel(host, order);
    fireEvent.click(screen.getByTestId('loyalty-sell-gift-card'));
    const dialog = screen.getByRole('dialog', { name: 'Продать подарочную карту' });
    fireEvent.click(within(dialog).getByTestId('loyalty-sell-preset-3000'));
    expect(plain(within(dialog).getByTestId('loyalty-sell-confirm').textContent)).toBe('Продать за 3 000,00 ₽');
    fireEvent.click(within(dialog).getByTestId('loyalty-sell-confirm'));
    const done = await screen.findByRole('dialog', { name: 'Подарочная карта добавлена в заказ' });
    expect(sellGiftCard).toHaveBeenCalledWith({ orderId: order.id, amount: 300_000 }, { idempotencyKey: expect.any(String) });
    expect(within(done).getByTestId('loyalty-sold-code')).toHaveTextContent(GIFT_CARD_CODE_SHOWN);
    expect(GIFT_CARD_CODE_SHOWN).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}$/);
    expect(GIFT_CARD_CODE_SHOWN.replace(/-/g, '')).toBe(GIFT_CARD_CODE);
    expect(plain(done.textContent)).toContain('Карта на 3 000,00 ₽ станет активной, когда заказ будет оплачен.');
    expect(host.queryClient.getQueryData<Order>(queryKeys.order(order.id))?.total).toBe(423_450);
    // The guest's slip prints alone: the venue, the value, the code, the order it waits for.
    const print = jest.spyOn(window, 'print').mockImplementation(() => undefined);
    fireEvent.click(within(done).getByTestId('loyalty-sell-print'));
    expect(print).toHaveBeenCalledTimes(1);
    expect(plain(within(done).getByTestId('loyalty-sold-slip').textContent)).toBe(`Ресторан «Демо»Подарочная карта на 3 000,00 ₽${GIFT_CARD_CODE_SHOWN}Действует после оплаты заказа №${order.number}`);
    print.mockRestore();
  });

  it('takes another amount only within the venue’s limits', () => {
    const sellGiftCard = jest.fn();
    renderPanel(testHost({ api: { sellGiftCard } }));
    fireEvent.click(screen.getByTestId('loyalty-sell-gift-card'));
    fireEvent.click(screen.getByTestId('loyalty-sell-other'));
    fireEvent.change(screen.getByTestId('loyalty-sell-amount'), { target: { value: '50' } });
    expect(screen.getByTestId('loyalty-sell-confirm')).toBeDisabled();
    fireEvent.change(screen.getByTestId('loyalty-sell-amount'), { target: { value: '1500' } });
    expect(screen.getByTestId('loyalty-sell-confirm')).toBeEnabled();
    expect(sellGiftCard).not.toHaveBeenCalled();
  });
});

describe('GuestPanel offline', () => {
  it('says it needs the network and takes nothing', async () => {
    const api = { lookupCustomer: jest.fn(), customerProfile: jest.fn(), sellGiftCard: jest.fn() };
    renderPanel(testHost({ api, connectivity: () => ({ state: 'offline', pending: 2 }) }));
    expect(screen.getByTestId('loyalty-offline')).toHaveTextContent('Нужна сеть');
    expect(screen.getByTestId('loyalty-entry')).toBeDisabled();
    expect(screen.getByTestId('loyalty-scan')).toBeDisabled();
    expect(screen.getByTestId('loyalty-sell-gift-card')).toBeDisabled();
    fireEvent.submit(screen.getByTestId('loyalty-entry').closest('form')!);
    expect(api.lookupCustomer).not.toHaveBeenCalled();
  });

  it('with a guest attached keeps their name and offers no action', () => {
    const customerProfile = jest.fn();
    renderPanel(testHost({ api: { customerProfile }, connectivity: () => ({ state: 'offline', pending: 0 }) }), withGuest());
    expect(screen.getByTestId('loyalty-guest-name')).toHaveTextContent('Ольга Смирнова');
    expect(screen.getByTestId('loyalty-profile')).toBeDisabled();
    expect(screen.getByTestId('loyalty-detach')).toBeDisabled();
    expect(customerProfile).not.toHaveBeenCalled();
  });
});
