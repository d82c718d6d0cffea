import { formatGiftCardCode, type GiftCardDetails, type Permission, PERMISSIONS } from '@pos/contracts';
import { ApiError, type HostApi, HostProvider } from '@pos/plugin-sdk';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { aGiftCardDetails, aMovement, giftCardCode, testHost } from '../testing/fixtures';
import { GiftCardsPage } from './gift-cards-page';

function renderPage(host: HostApi) {
  return render(
    <HostProvider host={host}>
      <GiftCardsPage host={host} />
    </HostProvider>,
  );
}

const code = giftCardCode('7K30ZQ9TPX4H1');
const find = (typed: string) => {
  fireEvent.change(screen.getByTestId('giftcards-code'), { target: { value: typed } });
  fireEvent.click(screen.getByTestId('giftcards-find'));
};

describe('Admin → Gift cards', () => {
  it('finds a card by its code as typed (lower case, spaces, O for 0 and L for 1) and shows balance, status, expiry and history', async () => {
    const giftCard = jest.fn(async (c: string) => aGiftCardDetails({ code: c }));
    renderPage(testHost({ api: { giftCard } }));
    const typed = formatGiftCardCode(code).toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
    expect(typed).toMatch(/^7k3o zq9t px4h l/);
    find(typed);

    const details = await screen.findByTestId('giftcard-details');
    expect(giftCard).toHaveBeenCalledWith(code);
    expect(screen.getByTestId('giftcards-code')).toHaveValue(formatGiftCardCode(code));
    expect(within(details).getByRole('heading', { name: formatGiftCardCode(code) })).toBeInTheDocument();
    expect(screen.getByTestId('giftcard-status')).toHaveTextContent('Активна');
    expect(screen.getByTestId('giftcard-balance')).toHaveTextContent(/^1\s750,00\s₽$/);
    expect(screen.getByTestId('giftcard-expires')).toHaveTextContent('7 декабря 2027 г.');
    const rows = screen.getAllByTestId('giftcard-movement');
    expect(rows.map((r) => r.getAttribute('data-kind'))).toEqual(['issue', 'activate', 'redeem']);
    expect(rows[1]).toHaveTextContent(/Активация\+3\s000,00\s₽3\s000,00\s₽/);
    expect(rows[2]).toHaveTextContent(/Оплата−1\s250,00\s₽1\s750,00\s₽Вера \(касса\)/);
  });

  it('refuses a mistyped code before any request (the check symbol catches one wrong symbol)', async () => {
    const giftCard = jest.fn();
    renderPage(testHost({ api: { giftCard } }));
    // One symbol changed: the check symbol no longer fits.
    const wrong = `${code.slice(0, 5)}${code[5] === 'A' ? 'B' : 'A'}${code.slice(6)}`;
    find(wrong);
    expect(await screen.findByText(/Это не код подарочной карты/)).toBeInTheDocument();
    expect(screen.getByTestId('giftcards-code')).toHaveAttribute('aria-invalid', 'true');
    find('ABC');
    expect(screen.getByTestId('giftcards-code')).toHaveAttribute('aria-invalid', 'true');
    expect(giftCard).not.toHaveBeenCalled();
  });

  it('says a card is not there, and that lookups are limited', async () => {
    const giftCard = jest
      .fn<Promise<GiftCardDetails>, [string]>()
      .mockRejectedValueOnce(new ApiError(404, { type: 'about:blank', title: 'Not found', status: 404, code: 'giftcard.not_found' }))
      .mockRejectedValueOnce(new ApiError(429, { type: 'about:blank', title: 'Too many', status: 429, code: 'rate_limited' }));
    renderPage(testHost({ api: { giftCard } }));
    find(code);
    expect(await screen.findByTestId('giftcards-failure')).toHaveTextContent('Карта с таким кодом не найдена');
    find(code);
    await waitFor(() => expect(screen.getByTestId('giftcards-failure')).toHaveTextContent('Слишком много запросов — подождите немного.'));
    expect(giftCard).toHaveBeenCalledTimes(2);
  });

  it('blocks a card with a reason and shows it blocked; unblocks it again', async () => {
    const blocked = aGiftCardDetails({ code, status: 'blocked', blockedReason: 'Карта утеряна' }, [aMovement({ kind: 'block', amount: 0, reason: 'Карта утеряна', staffName: 'Анна' })]);
    const blockGiftCard = jest.fn(async () => blocked);
    const unblockGiftCard = jest.fn(async () => aGiftCardDetails({ code }));
    const notify = jest.fn();
    renderPage(testHost({ api: { giftCard: jest.fn(async () => aGiftCardDetails({ code })), blockGiftCard, unblockGiftCard }, notify }));
    find(code);
    fireEvent.click(await screen.findByTestId('giftcard-block'));

    // A reason is required (the same rule as the server's).
    fireEvent.click(screen.getByTestId('giftcard-block-confirm'));
    expect(await screen.findByText(/Укажите причину/)).toBeInTheDocument();
    expect(blockGiftCard).not.toHaveBeenCalled();

    fireEvent.change(screen.getByTestId('giftcard-block-reason'), { target: { value: '  Карта утеряна ' } });
    fireEvent.click(screen.getByTestId('giftcard-block-confirm'));
    await waitFor(() => expect(blockGiftCard).toHaveBeenCalledWith(code, 'Карта утеряна'));
    expect(await screen.findByTestId('giftcard-blocked-reason')).toHaveTextContent('Заблокирована: Карта утеряна');
    expect(screen.getByTestId('giftcard-status')).toHaveTextContent('Заблокирована');
    expect(notify).toHaveBeenCalledWith('success', `Карта ${formatGiftCardCode(code)} заблокирована`);
    expect(screen.queryByTestId('giftcard-block-dialog')).not.toBeInTheDocument();

    fireEvent.click(screen.getByTestId('giftcard-unblock'));
    fireEvent.change(screen.getByTestId('giftcard-block-reason'), { target: { value: 'Гость нашёл карту' } });
    fireEvent.click(screen.getByTestId('giftcard-block-confirm'));
    await waitFor(() => expect(unblockGiftCard).toHaveBeenCalledWith(code, 'Гость нашёл карту'));
    await waitFor(() => expect(screen.getByTestId('giftcard-status')).toHaveTextContent('Активна'));
  });

  it('offers no block without giftcards.block, and none on a card not yet paid', async () => {
    const permissions = PERMISSIONS.filter((p: Permission) => p !== 'giftcards.block');
    const { unmount } = renderPage(testHost({ api: { giftCard: jest.fn(async () => aGiftCardDetails({ code })) }, permissions }));
    find(code);
    await screen.findByTestId('giftcard-details');
    expect(screen.queryByTestId('giftcard-block')).not.toBeInTheDocument();
    unmount();

    renderPage(testHost({ api: { giftCard: jest.fn(async () => aGiftCardDetails({ code, status: 'pending', activatedAt: null, expiresAt: null, balance: 0 })) } }));
    find(code);
    expect(await screen.findByTestId('giftcard-status')).toHaveTextContent('Не оплачена');
    expect(screen.getByTestId('giftcard-expires')).toHaveTextContent('с оплаты карты');
    expect(screen.queryByTestId('giftcard-block')).not.toBeInTheDocument();
    expect(screen.queryByTestId('giftcard-unblock')).not.toBeInTheDocument();
  });
});
