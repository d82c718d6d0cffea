import type { Order, Payment, Permission } from '@pos/contracts';
import type { HostApi } from '@pos/plugin-sdk';
import { PERMISSIONS } from '@pos/contracts';
import { HostProvider, queryKeys } from '@pos/plugin-sdk';
import { createMemoryStorage } from '@pos/plugin-sdk/testing';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createSimulatorTerminal, parseSimulatorMode, type PaymentTerminal } from '../../terminal';
import { fakeFinance, order, ORDER_ID, payment, paymentsHost } from '../../testing/fixtures';
import { createPendingRefunds, PENDING_REFUNDS_KEY } from './pending-refunds';
import { RefundAction } from './refund-action';

const noWait = () => Promise.resolve();
const spaces = (s: string | null) => (s ?? '').replace(/\s/g, ' ');

const CASH = payment({ id: '0190a000-0000-7000-8000-000000000701', method: 'cash', amount: 45000 });
const SOFTPOS = payment({ id: '0190a000-0000-7000-8000-000000000702', method: 'softpos', amount: 30000, tip: 3000, reference: 'SIM-SALE-7', maskedCard: '•••• 4242' });

interface Setup {
  payments?: Payment[];
  theOrder?: Order;
  permissions?: readonly Permission[];
  mode?: { value: string };
  offline?: boolean;
  language?: 'ru' | 'en';
  /** A reloaded page: the server, the tablet's storage and its terminal of the page before. */
  after?: { finance: ReturnType<typeof fakeFinance>; storage: ReturnType<typeof createMemoryStorage>; terminal: PaymentTerminal };
  /** The host's supervisor approval (the shell's PIN dialog). */
  requestApproval?: HostApi['requestApproval'];
}

function setup({ payments = [CASH], theOrder = order({ status: 'paid', paid: 45000, due: 0 }), permissions = PERMISSIONS, mode = { value: 'approve' }, offline, language = 'ru', after, requestApproval }: Setup = {}) {
  const finance = after?.finance ?? fakeFinance(theOrder);
  if (!after) for (const p of payments) finance.seed(p);
  const storage = after?.storage ?? createMemoryStorage();
  const host = paymentsHost(finance.api, language, { permissions, storage, ...(requestApproval ? { requestApproval } : {}) });
  if (offline) host.connectivity = () => ({ state: 'offline', pending: 0 });
  const terminal = after?.terminal ?? createSimulatorTerminal({ sleep: noWait, mode: () => parseSimulatorMode(mode.value) });
  const refund = after ? (terminal.refund as jest.Mock) : jest.spyOn(terminal, 'refund');
  // A new list over the same storage: what a reloaded page reads.
  const pending = createPendingRefunds(storage);
  const rowClick = jest.fn();
  const ui = (o: Order) => (
    <HostProvider host={host}>
      {/* The shell's row opens the order on a tap; the button's tap must not reach it. */}
      <div onClick={rowClick}>
        <RefundAction host={host} context={{ order: o }} terminal={terminal} pending={pending} />
      </div>
    </HostProvider>
  );
  const view = render(ui(theOrder));
  const open = () => fireEvent.click(screen.getByTestId(`refund-open-${theOrder.number}`));
  const status = () => screen.getByTestId('refund-status');
  /** Lets the rows read the tablet's unfinished refunds from storage. */
  const settle = () => act(() => pending.load());
  return { finance, host, storage, terminal, refund, rowClick, open, status, settle, rerender: (o: Order) => view.rerender(ui(o)), unmount: view.unmount };
}

describe('RefundAction (orders.row-actions slot)', () => {
  it('shows "Возврат" only to staff who may refund or take money, on an order with money to give back', () => {
    setup({ permissions: PERMISSIONS.filter((p) => p !== 'payments.refund' && p !== 'payments.take') });
    expect(screen.queryByTestId('refund-open-12')).not.toBeInTheDocument();
  });

  describe("a cashier without payments.refund refunds with a supervisor's inline approval", () => {
    const CASHIER = PERMISSIONS.filter((p) => p !== 'payments.refund');
    const confirmCashRefund = async (open: () => void) => {
      open();
      await screen.findByTestId(`refund-payment-${CASH.id}`);
      fireEvent.click(screen.getByTestId('refund-reason-guestComplaint'));
      fireEvent.click(screen.getByTestId('refund-confirm'));
    };

    it('asks for the approval before anything is done, and sends its token with the one refund', async () => {
      const requestApproval = jest.fn(async () => ({ id: 'a1', token: 'T'.repeat(43), permission: 'payments.refund' as const, approver: { id: 's1', name: 'Григорий' }, expiresAt: new Date(Date.now() + 120_000).toISOString() }));
      const { finance, open } = setup({ permissions: CASHIER, requestApproval });
      await confirmCashRefund(open);
      await screen.findByTestId('refund-receipt');
      expect(requestApproval).toHaveBeenCalledWith('payments.refund');
      expect(finance.api.refundPayment).toHaveBeenCalledWith(CASH.id, { amount: 45000, reason: 'Жалоба гостя', clientRequestId: expect.any(String) }, { approval: 'T'.repeat(43) });
    });

    it('cancelled: nothing is refunded and the form stays', async () => {
      const requestApproval = jest.fn(async () => null);
      const { finance, open } = setup({ permissions: CASHIER, requestApproval });
      await confirmCashRefund(open);
      await waitFor(() => expect(requestApproval).toHaveBeenCalledTimes(1));
      expect(finance.api.refundPayment).not.toHaveBeenCalled();
      expect(screen.getByTestId('refund-confirm')).toBeEnabled();
      expect(screen.queryByTestId('refund-receipt')).not.toBeInTheDocument();
    });

    it('staff who may refund are never asked', async () => {
      const requestApproval = jest.fn(async () => null);
      const { finance, open } = setup({ requestApproval });
      await confirmCashRefund(open);
      await screen.findByTestId('refund-receipt');
      expect(requestApproval).not.toHaveBeenCalled();
      expect(finance.api.refundPayment).toHaveBeenCalledWith(CASH.id, expect.any(Object));
    });
  });

  it('no button on an order with nothing paid (and no refund of it left unfinished)', async () => {
    const { settle } = setup({ theOrder: order({ paid: 0, tips: 0 }) });
    await settle();
    expect(screen.queryByTestId('refund-open-12')).not.toBeInTheDocument();
  });

  it('offline the button explains that refunds need the network and opens nothing', async () => {
    const { rowClick, settle } = setup({ offline: true });
    await settle();
    fireEvent.click(screen.getByTestId('refund-open-12'));
    expect(screen.getByTestId('refund-offline-12')).toHaveTextContent('Возврат возможен только при связи с сервером');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(rowClick).not.toHaveBeenCalled();
  });

  it('full cash refund: the only payment is chosen with all of it, a quick reason, recorded, the slip shown and the lists refreshed', async () => {
    const { finance, host, refund, rowClick, open } = setup();
    const list = queryKeys.orders({ status: 'paid' });
    host.queryClient.setQueryData(list, []);
    host.queryClient.setQueryData(queryKeys.order(ORDER_ID), order());
    open();
    expect(rowClick).not.toHaveBeenCalled();
    const row = await screen.findByTestId(`refund-payment-${CASH.id}`);
    expect(row).toHaveAttribute('aria-checked', 'true');
    expect(spaces(row.textContent)).toContain('Наличные');
    expect(spaces(row.textContent)).toContain('Можно вернуть450,00 ₽');
    expect(screen.getByTestId('refund-amount')).toHaveValue('450');
    expect(screen.getByTestId('refund-confirm')).toBeDisabled(); // no reason yet
    fireEvent.click(screen.getByTestId('refund-reason-guestComplaint'));
    expect(screen.getByTestId('refund-reason')).toHaveValue('Жалоба гостя');
    expect(spaces(screen.getByTestId('refund-confirm').textContent)).toBe('Вернуть 450,00 ₽');
    fireEvent.click(screen.getByTestId('refund-confirm'));

    const slip = await screen.findByTestId('refund-receipt');
    expect(refund).not.toHaveBeenCalled();
    expect(finance.api.refundPayment).toHaveBeenCalledWith(CASH.id, { amount: 45000, reason: 'Жалоба гостя', clientRequestId: expect.any(String) });
    expect(spaces(slip.textContent)).toContain('Ресторан «Демо»');
    expect(screen.getByTestId('refund-receipt-order')).toHaveTextContent('Заказ №12, стол 5');
    expect(spaces(screen.getByTestId('refund-receipt-amount').textContent)).toBe('450,00 ₽');
    expect(spaces(screen.getByTestId('refund-receipt-refundable').textContent)).toBe('0,00 ₽');
    expect(screen.getByTestId('refund-receipt-reason')).toHaveTextContent('Жалоба гостя');
    expect(slip).toHaveTextContent('ВернулАнна');
    // Cash leaves a till: the slip says whose.
    expect(slip).toHaveTextContent('Выдано из кассыВера');
    expect(screen.getByTestId('refund-receipt-drawer')).toHaveTextContent('Вера');
    await waitFor(() => expect(host.queryClient.getQueryState(list)?.isInvalidated).toBe(true));
    expect(host.queryClient.getQueryState(queryKeys.order(ORDER_ID))?.isInvalidated).toBe(true);
    expect(finance.api.payments).toHaveBeenCalledTimes(2); // the payments query was fetched again

    fireEvent.click(screen.getByTestId('refund-done'));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('the slip stays while the refreshed order (nothing left to refund) comes into the row', async () => {
    const { open, rerender } = setup();
    open();
    fireEvent.click(await screen.findByTestId('refund-reason-cashierError'));
    fireEvent.click(screen.getByTestId('refund-confirm'));
    await screen.findByTestId('refund-receipt');
    rerender(order({ status: 'paid', paid: 0, due: 0 }));
    expect(screen.getByTestId('refund-receipt')).toBeInTheDocument();
    expect(screen.queryByTestId('refund-open-12')).not.toBeInTheDocument();
  });

  it('a partial amount: over the refundable or zero is refused inline; a free-text reason works', async () => {
    const { finance, open } = setup();
    open();
    const amount = await screen.findByTestId('refund-amount');
    fireEvent.change(screen.getByTestId('refund-reason'), { target: { value: 'Гость передумал' } });
    fireEvent.change(amount, { target: { value: '451' } });
    expect(spaces(screen.getByTestId('refund-amount-error').textContent)).toBe('Не больше 450,00 ₽');
    expect(screen.getByTestId('refund-confirm')).toBeDisabled();
    fireEvent.change(amount, { target: { value: '0' } });
    expect(screen.getByTestId('refund-amount-error')).toHaveTextContent('Сумма должна быть больше нуля');
    expect(screen.getByTestId('refund-confirm')).toBeDisabled();
    fireEvent.change(amount, { target: { value: '120,5' } });
    expect(screen.queryByTestId('refund-amount-error')).not.toBeInTheDocument();
    fireEvent.click(screen.getByTestId('refund-confirm'));
    await screen.findByTestId('refund-receipt');
    expect(finance.api.refundPayment).toHaveBeenCalledWith(CASH.id, expect.objectContaining({ amount: 12050, reason: 'Гость передумал' }));
    expect(spaces(screen.getByTestId('refund-receipt-refundable').textContent)).toBe('329,50 ₽');
  });

  it('several payments: none chosen until tapped; a fully refunded one cannot be chosen', async () => {
    const refunded = payment({ id: '0190a000-0000-7000-8000-000000000703', method: 'card', status: 'refunded', amount: 1000, refunded: 1000 });
    const { open } = setup({ payments: [CASH, SOFTPOS, refunded] });
    open();
    await screen.findByTestId(`refund-payment-${CASH.id}`);
    expect(screen.queryByTestId('refund-amount')).not.toBeInTheDocument();
    expect(screen.getByTestId(`refund-payment-${refunded.id}`)).toBeDisabled();
    const card = screen.getByTestId(`refund-payment-${SOFTPOS.id}`);
    expect(card).toHaveTextContent('•••• 4242');
    expect(spaces(card.textContent)).toContain('в т. ч. чаевые 30,00 ₽');
    fireEvent.click(card);
    expect(screen.getByTestId('refund-amount')).toHaveValue('330');
    expect(screen.getByRole('dialog')).toHaveTextContent('Деньги вернутся на карту •••• 4242 через терминал');
  });

  it('stored value: a gift card or points payment is named and goes back where it came from, never through the till or a terminal', async () => {
    const GIFT = payment({ id: '0190a000-0000-7000-8000-000000000704', method: 'giftcard', amount: 20000 });
    const POINTS = payment({ id: '0190a000-0000-7000-8000-000000000705', method: 'points', amount: 5000 });
    const { finance, refund, open } = setup({ payments: [GIFT, POINTS] });
    open();
    const gift = await screen.findByTestId(`refund-payment-${GIFT.id}`);
    expect(gift).toHaveTextContent('Подарочная карта');
    expect(screen.getByTestId(`refund-payment-${POINTS.id}`)).toHaveTextContent('Баллы');
    fireEvent.click(screen.getByTestId(`refund-payment-${POINTS.id}`));
    expect(screen.getByRole('dialog')).toHaveTextContent('Баллы вернутся на счёт гостя');
    fireEvent.click(gift);
    expect(screen.getByRole('dialog')).toHaveTextContent('Деньги вернутся на ту же подарочную карту');
    fireEvent.click(screen.getByTestId('refund-reason-guestComplaint'));
    fireEvent.click(screen.getByTestId('refund-confirm'));
    await screen.findByTestId('refund-receipt');
    expect(refund).not.toHaveBeenCalled();
    expect(finance.api.refundPayment).toHaveBeenCalledWith(GIFT.id, { amount: 20000, reason: 'Жалоба гостя', clientRequestId: expect.any(String) });
    expect(screen.getByTestId('refund-receipt-method')).toHaveTextContent('Подарочная карта');
  });

  it('softpos: a terminal timeout says "check status", records nothing; the check asks the terminal with the same key and records once', async () => {
    const mode = { value: 'timeout' };
    const { finance, refund, open, status } = setup({ payments: [SOFTPOS], mode });
    open();
    fireEvent.click(await screen.findByTestId('refund-reason-notServed'));
    fireEvent.click(screen.getByTestId('refund-confirm'));
    await waitFor(() => expect(status()).toHaveAttribute('data-state', 'unknown'));
    expect(status()).toHaveTextContent('Нет ответа терминала — проверьте статус');
    expect(finance.api.refundPayment).not.toHaveBeenCalled();
    expect(refund).toHaveBeenCalledWith({ transactionRef: 'SIM-SALE-7', amount: 33000, currency: 'RUB', idempotencyKey: expect.any(String) });
    // The refund is fixed now: its amount cannot be changed under the same keys.
    expect(screen.getByTestId('refund-amount')).toBeDisabled();

    fireEvent.click(screen.getByTestId('refund-check-status'));
    await screen.findByTestId('refund-receipt');
    expect(refund.mock.calls[1][0].idempotencyKey).toBe(refund.mock.calls[0][0].idempotencyKey);
    expect(finance.api.refundPayment).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('refund-receipt-method')).toHaveTextContent('Оплата касанием · •••• 4242');
  });

  it('softpos declined by the terminal: said so, nothing recorded, the cashier may try again', async () => {
    const mode = { value: 'decline' };
    const { finance, open, status } = setup({ payments: [SOFTPOS], mode });
    open();
    fireEvent.click(await screen.findByTestId('refund-reason-cashierError'));
    fireEvent.click(screen.getByTestId('refund-confirm'));
    await waitFor(() => expect(status()).toHaveAttribute('data-state', 'declined'));
    expect(status()).toHaveTextContent('Терминал отклонил возврат: Declined by the issuer. Ничего не записано.');
    expect(finance.api.refundPayment).not.toHaveBeenCalled();
    expect(screen.getByTestId('refund-amount')).toBeEnabled();
    mode.value = 'approve';
    fireEvent.click(screen.getByTestId('refund-confirm'));
    await screen.findByTestId('refund-receipt');
  });

  it('a lost answer: Retry sends the same key; closed and opened again, the unfinished refund is resumed, never sent anew', async () => {
    const { finance, open, status } = setup();
    finance.failures.loseNextRefundAnswer = true;
    open();
    fireEvent.click(await screen.findByTestId('refund-reason-cashierError'));
    fireEvent.click(screen.getByTestId('refund-confirm'));
    await waitFor(() => expect(status()).toHaveAttribute('data-state', 'failed'));
    // In the staff's language, never the server's English.
    expect(status()).toHaveTextContent('Возврат не записан: Нет связи с сервером.');
    fireEvent.click(within(screen.getByRole('dialog')).getByTestId('refund-later'));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    open();
    await waitFor(() => expect(status()).toHaveAttribute('data-state', 'failed'));
    expect(screen.getByRole('dialog')).toHaveTextContent('Прошлый возврат по этому платежу не завершён');
    fireEvent.click(screen.getByTestId('refund-retry'));
    await screen.findByTestId('refund-receipt');
    const keys = finance.api.refundPayment.mock.calls.map(([, body]) => body.clientRequestId);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    expect(finance.payments.get(CASH.id)).toMatchObject({ status: 'refunded', refunded: 45000 });
  });

  describe('unfinished refunds survive a reload (host storage)', () => {
    it('a lost server answer: after a remount the refund is resumed and finished with the same clientRequestId, recorded once', async () => {
      const first = setup();
      first.finance.failures.loseNextRefundAnswer = true;
      first.open();
      fireEvent.click(await screen.findByTestId('refund-reason-cashierError'));
      fireEvent.click(screen.getByTestId('refund-confirm'));
      await waitFor(() => expect(first.status()).toHaveAttribute('data-state', 'failed'));
      const stored = first.storage.data.get(PENDING_REFUNDS_KEY) as Record<string, { clientRequestId: string; stage: string }>;
      expect(stored[CASH.id]).toMatchObject({ orderId: ORDER_ID, amount: 45000, reason: 'Ошибка кассира', stage: 'recording' });
      // The server did record it: the order has nothing left to give back, yet the row still offers the unfinished refund.
      expect(first.finance.payments.get(CASH.id)).toMatchObject({ refunded: 45000 });
      first.unmount();

      const { finance, open, status } = setup({ theOrder: first.finance.order(), after: first });
      // The row knows of the unfinished refund once the tablet's storage is read.
      await screen.findByTestId('refund-open-12');
      open();
      await waitFor(() => expect(status()).toHaveAttribute('data-state', 'failed'));
      // Resumed from storage: what went wrong then is not known, only that no answer came.
      expect(status()).toHaveTextContent('Возврат не записан: ответ сервера не получен');
      expect(screen.getByRole('dialog')).toHaveTextContent('Прошлый возврат по этому платежу не завершён');
      expect(screen.getByTestId(`refund-payment-${CASH.id}`)).toHaveAttribute('aria-checked', 'true');
      expect(screen.getByTestId('refund-amount')).toHaveValue('450');
      expect(screen.getByTestId('refund-amount')).toBeDisabled();
      expect(screen.getByTestId('refund-reason')).toHaveValue('Ошибка кассира');
      expect(screen.queryByTestId('refund-amount-error')).not.toBeInTheDocument();
      expect(screen.queryByTestId('refund-confirm')).not.toBeInTheDocument();
      fireEvent.click(screen.getByTestId('refund-retry'));

      await screen.findByTestId('refund-receipt');
      expect(spaces(screen.getByTestId('refund-receipt-amount').textContent)).toBe('450,00 ₽');
      const keys = finance.api.refundPayment.mock.calls.map(([, body]) => body.clientRequestId);
      expect(keys).toEqual([stored[CASH.id].clientRequestId, stored[CASH.id].clientRequestId]);
      expect(finance.payments.get(CASH.id)).toMatchObject({ status: 'refunded', refunded: 45000 });
      expect(finance.order().paid).toBe(0);
      expect(first.storage.data.get(PENDING_REFUNDS_KEY)).toEqual({});
    });

    it('a terminal timeout: after a remount "check status" asks the terminal with the same key, one refund', async () => {
      const mode = { value: 'timeout' };
      const first = setup({ payments: [SOFTPOS], mode });
      first.open();
      fireEvent.click(await screen.findByTestId('refund-reason-notServed'));
      fireEvent.change(screen.getByTestId('refund-amount'), { target: { value: '100' } });
      fireEvent.click(screen.getByTestId('refund-confirm'));
      await waitFor(() => expect(first.status()).toHaveAttribute('data-state', 'unknown'));
      const terminalKey = first.refund.mock.calls[0][0].idempotencyKey;
      expect(first.storage.data.get(PENDING_REFUNDS_KEY)).toEqual({
        [SOFTPOS.id]: expect.objectContaining({ transactionRef: 'SIM-SALE-7', terminalKey, amount: 10000, reason: 'Блюдо не подано', stage: 'terminal' }),
      });
      first.unmount();

      const { finance, refund, open, status } = setup({ theOrder: first.finance.order(), after: first });
      open();
      await waitFor(() => expect(status()).toHaveAttribute('data-state', 'unknown'));
      expect(screen.getByTestId('refund-amount')).toHaveValue('100');
      expect(screen.getByTestId('refund-amount')).toBeDisabled();
      expect(finance.api.refundPayment).not.toHaveBeenCalled();
      mode.value = 'approve';
      fireEvent.click(screen.getByTestId('refund-check-status'));

      await screen.findByTestId('refund-receipt');
      expect(refund.mock.calls.map(([r]) => r.idempotencyKey)).toEqual([terminalKey, terminalKey]);
      expect(finance.api.refundPayment).toHaveBeenCalledTimes(1);
      expect(finance.payments.get(SOFTPOS.id)).toMatchObject({ status: 'partially_refunded', refunded: 10000 });
      expect(first.storage.data.get(PENDING_REFUNDS_KEY)).toEqual({});
    });

    it('a declined refund is not kept: after a remount the form is free and a new refund gets new keys', async () => {
      const mode = { value: 'decline' };
      const first = setup({ payments: [SOFTPOS], mode });
      first.open();
      fireEvent.click(await screen.findByTestId('refund-reason-cashierError'));
      fireEvent.click(screen.getByTestId('refund-confirm'));
      await waitFor(() => expect(first.status()).toHaveAttribute('data-state', 'declined'));
      expect(first.storage.data.get(PENDING_REFUNDS_KEY)).toEqual({});
      const declinedKey = first.refund.mock.calls[0][0].idempotencyKey;
      first.unmount();

      const { refund, open, status } = setup({ theOrder: first.finance.order(), after: first });
      open();
      await screen.findByTestId('refund-amount');
      expect(status()).toHaveAttribute('data-state', 'form');
      expect(screen.getByRole('dialog')).not.toHaveTextContent('Прошлый возврат по этому платежу не завершён');
      expect(screen.getByTestId('refund-amount')).toBeEnabled();
      mode.value = 'approve';
      fireEvent.click(screen.getByTestId('refund-reason-cashierError'));
      fireEvent.click(screen.getByTestId('refund-confirm'));
      await screen.findByTestId('refund-receipt');
      expect(refund.mock.calls[1][0].idempotencyKey).not.toBe(declinedKey);
    });

    it('an attempt that cannot be saved on the tablet asks nothing and leaves the form free', async () => {
      const { finance, host, refund, open, status } = setup({ payments: [SOFTPOS] });
      host.storage.set = () => Promise.reject(new Error('quota'));
      open();
      fireEvent.click(await screen.findByTestId('refund-reason-cashierError'));
      fireEvent.click(screen.getByTestId('refund-confirm'));
      await waitFor(() => expect(status()).toHaveAttribute('data-state', 'notSaved'));
      expect(status()).toHaveTextContent('Не удалось сохранить возврат на планшете (quota)');
      expect(refund).not.toHaveBeenCalled();
      expect(finance.api.refundPayment).not.toHaveBeenCalled();
      expect(screen.getByTestId('refund-amount')).toBeEnabled();
    });
  });

  it('Print prints the slip alone (a body class scopes the print styles to this print)', async () => {
    const print = jest.fn(() => expect(document.body).toHaveClass('pos-printing-refund-slip'));
    const original = window.print;
    window.print = print;
    try {
      const { open } = setup();
      open();
      fireEvent.click(await screen.findByTestId('refund-reason-cashierError'));
      fireEvent.click(screen.getByTestId('refund-confirm'));
      fireEvent.click(await screen.findByTestId('refund-print'));
      expect(print).toHaveBeenCalledTimes(1);
      expect(document.body).not.toHaveClass('pos-printing-refund-slip');
    } finally {
      window.print = original;
    }
  });

  it('speaks English when the tablet does', async () => {
    setup({ language: 'en' });
    expect(screen.getByTestId('refund-open-12')).toHaveTextContent('Refund');
    await act(async () => fireEvent.click(screen.getByTestId('refund-open-12')));
    expect(await screen.findByTestId('refund-reason-notServed')).toHaveTextContent('Dish not served');
    expect(spaces(screen.getByTestId('refund-confirm').textContent)).toMatch(/^Refund .*450\.00/);
  });
});
