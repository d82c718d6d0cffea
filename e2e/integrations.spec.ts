import fs from 'node:fs';
import { Webhook } from 'standardwebhooks';
import { startServer, type TestServer } from './support/server';
import { apiLogin, openSection, signIn } from './support/staff';
import { type Browser, expect, type Page, test } from './support/test';

/**
 * Delivery integrations (issue 20), driven through the built system:
 * - an admin opens Admin → Интеграции, adds a delivery partner and a webhook endpoint, and sees
 *   each one's signing secret (masked, then shown);
 * - the partner POSTs a new order signed with that secret (Standard Webhooks, from this test): it
 *   shows on the waiter's «Доставка» board beside the floor map, in «Приняты», with the partner's
 *   order id, the guest and the dishes;
 * - the partner's signed `ready_for_pickup` moves the card to «Готовы к выдаче» within seconds,
 *   live, and the cook's kitchen screen shows the order's ticket ready.
 * - an admin sends a guest an SMS (dead without an SMS provider) and exports today's orders as CSV,
 *   the progress bar reaching done and the file downloading.
 * Screenshots of the board and the Admin page at 1280×800 and 800×1280 go to /tmp/shots-integrations/.
 */
let server: TestServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => server?.stop());

const SHOTS = '/tmp/shots-integrations';
const LANDSCAPE = { width: 1280, height: 800 };
const PORTRAIT = { width: 800, height: 1280 };

async function tablet(browser: Browser, pin: string, viewport = LANDSCAPE): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'ru-RU' });
  await context.addInitScript(() => localStorage.setItem('pos.language', 'ru'));
  const page = await context.newPage();
  await signIn(page, server.url, pin);
  return page;
}

let seq = 0;
/** A partner's webhook: the raw body signed with its secret, as Standard Webhooks says. */
async function signedPost(path: string, secret: string, body: unknown) {
  const raw = JSON.stringify(body);
  const id = `msg_e2e_${++seq}_${Date.now()}`;
  const at = new Date();
  const res = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': new Webhook(secret).sign(id, at, raw),
    },
    body: raw,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

test('a partner and a webhook added in Admin; a signed delivery order shows on the board and moves to «Готовы к выдаче» on the partner’s status; the kitchen shows it ready', async ({ browser }) => {
  test.setTimeout(180_000);
  fs.mkdirSync(SHOTS, { recursive: true });

  // Admin → Интеграции: a delivery partner, its URL and its secret.
  const admin = await tablet(browser, '999999');
  await openSection(admin, 'Администрирование');
  await admin.getByTestId('admin-nav-integrations').click();
  await expect(admin.getByTestId('integrations-page')).toBeVisible();
  await admin.getByTestId('partner-add').click();
  await admin.getByTestId('partner-form-name').fill('Яндекс Еда');
  await admin.getByTestId('partner-save').click();
  const partnerRow = admin.getByTestId('partner-row').filter({ hasText: 'Яндекс Еда' });
  await expect(partnerRow).toBeVisible();
  const partnerId = await partnerRow.getAttribute('data-partner-id');
  await expect(partnerRow.getByTestId('partner-url')).toHaveText(`${server.url}/integrations/${partnerId}/orders`);
  const partnerSecret = partnerRow.getByTestId('partner-secret');
  await expect(partnerSecret).toHaveText(/^whsec_•+$/);
  await partnerRow.getByTestId('partner-secret-show').click();
  await expect(partnerSecret).toHaveText(/^whsec_[A-Za-z0-9+/]{43}=$/);
  const secret = (await partnerSecret.innerText()).trim();
  await admin.screenshot({ path: `${SHOTS}/admin-partners-ru-1280x800.png` });

  // A webhook endpoint, with its own secret.
  await admin.getByTestId('integrations-tab-endpoints').click();
  await admin.getByTestId('endpoint-add').click();
  await admin.getByTestId('endpoint-form-url').fill('http://127.0.0.1:9/hooks/pos');
  await admin.getByTestId('endpoint-form-description').fill('Учёт (e2e)');
  await admin.getByTestId('endpoint-save').click();
  const endpointRow = admin.getByTestId('endpoint-row');
  await expect(endpointRow).toHaveCount(1);
  await expect(endpointRow.getByTestId('endpoint-url')).toHaveText('http://127.0.0.1:9/hooks/pos');
  await expect(endpointRow).toContainText('Заказ изменён');
  await endpointRow.getByTestId('endpoint-secret-show').click();
  await expect(endpointRow.getByTestId('endpoint-secret')).toHaveText(/^whsec_[A-Za-z0-9+/]{43}=$/);
  await admin.screenshot({ path: `${SHOTS}/admin-webhooks-ru-1280x800.png` });

  // The waiter's floor, in the «Доставка» mode.
  const waiter = await tablet(browser, '1111');
  await waiter.getByTestId('floor-mode-integrations').click();
  await expect(waiter.getByTestId('delivery-board')).toBeVisible();

  // The partner sends a signed order: taken and fired at once.
  const pickupAt = new Date(Date.now() + 25 * 60_000).toISOString();
  const taken = await signedPost(`/integrations/${partnerId}/orders`, secret, {
    externalId: 'YE-E2E-1',
    items: [{ code: 'borscht', quantity: 2 }],
    customer: { name: 'Ольга', phone: '+7 916 123-45-67' },
    address: 'ул. Ленина, 1, кв. 5',
    pickupAt,
  });
  expect(taken.status).toBe(201);
  const { orderId, orderNumber } = taken.body as { orderId: string; orderNumber: number };

  const card = waiter.locator(`[data-testid="delivery-card"][data-order-id="${orderId}"]`);
  await expect(waiter.getByTestId('delivery-lane-accepted').locator(`[data-order-id="${orderId}"]`)).toBeVisible();
  await expect(card.getByTestId('delivery-partner')).toHaveText('Яндекс Еда');
  await expect(card.getByTestId('delivery-external-id')).toHaveText('заказ партнёра YE-E2E-1');
  await expect(card.getByTestId('delivery-number')).toHaveText(`№ ${orderNumber}`);
  await expect(card.getByTestId('delivery-guest')).toHaveText('Ольга');
  await expect(card.getByTestId('delivery-pickup')).toContainText(/курьер через (2[45]|\d{2}):\d\d/);
  await expect(card.getByTestId('delivery-dishes')).toContainText('2 × Борщ');
  await waiter.screenshot({ path: `${SHOTS}/board-accepted-ru-1280x800.png` });

  // The partner says ready for pickup: the card moves within a few seconds, without a tap.
  const status = await signedPost(`/pos/orders/${orderId}/external-status`, secret, { status: 'ready_for_pickup' });
  expect(status.status).toBe(200);
  await expect(waiter.getByTestId('delivery-lane-ready').locator(`[data-order-id="${orderId}"]`)).toBeVisible({ timeout: 5_000 });
  await expect(waiter.getByTestId('delivery-lane-accepted').locator(`[data-order-id="${orderId}"]`)).toHaveCount(0);
  await waiter.screenshot({ path: `${SHOTS}/board-ready-ru-1280x800.png` });

  // The kitchen screen shows the order's ticket ready.
  const cookApi = await apiLogin(server.url, '4444');
  const tickets = await cookApi.get<{ number: number; status: string }[]>(`/pos/kitchen/tickets?orderId=${orderId}`);
  expect(tickets.map((tk) => tk.status)).toEqual(tickets.map(() => 'ready'));
  const cook = await tablet(browser, '4444');
  await expect(cook.getByTestId('kitchen-screen')).toBeVisible();
  for (const tk of tickets) await expect(cook.getByTestId('lane-ready').getByTestId(`ticket-${tk.number}`)).toHaveAttribute('data-status', 'ready');

  // Portrait: the board under the map, the Admin page in one column.
  const portrait = await tablet(browser, '1111', PORTRAIT);
  await portrait.getByTestId('floor-mode-integrations').click();
  await expect(portrait.getByTestId('delivery-lane-ready').locator(`[data-order-id="${orderId}"]`)).toBeVisible();
  await portrait.screenshot({ path: `${SHOTS}/board-ru-800x1280.png` });
  const portraitAdmin = await tablet(browser, '999999', PORTRAIT);
  await openSection(portraitAdmin, 'Администрирование');
  await portraitAdmin.getByTestId('admin-nav-integrations').click();
  await expect(portraitAdmin.getByTestId('partner-row')).toBeVisible();
  await portraitAdmin.screenshot({ path: `${SHOTS}/admin-partners-ru-800x1280.png` });
  await portraitAdmin.getByTestId('integrations-tab-log').click();
  await expect(portraitAdmin.getByTestId('delivery-log')).toBeVisible();
  await expect(portraitAdmin.getByTestId('log-row').first()).toBeVisible({ timeout: 15_000 });
  await portraitAdmin.screenshot({ path: `${SHOTS}/admin-log-ru-800x1280.png` });
  await portraitAdmin.getByTestId('log-open').first().click();
  await expect(portraitAdmin.getByTestId('delivery-payload')).toBeVisible();
  await portraitAdmin.screenshot({ path: `${SHOTS}/admin-log-detail-ru-800x1280.png` });
});

test('an admin sends a guest an SMS (no SMS provider here: it ends undelivered, «channel not configured») and exports today’s orders as CSV: the progress bar reaches done and the file downloads', async ({ browser }) => {
  test.setTimeout(120_000);
  fs.mkdirSync(SHOTS, { recursive: true });
  const admin = await tablet(browser, '999999');
  await openSection(admin, 'Администрирование');
  await admin.getByTestId('admin-nav-integrations').click();

  // «Уведомления»: an SMS from the «order ready» template to a raw phone.
  await admin.getByTestId('integrations-tab-notifications').click();
  await expect(admin.getByTestId('notifications-panel')).toBeVisible();
  await admin.getByTestId('notification-send').click();
  const dialog = admin.getByTestId('notification-dialog');
  await dialog.getByTestId('notification-form-channel-sms').click();
  await dialog.getByTestId('notification-form-template-order_ready').click();
  await dialog.getByTestId('notification-form-var-orderNumber').fill('41');
  await dialog.getByTestId('notification-form-recipient').fill('+79161234567');
  // The dialog's footer (with its buttons) sits outside its body.
  await admin.getByTestId('notification-form-send').click();
  await expect(dialog).toHaveCount(0);
  const row = admin.getByTestId('notification-row').first();
  await expect(row).toContainText('+7');
  await expect(row).not.toContainText('+79161234567');
  // The outbox tries it, finds no SMS provider, and gives up at once; the log refetches by itself.
  await expect(row).toHaveAttribute('data-status', 'dead', { timeout: 30_000 });
  await expect(row).toContainText('Не доставлено');
  await expect(row.getByTestId('notification-error')).toContainText('channel not configured');
  await expect(row.getByTestId('notification-resend')).toBeVisible();
  await admin.screenshot({ path: `${SHOTS}/admin-notifications-ru-1280x800.png` });

  // «Выгрузка BI»: today's orders as CSV.
  await admin.getByTestId('integrations-tab-exports').click();
  const form = admin.getByTestId('export-form');
  await expect(form.getByTestId('export-dataset-orders')).toBeChecked();
  await form.getByTestId('export-format-csv').click();
  await form.getByTestId('export-range-period').click();
  await form.getByTestId('export-start').click();
  const exportRow = admin.getByTestId('export-row').first();
  await expect(exportRow).toBeVisible();
  // The job runs every few seconds; the row polls until it is done.
  await expect(exportRow).toHaveAttribute('data-status', 'done', { timeout: 45_000 });
  await expect(exportRow.getByTestId('export-progress')).toHaveAttribute('aria-valuenow', '100');
  const link = exportRow.getByTestId('export-download-orders');
  await expect(link).toBeVisible();
  await admin.screenshot({ path: `${SHOTS}/admin-exports-ru-1280x800.png` });
  const [download] = await Promise.all([admin.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^export-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}-orders\.csv$/);
  const csv = fs.readFileSync((await download.path())!, 'utf8');
  expect(csv.split('\n')[0]).toContain('id');

  // Portrait: both tabs in one column.
  const portrait = await tablet(browser, '999999', PORTRAIT);
  await openSection(portrait, 'Администрирование');
  await portrait.getByTestId('admin-nav-integrations').click();
  await portrait.getByTestId('integrations-tab-notifications').click();
  await expect(portrait.getByTestId('notification-row').first()).toHaveAttribute('data-status', 'dead');
  await portrait.screenshot({ path: `${SHOTS}/admin-notifications-ru-800x1280.png` });
  await portrait.getByTestId('integrations-tab-exports').click();
  await expect(portrait.getByTestId('export-row').first()).toHaveAttribute('data-status', 'done');
  await portrait.screenshot({ path: `${SHOTS}/admin-exports-ru-800x1280.png` });
});
