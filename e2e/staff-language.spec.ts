import { expect, type Browser, test } from './support/test';
import { borschtOrder } from './support/payments';
import { startServer, type TestServer } from './support/server';
import { apiLogin, signIn } from './support/staff';

let server: TestServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => server?.stop());

/** English titles the API writes into problems: none may reach a Russian screen. */
const ENGLISH_TITLES = /The table is not open|The order is closed|not found|Request failed|version conflict/i;

async function waiterIn(browser: Browser, language: 'ru' | 'en') {
  const context = await browser.newContext({ locale: language === 'en' ? 'en-GB' : 'ru-RU' });
  await context.addInitScript((lng) => localStorage.setItem('pos.language', lng), language);
  return context.newPage();
}

for (const [language, label, closedText] of [
  ['ru', '6', /закрыт/i],
  ['en', '8', /closed/i],
] as const) {
  test(`a ${language} waiter's order screen follows the cashier closing table ${label} on another tablet`, async ({ browser }) => {
    test.setTimeout(120_000);
    const { order } = await borschtOrder(server.url, label);
    const waiter = await waiterIn(browser, language);
    await signIn(waiter, server.url, '1111');
    await waiter.getByTestId(`table-${label}`).click();
    await expect(waiter.getByTestId('order-screen')).toHaveAttribute('data-order', order.id);
    await expect(waiter.getByTestId('line-Борщ')).toBeVisible();

    // The cashier takes the money and closes the table through the API (another tablet).
    const cashier = await apiLogin(server.url, '2222');
    const current = await cashier.get<{ shift: { id: string } | null }>('/pos/shifts/current');
    if (!current.shift) await cashier.post('/pos/shifts', { openingFloat: 500000 });
    await cashier.post('/pos/finance/payments', { orderId: order.id, tenders: [{ method: 'cash', amount: order.total }] });
    const tables = await cashier.get<{ id: string; label: string }[]>('/pos/tables');
    await cashier.post(`/pos/tables/${tables.find((t) => t.label === label)!.id}/close`);

    // Without a reload: no «Закрыть стол» left to tap, and a notice in the waiter's language.
    await expect(waiter.getByTestId('order-close-table')).toHaveCount(0);
    const notice = waiter.getByTestId('order-table-closed');
    await expect(notice).toBeVisible();
    await expect(notice).toContainText(closedText);
    await waiter.screenshot({ path: `tmp/e2e-shots/staff-language-closed-${language}.png` });
    if (language === 'ru') await expect(waiter.locator('body')).not.toContainText(ENGLISH_TITLES);
    await waiter.context().close();
  });
}

test('the order list follows the waiter: the 7th added line is in view at 1280×800, a fired line collapses', async ({ browser }) => {
  test.setTimeout(120_000);
  const api = await apiLogin(server.url, '1111');
  const menu = await api.get<{ categories: { id: string; name: string }[]; products: { code: string; name: string; categoryId: string; isAvailable: boolean; modifierGroupIds: string[] }[] }>('/pos/menu');
  const simple = menu.products.filter((p) => p.isAvailable && p.modifierGroupIds.length === 0).slice(0, 7);
  expect(simple).toHaveLength(7);

  const waiter = await waiterIn(browser, 'ru');
  await waiter.setViewportSize({ width: 1280, height: 800 });
  await signIn(waiter, server.url, '1111');
  await waiter.getByTestId('table-7').click();
  await waiter.getByTestId('seat-confirm').click();
  await expect(waiter.getByTestId('order-screen')).toBeVisible();
  for (const product of simple) {
    const category = menu.categories.find((c) => c.id === product.categoryId)!;
    await waiter.getByTestId(`category-${category.name}`).click();
    await waiter.getByTestId(`product-${product.code}`).click();
    const line = waiter.getByTestId(`line-${product.name}`);
    await expect(line).toBeVisible();
    await expect(line).toBeInViewport({ ratio: 0.9 });
  }
  await waiter.screenshot({ path: 'tmp/e2e-shots/staff-language-7-lines.png' });

  // A tapped line opens its actions; firing folds it back.
  const first = waiter.getByTestId(`line-${simple[0].name}`);
  await first.locator('button[aria-expanded]').click();
  await expect(first.getByTestId('line-void')).toBeVisible();
  await waiter.getByTestId('order-fire').click();
  await expect(first).toHaveAttribute('data-kitchen', /fired|queued|cooking/);
  await expect(first.getByTestId('line-void')).toHaveCount(0);
  await waiter.screenshot({ path: 'tmp/e2e-shots/staff-language-fired.png' });
});
