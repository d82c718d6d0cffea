import { type Order, PERMISSIONS } from '@pos/contracts';
import { HostProvider, queryKeys } from '@pos/plugin-sdk';
import { createMemoryStorage } from '@pos/plugin-sdk/testing';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createSimulatorTerminal, type PaymentTerminal, parseSimulatorMode } from '../../terminal';
import { fakeFinance, networkError, ORDER_ID, payment, paymentsHost } from '../../testing/fixtures';
import { MANUAL_REASON } from './card-payment-flow';
import { createPendingCardOps, PENDING_CARD_OPS_KEY, type PendingCardOp } from './pending-card-ops';
import { PaymentMethods } from './payment-methods';

const noWait = () => Promise.resolve();
const OTHER_PAYMENT_ID = '0190a000-0000-7000-8000-000000000801';
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

type Finance = ReturnType<typeof fakeFinance>;
type Storage = ReturnType<typeof createMemoryStorage>;

interface Tablet {
  finance: Finance;
  storage?: Storage;
  terminal?: PaymentTerminal;
  tip?: number;
  permissions?: readonly (typeof PERMISSIONS)[number][];
}

/**
 * One "page" of the tablet: a fresh host and a fresh list of unfinished operations read from
 * `storage` (so a second render with the same storage is the page after a reload).
 */
function renderMethods({ finance, storage = createMemoryStorage(), terminal = createSimulatorTerminal({ sleep: noWait, mode: () => parseSimulatorMode('approve') }), tip = 0, permissions }: Tablet) {
  const host = paymentsHost(finance.api, 'ru', { storage, ...(permissions ? { permissions } : {}) });
  const theOrder = finance.order();
  host.queryClient.setQueryData(queryKeys.order(ORDER_ID), theOrder);
  const view = render(
    <HostProvider host={host}>
      <PaymentMethods host={host} terminal={terminal} pendingOps={createPendingCardOps(storage)} context={{ order: theOrder, checkIndex: null, amount: theOrder.due, tip }} />
    </HostProvider>,
  );
  const status = () => screen.getByTestId('payments-status');
  return { host, status, storage, terminal, unmount: view.unmount };
}

const storedOps = (storage: Storage) => (storage.data.get(PENDING_CARD_OPS_KEY) ?? {}) as Record<string, PendingCardOp>;

describe('unfinished card payments in the pay dialog', () => {
  it('a tap to pay cut short after the terminal approved, before the server heard, is found after a reload and settled exactly once', async () => {
    const finance = fakeFinance();
    const storage = createMemoryStorage();
    const terminal = createSimulatorTerminal({ sleep: noWait, mode: () => parseSimulatorMode('approve') });
    const start = jest.spyOn(terminal, 'start');
    const askStatus = jest.spyOn(terminal, 'status');
    // The tablet dies while the hold is on its way: the server never hears of it.
    finance.api.holdPayment.mockImplementationOnce(() => new Promise(() => undefined));
    const first = renderMethods({ finance, storage, terminal, tip: 4500 });
    fireEvent.click(screen.getByTestId('payments-tap-to-pay'));
    await waitFor(() => expect(finance.api.holdPayment).toHaveBeenCalledTimes(1));
    const [paymentId, lostHold] = finance.api.holdPayment.mock.calls[0];
    expect(lostHold).toMatchObject({ amount: 49500, outcome: 'approved' });
    expect(finance.payments.get(paymentId)?.status).toBe('created');
    // Written down before the terminal was called, with the reference it answered.
    expect(storedOps(storage)[paymentId]).toMatchObject({
      operation: 'start',
      mode: 'now',
      amount: 45000,
      tip: 4500,
      terminalKey: start.mock.calls[0][0].idempotencyKey,
      transactionRef: lostHold.terminalReference,
    });
    first.unmount();

    const { status, host } = renderMethods({ finance, storage, terminal });
    const row = await screen.findByTestId(`payments-stuck-${paymentId}`);
    expect(screen.getByTestId('payments-stuck')).toHaveTextContent('Незавершённые оплаты картой');
    expect(row).toHaveTextContent(/^450,00 ₽ · Оплата касанием · .+ · не завершена/);
    // While a card payment is in doubt, no second one can start.
    expect(screen.queryByTestId('payments-tap-to-pay')).not.toBeInTheDocument();

    const check = within(row).getByTestId('payments-stuck-check');
    fireEvent.click(check);
    fireEvent.click(check);
    await waitFor(() => expect(status()).toHaveAttribute('data-state', 'paid'));
    // The terminal was asked about its transaction, never to charge again.
    expect(start).toHaveBeenCalledTimes(1);
    expect(askStatus).toHaveBeenCalledTimes(1);
    expect(askStatus).toHaveBeenCalledWith(lostHold.terminalReference, expect.any(String));
    // The very same hold request (same clientRequestId) the server never got, then one capture.
    expect(finance.api.holdPayment).toHaveBeenCalledTimes(2);
    expect(finance.api.holdPayment.mock.calls[1]).toEqual([paymentId, lostHold]);
    expect(finance.api.capturePayment).toHaveBeenCalledTimes(1);
    expect(finance.api.capturePayment).toHaveBeenCalledWith(paymentId, expect.objectContaining({ amount: 45000, tip: 4500 }));
    expect(finance.payments.get(paymentId)).toMatchObject({ status: 'captured', amount: 45000, tip: 4500 });
    expect(storedOps(storage)[paymentId]).toBeUndefined();
    await waitFor(() => expect(screen.queryByTestId('payments-stuck')).not.toBeInTheDocument());
    await waitFor(() => expect(host.queryClient.getQueryData<Order>(queryKeys.order(ORDER_ID))?.due).toBe(0));
  });

  it('a tap to pay left unknown by a timeout is checked after a reload: asked by reference, reconciled and captured', async () => {
    const finance = fakeFinance();
    const storage = createMemoryStorage();
    let mode = 'timeout';
    const terminal = createSimulatorTerminal({ sleep: noWait, mode: () => parseSimulatorMode(mode) });
    const first = renderMethods({ finance, storage, terminal });
    fireEvent.click(screen.getByTestId('payments-tap-to-pay'));
    await waitFor(() => expect(screen.getByTestId('payments-status')).toHaveAttribute('data-state', 'unknown'));
    const [paymentId] = finance.api.holdPayment.mock.calls[0];
    first.unmount();

    mode = 'approve';
    const { status } = renderMethods({ finance, storage, terminal });
    const row = await screen.findByTestId(`payments-stuck-${paymentId}`);
    expect(row).toHaveTextContent('исход неизвестен');
    fireEvent.click(within(row).getByTestId('payments-stuck-check'));
    await waitFor(() => expect(status()).toHaveAttribute('data-state', 'paid'));
    expect(finance.api.reconcilePayment).toHaveBeenCalledWith(paymentId, expect.objectContaining({ outcome: 'approved' }));
    expect(finance.payments.get(paymentId)?.status).toBe('captured');
    expect(storedOps(storage)[paymentId]).toBeUndefined();
  });

  it('a cancel the server never heard after the terminal stopped the start is finished by "check status", without asking the terminal again', async () => {
    const finance = fakeFinance();
    const terminal = createSimulatorTerminal({ sleep: () => new Promise<void>(() => undefined), mode: () => parseSimulatorMode('approve') });
    const start = jest.spyOn(terminal, 'start');
    finance.api.cancelPayment.mockRejectedValueOnce(networkError());
    const { status } = renderMethods({ finance, terminal });
    fireEvent.click(screen.getByTestId('payments-tap-to-pay'));
    fireEvent.click(await screen.findByTestId('payments-cancel'));
    await waitFor(() => expect(status()).toHaveAttribute('data-state', 'failed'));
    const [paymentId, lostCancel] = finance.api.cancelPayment.mock.calls[0];
    expect(finance.payments.get(paymentId)?.status).toBe('created');

    const row = await screen.findByTestId(`payments-stuck-${paymentId}`);
    fireEvent.click(within(row).getByTestId('payments-stuck-check'));
    await waitFor(() => expect(status()).toHaveAttribute('data-state', 'cancelled'));
    expect(finance.api.cancelPayment.mock.calls[1]).toEqual([paymentId, lostCancel]);
    expect(start).toHaveBeenCalledTimes(1);
    expect(finance.payments.get(paymentId)?.status).toBe('cancelled');
    expect(finance.api.holdPayment).not.toHaveBeenCalled();
  });

  it('a `created` payment from another tablet is cancelled by hand after a confirmation that sends the cashier to the terminal journal', async () => {
    const finance = fakeFinance();
    finance.seed(payment({ id: OTHER_PAYMENT_ID, method: 'softpos', status: 'created', createdAt: minutesAgo(7) }));
    const { status } = renderMethods({ finance });
    const row = await screen.findByTestId(`payments-stuck-${OTHER_PAYMENT_ID}`);
    expect(row).toHaveTextContent('450,00 ₽ · Оплата касанием · 7 мин. назад · не завершена');
    // This tablet has no keys of it: nothing to ask the terminal; no reconcile for a `created` one.
    expect(within(row).queryByTestId('payments-stuck-check')).not.toBeInTheDocument();
    expect(within(row).queryByTestId('payments-stuck-approved')).not.toBeInTheDocument();

    fireEvent.click(within(row).getByTestId('payments-stuck-cancel'));
    expect(row).toHaveTextContent('Сначала найдите эту оплату в журнале терминала');
    fireEvent.click(within(row).getByTestId('payments-stuck-back'));
    expect(within(row).queryByTestId('payments-stuck-confirm')).not.toBeInTheDocument();
    expect(finance.api.cancelPayment).not.toHaveBeenCalled();

    fireEvent.click(within(row).getByTestId('payments-stuck-cancel'));
    fireEvent.click(within(row).getByTestId('payments-stuck-confirm'));
    await waitFor(() => expect(status()).toHaveAttribute('data-state', 'cancelled'));
    expect(finance.api.cancelPayment).toHaveBeenCalledTimes(1);
    expect(finance.api.cancelPayment).toHaveBeenCalledWith(OTHER_PAYMENT_ID, { reason: MANUAL_REASON, clientRequestId: expect.any(String) });
    expect(finance.payments.get(OTHER_PAYMENT_ID)?.status).toBe('cancelled');
    await waitFor(() => expect(screen.queryByTestId('payments-stuck')).not.toBeInTheDocument());
    expect(screen.getByTestId('payments-tap-to-pay')).toBeInTheDocument();
  });

  it('a `created` payment started moments ago elsewhere may still be waiting for the card there: it cannot be cancelled yet', async () => {
    const finance = fakeFinance();
    finance.seed(payment({ id: OTHER_PAYMENT_ID, method: 'softpos', status: 'created', createdAt: minutesAgo(0.5) }));
    renderMethods({ finance });
    const row = await screen.findByTestId(`payments-stuck-${OTHER_PAYMENT_ID}`);
    expect(within(row).getByTestId('payments-stuck-cancel')).toBeDisabled();
    expect(row).toHaveTextContent('Возможно, ещё идёт на другом планшете');
  });

  it('an `unknown` tap to pay the terminal journal shows approved is reconciled by hand and captured', async () => {
    const finance = fakeFinance();
    finance.seed(payment({ id: OTHER_PAYMENT_ID, method: 'softpos', status: 'unknown', createdAt: minutesAgo(90) }));
    const { status, host } = renderMethods({ finance });
    const row = await screen.findByTestId(`payments-stuck-${OTHER_PAYMENT_ID}`);
    expect(row).toHaveTextContent('1 ч назад · исход неизвестен');
    expect(within(row).queryByTestId('payments-stuck-cancel')).not.toBeInTheDocument();

    fireEvent.click(within(row).getByTestId('payments-stuck-approved'));
    expect(row).toHaveTextContent('только если там она одобрена');
    fireEvent.click(within(row).getByTestId('payments-stuck-confirm'));
    await waitFor(() => expect(status()).toHaveAttribute('data-state', 'paid'));
    expect(finance.api.reconcilePayment).toHaveBeenCalledWith(OTHER_PAYMENT_ID, { outcome: 'approved', reason: MANUAL_REASON, clientRequestId: expect.any(String) });
    // A sale is recorded as taken, never captured on the terminal again.
    expect(finance.api.capturePayment).toHaveBeenCalledWith(OTHER_PAYMENT_ID, expect.objectContaining({ amount: 45000 }));
    expect(finance.payments.get(OTHER_PAYMENT_ID)?.status).toBe('captured');
    await waitFor(() => expect(host.queryClient.getQueryData<Order>(queryKeys.order(ORDER_ID))?.due).toBe(0));
  });

  it('an `unknown` payment the terminal journal does not show is reconciled declined by hand', async () => {
    const finance = fakeFinance();
    finance.seed(payment({ id: OTHER_PAYMENT_ID, method: 'softpos', status: 'unknown', createdAt: minutesAgo(12) }));
    const { status } = renderMethods({ finance });
    const row = await screen.findByTestId(`payments-stuck-${OTHER_PAYMENT_ID}`);
    fireEvent.click(within(row).getByTestId('payments-stuck-declined'));
    fireEvent.click(within(row).getByTestId('payments-stuck-confirm'));
    await waitFor(() => expect(status()).toHaveAttribute('data-state', 'declined'));
    expect(finance.api.reconcilePayment).toHaveBeenCalledWith(OTHER_PAYMENT_ID, { outcome: 'declined', reason: MANUAL_REASON, clientRequestId: expect.any(String) });
    expect(finance.api.capturePayment).not.toHaveBeenCalled();
    expect(finance.payments.get(OTHER_PAYMENT_ID)?.status).toBe('failed');
    await waitFor(() => expect(screen.getByTestId('payments-tap-to-pay')).toBeInTheDocument());
  });

  it('without payments.take nothing of it is shown (and no second card payment starts either)', async () => {
    const finance = fakeFinance();
    finance.seed(payment({ id: OTHER_PAYMENT_ID, method: 'softpos', status: 'unknown', createdAt: minutesAgo(12) }));
    renderMethods({ finance, permissions: PERMISSIONS.filter((p) => p !== 'payments.take') });
    await waitFor(() => expect(finance.api.payments).toHaveBeenCalled());
    await waitFor(() => expect(screen.queryByTestId('payments-tap-to-pay')).not.toBeInTheDocument());
    expect(screen.queryByTestId('payments-stuck')).not.toBeInTheDocument();
    expect(screen.queryByTestId(`payments-stuck-${OTHER_PAYMENT_ID}`)).not.toBeInTheDocument();
  });

  it('a tap to pay whose capture never reached the server is left authorized: recorded as taken, without the terminal, with the same key', async () => {
    const finance = fakeFinance();
    const terminal = createSimulatorTerminal({ sleep: noWait, mode: () => parseSimulatorMode('approve') });
    const capture = jest.spyOn(terminal, 'capture');
    finance.api.capturePayment.mockRejectedValueOnce(networkError());
    const { status } = renderMethods({ finance, terminal, tip: 4500 });
    fireEvent.click(screen.getByTestId('payments-tap-to-pay'));
    await waitFor(() => expect(status()).toHaveAttribute('data-state', 'failed'));
    const [paymentId, lostCapture] = finance.api.capturePayment.mock.calls[0];
    const row = await screen.findByTestId(`payments-hold-${paymentId}`);
    // The sale took its amount already: nothing to edit.
    expect(within(row).queryByTestId('payments-hold-amount')).not.toBeInTheDocument();
    fireEvent.click(within(row).getByTestId('payments-hold-capture'));
    await waitFor(() => expect(status()).toHaveAttribute('data-state', 'paid'));
    expect(capture).not.toHaveBeenCalled();
    expect(finance.api.capturePayment.mock.calls[1]).toEqual([paymentId, lostCapture]);
    expect(finance.payments.get(paymentId)).toMatchObject({ status: 'captured', amount: 45000, tip: 4500 });
  });

  it('a deferred capture whose answer never reached the server is carried on with the same keys, not captured twice', async () => {
    const finance = fakeFinance();
    const storage = createMemoryStorage();
    const terminal = createSimulatorTerminal({ sleep: noWait, mode: () => parseSimulatorMode('approve') });
    const capture = jest.spyOn(terminal, 'capture');
    const first = renderMethods({ finance, storage, terminal });
    fireEvent.click(screen.getByTestId('payments-deferred'));
    await waitFor(() => expect(screen.getByTestId('payments-status')).toHaveAttribute('data-state', 'held'));
    finance.api.capturePayment.mockImplementationOnce(() => new Promise(() => undefined));
    fireEvent.click(await screen.findByTestId('payments-hold-capture'));
    await waitFor(() => expect(finance.api.capturePayment).toHaveBeenCalledTimes(1));
    const [paymentId, lostRecord] = finance.api.capturePayment.mock.calls[0];
    expect(storedOps(storage)[paymentId]).toMatchObject({ operation: 'capture', amount: 45000 });
    first.unmount();

    const { status } = renderMethods({ finance, storage, terminal });
    const row = await screen.findByTestId(`payments-hold-${paymentId}`);
    expect(within(row).queryByTestId('payments-hold-capture')).not.toBeInTheDocument();
    expect(within(row).queryByTestId('payments-hold-release')).not.toBeInTheDocument();
    fireEvent.click(await within(row).findByTestId('payments-hold-check'));
    await waitFor(() => expect(status()).toHaveAttribute('data-state', 'paid'));
    // The terminal was asked the same capture (same key): it answers what it did, it does not capture again.
    expect(capture).toHaveBeenCalledTimes(2);
    expect(capture.mock.calls[1][0]).toEqual(capture.mock.calls[0][0]);
    expect(finance.api.capturePayment.mock.calls[1]).toEqual([paymentId, lostRecord]);
    expect(finance.payments.get(paymentId)?.status).toBe('captured');
    expect(storedOps(storage)[paymentId]).toBeUndefined();
  });
});
