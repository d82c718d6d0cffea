import fs from 'node:fs';
import { PDFParse } from 'pdf-parse';
import { type Browser, expect, type Page, test } from './support/test';
import { borschtOrder, minorUnits, payCashAndCloseTable } from './support/payments';
import { startServer, type TestServer } from './support/server';
import { apiLogin, openSection, signIn } from './support/staff';

/**
 * The cashier's shift reports (the shift remote): the live X-report on the shift screen, the Z
 * issued at the close with its number, its PDF carrying the figures the screen showed; the admin's
 * Z archive lists it, and a reprint is a copy. Screenshots of every new screen, ru and en, at
 * 1280×800 and 800×1280, land in /tmp/shots-reports.
 */
const SHOTS = '/tmp/shots-reports';
let server: TestServer;
test.beforeAll(async () => {
  server = await startServer();
  fs.mkdirSync(SHOTS, { recursive: true });
});
test.afterAll(async () => server?.stop());

/** The text of a downloaded PDF (pdf.js through pdf-parse), no-break spaces made plain. */
async function pdfText(path: string): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(fs.readFileSync(path)) });
  try {
    return plain((await parser.getText()).text);
  } finally {
    await parser.destroy();
  }
}
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

async function tablet(browser: Browser, pin: string, size: { width: number; height: number }, language: 'ru' | 'en' = 'ru') {
  const context = await browser.newContext({ viewport: size, acceptDownloads: true, locale: language === 'en' ? 'en-GB' : 'ru-RU' });
  await context.addInitScript((lng) => localStorage.setItem('pos.language', lng), language);
  const page = await context.newPage();
  await signIn(page, server.url, pin);
  return page;
}

/** Downloads by clicking `button`; answers the file's name and its text. */
async function download(page: Page, click: () => Promise<void>) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = `${SHOTS}/${file.suggestedFilename()}`;
  await file.saveAs(path);
  return { name: file.suggestedFilename(), text: await pdfText(path) };
}

/** The value in the report page's row named `label` (first table row whose first cell is it). */
const reportRow = (page: Page, label: string) => page.frameLocator('[data-testid="shift-report-frame"]').locator('tr', { hasText: label }).first().locator('th, td').last();

test('X while open, Z at the close, its PDF carries the figures on screen; the admin archive reprints it as a copy', async ({ browser }) => {
  test.setTimeout(120_000);
  const cashierApi = await apiLogin(server.url, '2222');
  await cashierApi.post('/pos/shifts', { openingFloat: 100000 });
  const { order } = await borschtOrder(server.url, '5', 2);

  // The cashier sells: pays the table's order in cash.
  const page = await tablet(browser, '2222', { width: 1280, height: 800 });
  await openSection(page, 'Зал');
  await page.getByTestId('table-5').click();
  await expect(page.getByTestId('order-screen')).toBeVisible();
  await payCashAndCloseTable(page);

  // The X-report: interim, the net revenue of the sale.
  await openSection(page, 'Смена');
  const card = page.getByTestId('shift-reports-card');
  await expect(card).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/shift-reports-card-ru-1280.png` });
  await card.getByTestId('shift-report-x').click();
  const frame = page.frameLocator('[data-testid="shift-report-frame"]');
  await expect(frame.locator('h1')).toHaveText('X-отчёт (промежуточный, без номера)');
  const netOnScreen = plain((await reportRow(page, 'Чистая выручка').textContent()) ?? '');
  expect(minorUnits(netOnScreen)).toBe(order.total);
  await page.screenshot({ path: `${SHOTS}/x-report-ru-1280.png` });
  await page.getByRole('dialog').getByRole('button', { name: 'Закрыть', exact: true }).last().click();

  // Close the shift counted; the Z's number shows on the result.
  const { shift } = await cashierApi.get<{ shift: { id: string; totals: { cash: { expected: number } } } }>('/pos/shifts/current');
  await page.getByTestId('counted-cash').fill(String(shift.totals.cash.expected / 100));
  await page.getByTestId('counted-card').fill('0');
  await page.getByTestId('close-shift').click();
  await expect(page.getByTestId('shift-result')).toBeVisible();
  const zNumber = page.getByTestId('shift-z-number');
  await expect(zNumber).toContainText(/Z-отчёт № \d{4}/);
  const label = /№ (\d{4})/.exec((await zNumber.textContent()) ?? '')![1];
  await page.screenshot({ path: `${SHOTS}/z-after-close-ru-1280.png` });

  // Its PDF (the first print: the original) has the totals the screen showed.
  const pdf = await download(page, () => page.getByTestId('shift-z-pdf').click());
  expect(pdf.name).toBe(`z-${label}.pdf`);
  expect(pdf.text).toContain(`Z-отчёт № ${label}`);
  expect(pdf.text).toContain('Чистая выручка');
  expect(pdf.text).toContain(netOnScreen);
  expect(pdf.text).not.toContain('КОПИЯ');

  // Opening it again is a second print: a copy.
  await page.getByTestId('shift-z-open').click();
  await expect(frame.locator('[data-testid="report-stamp"]')).toHaveText('КОПИЯ');
  await page.screenshot({ path: `${SHOTS}/z-report-copy-ru-1280.png` });

  // The admin's archive lists it; the chain holds; a reprint is a copy.
  const admin = await tablet(browser, '999999', { width: 1280, height: 800 });
  await openSection(admin, 'Администрирование');
  await admin.getByTestId('admin-nav-z-reports').click();
  await expect(admin.getByTestId('z-archive-page')).toBeVisible();
  const row = admin.locator(`[data-testid="z-archive-row"][data-number="${Number(label)}"]`);
  await expect(row).toContainText(`№ ${label}`);
  expect(plain((await row.getByTestId('z-archive-net').textContent()) ?? '')).toBe(netOnScreen);
  await expect(row.getByTestId('z-archive-prints')).toHaveText('2');
  await expect(admin.getByTestId('z-chain-check')).toContainText('Цепочка Z-отчётов цела');
  await admin.screenshot({ path: `${SHOTS}/z-archive-ru-1280.png` });
  const reprint = await download(admin, () => row.getByTestId('z-archive-reprint').click());
  expect(reprint.text).toContain('КОПИЯ');
  expect(reprint.text).toContain(netOnScreen);
  await expect(row.getByTestId('z-archive-prints')).toHaveText('3');
});

test('screens in English and on a portrait tablet', async ({ browser }) => {
  test.setTimeout(90_000);
  const cashierApi = await apiLogin(server.url, '2222');
  await cashierApi.post('/pos/shifts', { openingFloat: 50000 });
  for (const [language, size] of [
    ['en', { width: 1280, height: 800 }],
    ['ru', { width: 800, height: 1280 }],
    ['en', { width: 800, height: 1280 }],
  ] as const) {
    const tag = `${language}-${size.width}`;
    const page = await tablet(browser, '2222', size, language);
    await openSection(page, language === 'en' ? 'Shift' : 'Смена');
    const card = page.getByTestId('shift-reports-card');
    await expect(card).toBeVisible();
    const box = await card.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(size.width);
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/shift-reports-card-${tag}.png` });
    await card.getByTestId('shift-report-x').click();
    await expect(page.frameLocator('[data-testid="shift-report-frame"]').locator('h1')).toHaveText(language === 'en' ? 'X report (interim, not numbered)' : 'X-отчёт (промежуточный, без номера)');
    await page.screenshot({ path: `${SHOTS}/x-report-${tag}.png` });

    const admin = await tablet(browser, '999999', size, language);
    await openSection(admin, language === 'en' ? 'Admin' : 'Администрирование');
    await admin.getByTestId('admin-nav-z-reports').click();
    await expect(admin.getByTestId('z-archive-row').first()).toBeVisible();
    await admin.screenshot({ path: `${SHOTS}/z-archive-${tag}.png` });
  }
});
