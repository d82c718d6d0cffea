import { expect, test } from './support/test';
import { startServer, type TestServer } from './support/server';
import { apiLogin, openSection, signIn } from './support/staff';

let server: TestServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => server?.stop());

test('waiter orders a steak with a modifier, the cook bumps it ready, the cashier takes mixed payment with a tip, the table is free', async ({ browser }) => {
  test.setTimeout(150_000);
  const waiter = await (await browser.newContext()).newPage();
  const cook = await (await browser.newContext()).newPage();
  const cashier = await (await browser.newContext()).newPage();

  // The cook's display is open before the order comes in: the ticket must arrive live.
  await signIn(cook, server.url, '4444');
  await expect(cook.getByTestId('kitchen-screen')).toBeVisible();

  // Waiter: seat table 5, order a medium-rare steak, fire.
  await signIn(waiter, server.url, '1111');
  await waiter.getByTestId('table-5').click();
  await waiter.getByTestId('seat-confirm').click();
  await expect(waiter.getByTestId('order-screen')).toBeVisible();
  await waiter.getByTestId('category-Горячее').click();
  await waiter.getByTestId('product-ribeye-steak').click();
  await expect(waiter.getByTestId('modifiers-dialog')).toBeVisible();
  await expect(waiter.getByTestId('modifiers-add')).toBeDisabled();
  await waiter.getByTestId('modifier-Medium rare').click();
  await waiter.getByTestId('modifiers-add').click();
  const line = waiter.getByTestId('line-Стейк рибай');
  await expect(line).toBeVisible();
  await expect(line).toContainText('Medium rare');
  await waiter.screenshot({ path: 'tmp/e2e-shots/order-screen.png' });
  await waiter.getByTestId('order-fire').click();
  await expect(line).toHaveAttribute('data-kitchen', /^(fired|queued)$/);

  // Cook: the ticket shows up without a reload; bump it to cooking, then ready.
  const ticket = cook.locator('[data-testid^="ticket-"]', { hasText: 'Стейк рибай' });
  await expect(ticket).toBeVisible();
  await expect(ticket).toContainText('Medium rare');
  await cook.screenshot({ path: 'tmp/e2e-shots/kitchen.png' });
  await ticket.locator('[data-testid^="bump-"]').click();
  await expect(cook.getByTestId('lane-cooking').getByText('Стейк рибай')).toBeVisible();
  await ticket.locator('[data-testid^="bump-"]').click();
  await expect(cook.getByTestId('lane-ready').getByText('Стейк рибай')).toBeVisible();

  // Cashier: open the cash shift, then pay table 5 by card and cash with a 10 % tip.
  await signIn(cashier, server.url, '2222');
  await openSection(cashier, 'Смена');
  await cashier.getByTestId('opening-float').fill('5000');
  await cashier.getByTestId('open-shift').click();
  await expect(cashier.getByTestId('shift-status')).toBeVisible();
  await openSection(cashier, 'Зал');
  await cashier.getByTestId('table-5').click();
  await expect(cashier.getByTestId('order-screen')).toBeVisible();
  await cashier.getByTestId('order-pay').click();
  await expect(cashier.getByTestId('pay-dialog')).toBeVisible();
  await cashier.getByTestId('tip-10').click();
  await cashier.getByTestId('pay-method-mixed').click();
  await cashier.getByTestId('tender-1-amount').fill('1000');
  await cashier.getByTestId('tender-2-rest').click();
  await cashier.getByTestId('pay-submit').click();
  await expect(cashier.getByTestId('pay-result')).toBeVisible();
  await cashier.screenshot({ path: 'tmp/e2e-shots/paid.png' });

  // The money landed as two tenders and a tip, on the cashier's shift.
  const api = await apiLogin(server.url, '2222');
  const [order] = await api.get<{ status: string; tips: number; total: number; paid: number }[]>('/pos/orders?status=paid');
  expect(order.paid).toBe(order.total);
  expect(order.tips).toBe(Math.round(order.total * 0.1));

  await cashier.getByTestId('pay-close-table').click();
  await expect(cashier.getByTestId('floor-screen')).toBeVisible();
  await expect(cashier.getByTestId('table-5')).toHaveAttribute('data-status', 'free');
  // The waiter's floor map follows live.
  await openSection(waiter, 'Зал');
  await expect(waiter.getByTestId('table-5')).toHaveAttribute('data-status', 'free');
});
