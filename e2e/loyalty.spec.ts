import AxeBuilder from '@axe-core/playwright';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { fakeCameraArgs, writeQrVideo } from './fixtures/loyalty/qr-video';
import { borschtOrder, minorUnits, type PaymentRow } from './support/payments';
import { startServer, type TestServer } from './support/server';
import { apiLogin, openSection, signIn } from './support/staff';
import { expect, type Page, test } from './support/test';

/**
 * Loyalty at the till (issue 18), driven through the built system:
 * - the cashier scans the demo guest's app code with a real (fake-device) camera: Chromium plays a
 *   Y4M video of a QR code this test makes from the code the API issues, qr-scanner decodes it in
 *   the worker the loyalty remote ships, the guest is attached to the order; a forged code typed in
 *   is refused and attaches nothing; 100 of her points pay part of the bill in the pay dialog;
 * - a gift card sold on one order activates when that order is paid, pays part of another order,
 *   and refunding that payment from the orders list puts the money back on the card; the QR code
 *   on its slip scans back in at the pay dialog.
 * Screenshots of the panel at 1280×800, 1024×768 and 800×1280, in Russian and English; axe-core
 * finds nothing serious in the panel, the guest dialog or the tenders.
 */
let server: TestServer;
const SHOTS = 'tmp/e2e-shots';
const OLGA_PHONE = '+79161234567';
/** What playwright.config.ts launches Chromium with; a camera test adds the fake camera's flags. */
const BASE_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

test.beforeAll(async () => {
  server = await startServer();
  // Payments book to the cashier's open shift.
  const cashier = await apiLogin(server.url, '2222');
  await cashier.post('/pos/shifts', { openingFloat: 500000 });
});
test.afterAll(async () => server?.stop());

/** axe-core (WCAG 2 A/AA): no serious or critical violation inside `selector`. */
async function audit(page: Page, selector: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).include(selector).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

interface CustomerRef {
  id: string;
  name: string;
}
interface OrderRow {
  id: string;
  number: number;
  total: number;
  due: number;
  status: string;
  customer?: CustomerRef | null;
}
interface GiftCardRow {
  card: { code: string; status: string; balance: number; initialAmount: number };
  movements: { id: string; kind: string; amount: number; paymentId: string | null; redeemId: string | null }[];
}

async function openTable(page: Page, label: string) {
  await openSection(page, 'Зал');
  await page.getByTestId(`table-${label}`).click();
  await expect(page.getByTestId('order-screen')).toBeVisible();
}

/** The demo guest, as the till finds her by phone. */
async function demoGuest() {
  const cashier = await apiLogin(server.url, '2222');
  const { customer } = await cashier.post<{ customer: CustomerRef }>('/pos/customers/lookup', { phone: OLGA_PHONE });
  expect(customer.name).toBe('Ольга Смирнова');
  return customer;
}

test('the cashier scans the guest’s app code with the camera: the guest is attached; a forged code attaches nothing', async () => {
  test.setTimeout(120_000);
  const guest = await demoGuest();
  const { order } = await borschtOrder(server.url, '4');
  const cashierApi = await apiLogin(server.url, '2222');
  // The guest app's code for Olga now (valid 60 s), as Admin's "try the scanner" issues it.
  const admin = await apiLogin(server.url, '999999');
  const { code } = await admin.post<{ code: string }>(`/admin/customers/${guest.id}/guest-code`);
  const video = path.join(os.tmpdir(), `pos-guest-qr-${process.pid}-${Date.now()}.y4m`);
  writeQrVideo(video, code);

  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...BASE_ARGS, ...fakeCameraArgs(video)] });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ru-RU', permissions: ['camera'] });
    const page = await context.newPage();
    await signIn(page, server.url, '2222');
    await openTable(page, '4');
    const panel = page.getByTestId('loyalty-panel');
    await expect(panel).toBeVisible();
    await expect(panel.getByTestId('loyalty-entry')).toBeVisible();
    await panel.screenshot({ path: `${SHOTS}/loyalty-panel-find-1280.png` });

    // A forged code (its signature changed) typed in: refused in words, nothing attached.
    const forged = code.replace(/.{2}$/, (tail) => (tail === 'AA' ? 'BB' : 'AA'));
    await panel.getByTestId('loyalty-entry').fill(forged);
    await panel.getByTestId('loyalty-find').click();
    await expect(panel.getByTestId('loyalty-entry-problem')).toContainText('не подписан нашим заведением');
    expect((await cashierApi.get<OrderRow>(`/pos/orders/${order.id}`)).customer ?? null).toBeNull();

    // The camera: the video shows Olga's code; qr-scanner reads it, the server knows her.
    await panel.getByTestId('loyalty-scan').click();
    // (The camera view may be gone already: the fake camera shows the code from its first frame.)
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByTestId('loyalty-profile-name')).toHaveText('Ольга Смирнова', { timeout: 20_000 });
    await expect(dialog).toContainText('Найден по приложению');
    await page.screenshot({ path: `${SHOTS}/loyalty-guest-found-1280.png` });
    await audit(page, '[role="dialog"]');
    await dialog.getByTestId('loyalty-attach').click();
    await expect(dialog).toBeHidden();

    await expect(panel.getByTestId('loyalty-guest-name')).toHaveText('Ольга Смирнова');
    await expect(panel.getByTestId('loyalty-guest-points')).toContainText('балл');
    await expect.poll(async () => (await cashierApi.get<OrderRow>(`/pos/orders/${order.id}`)).customer?.id).toBe(guest.id);
    await panel.screenshot({ path: `${SHOTS}/loyalty-panel-guest-1280.png` });
    await audit(page, '[data-testid="loyalty-panel"]');
    await page.screenshot({ path: `${SHOTS}/loyalty-order-1280x800.png` });

    // She pays 100 points of the bill in the pay dialog: the rest due drops by their value at once.
    const before = await cashierApi.get<{ points: number; pointValue: number }>(`/pos/customers/${guest.id}`);
    await page.getByTestId('order-pay').click();
    await expect(page.getByTestId('pay-dialog')).toBeVisible();
    const tenders = page.getByTestId('loyalty-tenders');
    await expect(tenders.getByTestId('loyalty-tender-points')).toContainText(new Intl.NumberFormat('ru-RU').format(before.points));
    await tenders.getByTestId('loyalty-tender-points').click();
    await tenders.getByTestId('loyalty-points-amount').fill('100');
    await page.screenshot({ path: `${SHOTS}/loyalty-points-tender-1280.png` });
    await tenders.getByTestId('loyalty-points-pay').click();
    await expect(tenders.getByTestId('loyalty-points-paid')).toContainText('100 баллов');
    await expect.poll(async () => minorUnits(await page.getByTestId('pay-due').innerText())).toBe(order.total - 100 * before.pointValue);
    const after = await cashierApi.get<{ points: number; pointsHistory: { kind: string; points: number; orderId: string | null }[] }>(`/pos/customers/${guest.id}`);
    expect(after.points).toBe(before.points - 100);
    expect(after.pointsHistory).toContainEqual(expect.objectContaining({ kind: 'spend', points: -100, orderId: order.id }));
    await page.getByRole('dialog').getByRole('button', { name: 'Закрыть', exact: true }).click();
    await expect(page.getByTestId('pay-dialog')).toBeHidden();

    // The same panel on a smaller landscape tablet and on a portrait one: it fits the column.
    for (const viewport of [
      { width: 1024, height: 768 },
      { width: 800, height: 1280 },
    ]) {
      await page.setViewportSize(viewport);
      await expect(panel).toBeVisible();
      const box = await panel.boundingBox();
      expect(box!.x + box!.width, `${viewport.width}×${viewport.height}`).toBeLessThanOrEqual(viewport.width);
      const overflowing = await panel.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
      expect(overflowing, `${viewport.width}×${viewport.height}`).toBe(false);
      await page.screenshot({ path: `${SHOTS}/loyalty-order-${viewport.width}x${viewport.height}.png` });
    }

    // In English: the order's guest with her points.
    const english = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB', permissions: ['camera'] });
    await english.addInitScript(() => localStorage.setItem('pos.language', 'en'));
    const en = await english.newPage();
    await signIn(en, server.url, '2222');
    await openSection(en, 'Floor');
    await en.getByTestId('table-4').click();
    const enPanel = en.getByTestId('loyalty-panel');
    await expect(enPanel.getByRole('heading', { name: 'Guest' })).toBeVisible();
    await expect(enPanel.getByTestId('loyalty-guest-name')).toHaveText('Ольга Смирнова');
    await expect(enPanel.getByTestId('loyalty-guest-points')).toContainText('point');
    await enPanel.screenshot({ path: `${SHOTS}/loyalty-panel-guest-en-1280.png` });
    await enPanel.getByTestId('loyalty-profile').click();
    await expect(en.getByRole('dialog').getByTestId('loyalty-profile-name')).toHaveText('Ольга Смирнова');
    await en.screenshot({ path: `${SHOTS}/loyalty-profile-en-1280.png` });
  } finally {
    await browser.close();
  }
});

test('a gift card sold on an order pays part of another once paid for; refunding that payment puts the money back on the card', async ({ browser }) => {
  test.setTimeout(150_000);
  const cashierApi = await apiLogin(server.url, '2222');
  const { order: sale } = await borschtOrder(server.url, '5');
  const { order: dinner } = await borschtOrder(server.url, '6', 3);

  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await signIn(page, server.url, '2222');

  // 1. Sell a 3 000 ₽ card on table 5's order: its code is shown once, the order grows by it.
  await openTable(page, '5');
  await page.getByTestId('loyalty-sell-gift-card').click();
  const sell = page.getByRole('dialog', { name: 'Продать подарочную карту' });
  await sell.getByTestId('loyalty-sell-preset-3000').click();
  await page.screenshot({ path: `${SHOTS}/loyalty-sell-1280.png` });
  await sell.getByTestId('loyalty-sell-confirm').click();
  const sold = page.getByRole('dialog', { name: 'Подарочная карта добавлена в заказ' });
  const shown = (await sold.getByTestId('loyalty-sold-code').innerText()).trim();
  expect(shown).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}$/);
  await expect(sold).toContainText('станет активной, когда заказ будет оплачен');
  await expect(sold.getByRole('img', { name: 'QR-код подарочной карты' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/loyalty-sold-1280.png` });
  await sold.getByTestId('loyalty-sell-finish').click();
  const code = shown.replace(/-/g, '');
  const saleOrder = await cashierApi.get<OrderRow>(`/pos/orders/${sale.id}`);
  expect(saleOrder.total).toBe(sale.total + 300000);
  await expect(page.getByTestId('order-total')).toContainText(/3\s\d{3}/);
  expect((await cashierApi.get<GiftCardRow>(`/pos/finance/giftcards/${code}`)).card).toMatchObject({ status: 'pending', initialAmount: 300000, balance: 0 });

  // 2. The order is paid in cash: the card becomes active.
  await page.getByTestId('order-pay').click();
  await expect(page.getByTestId('pay-dialog')).toBeVisible();
  await page.getByTestId('pay-submit').click();
  await expect(page.getByTestId('pay-result')).toBeVisible();
  await page.getByTestId('pay-finish').click();
  expect((await cashierApi.get<GiftCardRow>(`/pos/finance/giftcards/${code}`)).card).toMatchObject({ status: 'active', balance: 300000 });

  // 3. Table 6 pays 100 ₽ with the card (typed as a guest reads it, lower case), the rest in cash.
  await openTable(page, '6');
  await page.getByTestId('order-pay').click();
  await expect(page.getByTestId('pay-dialog')).toBeVisible();
  expect(minorUnits(await page.getByTestId('pay-due').innerText())).toBe(dinner.total);
  const tenders = page.getByTestId('loyalty-tenders');
  await tenders.getByTestId('loyalty-tender-giftcard').click();
  await tenders.getByTestId('loyalty-giftcard-code').fill(shown.toLowerCase());
  await tenders.getByTestId('loyalty-giftcard-check').click();
  await expect(tenders.getByTestId('loyalty-giftcard-balance')).toHaveText(/3\s000,00\s₽/);
  await tenders.getByTestId('loyalty-giftcard-amount').fill('100');
  await page.screenshot({ path: `${SHOTS}/loyalty-giftcard-tender-1280.png` });
  await audit(page, '[data-testid="loyalty-tenders"]');
  await tenders.getByTestId('loyalty-giftcard-pay').click();
  await expect(tenders.getByTestId('loyalty-giftcard-paid')).toContainText('Остаток на карте: 2 900,00');
  // The pay dialog noticed: what is due now is the rest.
  await expect.poll(async () => minorUnits(await page.getByTestId('pay-due').innerText())).toBe(dinner.total - 10000);
  await page.getByTestId('pay-submit').click();
  await expect(page.getByTestId('pay-result')).toBeVisible();
  await page.getByTestId('pay-finish').click();
  const payments = await cashierApi.get<PaymentRow[]>(`/pos/finance/payments?orderId=${dinner.id}`);
  const byCard = payments.find((p) => p.method === 'giftcard');
  expect(byCard).toMatchObject({ status: 'captured', amount: 10000 });
  expect((await cashierApi.get<GiftCardRow>(`/pos/finance/giftcards/${code}`)).card.balance).toBe(290000);

  // 4. The supervisor refunds the gift card payment from the orders list: the card has 3 000 ₽ again.
  const supervisorApi = await apiLogin(server.url, '333333');
  const supervisor = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await signIn(supervisor, server.url, '333333');
  await openSection(supervisor, 'Заказы');
  const row = supervisor.getByTestId(`orders-row-${dinner.number}`);
  await row.getByTestId(`refund-open-${dinner.number}`).click();
  await expect(supervisor.getByTestId('refund-dialog')).toBeVisible();
  const choice = supervisor.getByTestId(`refund-payment-${byCard!.id}`);
  await expect(choice).toContainText('Подарочная карта');
  await choice.click();
  await expect(supervisor.getByRole('dialog')).toContainText('Деньги вернутся на ту же подарочную карту');
  expect(minorUnits(await supervisor.getByTestId('refund-amount').inputValue())).toBe(10000);
  await supervisor.getByTestId('refund-reason-guestComplaint').click();
  await supervisor.screenshot({ path: `${SHOTS}/loyalty-refund-giftcard-1280.png` });
  await supervisor.getByTestId('refund-confirm').click();
  await expect(supervisor.getByTestId('refund-receipt')).toBeVisible();
  await expect(supervisor.getByTestId('refund-receipt-method')).toContainText('Подарочная карта');
  await supervisor.getByTestId('refund-done').click();

  const after = await supervisorApi.get<GiftCardRow>(`/pos/finance/giftcards/${code}`);
  expect(after.card.balance).toBe(300000);
  const redeem = after.movements.find((m) => m.kind === 'redeem');
  const restore = after.movements.find((m) => m.kind === 'restore');
  expect(redeem).toMatchObject({ amount: -10000, paymentId: byCard!.id });
  expect(restore).toMatchObject({ amount: 10000, redeemId: redeem!.id });
  // The card pays again: its slip's QR code, scanned by the camera in the pay dialog, reads 3 000 ₽.
  const { order: later } = await borschtOrder(server.url, '7');
  const video = path.join(os.tmpdir(), `pos-giftcard-qr-${process.pid}-${Date.now()}.y4m`);
  writeQrVideo(video, code);
  const camera = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...BASE_ARGS, ...fakeCameraArgs(video)] });
  try {
    const till = await (await camera.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ru-RU', permissions: ['camera'] })).newPage();
    await signIn(till, server.url, '2222');
    await openTable(till, '7');
    await till.getByTestId('order-pay').click();
    await till.getByTestId('loyalty-tender-giftcard').click();
    await till.getByTestId('loyalty-giftcard-scan').click();
    await expect(till.getByTestId('loyalty-giftcard-code')).toHaveValue(shown, { timeout: 20_000 });
    await expect(till.getByTestId('loyalty-giftcard-balance')).toHaveText(/3\s000,00\s₽/);
    expect(minorUnits(await till.getByTestId('loyalty-giftcard-amount').inputValue())).toBe(Math.min(300000, later.total));
  } finally {
    await camera.close();
  }
});
