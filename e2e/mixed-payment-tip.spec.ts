import { expect, type Page, test } from './support/test';
import { startServer, type TestServer } from './support/server';
import { borschtOrder, openPayDialog, type PaymentRow } from './support/payments';
import { apiLogin, signIn } from './support/staff';

/**
 * A mixed payment with a tip: the tenders add up to the bill, the tip goes on top of one of them.
 * The cashier sees which (the card by default, said in words) and may put it on another; the
 * receipt names the payment that carried it.
 */
let server: TestServer;
test.beforeAll(async () => {
  server = await startServer();
  const cashier = await apiLogin(server.url, '2222');
  await cashier.post('/pos/shifts', { openingFloat: 500000 });
});
test.afterAll(async () => server?.stop());

const shot = (page: Page, name: string) => page.screenshot({ path: `tmp/e2e-shots/mixed-tip-${name}.png` });
const paymentsOf = async (orderId: string) => (await apiLogin(server.url, '2222')).get<(PaymentRow & { tip: number })[]>(`/pos/finance/payments?orderId=${orderId}`);

test('the cashier puts the tip of a card + cash payment on the cash; the dialog and the receipt say so', async ({ browser }) => {
  const { order } = await borschtOrder(server.url, '4', 2); // 900 ₽
  const cashier = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await signIn(cashier, server.url, '2222');
  await openPayDialog(cashier, '4', 'approve');

  // Cash mode: «Оплатить» is the one primary action, tap to pay a plain button beside the card block.
  const tapToPay = cashier.getByTestId('payments-tap-to-pay');
  await expect(tapToPay).toHaveAttribute('data-primary', 'false');
  const background = (selector: string) => cashier.getByTestId(selector).evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(await background('payments-tap-to-pay')).not.toBe(await background('pay-submit'));
  await shot(cashier, 'cash-mode-1280x800');
  await cashier.getByTestId('pay-method-card').click();
  await expect(tapToPay).toHaveAttribute('data-primary', 'true');

  await cashier.getByTestId('tip-10').click();
  await cashier.getByTestId('pay-method-mixed').click();
  await expect(tapToPay).toHaveAttribute('data-primary', 'false');
  // Labelled amount fields with room to type.
  const firstAmount = cashier.getByRole('textbox', { name: 'Сумма оплаты 1' });
  await firstAmount.fill('600');
  await cashier.getByTestId('tender-2-rest').click();
  expect((await firstAmount.boundingBox())!.width).toBeGreaterThanOrEqual(150);
  await expect(cashier.getByTestId('tender-1').getByRole('radio', { name: 'Карта' })).toHaveAttribute('aria-checked', 'true');
  await expect(cashier.getByTestId('tender-2').getByRole('radio', { name: 'Наличные' })).toHaveAttribute('aria-checked', 'true');

  // By default the tip rides on the card — shown, not silent.
  await expect(cashier.getByTestId('pay-tip-where')).toHaveText('· с оплатой 1: Карта');
  await expect(cashier.getByTestId('tender-1-tip')).toHaveText(/^чаевые 90,00\s₽ с этой оплатой, всего 690,00\s₽$/);
  await shot(cashier, 'default-on-card-1280x800');

  // The guest tips in cash: the cashier moves it.
  await cashier.getByTestId('tip-on-2').click();
  await expect(cashier.getByTestId('pay-tip-where')).toHaveText('· с оплатой 2: Наличные');
  await expect(cashier.getByTestId('tender-1-tip')).toHaveCount(0);
  await expect(cashier.getByTestId('tender-2-tip')).toHaveText(/^чаевые 90,00\s₽ с этой оплатой, всего 390,00\s₽$/);
  await expect(cashier.getByTestId('pay-total')).toHaveText(/^990,00\s₽$/);
  await shot(cashier, 'on-cash-1280x800');
  // A 1024×768 tablet: the dialog, its pay button and the tip's tender stay in view.
  await cashier.setViewportSize({ width: 1024, height: 768 });
  await cashier.getByTestId('tender-2-tip').scrollIntoViewIfNeeded();
  for (const id of ['pay-submit', 'tender-2-tip', 'pay-tip-where']) {
    const box = (await cashier.getByTestId(id).boundingBox())!;
    expect(box.x + box.width, `${id} in view`).toBeLessThanOrEqual(1024);
    expect(box.y + box.height, `${id} in view`).toBeLessThanOrEqual(768);
  }
  await shot(cashier, 'on-cash-1024x768');
  await cashier.setViewportSize({ width: 1280, height: 800 });
  await cashier.getByTestId('pay-submit').click();

  await expect(cashier.getByTestId('pay-result')).toBeVisible();
  const rows = cashier.getByTestId('receipt').locator('[data-testid^="receipt-payment-"]');
  await expect(rows.filter({ hasText: 'Карта' })).toHaveText(/^Карта600,00\s₽$/);
  await expect(rows.filter({ hasText: 'Наличные' })).toHaveText(/^Наличные · в т\. ч\. чаевые 90,00\s₽390,00\s₽$/);
  await shot(cashier, 'receipt-1280x800');

  const payments = await paymentsOf(order.id);
  expect(payments.map((p) => ({ method: p.method, amount: p.amount, tip: p.tip })).sort((a, b) => a.method.localeCompare(b.method))).toEqual([
    { method: 'card', amount: 60000, tip: 0 },
    { method: 'cash', amount: 30000, tip: 9000 },
  ]);
});

test('portrait, in English: the default tip on the card is said in the dialog and on the receipt', async ({ browser }) => {
  const { order } = await borschtOrder(server.url, '5', 2);
  const cashier = await (await browser.newContext({ viewport: { width: 800, height: 1280 } })).newPage();
  await signIn(cashier, server.url, '2222');
  await cashier.getByRole('button', { name: 'EN', exact: true }).click();
  await cashier.evaluate(() => localStorage.setItem('pos.terminal.simulator', 'approve'));
  await cashier.locator('header nav').getByRole('button', { name: 'Floor', exact: true }).click();
  await cashier.getByTestId('table-5').click();
  await cashier.getByTestId('order-pay').click();
  await expect(cashier.getByTestId('pay-dialog')).toBeVisible();
  await cashier.getByTestId('tip-amount').click();
  await cashier.getByTestId('tip-input').fill('100');
  await cashier.getByTestId('pay-method-mixed').click();
  await cashier.getByRole('textbox', { name: 'Amount of tender 1' }).fill('500');
  await cashier.getByTestId('tender-2-rest').click();
  await expect(cashier.getByTestId('pay-tip-where')).toHaveText('· with tender 1: Card');
  await expect(cashier.getByTestId('tender-1-tip')).toHaveText('tip ₽100.00 with this tender, ₽600.00 in all');
  await cashier.getByTestId('tender-1-tip').scrollIntoViewIfNeeded();
  await shot(cashier, 'default-on-card-800x1280-en');
  await cashier.getByTestId('pay-submit').click();
  await expect(cashier.getByTestId('pay-result')).toBeVisible();
  const rows = cashier.getByTestId('receipt').locator('[data-testid^="receipt-payment-"]');
  await expect(rows.filter({ hasText: 'Card' })).toHaveText(/^Card · incl\. tip ₽100\.00₽600\.00$/);
  await expect(rows.filter({ hasText: 'Cash' })).toHaveText(/^Cash₽400\.00$/);
  await shot(cashier, 'receipt-800x1280-en');
  const payments = await paymentsOf(order.id);
  expect(payments.find((p) => p.method === 'card')).toMatchObject({ amount: 50000, tip: 10000 });
  expect(payments.find((p) => p.method === 'cash')).toMatchObject({ amount: 40000, tip: 0 });
});
