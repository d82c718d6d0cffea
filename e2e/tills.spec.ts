import { borschtOrder, payCashAndCloseTable } from './support/payments';
import { startServer, type TestServer } from './support/server';
import { apiLogin, openSection, signIn, signOut } from './support/staff';
import { expect, test } from './support/test';

/**
 * Tills (issue 17, point 0) as staff meet them: the admin adds a till and attaches this tablet to
 * «Бар» (one of the demo venue's seeded tills) in Admin; the cashier's open-shift form preselects
 * the tablet's till and the shift runs on it; a payment the supervisor — who has no shift of their
 * own — takes on this tablet books to the till's shift (checked over the API: the shift's totals).
 */
let server: TestServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => server?.stop());

interface Till {
  id: string;
  name: string;
  archived: boolean;
  openShift: { cashierName: string } | null;
}

test("a tablet attached to «Бар» opens the cashier's shift there, and the supervisor's payment on it books to that shift", async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await apiLogin(server.url, '999999');
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();

  // The admin: Admin → Кассы lists the seeded tills, adds «Веранда», and refuses a second «Бар».
  await signIn(page, server.url, '999999');
  await openSection(page, 'Администрирование');
  await page.getByTestId('admin-nav-tills').click();
  const section = page.getByTestId('admin-tills');
  await expect(section.getByRole('row', { name: /Касса 1/ })).toBeVisible();
  await expect(section.getByRole('row', { name: /Бар/ })).toBeVisible();
  await section.getByTestId('tills-add').click();
  await page.getByTestId('till-name').fill('Веранда');
  await page.getByTestId('till-submit').click();
  await expect(page.getByTestId('till-dialog')).toBeHidden();
  await expect(section.getByRole('row', { name: /Веранда/ })).toContainText('Работает');
  await section.getByTestId('tills-add').click();
  await page.getByTestId('till-name').fill('Бар');
  await page.getByTestId('till-submit').click();
  await expect(page.getByTestId('till-dialog')).toContainText('Касса «Бар» уже есть');
  await page.getByTestId('till-dialog').press('Escape');
  await expect(page.getByTestId('till-dialog')).toBeHidden();
  const tills = (await admin.get<{ tills: Till[] }>('/admin/tills')).tills;
  expect(tills.map((t) => t.name).sort()).toEqual(['Бар', 'Веранда', 'Касса 1']);
  const bar = tills.find((t) => t.name === 'Бар')!;

  // … and attaches this tablet to «Бар» under Devices.
  await page.getByTestId('admin-nav-devices').click();
  const tablet = page.getByTestId('admin-devices').getByRole('row', { name: /Планшет e2e/ });
  await tablet.getByRole('combobox').selectOption({ label: 'Бар' });
  const deviceTill = async () => (await admin.get<{ devices: { name: string; tillId: string | null; revokedAt: string | null }[] }>('/admin/devices')).devices.find((d) => d.name === 'Планшет e2e' && !d.revokedAt)?.tillId;
  await expect.poll(deviceTill).toBe(bar.id);
  await signOut(page);

  // The cashier: the picker preselects the tablet's till; the shift opens on it.
  await signIn(page, server.url, '2222');
  await openSection(page, 'Смена');
  const picker = page.getByTestId('till-picker');
  await expect(picker.getByRole('radio', { name: /Бар/ })).toHaveAttribute('aria-checked', 'true');
  await expect(picker.getByRole('radio', { name: /Бар/ })).toContainText('касса этого планшета');
  await expect(picker.getByRole('radio', { name: /Касса 1/ })).toHaveAttribute('aria-checked', 'false');
  await page.getByTestId('opening-float').fill('5000');
  await page.getByTestId('open-shift').click();
  await expect(page.getByTestId('shift-till')).toContainText('Бар');
  const cashier = await apiLogin(server.url, '2222');
  const { shift } = await cashier.get<{ shift: { id: string; tillId: string | null; totals: { cash: { sales: number } } } }>('/pos/shifts/current');
  expect(shift.tillId).toBe(bar.id);
  expect(shift.totals.cash.sales).toBe(0);
  await signOut(page);

  // The supervisor, with no shift of their own, takes a cash payment on this tablet.
  const supervisor = await apiLogin(server.url, '333333');
  expect((await supervisor.get<{ shift: unknown }>('/pos/shifts/current')).shift).toBeNull();
  const { order } = await borschtOrder(server.url, '4', 2);
  await signIn(page, server.url, '333333');
  await openSection(page, 'Зал');
  await page.getByTestId('table-4').click();
  await expect(page.getByTestId('order-screen')).toBeVisible();
  await payCashAndCloseTable(page);

  // It booked to Вера's shift on «Бар»; the supervisor still has none.
  await expect.poll(async () => (await cashier.get<{ shift: { id: string; totals: { cash: { sales: number } } } }>('/pos/shifts/current')).shift.totals.cash.sales).toBe(order.total);
  expect((await supervisor.get<{ shift: unknown }>('/pos/shifts/current')).shift).toBeNull();

  // Admin → Кассы says who holds «Бар».
  const afterwards = (await admin.get<{ tills: Till[] }>('/admin/tills')).tills.find((t) => t.id === bar.id)!;
  expect(afterwards.openShift?.cashierName).toBe('Вера (касса)');
});
