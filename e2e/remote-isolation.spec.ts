import { expect, test } from '@playwright/test';
import { startServer, type TestServer } from './support/server';
import { apiLogin, signIn } from './support/staff';

let server: TestServer;
test.beforeAll(async () => {
  server = await startServer();
  const admin = await apiLogin(server.url, '999999');
  // One remote whose manifest does not exist, one whose build throws when loaded.
  await admin.put('/admin/remotes/missing', { feature: 'reservations', version: '1.0.0', manifestUrl: '/remotes/missing/1.0.0/mf-manifest.json' });
  await admin.put('/admin/remotes/faulty', { feature: 'loyalty', version: '1.0.0', manifestUrl: '/remotes/faulty/1.0.0/mf-manifest.json' });
});
test.afterAll(async () => server?.stop());

test('a missing and a throwing remote show as unavailable while the waiter takes and fires an order', async ({ page }) => {
  await signIn(page, server.url, '1111');
  await expect(page.getByTestId('floor-screen')).toBeVisible();

  // The core screens do not wait for remotes: seat a table and order right away.
  await page.getByTestId('table-3').click();
  await expect(page.getByTestId('guests-dialog')).toBeVisible();
  await page.getByTestId('seat-confirm').click();
  await expect(page.getByTestId('order-screen')).toBeVisible();
  await page.getByTestId('category-Супы').click();
  await page.getByTestId('product-borscht').click();
  await expect(page.getByTestId('line-Борщ')).toBeVisible();
  await page.getByTestId('order-fire').click();

  const admin = await apiLogin(server.url, '999999');
  await expect
    .poll(async () => (await admin.get<{ stationCode: string }[]>('/pos/kitchen/tickets')).map((t) => t.stationCode))
    .toEqual(['hot']);

  // Meanwhile both broken remotes ended up as placeholders, each after one retry.
  await expect(page.getByTestId('remote-failed-missing')).toBeVisible();
  await expect(page.getByTestId('remote-failed-faulty')).toBeVisible();
  await page.screenshot({ path: 'tmp/e2e-shots/isolation.png' });
});
