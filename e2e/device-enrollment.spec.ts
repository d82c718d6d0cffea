import { expect, type Page, test } from './support/test';
import { enrollmentCode } from './support/devices';
import { startServer, type TestServer } from './support/server';
import { apiLogin, enrollTablet, typePin } from './support/staff';

let server: TestServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => server?.stop());

const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
  { width: 800, height: 1280 },
];

/** Nothing of the card is cut off: the whole enrollment form / PIN pad fits the screen. */
async function expectFits(page: Page, testId: string) {
  const box = (await page.getByTestId(testId).boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
}

test('a new tablet is enrolled with a one-time code from the admin, and only then takes PINs', async ({ browser }) => {
  test.setTimeout(120_000);
  for (const [i, viewport] of VIEWPORTS.entries()) {
    const context = await browser.newContext({ viewport, locale: i === 1 ? 'en-US' : 'ru-RU' });
    const page = await context.newPage();
    await page.goto(`${server.url}/?venue=demo`);
    await expect(page.getByTestId('enroll-form')).toBeVisible();
    // No PIN pad before enrollment: there is nothing to guess PINs on.
    await expect(page.getByTestId('pin-submit')).toHaveCount(0);
    if (i === 1) await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expectFits(page, 'enroll-form');
    await page.screenshot({ path: `tmp/e2e-shots/enroll-${viewport.width}x${viewport.height}.png` });

    // A made-up code is refused and enrolls nothing.
    await page.getByTestId('enroll-code').fill('ABCD-2345');
    await page.getByTestId('enroll-submit').click();
    await expect(page.getByRole('alert')).toContainText(/Код неверный|The code is wrong/);

    await page.getByTestId('enroll-code').fill(await enrollmentCode(server.url, 'demo'));
    await page.getByTestId('enroll-name').fill(`Зал ${i + 1}`);
    await page.getByTestId('enroll-submit').click();
    await expect(page.getByTestId('pin-submit')).toBeVisible();
    await expectFits(page, 'pin-submit');
    await page.screenshot({ path: `tmp/e2e-shots/pin-pad-${viewport.width}x${viewport.height}.png` });

    // A 4-digit PIN is not sent until OK: the pad waits for the whole PIN.
    for (const d of '1111') await page.getByRole('button', { name: d, exact: true }).click();
    await expect(page.getByTestId('staff-name')).toHaveCount(0);
    await page.getByTestId('pin-submit').click();
    await expect(page.getByTestId('staff-name')).toHaveText('Анна');
    await context.close();
  }

  // Admin sees the three tablets, named as staff typed them.
  const admin = await apiLogin(server.url, '999999');
  const { devices } = await admin.get<{ devices: { name: string; enrolledBy: string | null; revokedAt: string | null }[] }>('/admin/devices');
  expect(devices.filter((d) => d.name.startsWith('Зал ')).map((d) => [d.name, d.enrolledBy, d.revokedAt]).sort()).toEqual([
    ['Зал 1', 'Елена (администратор)', null],
    ['Зал 2', 'Елена (администратор)', null],
    ['Зал 3', 'Елена (администратор)', null],
  ]);
});

test('an enrollment link enrolls at once; a used code does not enroll a second tablet', async ({ browser }) => {
  const code = await enrollmentCode(server.url, 'demo');
  const first = await (await browser.newContext()).newPage();
  await first.goto(`${server.url}/?venue=demo&enroll=${code}`);
  await expect(first.getByTestId('pin-submit')).toBeVisible();
  // The code left the address bar: a reload does not try it again.
  expect(new URL(first.url()).searchParams.has('enroll')).toBe(false);

  const second = await (await browser.newContext()).newPage();
  await second.goto(`${server.url}/?venue=demo&enroll=${code}`);
  await expect(second.getByTestId('enroll-form')).toBeVisible();
  await expect(second.getByRole('alert')).toContainText(/Код неверный/);
});

test('wrong PINs lock the tablet whatever it claims to be, and a revoked tablet must be enrolled again', async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${server.url}/?venue=demo&enroll=${await enrollmentCode(server.url, 'demo')}`);
  await expect(page.getByTestId('pin-submit')).toBeVisible();
  for (let i = 0; i < 4; i++) {
    await typePin(page, '0000');
    await expect(page.getByRole('alert')).toContainText(`Осталось попыток: ${4 - i}`);
  }
  await typePin(page, '0000');
  await expect(page.getByRole('alert')).toContainText(/Слишком много попыток/);
  // The right PIN waits out the lock too.
  await typePin(page, '1111');
  await expect(page.getByRole('alert')).toContainText(/Слишком много попыток/);
  await page.screenshot({ path: 'tmp/e2e-shots/pin-locked.png' });

  // Another tablet of the venue is not locked.
  const other = await (await browser.newContext()).newPage();
  await other.goto(`${server.url}/?venue=demo`);
  await enrollTablet(other, server.url, 'demo', 'Бар у окна');
  await typePin(other, '1111');
  await expect(other.getByTestId('staff-name')).toHaveText('Анна');

  // The admin revokes that tablet: Anna is signed out at once and the tablet asks to be enrolled.
  const admin = await apiLogin(server.url, '999999');
  const { devices } = await admin.get<{ devices: { id: string; name: string }[] }>('/admin/devices');
  const annaTablet = devices.find((d) => d.name === 'Бар у окна')!;
  await admin.post(`/admin/devices/${annaTablet.id}/revoke`);
  // Signed out without touching anything (the server dropped the tablet's socket)...
  await expect(other.getByTestId('pin-submit')).toBeVisible({ timeout: 10_000 });
  // ...and the next PIN finds the tablet is no longer enrolled.
  await typePin(other, '1111');
  await expect(other.getByTestId('enroll-form')).toBeVisible();
  await expect(other.getByTestId('enroll-form')).toContainText(/отключён от заведения/);
  await other.screenshot({ path: 'tmp/e2e-shots/enroll-revoked.png' });
});

test('the admin enrolls and revokes tablets in Admin → Devices', async ({ browser }) => {
  test.setTimeout(150_000);
  const adminContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const admin = await adminContext.newPage();
  await admin.goto(`${server.url}/?venue=demo`);
  await enrollTablet(admin, server.url, 'demo', 'Офис');
  await typePin(admin, '999999');
  await expect(admin.getByTestId('staff-name')).toBeVisible();
  await admin.goto(`${server.url}/x/admin/devices`);
  await expect(admin.getByTestId('devices-enroll')).toBeVisible({ timeout: 20_000 });
  await admin.getByTestId('devices-enroll').click();
  await admin.getByTestId('enroll-issue').click();
  const code = (await admin.getByTestId('enroll-code').innerText()).trim();
  expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
  for (const viewport of VIEWPORTS) {
    await admin.setViewportSize(viewport);
    await admin.screenshot({ path: `tmp/e2e-shots/admin-enroll-code-${viewport.width}x${viewport.height}.png` });
  }
  await admin.setViewportSize(VIEWPORTS[0]);

  // The new tablet types the code it reads off the admin's screen.
  const tablet = await (await browser.newContext()).newPage();
  await tablet.goto(`${server.url}/?venue=demo`);
  await tablet.getByTestId('enroll-code').fill(code);
  await tablet.getByTestId('enroll-name').fill('Терраса 2');
  await tablet.getByTestId('enroll-submit').click();
  await typePin(tablet, '1112');
  await expect(tablet.getByTestId('staff-name')).toHaveText('Борис');

  // The admin's list shows it while the code is still on screen.
  await expect(admin.getByText('«Терраса 2»')).toBeVisible({ timeout: 15_000 });
  await admin.screenshot({ path: 'tmp/e2e-shots/admin-enroll-joined.png' });
  await admin.getByTestId('enroll-done').click();
  const row = admin.locator('[data-testid^="device-"]', { hasText: 'Терраса 2' });
  await expect(row).toBeVisible();
  for (const [i, viewport] of VIEWPORTS.entries()) {
    await admin.setViewportSize(viewport);
    if (i === 1) await admin.getByRole('button', { name: 'EN', exact: true }).click();
    await admin.screenshot({ path: `tmp/e2e-shots/admin-devices-${viewport.width}x${viewport.height}${i === 1 ? '-en' : ''}.png` });
  }
  await admin.getByRole('button', { name: 'RU', exact: true }).click();
  await admin.setViewportSize(VIEWPORTS[0]);

  await row.locator('[data-testid^="device-revoke-"]').click();
  await admin.getByTestId('confirm-revoke').click();
  // Boris is signed out on the terrace tablet at once, and it has to be enrolled again.
  await expect(tablet.getByTestId('pin-submit')).toBeVisible({ timeout: 10_000 });
  await typePin(tablet, '1112');
  await expect(tablet.getByTestId('enroll-form')).toBeVisible();
});
