import { expect, test } from './support/test';
import { startServer, type TestServer } from './support/server';
import { apiLogin, signIn, signOut, typePin } from './support/staff';

// A venue with 50,000 dishes (seeded on request, as for the bench): the order screen must work on
// it the way it does on the demo menu — and a warm tablet must not download the menu again.
const VENUE = 'bench-50k';

/** The columns of the compact snapshot this test reads (the contract is CompactMenuSchema). */
interface CompactMenu {
  products: { id: string[]; code: string[]; name: string[]; category: number[] };
}

let server: TestServer;
test.beforeAll(async () => {
  test.setTimeout(180_000);
  server = await startServer({ SEED_HUGE_MENU: 'true', ENROLLMENT_CODE_FOR: VENUE });
});
test.afterAll(async () => server?.stop());

test('a waiter orders from a 50,000-dish menu: scrolls a long category, searches, taps; an admin’s price change shows at once; a warm sign-in takes only the changes', async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  const menuRequests: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith('/pos/menu')) menuRequests.push(new URL(r.url()).pathname);
  });

  await signIn(page, server.url, '1111', VENUE);
  await page.getByTestId('table-1').click();
  await page.getByTestId('seat-confirm').click();
  const grid = page.getByTestId('product-grid');
  await expect(grid.locator('[data-testid^="product-"]').first()).toBeVisible();
  // A category holds 1,000 dishes: the grid keeps only what is on screen in the page…
  const tiles = await grid.locator('button[data-testid^="product-"]').count();
  expect(tiles).toBeGreaterThan(0);
  expect(tiles).toBeLessThan(300);
  // …and still reaches the last one by scrolling.
  const admin = await apiLogin(server.url, '999999', VENUE);
  const compact = await admin.get<CompactMenu>('/pos/menu/snapshot');
  expect(compact.products.id.length).toBe(50_000);
  const firstCategory = compact.products.category[0];
  const lastOfCategory = compact.products.category.lastIndexOf(firstCategory);
  const lastCode = compact.products.code[lastOfCategory];
  await grid.evaluate((el) => {
    const scroller = (el.closest('[data-scroll]') as HTMLElement | null) ?? el;
    scroller.scrollTop = scroller.scrollHeight;
  });
  await expect(page.getByTestId(`product-${lastCode}`)).toBeVisible();

  // A search over the whole menu narrows it to the dish, and a tap adds it.
  const target = compact.products.code.findIndex((c) => c.endsWith('-49999'));
  const code = compact.products.code[target];
  const name = compact.products.name[target];
  await page.getByTestId('menu-search').fill('49999');
  await expect(page.getByTestId(`product-${code}`)).toBeVisible();
  await page.getByTestId(`product-${code}`).click();
  await expect(page.getByTestId(`line-${name}`)).toBeVisible();

  // The admin changes the dish's price: the tile shows it without a reload (a delta, not the menu).
  const productId = compact.products.id[target];
  const before = menuRequests.filter((p) => p === '/pos/menu/snapshot' || p === '/pos/menu').length;
  await admin.patch(`/admin/menu/products/${productId}`, { price: 123_400 });
  await expect(page.getByTestId(`product-${code}`)).toContainText(/1\s?234/);
  expect(menuRequests.filter((p) => p === '/pos/menu/snapshot' || p === '/pos/menu').length).toBe(before);
  await page.screenshot({ path: 'tmp/e2e-shots/menu-50k.png' });

  // A warm start: the page is reloaded (the tablet's copy is in IndexedDB); only changes are asked.
  await admin.patch(`/admin/menu/products/${productId}`, { name: `${name} (новое)` });
  await signOut(page);
  menuRequests.length = 0;
  await page.reload();
  await typePin(page, '1111');
  await expect(page.getByTestId('staff-name')).toBeVisible();
  await page.getByTestId('table-1').click();
  await page.getByTestId('menu-search').fill('49999');
  await expect(page.getByTestId(`product-${code}`)).toContainText('(новое)');
  expect(menuRequests).toContain('/pos/menu/changes');
  expect(menuRequests).not.toContain('/pos/menu/snapshot');
  expect(menuRequests).not.toContain('/pos/menu');
});
