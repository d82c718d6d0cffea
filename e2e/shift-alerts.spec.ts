import fs from 'node:fs';
import { type Browser, expect, type Page, test } from './support/test';
import { startServer, type TestServer } from './support/server';
import { apiLogin, openSection, signIn } from './support/staff';

/**
 * Shift reminders before the closeout hour (issue 17, point 3). With the venue's closeout set a few
 * minutes after the server's now (its Moscow wall time, through the admin API), the cashier's
 * floor shows the banner and the header chip with the minutes left, before any socket event: the
 * screen asks `GET /pos/shifts/alerts` on mount. Admin → «Смены» saves the settings and shows them
 * again after a reload. Screenshots of both at 1280×800 and 800×1280, ru and en, go to
 * /tmp/shots-alerts/.
 */
let server: TestServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => server?.stop());

const SHOTS = '/tmp/shots-alerts';
const SIZES = [
  { width: 1280, height: 800 },
  { width: 800, height: 1280 },
] as const;

const moscowHhMm = (ms: number) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Moscow', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);

async function pageIn(browser: Browser, language: 'ru' | 'en', viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: language === 'en' ? 'en-GB' : 'ru-RU' });
  await context.addInitScript((lng) => localStorage.setItem('pos.language', lng), language);
  return context.newPage();
}

test('before the closeout hour the cashier’s floor shows the banner and the header chip with the minutes left', async ({ browser }) => {
  test.setTimeout(90_000);
  fs.mkdirSync(SHOTS, { recursive: true });
  const admin = await apiLogin(server.url, '999999');
  const cashier = await apiLogin(server.url, '2222');
  // The server's clock: its answer to the alerts call (no shift open yet, so no alerts).
  const { serverTime } = await cashier.get<{ serverTime: string }>('/pos/shifts/alerts');
  // 12–13 minutes ahead of the server's now, on a whole minute of the venue's (Moscow) clock.
  const closeout = Math.ceil((Date.parse(serverTime) + 12 * 60_000) / 60_000) * 60_000;
  await admin.put('/admin/shift-settings', { closeoutTime: moscowHhMm(closeout), autoClose: false, maxOpenMinutes: 720 });
  await cashier.post('/pos/shifts', { openingFloat: 100000 });

  for (const language of ['ru', 'en'] as const) {
    for (const viewport of SIZES) {
      const page = await pageIn(browser, language, viewport);
      await signIn(page, server.url, '2222');
      const banner = page.getByTestId('shift-alert-banner');
      await expect(banner).toBeVisible();
      const chip = page.getByTestId('shift-alert-indicator');
      if (language === 'ru') {
        await expect(chip).toHaveText(/^Смена закроется через 1[1-3] мин$/);
        await expect(page.getByTestId('shift-alert-headline')).toHaveText(new RegExp(`^Закрытие смены в ${moscowHhMm(closeout)} — осталось 1[1-3] мин$`));
      } else {
        await expect(chip).toHaveText(/^Shift closes in 1[1-3] min$/);
        await expect(page.getByTestId('shift-alert-headline')).toContainText('min left');
      }
      // The banner fits the screen's width.
      const box = await banner.boundingBox();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
      await page.screenshot({ path: `${SHOTS}/floor-${language}-${viewport.width}x${viewport.height}.png` });
      await page.context().close();
    }
  }

  // A waiter (no shifts.view) sees no reminder.
  const waiter = await pageIn(browser, 'ru', SIZES[0]);
  await signIn(waiter, server.url, '1111');
  await expect(waiter.getByTestId('staff-name')).toBeVisible();
  await waiter.waitForTimeout(1000);
  await expect(waiter.getByTestId('shift-alert-banner')).toHaveCount(0);
});

test('Admin → «Смены» saves the closeout time, auto-close and the limit, and shows them again', async ({ browser }) => {
  test.setTimeout(90_000);
  fs.mkdirSync(SHOTS, { recursive: true });
  const page = await pageIn(browser, 'ru', SIZES[0]);
  await signIn(page, server.url, '999999');
  await openSection(page, 'Администрирование');
  await page.getByTestId('admin-nav-shifts').click();
  const form = page.getByTestId('shift-settings-form');
  await expect(form).toBeVisible();
  await page.getByTestId('shift-settings-closeout').fill('04:00');
  await page.getByTestId('shift-settings-auto-close').click();
  await page.getByTestId('shift-settings-max-hours').fill('10');
  await page.getByTestId('shift-settings-save').click();
  await expect(page.getByText('Настройки смен сохранены')).toBeVisible();

  const admin = await apiLogin(server.url, '999999');
  expect(await admin.get('/admin/shift-settings')).toMatchObject({ closeoutTime: '04:00', autoClose: true, maxOpenMinutes: 600 });

  await page.reload();
  await expect(page.getByTestId('shift-settings-closeout')).toHaveValue('04:00');
  await expect(page.getByTestId('shift-settings-auto-close')).toBeChecked();
  await expect(page.getByTestId('shift-settings-max-hours')).toHaveValue('10');
  await page.screenshot({ path: `${SHOTS}/admin-ru-1280x800.png` });

  // A limit out of bounds is refused at its field; nothing changes.
  await page.getByTestId('shift-settings-max-hours').fill('0.5');
  await page.getByTestId('shift-settings-save').click();
  await expect(page.getByTestId('shift-settings-failure')).toHaveText('Исправьте отмеченные поля');
  await expect(page.getByText('От 1 до 48 часов')).toBeVisible();
  expect(await admin.get('/admin/shift-settings')).toMatchObject({ maxOpenMinutes: 600 });
  await page.context().close();

  for (const [language, viewport] of [['ru', SIZES[1]], ['en', SIZES[0]], ['en', SIZES[1]]] as const) {
    const p = await pageIn(browser, language, viewport);
    await signIn(p, server.url, '999999');
    await p.goto(`${server.url}/x/admin/shifts`);
    await expect(p.getByTestId('shift-settings-closeout')).toHaveValue('04:00');
    await p.screenshot({ path: `${SHOTS}/admin-${language}-${viewport.width}x${viewport.height}.png` });
    await p.context().close();
  }
});
