import { expect, type Page, test } from './support/test';
import { payCashAndCloseTable } from './support/payments';
import { serverBehindFaultProxy } from './support/proxied-server';
import { apiLogin, signIn, typePin } from './support/staff';

/**
 * Offline: the tablet talks to the API through a TCP proxy the test controls. Faults injected:
 * the network is cut for real (every connection incl. the WebSocket reset, new ones refused)
 * for the whole order, and the page is reloaded while cut — the service worker and IndexedDB
 * must bring the app back. Then the network returns and the outbox replays.
 */
const env = serverBehindFaultProxy();

const connectivity = (page: Page) => page.getByTestId('connectivity');

test('a whole order taken offline — seat, add, fire, cash payment, close — survives a reload and reaches the server exactly once', async ({ browser }) => {
  test.setTimeout(180_000);
  const cashier = await apiLogin(env.server.url, '333333'); // the supervisor takes the money on their own cash shift
  await cashier.post('/pos/shifts', { openingFloat: 500000 });

  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await signIn(page, env.proxy.url, '333333');
  await expect(page.getByTestId('floor-screen')).toBeVisible();
  await expect(page.getByTestId('table-7')).toHaveAttribute('data-status', 'free');
  // The worker controls the page and the menu is cached before the Wi-Fi goes.
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 30_000 });
  await page.waitForTimeout(1_000);

  env.proxy.cut();
  await expect(connectivity(page)).toHaveAttribute('data-state', 'offline', { timeout: 15_000 });

  // Seat table 7 and take the order.
  await page.getByTestId('table-7').click();
  await page.getByTestId('seat-confirm').click();
  await expect(page.getByTestId('order-screen')).toBeVisible();
  await page.getByTestId('category-Супы').click();
  await page.getByTestId('product-borscht').click();
  await page.getByTestId('product-solyanka').click();
  await expect(page.getByTestId('line-Борщ')).toBeVisible();
  await expect(page.getByTestId('line-Солянка сборная мясная')).toBeVisible();
  // A second borscht on the same line: an edit that quotes the (not yet created) order's version.
  await page.getByTestId('line-Борщ').getByRole('button').first().click();
  await page.getByTestId('line-stepper-inc').click();
  await expect(page.getByTestId('line-Борщ').getByTestId('line-qty')).toContainText('2');
  await page.getByTestId('order-fire').click();
  // Queued, not delivered: the line does not claim the kitchen has it.
  await expect(page.getByTestId('line-Борщ')).toHaveAttribute('data-kitchen', 'waiting');
  // Seat (open table + order), add ×2, +1, fire: six commands queued.
  await expect(connectivity(page)).toHaveAttribute('data-pending', '6');
  await page.screenshot({ path: 'tmp/e2e-shots/offline-order.png' });

  // A reload while the network is still cut: the app and the queued order come back.
  await page.reload();
  await expect(page.getByTestId('order-screen')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('line-Борщ')).toBeVisible();
  await expect(page.getByTestId('line-Солянка сборная мясная')).toBeVisible();
  await expect(connectivity(page)).toHaveAttribute('data-state', 'offline', { timeout: 15_000 });

  // Cash payment and closing the table, still offline.
  await payCashAndCloseTable(page);
  await expect(page.getByTestId('table-7')).toHaveAttribute('data-status', 'free');
  const queued = await page.evaluate(async () => {
    const dbs = await indexedDB.databases();
    return dbs.some((d) => d.name === 'pos-offline');
  });
  expect(queued).toBe(true);
  // Nothing reached the server yet.
  expect(await cashier.get<unknown[]>('/pos/orders?status=paid')).toHaveLength(0);

  // The network returns: the outbox drains, the header settles on "online".
  env.proxy.restore();
  await expect(connectivity(page)).toHaveAttribute('data-state', 'online', { timeout: 30_000 });
  await expect(page.getByTestId('outbox-attention')).toHaveCount(0);

  const paid = await cashier.get<{ id: string; tableLabel: string; status: string; total: number; paid: number; lines: { name: string; quantity: number; firedQuantity: number }[] }[]>(
    '/pos/orders?status=paid',
  );
  expect(paid).toHaveLength(1);
  const [order] = paid;
  expect(order.tableLabel).toBe('7');
  expect(order.paid).toBe(order.total);
  expect(order.lines.map((l) => [l.name, l.quantity, l.firedQuantity])).toEqual([
    ['Борщ', 2, 2],
    ['Солянка сборная мясная', 1, 1],
  ]);
  expect(await cashier.get<unknown[]>('/pos/orders?status=open')).toHaveLength(0);
  const tables = await cashier.get<{ label: string; status: string }[]>('/pos/tables');
  expect(tables.find((t) => t.label === '7')?.status).toBe('free');
  await expect(page.getByTestId('table-7')).toHaveAttribute('data-status', 'free');
});

test('staff switch without the network: PINs checked against the verifiers the tablet keeps, commands sent as the person who queued them', async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  const pin = (digits: string) => typePin(page, digits);
  // Anna and then Grigory sign in online once: the tablet keeps their sessions and the venue's verifiers.
  await signIn(page, env.proxy.url, '1111');
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 30_000 });
  await page.waitForTimeout(1_000);
  await page.getByTestId('sign-out').click();
  await pin('333333');
  await expect(page.getByTestId('staff-name')).toContainText('Григорий');
  await page.waitForTimeout(500);

  env.proxy.cut();
  await expect(connectivity(page)).toHaveAttribute('data-state', 'offline', { timeout: 15_000 });
  await page.getByTestId('sign-out').click();
  await pin('5555');
  await expect(page.getByRole('alert')).toContainText(/Неверный PIN/);
  await pin('1111');
  await expect(page.getByTestId('staff-name')).toHaveText('Анна');

  await page.getByTestId('table-3').click();
  await page.getByTestId('seat-confirm').click();
  await expect(page.getByTestId('order-screen')).toBeVisible();
  await page.getByTestId('category-Супы').click();
  await page.getByTestId('product-borscht').click();
  await expect(page.getByTestId('line-Борщ')).toBeVisible();
  await expect(connectivity(page)).toHaveAttribute('data-pending', '3');

  env.proxy.restore();
  await expect(connectivity(page)).toHaveAttribute('data-state', 'online', { timeout: 30_000 });
  const supervisor = await apiLogin(env.server.url, '333333');
  const orders = await supervisor.get<{ tableLabel: string; waiterName: string; lines: { name: string }[] }[]>('/pos/orders?status=open');
  const atThree = orders.filter((o) => o.tableLabel === '3');
  expect(atThree).toHaveLength(1);
  expect(atThree[0].waiterName).toBe('Анна');
  expect(atThree[0].lines.map((l) => l.name)).toEqual(['Борщ']);
});
