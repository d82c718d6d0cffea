import { ApiError, HostProvider, type PayDialogMode, queryKeys } from '@pos/plugin-sdk';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { Order } from '@pos/contracts';
import { createSimulatorTerminal, parseSimulatorMode } from '../../terminal';
import { fakeFinance, order, ORDER_ID, paymentsHost } from '../../testing/fixtures';
import { PaymentMethods } from './payment-methods';

const noWait = () => Promise.resolve();

function renderMethods(mode: string | (() => string), options: { tip?: number; offline?: boolean; sleep?: (ms: number) => Promise<void>; payMode?: PayDialogMode } = {}) {
  const finance = fakeFinance();
  const host = paymentsHost(finance.api);
  if (options.offline) host.connectivity = () => ({ state: 'offline', pending: 0 });
  const terminal = createSimulatorTerminal({ sleep: options.sleep ?? noWait, mode: () => parseSimulatorMode(typeof mode === 'function' ? mode() : mode) });
  const theOrder = order();
  host.queryClient.setQueryData(queryKeys.order(ORDER_ID), theOrder);
  render(
    <HostProvider host={host}>
      <PaymentMethods host={host} terminal={terminal} context={{ order: theOrder, checkIndex: null, amount: theOrder.due, tip: options.tip ?? 0, ...(options.payMode ? { payMode: options.payMode } : {}) }} />
    </HostProvider>,
  );
  const status = () => screen.getByTestId('payments-status');
  return { finance, host, status, terminal };
}

describe('PaymentMethods (payment.methods slot)', () => {
  it('tap to pay approved: softpos created, held for amount + tip, captured, the shell sees the order paid', async () => {
    const { finance, host, status } = renderMethods('approve', { tip: 4500 });
    fireEvent.click(screen.getByTestId('payments-tap-to-pay'));
    await waitFor(() => expect(status()).toHaveAttribute('data-state', 'paid'));
    expect(status()).toHaveTextContent('Оплачено · •••• 4242');
    // The tip goes with the request: the server checks it against the venue's tolerance before the card is touched.
    expect(finance.api.pay).toHaveBeenCalledWith(expect.objectContaining({ orderId: ORDER_ID, tenders: [{ method: 'softpos', amount: 45000, tip: 4500 }] }));
    const [paymentId, hold] = finance.api.holdPayment.mock.calls[0];
    expect(hold).toMatchObject({ amount: 49500, outcome: 'approved', maskedCard: '•••• 4242' });
    expect(finance.api.capturePayment).toHaveBeenCalledWith(paymentId, expect.objectContaining({ amount: 45000, tip: 4500 }));
    expect(finance.payments.get(paymentId)?.status).toBe('captured');
    // Every operation went with its own idempotency key.
    const keys = [finance.api.pay.mock.calls[0][0].clientRequestId, hold.clientRequestId, finance.api.capturePayment.mock.calls[0][1].clientRequestId];
    expect(new Set(keys).size).toBe(3);
    await waitFor(() => expect(host.queryClient.getQueryData<Order>(queryKeys.order(ORDER_ID))?.due).toBe(0));
  });

  it('steps tap to pay back to a plain button while the dialog pays in cash or mixed (one primary action: «Оплатить»)', () => {
    renderMethods('approve', { payMode: 'cash' });
    expect(screen.getByTestId('payments-tap-to-pay')).toHaveAttribute('data-primary', 'false');
  });

  it('keeps tap to pay primary in card mode', () => {
    renderMethods('approve', { payMode: 'card' });
    expect(screen.getByTestId('payments-tap-to-pay')).toHaveAttribute('data-primary', 'true');
  });

  it('keeps tap to pay primary for a shell that does not say its mode (the remote ships on its own)', () => {
    renderMethods('approve');
    expect(screen.getByTestId('payments-tap-to-pay')).toHaveAttribute('data-primary', 'true');
  });

  it('a tip the server refuses (over the venue\'s tolerance) never reaches the terminal: nothing is charged', async () => {
    const { finance, status, terminal } = renderMethods('approve', { tip: 45000 });
    const start = jest.spyOn(terminal, 'start');
    finance.api.pay.mockRejectedValueOnce(new ApiError(409, { type: 'about:blank', title: 'A tip of at most 20 % (9000) of 45000', status: 409, code: 'payment.tip_over_tolerance' }));
    fireEvent.click(screen.getByTestId('payments-tap-to-pay'));
    await waitFor(() => expect(status()).toHaveAttribute('data-state', 'failed'));
    expect(start).not.toHaveBeenCalled();
    expect(finance.api.capturePayment).not.toHaveBeenCalled();
  });

  it('declined: the reason is shown, nothing captured, the order still due and tap to pay offered again', async () => {
    const { finance, host, status } = renderMethods('decline');
    fireEvent.click(screen.getByTestId('payments-tap-to-pay'));
    await waitFor(() => expect(status()).toHaveAttribute('data-state', 'declined'));
    expect(status()).toHaveTextContent('Отклонено: Insufficient funds');
    expect(finance.api.capturePayment).not.toHaveBeenCalled();
    expect([...finance.payments.values()].map((p) => p.status)).toEqual(['failed']);
    expect(host.queryClient.getQueryData<Order>(queryKeys.order(ORDER_ID))?.due).toBe(45000);
    expect(screen.getByTestId('payments-tap-to-pay')).toBeInTheDocument();
  });

  it('timeout: unknown until checked; the terminal says approved, so it is reconciled and captured', async () => {
    const { finance, host, status } = renderMethods('timeout');
    fireEvent.click(screen.getByTestId('payments-tap-to-pay'));
    await waitFor(() => expect(status()).toHaveAttribute('data-state', 'unknown'));
    expect(status()).toHaveTextContent('Нет ответа терминала — проверить статус');
    expect(finance.api.capturePayment).not.toHaveBeenCalled();
    expect(screen.queryByTestId('payments-tap-to-pay')).not.toBeInTheDocument();

    fireEvent.click(screen.getByTestId('payments-check-status'));
    await waitFor(() => expect(status()).toHaveAttribute('data-state', 'paid'));
    expect(finance.api.reconcilePayment).toHaveBeenCalledWith(expect.any(String), expect.objectContaining({ outcome: 'approved' }));
    expect([...finance.payments.values()].map((p) => p.status)).toEqual(['captured']);
    await waitFor(() => expect(host.queryClient.getQueryData<Order>(queryKeys.order(ORDER_ID))?.due).toBe(0));
  });

  it('deferred: held and left authorized; the hold is listed, capture is capped at the held amount, then captured', async () => {
    const { finance, status } = renderMethods('approve');
    fireEvent.click(screen.getByTestId('payments-deferred'));
    await waitFor(() => expect(status()).toHaveAttribute('data-state', 'held'));
    expect(finance.api.pay).toHaveBeenCalledWith(expect.objectContaining({ tenders: [{ method: 'deferred', amount: 45000 }] }));
    expect(finance.api.capturePayment).not.toHaveBeenCalled();
    await screen.findByTestId('payments-holds');
    // While the hold sits on the card, no second tap-to-pay or hold can start.
    expect(screen.queryByTestId('payments-tap-to-pay')).not.toBeInTheDocument();
    expect(screen.queryByTestId('payments-deferred')).not.toBeInTheDocument();
    const amount = screen.getByTestId('payments-hold-amount');
    fireEvent.change(amount, { target: { value: '500' } });
    expect(screen.getByTestId('payments-hold-capture')).toBeDisabled();
    expect(screen.getByText('Не больше 450,00 ₽', { normalizer: (s) => s.replace(/\s/g, ' ') })).toBeInTheDocument();
    fireEvent.change(amount, { target: { value: '300' } });
    fireEvent.click(screen.getByTestId('payments-hold-capture'));
    // The capture went through the terminal: what it answered is recorded with the amount.
    await waitFor(() => expect(finance.api.capturePayment).toHaveBeenCalledWith(expect.any(String), expect.objectContaining({ amount: 30000, outcome: 'approved' })));
    await waitFor(() => expect(screen.queryByTestId('payments-holds')).not.toBeInTheDocument());
  });

  it('a hold can be released', async () => {
    const { finance, status } = renderMethods('approve');
    fireEvent.click(screen.getByTestId('payments-deferred'));
    await waitFor(() => expect(status()).toHaveAttribute('data-state', 'held'));
    fireEvent.click(await screen.findByTestId('payments-hold-release'));
    await waitFor(() => expect([...finance.payments.values()].map((p) => p.status)).toEqual(['cancelled']));
    await waitFor(() => expect(screen.queryByTestId('payments-holds')).not.toBeInTheDocument());
    // Released: the card can be used again.
    expect(screen.getByTestId('payments-tap-to-pay')).toBeInTheDocument();
  });

  it('offline: no card buttons, a "needs network" note instead', () => {
    renderMethods('approve', { offline: true });
    expect(screen.getByTestId('payments-offline')).toHaveTextContent('Оплата картой недоступна без сети');
    expect(screen.queryByTestId('payments-tap-to-pay')).not.toBeInTheDocument();
  });

  it('Cancel while the terminal waits for the card: the terminal stops that start, the server cancels the payment, nothing is held', async () => {
    let wake: () => void = () => undefined;
    const { finance, status, terminal } = renderMethods('approve', { sleep: () => new Promise<void>((resolve) => (wake = resolve)) });
    const cancel = jest.spyOn(terminal, 'cancel');
    const start = jest.spyOn(terminal, 'start');
    fireEvent.click(screen.getByTestId('payments-tap-to-pay'));
    fireEvent.click(await screen.findByTestId('payments-cancel'));
    await waitFor(() => expect(status()).toHaveAttribute('data-state', 'cancelled'));
    expect(status()).toHaveTextContent('Отменено');
    // The terminal was told which start to stop: the one it is waiting on, by that start's key.
    expect(cancel).toHaveBeenCalledWith({ startKey: start.mock.calls[0][0].idempotencyKey }, expect.any(String));
    const [paymentId] = finance.api.cancelPayment.mock.calls[0];
    expect(finance.payments.get(paymentId)?.status).toBe('cancelled');
    // The card tapped a moment too late changes nothing: the start reports the cancel, nothing is recorded.
    wake();
    expect(await start.mock.results[0].value).toMatchObject({ outcome: 'declined', reason: 'Cancelled' });
    expect(finance.api.holdPayment).not.toHaveBeenCalled();
    expect(screen.getByTestId('payments-tap-to-pay')).toBeInTheDocument();
    expect(screen.queryByTestId('payments-cancel')).not.toBeInTheDocument();
  });

  it('if the terminal cannot be told to stop, the start is awaited and recorded as usual (money never moves unrecorded)', async () => {
    let wake: () => void = () => undefined;
    const { finance, status, terminal } = renderMethods('approve', { sleep: () => new Promise<void>((resolve) => (wake = resolve)) });
    jest.spyOn(terminal, 'cancel').mockRejectedValue(new Error('bridge gone'));
    fireEvent.click(screen.getByTestId('payments-tap-to-pay'));
    fireEvent.click(await screen.findByTestId('payments-cancel'));
    await waitFor(() => expect(terminal.cancel).toHaveBeenCalled());
    wake();
    await waitFor(() => expect(status()).toHaveAttribute('data-state', 'paid'));
    expect(finance.api.cancelPayment).not.toHaveBeenCalled();
    expect([...finance.payments.values()].map((p) => p.status)).toEqual(['captured']);
  });

  it('deferred capture goes through the terminal: a timeout records capture as unknown, the check asks the same capture again and reconciles it captured', async () => {
    let mode = 'approve';
    const { finance, host, status, terminal } = renderMethods(() => mode);
    const capture = jest.spyOn(terminal, 'capture');
    fireEvent.click(screen.getByTestId('payments-deferred'));
    await waitFor(() => expect(status()).toHaveAttribute('data-state', 'held'));
    const [paymentId, hold] = finance.api.holdPayment.mock.calls[0];
    expect(hold.amount).toBe(45000);

    mode = 'timeout';
    fireEvent.click(await screen.findByTestId('payments-hold-capture'));
    await waitFor(() => expect(status()).toHaveAttribute('data-state', 'unknown'));
    expect(status()).toHaveTextContent('Нет ответа терминала — проверить статус');
    // The terminal was asked to capture the pre-authorization it made (its reference), not to charge again.
    expect(capture).toHaveBeenCalledWith(expect.objectContaining({ transactionRef: hold.terminalReference, amount: 45000, currency: 'RUB' }));
    expect(finance.api.capturePayment).toHaveBeenCalledWith(paymentId, expect.objectContaining({ amount: 45000, outcome: 'timeout' }));
    expect(finance.payments.get(paymentId)?.status).toBe('unknown');
    expect(host.queryClient.getQueryData<Order>(queryKeys.order(ORDER_ID))?.due).toBe(45000);

    fireEvent.click(screen.getByTestId('payments-check-status'));
    await waitFor(() => expect(status()).toHaveAttribute('data-state', 'paid'));
    // Same capture, same key: the terminal answers what it did, it does not capture twice.
    expect(capture).toHaveBeenCalledTimes(2);
    expect(capture.mock.calls[1][0]).toEqual(capture.mock.calls[0][0]);
    expect(finance.api.reconcilePayment).toHaveBeenCalledWith(paymentId, expect.objectContaining({ outcome: 'approved' }));
    expect(finance.payments.get(paymentId)).toMatchObject({ status: 'captured', amount: 45000 });
    await waitFor(() => expect(host.queryClient.getQueryData<Order>(queryKeys.order(ORDER_ID))?.due).toBe(0));
  });

  it('a capture the terminal declines is recorded as declined and says so', async () => {
    let mode = 'approve';
    const { finance, status } = renderMethods(() => mode);
    fireEvent.click(screen.getByTestId('payments-deferred'));
    await waitFor(() => expect(status()).toHaveAttribute('data-state', 'held'));
    mode = 'decline';
    fireEvent.click(await screen.findByTestId('payments-hold-capture'));
    await waitFor(() => expect(status()).toHaveAttribute('data-state', 'declined'));
    expect(status()).toHaveTextContent('Отклонено: Declined by the issuer');
    expect(finance.api.capturePayment).toHaveBeenCalledWith(expect.any(String), expect.objectContaining({ outcome: 'declined' }));
    expect([...finance.payments.values()].map((p) => p.status)).toEqual(['failed']);
  });

  it('releasing a hold voids the pre-authorization on the terminal before the server cancels it', async () => {
    const { finance, status, terminal } = renderMethods('approve');
    const cancel = jest.spyOn(terminal, 'cancel');
    fireEvent.click(screen.getByTestId('payments-deferred'));
    await waitFor(() => expect(status()).toHaveAttribute('data-state', 'held'));
    const [, hold] = finance.api.holdPayment.mock.calls[0];
    fireEvent.click(await screen.findByTestId('payments-hold-release'));
    await waitFor(() => expect(status()).toHaveAttribute('data-state', 'released'));
    expect(cancel).toHaveBeenCalledWith({ transactionRef: hold.terminalReference }, expect.any(String));
    expect(cancel.mock.invocationCallOrder[0]).toBeLessThan(finance.api.cancelPayment.mock.invocationCallOrder[0]);
  });
});
