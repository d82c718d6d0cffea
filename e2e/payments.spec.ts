import { expect, type Page, test } from '@playwright/test';
import { startServer, type TestServer } from './support/server';
import { apiLogin, openSection, signIn } from './support/staff';

let server: TestServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => server?.stop());

interface PaymentRow {
  method: string;
  status: string;
  amount: number;
  maskedCard: string | null;
}

/** A waiter's order for one borscht at table `label`, made over the API. */
async function borschtOrder(label: string) {
  const waiter = await apiLogin(server.url, '1111');
  const tables = await waiter.get<{ id: string; label: string }[]>('/pos/tables');
  const table = tables.find((t) => t.label === label);
  const menu = await waiter.get<{ products: { id: string; code: string }[] }>('/pos/menu');
  const borscht = menu.products.find((p) => p.code === 'borscht');
  if (!table || !borscht) throw new Error('demo data changed: no table or borscht');
  return waiter.post<{ id: string; total: number }>('/pos/orders', { tableId: table.id, guests: 2, items: [{ productId: borscht.id, quantity: 1 }] });
}

/** The cashier opens the table's order and the pay dialog, with the simulator set to `mode`. */
async function openPayDialog(page: Page, label: string, mode: string) {
  await page.evaluate((m) => localStorage.setItem('pos.terminal.simulator', m), mode);
  await openSection(page, 'Зал');
  await page.getByTestId(`table-${label}`).click();
  await expect(page.getByTestId('order-screen')).toBeVisible();
  await page.getByTestId('order-pay').click();
  await expect(page.getByTestId('pay-dialog')).toBeVisible();
  await expect(page.getByTestId('payments-tap-to-pay')).toBeVisible();
}

const closeDialog = (page: Page) => page.getByRole('dialog').getByRole('button', { name: 'Закрыть', exact: true }).click();

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
