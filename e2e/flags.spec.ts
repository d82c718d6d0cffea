import { expect, test } from './support/test';
import { startServer, type TestServer } from './support/server';
import { apiLogin, openSection, signIn } from './support/staff';

let server: TestServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => server?.stop());

test('switching a feature off drops its remote from open shells of that venue only, without a reload', async ({ browser }) => {
  const demo = await (await browser.newContext()).newPage();
  const demo2 = await (await browser.newContext()).newPage();
  await signIn(demo, server.url, '999999', 'demo');
  await signIn(demo2, server.url, '999999', 'demo-2');
  for (const page of [demo, demo2]) {
    await openSection(page, 'Администрирование');
    await expect(page.getByTestId('admin-app')).toBeVisible();
    // A marker that survives only as long as the page is not reloaded.
    await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
  }

  const admin = await apiLogin(server.url, '999999', 'demo');
  await admin.put('/admin/feature-flags', { flags: { admin: false } });

  await expect(demo.getByTestId('admin-app')).toHaveCount(0);
  await expect(demo.locator('header nav').getByRole('button', { name: 'Администрирование', exact: true })).toHaveCount(0);
  expect(await demo.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);

  // demo-2 has its own flags: its admin area stays.
  await expect(demo2.getByTestId('admin-app')).toBeVisible();
  expect(await demo2.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);

  // And it comes back live when switched on again.
  await admin.put('/admin/feature-flags', { flags: { admin: true } });
  await expect(demo.locator('header nav').getByRole('button', { name: 'Администрирование', exact: true })).toBeVisible();
});
