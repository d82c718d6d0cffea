import { expect, type Locator, type Page, test } from './support/test';
import { startServer, type TestServer } from './support/server';
import { apiLogin, signIn } from './support/staff';

// Issue 14 (toasts over the order header, Escape on dialogs, /favicon.ico, "RUB 590.00 ₽").
let server: TestServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => server?.stop());

interface Product {
  id: string;
  name: string;
  isAvailable: boolean;
  modifierGroupIds: string[];
}
interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function box(locator: Locator): Promise<Box> {
  const b = await locator.boundingBox();
  if (!b) throw new Error('no bounding box');
  return b;
}

/** Anna's order on a table, fired through the REST API. */
async function firedOrder(label: string) {
  const waiter = await apiLogin(server.url, '1111');
  const tables = await waiter.get<{ id: string; label: string }[]>('/pos/tables');
  const table = tables.find((t) => t.label === label)!;
  const menu = await waiter.get<{ products: Product[] }>('/pos/menu');
  const product = menu.products.find((p) => p.isAvailable && p.modifierGroupIds.length === 0)!;
  const order = await waiter.post<{ id: string }>('/pos/orders', { tableId: table.id, guests: 2, items: [{ productId: product.id, quantity: 1 }] });
  await waiter.post(`/pos/orders/${order.id}/send`, {});
  return { order, table, product };
}

async function bumpReady(orderId: string) {
  const cook = await apiLogin(server.url, '4444');
  const [ticket] = await cook.get<{ id: string }[]>(`/pos/kitchen/tickets?orderId=${orderId}`);
  await cook.post(`/pos/kitchen/tickets/${ticket!.id}/status`, { status: 'ready' });
}

async function openOrder(page: Page, orderId: string) {
  await page.goto(`${server.url}/order/${orderId}`);
  await expect(page.getByTestId('order-screen')).toHaveAttribute('data-order', orderId);
  await expect(page.getByTestId('order-table')).toBeVisible();
}

test('a ready toast on the order screen hides neither the order header nor its actions, and closes with its button', async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await signIn(page, server.url, '1111');

  const viewports = [
    { width: 1280, height: 800, table: '2' },
    { width: 1024, height: 768, table: '3' },
    { width: 800, height: 1280, table: '4' },
  ];
  for (const { width, height, table: label } of viewports) {
    const { order, table, product } = await firedOrder(label);
    await page.setViewportSize({ width, height });
    await openOrder(page, order.id);
    // The ready toasts come from the notifications remote: it is there once its bell is.
    await expect(page.getByTestId('notifications-bell')).toBeVisible();
    await bumpReady(order.id);

    const toast = page.getByRole('status').filter({ hasText: `Стол ${table.label} готов: ${product.name} ×1` });
    await expect(toast).toBeVisible();
    const toastBox = await box(toast);
    // Nothing staff need is under it: the order header (table, guests) and the order's actions.
    const targets = {
      'the order header': page.getByTestId('order-panel').locator('header'),
      'the table name': page.getByTestId('order-table'),
      'the guests': page.getByTestId('order-guests'),
      'the totals': page.getByTestId('order-totals'),
      'the split button': page.getByTestId('order-split'),
      'the fire button': page.getByTestId('order-fire'),
    };
    for (const [name, target] of Object.entries(targets)) {
      await expect(target).toBeVisible();
      expect(overlaps(toastBox, await box(target)), `toast over ${name} at ${width}×${height}`).toBe(false);
    }
    // Inside the window.
    expect(toastBox.x).toBeGreaterThanOrEqual(0);
    expect(toastBox.x + toastBox.width).toBeLessThanOrEqual(width);
    expect(toastBox.y + toastBox.height).toBeLessThanOrEqual(height);
    if (width !== 1024) await page.screenshot({ path: `tmp/e2e-shots/toast-order-${width}x${height}.png` });

    // Closed with its own button (named), before the auto-dismiss; the order screen stays.
    await toast.getByRole('button', { name: 'Закрыть уведомление' }).click();
    await expect(toast).toHaveCount(0);
    await expect(page.getByTestId('order-screen')).toHaveAttribute('data-order', order.id);
  }
});

test('the seat dialog on the floor is named after its title and closes with Escape', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, server.url, '1111');
  await expect(page.getByTestId('floor-screen')).toBeVisible();
  await page.getByTestId('table-7').click();
  const dialog = page.getByRole('dialog', { name: 'Стол 7: сколько гостей?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAttribute('aria-modal', 'true');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('guests-dialog')).toHaveCount(0);
  await expect(page.getByTestId('floor-screen')).toBeVisible();
});

test('/favicon.ico answers 200 with an icon, and the shell links one', async ({ request }) => {
  const res = await request.get(`${server.url}/favicon.ico`);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toMatch(/image\//);
  const html = await (await request.get(`${server.url}/`)).text();
  expect(html).toMatch(/<link[^>]+rel="?icon"?[^>]+href="?\/favicon\.ico"?/);
});

test('the pay dialog in English shows one currency mark per amount and unclipped quick-cash buttons', async ({ page }) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const { order } = await firedOrder('8');
  await signIn(page, server.url, '2222'); // the cashier
  await openOrder(page, order.id);
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.getByTestId('order-pay')).toContainText('Pay');
  await page.getByTestId('order-pay').click();
  const dialog = page.getByTestId('pay-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('pay-tendered')).toBeVisible();

  // No "RUB" next to "₽", nowhere in the dialog; the amount field's hint carries no mark of its own
  // (the field shows the currency beside it).
  const text = await page.getByRole('dialog').innerText();
  expect(text).not.toContain('RUB');
  const placeholder = (await page.getByTestId('pay-tendered').getAttribute('placeholder')) ?? '';
  expect(placeholder).toMatch(/\d/);
  expect(placeholder).not.toMatch(/₽|RUB/);
  for (const amount of text.match(/[^\s]*\d[\d,.]*[^\n]*/g) ?? []) expect(amount.match(/₽/g)?.length ?? 0).toBeLessThanOrEqual(1);

  // Quick-cash buttons show their whole amount.
  const quick = page.locator('button[data-testid^="cash-"]');
  const clipped = await quick.evaluateAll((buttons) =>
    buttons.filter((b) => b.getAttribute('data-testid') !== 'cash-exact' && b.scrollWidth > b.clientWidth).map((b) => b.textContent),
  );
  expect(clipped).toEqual([]);
  await page.screenshot({ path: 'tmp/e2e-shots/pay-dialog-en.png' });
});
