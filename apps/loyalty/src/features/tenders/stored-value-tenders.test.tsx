import type { Order } from '@pos/contracts';
import { ApiError, type HostApi, HostProvider, queryKeys } from '@pos/plugin-sdk';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { aGiftCardDetails, anOrder, aPaymentResult, aProfile, CUSTOMER_ID, GIFT_CARD_CODE, GIFT_CARD_CODE_SHOWN, testHost } from '../../testing/fixtures';
import { StoredValueTenders } from './stored-value-tenders';

jest.mock('../../qr/load-qr-scanner', () => ({
  startQrScanner: jest.fn(async (_video: HTMLVideoElement, onCode: (data: string) => void) => {
    setTimeout(() => onCode(GIFT_CARD_CODE), 0);
    return { stop: jest.fn() };
  }),
}));

const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');
const problem = (status: number, code: string) => new ApiError(status, { type: 'about:blank', title: code, status, code });

function renderTenders(host: HostApi, order: Order = anOrder(), over: { amount?: number; checkIndex?: number | null } = {}) {
  host.queryClient.setQueryData(queryKeys.order(order.id), order);
  return render(
    <HostProvider host={host}>
      <StoredValueTenders host={host} context={{ order, checkIndex: over.checkIndex ?? null, amount: over.amount ?? order.due, tip: 0, payMode: 'cash' }} />
    </HostProvider>,
  );
}

const openGiftCard = () => fireEvent.click(screen.getByTestId('loyalty-tender-giftcard'));
const typeCode = (code: string) => {
  fireEvent.change(screen.getByTestId('loyalty-giftcard-code'), { target: { value: code } });
  fireEvent.click(screen.getByTestId('loyalty-giftcard-check'));
};

describe('gift card tender', () => {
  it('refuses a code with a wrong check symbol before any request', () => {
    const giftCard = jest.fn();
    renderTenders(testHost({ api: { giftCard } }));
    openGiftCard();
    const last = GIFT_CARD_CODE.slice(-1);
    typeCode(GIFT_CARD_CODE.slice(0, -1) + (last === 'Z' ? 'Y' : 'Z'));
    expect(screen.getByText(/В коде ошибка/)).toBeInTheDocument();
    typeCode('1234');
    expect(screen.getByText(/В коде ошибка/)).toBeInTheDocument();
    expect(giftCard).not.toHaveBeenCalled();
  });

  it('shows the balance and pays all it can — the whole bill from a larger card — then the order in the cache says so', async () => {
    const order = anOrder();
    const giftCard = jest.fn(async () => aGiftCardDetails({ balance: 500_000 }));
    const redeemGiftCard = jest.fn(async () => aPaymentResult({ ...order, status: 'paid', paid: 123_450, due: 0 }));
    const host = testHost({ api: { giftCard, redeemGiftCard } });
    renderTenders(host, order);
    openGiftCard();
    typeCode(GIFT_CARD_CODE.toLowerCase());
    expect(await screen.findByTestId('loyalty-giftcard-balance')).toHaveTextContent(/^5\s000,00\s₽$/);
    expect(giftCard).toHaveBeenCalledWith(GIFT_CARD_CODE);
    // What was typed is shown as printed.
    expect(screen.getByTestId('loyalty-giftcard-code')).toHaveValue(GIFT_CARD_CODE_SHOWN);
    expect(screen.getByTestId('loyalty-giftcard-amount')).toHaveValue('1234,5');
    expect(plain(screen.getByTestId('loyalty-giftcard-pay').textContent)).toBe('Оплатить подарочной картой 1 234,50 ₽');
    fireEvent.click(screen.getByTestId('loyalty-giftcard-pay'));
    expect(await screen.findByTestId('loyalty-giftcard-paid')).toHaveTextContent(/Оплачено подарочной картой: 1\s234,50\s₽. Остаток на карте: 3\s765,50\s₽/);
    expect(redeemGiftCard).toHaveBeenCalledWith({ code: GIFT_CARD_CODE, orderId: order.id, amount: 123_450 }, { idempotencyKey: expect.any(String) });
    expect(host.queryClient.getQueryData<Order>(queryKeys.order(order.id))).toMatchObject({ status: 'paid', due: 0 });
  });

  it('pays a smaller card’s whole balance, or a chosen amount, on one check of a split bill', async () => {
    const order = anOrder({ split: { mode: 'equal', parts: 2 } });
    const redeemGiftCard = jest.fn(async () => aPaymentResult(order));
    renderTenders(testHost({ api: { giftCard: async () => aGiftCardDetails({ balance: 40_000 }), redeemGiftCard } }), order, { amount: 61_725, checkIndex: 1 });
    openGiftCard();
    typeCode(GIFT_CARD_CODE_SHOWN);
    expect(await screen.findByTestId('loyalty-giftcard-amount')).toHaveValue('400');
    fireEvent.change(screen.getByTestId('loyalty-giftcard-amount'), { target: { value: '450' } });
    expect(screen.getByText(/Не больше 400,00\s₽/)).toBeInTheDocument();
    expect(screen.getByTestId('loyalty-giftcard-pay')).toBeDisabled();
    fireEvent.change(screen.getByTestId('loyalty-giftcard-amount'), { target: { value: '250' } });
    fireEvent.click(screen.getByTestId('loyalty-giftcard-pay'));
    await waitFor(() => expect(redeemGiftCard).toHaveBeenCalledWith({ code: GIFT_CARD_CODE, orderId: order.id, checkIndex: 1, amount: 25_000 }, { idempotencyKey: expect.any(String) }));
  });

  it.each([
    [{ status: 'blocked' as const }, 'Карта заблокирована'],
    [{ status: 'pending' as const }, 'Карта ещё не активна'],
    [{ expired: true }, 'Срок действия карты истёк'],
    [{ balance: 0 }, 'На карте не осталось денег'],
  ])('offers no payment from a card that cannot pay (%o)', async (card, text) => {
    const redeemGiftCard = jest.fn();
    renderTenders(testHost({ api: { giftCard: async () => aGiftCardDetails(card), redeemGiftCard } }));
    openGiftCard();
    typeCode(GIFT_CARD_CODE);
    expect(await screen.findByTestId('loyalty-giftcard-refusal')).toHaveTextContent(text);
    expect(screen.queryByTestId('loyalty-giftcard-pay')).not.toBeInTheDocument();
  });

  it('says the server’s refusal in words: an unknown card, and a redeem the card no longer covers', async () => {
    const giftCard = jest.fn().mockRejectedValueOnce(problem(404, 'giftcard.not_found')).mockResolvedValueOnce(aGiftCardDetails());
    const redeemGiftCard = jest.fn(async () => Promise.reject(problem(409, 'giftcard.insufficient_balance')));
    renderTenders(testHost({ api: { giftCard, redeemGiftCard } }));
    openGiftCard();
    typeCode(GIFT_CARD_CODE);
    expect(await screen.findByTestId('loyalty-giftcard-problem')).toHaveTextContent('Подарочная карта не найдена.');
    const body = 'ABCDEFGHJKMNP';
    const { giftCardCheckSymbol } = jest.requireActual<typeof import('@pos/contracts')>('@pos/contracts');
    typeCode(body + giftCardCheckSymbol(body));
    fireEvent.click(await screen.findByTestId('loyalty-giftcard-pay'));
    expect(await screen.findByTestId('loyalty-giftcard-pay-problem')).toHaveTextContent('На подарочной карте недостаточно средств.');
  });

  it('scans the card’s QR code into the field and checks it', async () => {
    const giftCard = jest.fn(async () => aGiftCardDetails());
    renderTenders(testHost({ api: { giftCard } }));
    openGiftCard();
    fireEvent.click(screen.getByTestId('loyalty-giftcard-scan'));
    expect(screen.getByRole('dialog', { name: 'QR-код подарочной карты' })).toBeInTheDocument();
    expect(await screen.findByTestId('loyalty-giftcard-balance')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(giftCard).toHaveBeenCalledWith(GIFT_CARD_CODE);
  });
});

describe('points tender', () => {
  it('without a guest on the order says how to get one', () => {
    renderTenders(testHost());
    fireEvent.click(screen.getByTestId('loyalty-tender-points'));
    expect(screen.getByTestId('loyalty-points-no-guest')).toHaveTextContent('прикрепите его к заказу');
  });

  it('pays with the guest’s points: at most the balance and what is due, in whole points', async () => {
    const order = anOrder({ customer: { id: CUSTOMER_ID, name: 'Ольга Смирнова' } });
    const redeemPoints = jest.fn(async () => aPaymentResult({ ...order, paid: 60_000, due: 63_450 }));
    const host = testHost({ api: { customerProfile: async () => aProfile({ points: 600, pointValue: 100 }), redeemPoints } });
    renderTenders(host, order);
    await waitFor(() => expect(screen.getByTestId('loyalty-tender-points')).toHaveTextContent('Баллы: 600'));
    fireEvent.click(screen.getByTestId('loyalty-tender-points'));
    const tender = await screen.findByTestId('loyalty-points-tender');
    expect(within(tender).getByTestId('loyalty-points-amount')).toHaveValue('600');
    expect(plain(within(tender).getByTestId('loyalty-points-pay').textContent)).toBe('Оплатить баллами 600,00 ₽');
    fireEvent.click(within(tender).getByTestId('loyalty-points-pay'));
    expect(await screen.findByTestId('loyalty-points-paid')).toHaveTextContent(/Оплачено баллами: 600 баллов \(600,00\s₽\)/);
    expect(redeemPoints).toHaveBeenCalledWith({ orderId: order.id, points: 600 }, { idempotencyKey: expect.any(String) });
    expect(host.queryClient.getQueryData<Order>(queryKeys.order(order.id))?.due).toBe(63_450);
  });

  it('with points worth more than is due offers nothing', async () => {
    const order = anOrder({ customer: { id: CUSTOMER_ID, name: 'Ольга Смирнова' }, due: 450 });
    renderTenders(testHost({ api: { customerProfile: async () => aProfile({ points: 10, pointValue: 500 }) } }), order);
    fireEvent.click(screen.getByTestId('loyalty-tender-points'));
    expect(await screen.findByTestId('loyalty-points-none')).toBeInTheDocument();
    expect(screen.queryByTestId('loyalty-points-pay')).not.toBeInTheDocument();
  });
});

describe('stored-value tenders', () => {
  it('offline say they need the network and offer nothing', () => {
    const api = { giftCard: jest.fn(), customerProfile: jest.fn() };
    renderTenders(testHost({ api, connectivity: () => ({ state: 'offline', pending: 1 }) }), anOrder({ customer: { id: CUSTOMER_ID, name: 'Ольга Смирнова' } }));
    expect(screen.getByTestId('loyalty-tenders-offline')).toHaveTextContent('Нужна сеть');
    expect(screen.queryByTestId('loyalty-tender-giftcard')).not.toBeInTheDocument();
    expect(api.customerProfile).not.toHaveBeenCalled();
  });

  it('offer points only to staff who may see the order’s guest (the profile needs customers.view)', () => {
    const customerProfile = jest.fn();
    renderTenders(testHost({ permissions: ['payments.take'], api: { customerProfile } }), anOrder({ customer: { id: CUSTOMER_ID, name: 'Ольга Смирнова' } }));
    expect(screen.getByTestId('loyalty-tender-giftcard')).toBeInTheDocument();
    expect(screen.queryByTestId('loyalty-tender-points')).not.toBeInTheDocument();
    expect(customerProfile).not.toHaveBeenCalled();
  });

  it('are not offered to staff who may not take payments', () => {
    renderTenders(testHost({ permissions: ['orders.edit'] }));
    expect(screen.queryByTestId('loyalty-tenders')).not.toBeInTheDocument();
  });

  it('speak English', async () => {
    renderTenders(testHost({ language: 'en', api: { giftCard: async () => aGiftCardDetails({ balance: 500_000 }) } }));
    expect(screen.getByText('Gift card and points', { selector: 'div' })).toBeInTheDocument();
    openGiftCard();
    typeCode(GIFT_CARD_CODE);
    expect(plain((await screen.findByTestId('loyalty-giftcard-pay')).textContent)).toBe('Pay ₽1,234.50 by gift card');
  });
});
