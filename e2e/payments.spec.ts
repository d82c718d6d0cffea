import { expect, test } from './support/test';
import { startServer, type TestServer } from './support/server';
import { borschtOrder as placeBorscht, closeDialog, openPayDialog, type PaymentRow } from './support/payments';
import { apiLogin, signIn } from './support/staff';

let server: TestServer;
const borschtOrder = async (label: string) => (await placeBorscht(server.url, label)).order;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => server?.stop());

test('cashier takes tap-to-pay: approved is paid, declined stays due, a timeout is checked and paid', async ({ browser }) => {
  test.setTimeout(120_000);
  const cashierApi = await apiLogin(server.url, '2222');
  await cashierApi.post('/pos/shifts', { openingFloat: 500000 });
  const approved = await borschtOrder('1');
  const declined = await borschtOrder('2');
  const timedOut = await borschtOrder('3');

  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const cashier = await context.newPage();
  await signIn(cashier, server.url, '2222');

  // Approved: created, held, captured at once; the pay dialog sees the order paid and offers to close the table.
  await openPayDialog(cashier, '1', 'approve');
  await cashier.getByTestId('payments-tap-to-pay').click();
  const status = cashier.getByTestId('payments-status');
  await expect(cashier.getByTestId('pay-settled')).toBeVisible();
  await expect(cashier.getByTestId('pay-close-table')).toBeVisible();
  await cashier.screenshot({ path: 'tmp/e2e-shots/tap-to-pay-paid.png' });
  const [payment] = await cashierApi.get<PaymentRow[]>(`/pos/finance/payments?orderId=${approved.id}`);
  expect(payment).toMatchObject({ method: 'softpos', status: 'captured', amount: approved.total, maskedCard: '•••• 4242' });
  expect((await cashierApi.get<{ due: number }>(`/pos/orders/${approved.id}`)).due).toBe(0);
  await closeDialog(cashier);

  // Declined: the reason shows, nothing is captured, the order is still due.
  await openPayDialog(cashier, '2', 'decline');
  await cashier.getByTestId('payments-tap-to-pay').click();
  await expect(status).toHaveAttribute('data-state', 'declined');
  await expect(status).toContainText('Отклонено: Insufficient funds');
  await cashier.screenshot({ path: 'tmp/e2e-shots/tap-to-pay-declined.png' });
  expect((await cashierApi.get<PaymentRow[]>(`/pos/finance/payments?orderId=${declined.id}`)).map((p) => p.status)).toEqual(['failed']);
  expect((await cashierApi.get<{ due: number }>(`/pos/orders/${declined.id}`)).due).toBe(declined.total);
  await closeDialog(cashier);

  // Timeout: unknown until checked; the terminal did charge, so the check settles it paid.
  await openPayDialog(cashier, '3', 'timeout');
  await cashier.getByTestId('payments-tap-to-pay').click();
  await expect(status).toHaveAttribute('data-state', 'unknown');
  await expect(status).toContainText('Нет ответа терминала');
  // Meanwhile the cash button is blocked: the guest may already have paid by card.
  await expect(cashier.getByTestId('pay-card-in-doubt')).toBeVisible();
  await expect(cashier.getByTestId('pay-submit')).toBeDisabled();
  await cashier.screenshot({ path: 'tmp/e2e-shots/tap-to-pay-unknown.png' });
  expect((await cashierApi.get<PaymentRow[]>(`/pos/finance/payments?orderId=${timedOut.id}`)).map((p) => p.status)).toEqual(['unknown']);
  await cashier.getByTestId('payments-check-status').click();
  await expect(cashier.getByTestId('pay-settled')).toBeVisible();
  expect((await cashierApi.get<PaymentRow[]>(`/pos/finance/payments?orderId=${timedOut.id}`)).map((p) => p.status)).toEqual(['captured']);
  expect((await cashierApi.get<{ due: number }>(`/pos/orders/${timedOut.id}`)).due).toBe(0);
});

test('a tap-to-pay cut short by a page reload is found afterwards and settled exactly once', async ({ browser }) => {
  test.setTimeout(120_000);
  const cashierApi = await apiLogin(server.url, '2222');
  const order = await borschtOrder('8');
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const cashier = await context.newPage();
  await signIn(cashier, server.url, '2222');

  // The guest is still holding the card to the tablet when the page reloads (a crash, a swipe).
  await openPayDialog(cashier, '8', 'delay:60000');
  await cashier.getByTestId('payments-tap-to-pay').click();
  await expect(cashier.getByTestId('payments-cancel')).toBeVisible();
  await expect.poll(async () => (await cashierApi.get<PaymentRow[]>(`/pos/finance/payments?orderId=${order.id}`)).map((p) => p.status)).toEqual(['created']);
  await cashier.reload();
  await expect(cashier.getByTestId('staff-name')).toBeVisible();

  // After the reload the bill cannot be taken another way, and the unfinished payment is listed.
  await openPayDialog(cashier, '8', 'approve');
  await expect(cashier.getByTestId('pay-card-in-doubt')).toBeVisible();
  await expect(cashier.getByTestId('pay-submit')).toBeDisabled();
  const [stuck] = await cashierApi.get<PaymentRow[]>(`/pos/finance/payments?orderId=${order.id}`);
  const row = cashier.getByTestId(`payments-stuck-${stuck.id}`);
  await expect(row).toHaveAttribute('data-status', 'created');
  await expect(cashier.getByTestId('payments-tap-to-pay')).toHaveCount(0);
  await cashier.screenshot({ path: 'tmp/e2e-shots/tap-to-pay-stuck.png' });
  // This tablet kept the terminal keys: asking the terminal again settles it, with no second charge.
  await row.getByTestId('payments-stuck-check').click();
  await expect(cashier.getByTestId('pay-settled')).toBeVisible();
  const after = await cashierApi.get<PaymentRow[]>(`/pos/finance/payments?orderId=${order.id}`);
  expect(after).toHaveLength(1);
  expect(after[0]).toMatchObject({ id: stuck.id, status: 'captured', amount: order.total });
  expect((await cashierApi.get<{ due: number }>(`/pos/orders/${order.id}`)).due).toBe(0);
  await context.close();
});
