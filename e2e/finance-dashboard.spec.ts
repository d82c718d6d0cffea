import { expect, type Page, test } from './support/test';
import { borschtOrder, minorUnits, payCashAndCloseTable } from './support/payments';
import { serverBehindFaultProxy } from './support/proxied-server';
import { apiLogin, signIn, typePin } from './support/staff';

/**
 * The cashier's live dashboard above the floor map (the finance-dashboard remote): the shift's
 * figures, moving within 2 s of a payment taken on another tablet (a socket event, not the 30 s
 * poll), the hour chart, the plan turning "behind", and offline the last figures greyed with this
 * tablet's unsent cash payment beside them.
 */
const env = serverBehindFaultProxy();

const widget = (page: Page) => page.getByTestId('fd-widget');
const net = async (page: Page) => minorUnits((await widget(page).getByTestId('fd-net').textContent()) ?? '');

/** A waiter's borscht order at `label`, paid in cash over the API by `payer` (another tablet). */
async function paidBorscht(payer: Awaited<ReturnType<typeof apiLogin>>, label: string) {
  const { order } = await borschtOrder(env.server.url, label);
  await payer.post('/pos/finance/payments', { orderId: order.id, tenders: [{ method: 'cash', amount: order.total }] });
  return order.total;
}

test('the cashier’s widget follows payments on another tablet within 2 s, and draws the hours', async ({ browser }) => {
  test.setTimeout(60_000);
  const cashier = await apiLogin(env.server.url, '2222');
  await cashier.post('/pos/shifts', { openingFloat: 500000 });
  const first = await paidBorscht(cashier, '3');

  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await signIn(page, env.server.url, '2222');
  await expect(widget(page).getByTestId('fd-checks')).toHaveText('1');
  expect(await net(page)).toBe(first);
  await expect(widget(page).getByTestId('fd-updated')).toContainText(/обновлено \d\d:\d\d:\d\d/);
  // uPlot (its own chunk, loaded on the first chart) has drawn the hours, and the legend shows this hour's money.
  const chart = widget(page).getByTestId('fd-chart');
  await expect(chart).toHaveAttribute('data-drawn', 'true');
  expect(Number(await chart.getAttribute('data-hours'))).toBeGreaterThan(0);
  await expect(chart.locator('canvas')).toHaveCount(1);
  expect(minorUnits((await widget(page).getByTestId('fd-chart-revenue').textContent()) ?? '')).toBe(first);

  // Two payments on "another tablet" (the same cashier's second device, over the API).
  const second = await paidBorscht(cashier, '4');
  const third = await paidBorscht(cashier, '5');
  await expect(widget(page).getByTestId('fd-checks')).toHaveText('3', { timeout: 2_000 });
  expect(await net(page)).toBe(first + second + third);

});

test('the cashier folds the widget to one line; it stays folded after a reload and keeps following payments', async ({ browser }) => {
  test.setTimeout(60_000);
  const cashier = await apiLogin(env.server.url, '2222');
  const current = await cashier.get<{ shift: { id: string } | null }>('/pos/shifts/current');
  if (!current.shift) await cashier.post('/pos/shifts', { openingFloat: 500000 });

  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await signIn(page, env.server.url, '2222');
  await expect(widget(page).getByTestId('fd-chart')).toBeVisible(); // a cashier's starts unfolded
  await widget(page).getByRole('button', { name: 'Свернуть' }).click();
  await expect(widget(page)).toHaveAttribute('data-collapsed', 'true');
  await expect(widget(page).getByTestId('fd-chart')).toHaveCount(0);
  expect((await widget(page).boundingBox())?.height).toBeLessThanOrEqual(50);
  // The choice is in the tablet's host storage (IndexedDB) before the page goes.
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const open = indexedDB.open('pos-host-storage');
            open.onsuccess = () => {
              const count = open.result.transaction('kv').objectStore('kv').getAllKeys();
              count.onsuccess = () => resolve(count.result.filter((k) => String(k).startsWith('finance-dashboard.collapsed.')).length);
            };
          }),
      ),
    )
    .toBe(1);

  await page.reload();
  const pin = page.getByTestId('pin-submit');
  await expect(pin.or(page.getByTestId('staff-name'))).toBeVisible();
  if (await pin.isVisible()) await typePin(page, '2222'); // the shell may ask for the PIN again
  await expect(widget(page).getByTestId('fd-net')).toBeVisible();
  await expect(widget(page)).toHaveAttribute('data-collapsed', 'true');
  await expect(widget(page).getByRole('button', { name: 'Развернуть' })).toHaveAttribute('aria-expanded', 'false');
  await expect(widget(page).getByTestId('fd-chart')).toHaveCount(0);

  // Folded, the line still follows a payment on another tablet.
  const before = await net(page);
  const paid = await paidBorscht(cashier, '7');
  await expect.poll(() => net(page), { timeout: 2_000 }).toBe(before + paid);
  await expect(widget(page)).toHaveAttribute('data-collapsed', 'true');
});

test('a folded widget fetches its chart ahead, so unfolding it after the Wi-Fi dropped still draws the hours', async ({ browser }) => {
  test.setTimeout(60_000);
  await paidBorscht(await apiLogin(env.server.url, '2222'), '8'); // Anna's check: her day has an hour with money
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  const chartChunk = page.waitForResponse((r) => /\/remotes\/finance-dashboard\/.*uplot.*\.js$/.test(r.url()) && r.ok(), { timeout: 30_000 });
  await signIn(page, env.proxy.url, '1111');
  await expect(widget(page)).toHaveAttribute('data-collapsed', 'true'); // a waiter's starts folded
  await expect(widget(page).getByTestId('fd-chart')).toHaveCount(0);
  await chartChunk; // fetched a few seconds after the home screen settled, while still folded

  env.proxy.cut();
  await expect(page.getByTestId('connectivity')).toHaveAttribute('data-state', 'offline', { timeout: 15_000 });
  await widget(page).getByRole('button', { name: 'Развернуть' }).click();
  await expect(widget(page).getByTestId('fd-chart')).toHaveAttribute('data-drawn', 'true');
  env.proxy.restore();
  await expect(page.getByTestId('connectivity')).toHaveAttribute('data-state', 'online', { timeout: 30_000 });
});

test('with the plan set far above the day\'s takings the figures turn "behind", in red, and the plan line is drawn', async ({ browser }) => {
  test.setTimeout(60_000);
  const admin = await apiLogin(env.server.url, '999999');
  const cashier = await apiLogin(env.server.url, '2222');
  const current = await cashier.get<{ shift: { id: string } | null }>('/pos/shifts/current');
  if (!current.shift) await cashier.post('/pos/shifts', { openingFloat: 500000 });
  await admin.put('/admin/plans', { thresholdPercent: 5, days: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, hours: new Array(24).fill(100_000_000) })) });

  // The supervisor's day: its plan runs from midnight, so hours of it are due by now (a shift opened
  // a few seconds ago has had next to nothing planned yet, and any takings put it ahead).
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await signIn(page, env.server.url, '333333');
  await paidBorscht(cashier, '6');
  const plan = widget(page).getByTestId('fd-plan');
  await expect(plan).toHaveAttribute('data-status', 'behind', { timeout: 5_000 });
  await expect(plan).toHaveAttribute('data-tone', 'bad');
  await expect(plan).toContainText(/Отстаём от плана −[\d\s]+(,\d\d)?\s₽ \(−\d+,\d %\) к плану/);
  const chart = widget(page).getByTestId('fd-chart');
  await expect(chart).toHaveAttribute('data-drawn', 'true');
  expect(Number(await chart.getAttribute('data-hours'))).toBeGreaterThan(0);
  await expect(chart).toHaveAttribute('data-plan', 'true');
  await expect(widget(page).getByTestId('fd-chart-plan')).toBeVisible();
  expect(minorUnits((await widget(page).getByTestId('fd-chart-plan').textContent()) ?? '')).toBe(100_000_000);
});

test('offline the last figures stay greyed with their time, and a cash payment taken here shows as not yet sent', async ({ browser }) => {
  test.setTimeout(60_000);
  const supervisor = await apiLogin(env.server.url, '333333'); // takes the money on their own cash shift
  await supervisor.post('/pos/shifts', { openingFloat: 500000 });

  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await signIn(page, env.proxy.url, '333333');
  await expect(widget(page).getByTestId('fd-net')).toBeVisible();
  const before = await net(page);
  // The worker controls the page and the menu is cached before the Wi-Fi goes.
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 30_000 });
  await page.waitForTimeout(1_000);

  env.proxy.cut();
  await expect(page.getByTestId('connectivity')).toHaveAttribute('data-state', 'offline', { timeout: 15_000 });
  await expect(widget(page).getByTestId('fd-figures')).toHaveAttribute('data-stale', 'true');
  await expect(widget(page).getByTestId('fd-updated')).toContainText(/на \d\d:\d\d:\d\d/);

  // Seat table 9, a borscht, cash — all offline.
  await page.getByTestId('table-9').click();
  await page.getByTestId('seat-confirm').click();
  await page.getByTestId('category-Супы').click();
  await page.getByTestId('product-borscht').click();
  await payCashAndCloseTable(page);

  await expect(widget(page).getByTestId('fd-unsent')).toContainText(/ещё не отправлено: [\d\s]+₽ \(1\)/);
  await expect(widget(page).getByTestId('fd-figures')).toHaveAttribute('data-stale', 'true');
  expect(await net(page)).toBe(before);
  await page.screenshot({ path: 'tmp/e2e-shots/finance-dashboard-offline.png' });

  // The network returns: the payment lands, the unsent line goes, the figures catch up.
  env.proxy.restore();
  await expect(page.getByTestId('connectivity')).toHaveAttribute('data-state', 'online', { timeout: 30_000 });
  await expect(widget(page).getByTestId('fd-unsent')).toHaveCount(0, { timeout: 10_000 });
  await expect(widget(page).getByTestId('fd-figures')).not.toHaveAttribute('data-stale');
  await expect.poll(() => net(page), { timeout: 5_000 }).toBeGreaterThan(before);
});
