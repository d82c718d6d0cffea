import { HostProvider, queryKeys } from '@pos/plugin-sdk';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { Order } from '@pos/contracts';
import { createSimulatorTerminal, parseSimulatorMode } from '../../terminal';
import { fakeFinance, order, ORDER_ID, paymentsHost } from '../../testing/fixtures';
import { PaymentMethods } from './payment-methods';

const noWait = () => Promise.resolve();

function renderMethods(mode: string, options: { tip?: number; offline?: boolean } = {}) {
  const finance = fakeFinance();
  const host = paymentsHost(finance.api);
  if (options.offline) host.connectivity = () => ({ state: 'offline', pending: 0 });
  const terminal = createSimulatorTerminal({ sleep: noWait, mode: () => parseSimulatorMode(mode) });
  const theOrder = order();
  host.queryClient.setQueryData(queryKeys.order(ORDER_ID), theOrder);
  render(
    <HostProvider host={host}>
      <PaymentMethods host={host} terminal={terminal} context={{ order: theOrder, checkIndex: null, amount: theOrder.due, tip: options.tip ?? 0 }} />
    </HostProvider>,
  );
  const status = () => screen.getByTestId('payments-status');
  return { finance, host, status };
}

describe('PaymentMethods (payment.methods slot)', () => {
  it('tap to pay approved: softpos created, held for amount + tip, captured, the shell sees the order paid', async () => {
    const { finance, host, status } = renderMethods('approve', { tip: 4500 });
    fireEvent.click(screen.getByTestId('payments-tap-to-pay'));
    await waitFor(() => expect(status()).toHaveAttribute('data-state', 'paid'));
    expect(status()).toHaveTextContent('Оплачено · •••• 4242');
    expect(finance.api.pay).toHaveBeenCalledWith(expect.objectContaining({ orderId: ORDER_ID, tenders: [{ method: 'softpos', amount: 45000 }] }));
    const [paymentId, hold] = finance.api.holdPayment.mock.calls[0];
    expect(hold).toMatchObject({ amount: 49500, outcome: 'approved', maskedCard: '•••• 4242' });
    expect(finance.api.capturePayment).toHaveBeenCalledWith(paymentId, expect.objectContaining({ amount: 45000, tip: 4500 }));
    expect(finance.payments.get(paymentId)?.status).toBe('captured');
    // Every operation went with its own idempotency key.
    const keys = [finance.api.pay.mock.calls[0][0].clientRequestId, hold.clientRequestId, finance.api.capturePayment.mock.calls[0][1].clientRequestId];
    expect(new Set(keys).size).toBe(3);
    await waitFor(() => expect(host.queryClient.getQueryData<Order>(queryKeys.order(ORDER_ID))?.due).toBe(0));
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
    const amount = screen.getByTestId('payments-hold-amount');
    fireEvent.change(amount, { target: { value: '500' } });
    expect(screen.getByTestId('payments-hold-capture')).toBeDisabled();
    expect(screen.getByText('Не больше 450,00 ₽', { normalizer: (s) => s.replace(/\s/g, ' ') })).toBeInTheDocument();
    fireEvent.change(amount, { target: { value: '300' } });
    fireEvent.click(screen.getByTestId('payments-hold-capture'));
    await waitFor(() => expect(finance.api.capturePayment).toHaveBeenCalledWith(expect.any(String), { amount: 30000 }));
    await waitFor(() => expect(screen.queryByTestId('payments-holds')).not.toBeInTheDocument());
  });

  it('a hold can be released', async () => {
    const { finance, status } = renderMethods('approve');
    fireEvent.click(screen.getByTestId('payments-deferred'));
    await waitFor(() => expect(status()).toHaveAttribute('data-state', 'held'));
    fireEvent.click(await screen.findByTestId('payments-hold-release'));
    await waitFor(() => expect([...finance.payments.values()].map((p) => p.status)).toEqual(['cancelled']));
    await waitFor(() => expect(screen.queryByTestId('payments-holds')).not.toBeInTheDocument());
  });

  it('offline: no card buttons, a "needs network" note instead', () => {
    renderMethods('approve', { offline: true });
    expect(screen.getByTestId('payments-offline')).toHaveTextContent('Оплата картой недоступна без сети');
    expect(screen.queryByTestId('payments-tap-to-pay')).not.toBeInTheDocument();
  });
});
