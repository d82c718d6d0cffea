import { expect, test } from './support/test';
import { startServer, type TestServer } from './support/server';
import { openSection, signIn } from './support/staff';

let server: TestServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => server?.stop());

test('the admin stop-lists a dish: the waiter’s open order screen shows it unavailable at once, and flags the draft line', async ({ browser }) => {
  const waiter = await (await browser.newContext()).newPage();
  const admin = await (await browser.newContext()).newPage();

  // The waiter has table 6 open with borscht on the order, not fired yet.
  await signIn(waiter, server.url, '1111');
  await waiter.getByTestId('table-6').click();
  await waiter.getByTestId('seat-confirm').click();
  await waiter.getByTestId('category-Супы').click();
  await waiter.getByTestId('product-borscht').click();
  const line = waiter.getByTestId('line-Борщ');
  await expect(line).toBeVisible();
  await expect(waiter.getByTestId('product-borscht')).toBeEnabled();
  await expect(line.getByTestId('line-stop-listed')).toHaveCount(0);

  // The admin takes borscht off sale from the admin area.
  await signIn(admin, server.url, '999999');
  await openSection(admin, 'Администрирование');
  await admin.goto(`${server.url}/x/admin/stock`);
  await admin.getByTestId('stock-search').fill('Борщ');
  await admin.getByTestId('stock-toggle-borscht').click();

  // No reload on the waiter's tablet: the tile greys out and the draft line is flagged.
  await expect(waiter.getByTestId('product-borscht')).toBeDisabled();
  await expect(line.getByTestId('line-stop-listed')).toBeVisible();
  await waiter.screenshot({ path: 'tmp/e2e-shots/stop-listed.png' });
});
