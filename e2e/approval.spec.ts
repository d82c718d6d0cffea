import { serverBehindFaultProxy } from './support/proxied-server';
import { apiLogin, openSection, signIn } from './support/staff';
import { expect, type Locator, type Page, test } from './support/test';

/**
 * Inline supervisor approval (issue 14, point 3): a waiter voids a dish the kitchen already has
 * without signing out — the supervisor types their PIN into a dialog on the waiter's tablet, it
 * counts for that one void, and the audit log names both. Offline the dialog is not offered:
 * the approval needs the server.
 */
const env = serverBehindFaultProxy();

const SHOTS = 'tmp/e2e-shots';
const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
  { width: 800, height: 1280 },
];

interface AuditEntryDto {
  action: string;
  entityId: string | null;
  details: { reason?: string; quantity?: number };
  staff: { name: string } | null;
  approvedBy: { name: string } | null;
}

/** Seats table `label`, adds a borscht and fires it: the kitchen has it. */
async function firedBorscht(page: Page, label: string): Promise<Locator> {
  await page.getByTestId(`table-${label}`).click();
  await page.getByTestId('seat-confirm').click();
  await expect(page.getByTestId('order-screen')).toBeVisible();
  await page.getByTestId('category-Супы').click();
  await page.getByTestId('product-borscht').click();
  const line = page.getByTestId('line-Борщ');
  await expect(line).toBeVisible();
  await page.getByTestId('order-fire').click();
  await expect(line).toHaveAttribute('data-kitchen', /^(fired|queued)$/);
  return line;
}

/** Taps a PIN on the approval dialog's pad, as the supervisor does. */
async function typeSupervisorPin(dialog: Locator, pin: string) {
  for (const digit of pin) await dialog.getByRole('button', { name: digit, exact: true }).click();
  await dialog.getByTestId('pin-submit').click();
}

async function shoot(page: Page, name: string) {
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: `${SHOTS}/${name}-${viewport.width}x${viewport.height}.png` });
  }
  await page.setViewportSize(VIEWPORTS[0]);
}

test("a waiter voids a fired dish with a supervisor's PIN typed inline; the audit log names both", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await (await browser.newContext({ viewport: VIEWPORTS[0] })).newPage();
  await signIn(page, env.server.url, '1111');
  const line = await firedBorscht(page, '3');
  const orderId = await page.getByTestId('order-screen').getAttribute('data-order');

  await line.getByRole('button').first().click();
  await line.getByTestId('line-void').click();
  const voidDialog = page.getByTestId('void-dialog');
  await expect(voidDialog).toBeVisible();
  await expect(page.getByTestId('void-needs-supervisor')).toContainText('подтверждает старший смены');
  const ask = page.getByTestId('void-request-approval');
  await expect(ask).toHaveText('Подтвердить у старшего');
  await expect(ask).toBeDisabled();
  await voidDialog.getByRole('button', { name: 'Гость передумал' }).click();

  // Escape closes the approval dialog alone: the void dialog waits under it.
  await ask.click();
  const approval = page.getByRole('dialog', { name: 'Подтверждение старшего' });
  await expect(approval).toContainText('Отмена блюда, которое уже готовит кухня');
  await expect(approval.getByTestId('approval-requester')).toHaveText('Просит: Анна');
  await page.keyboard.press('Escape');
  await expect(approval).toBeHidden();
  await expect(voidDialog).toBeVisible();

  // A wrong PIN says so, with the tries left; the waiter stays signed in.
  await ask.click();
  await expect(approval).toBeVisible();
  await typeSupervisorPin(approval, '000000');
  await expect(approval.getByTestId('approval-error')).toHaveText('Неверный PIN-код старшего. Осталось попыток: 4');
  await expect(page.getByTestId('staff-name')).toHaveText('Анна');
  await shoot(page, 'approval-dialog-ru');

  await typeSupervisorPin(approval, '333333');
  await expect(approval).toBeHidden();
  await expect(voidDialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Отменено. Подтвердил(а): Григорий (старший смены)' })).toBeVisible();
  await expect(line).toContainText('Гость передумал');
  await expect(line).toHaveAttribute('data-kitchen', 'changed');
  await expect(page.getByTestId('staff-name')).toHaveText('Анна');
  await page.screenshot({ path: `${SHOTS}/approval-voided-ru-1280x800.png` });

  // The audit log: Anna voided it, the supervisor approved it.
  const admin = await apiLogin(env.server.url, '999999');
  const { entries } = await admin.get<{ entries: AuditEntryDto[] }>(`/admin/audit?entityId=${orderId}`);
  expect(entries).toEqual([
    expect.objectContaining({ action: 'order.line.voided', staff: expect.objectContaining({ name: 'Анна' }), approvedBy: expect.objectContaining({ name: 'Григорий (старший смены)' }), details: expect.objectContaining({ reason: 'Гость передумал', quantity: 1 }) }),
  ]);
});

test('in English; and offline the void says a supervisor’s approval needs the network', async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ viewport: VIEWPORTS[0] });
  await context.addInitScript(() => localStorage.setItem('pos.language', 'en'));
  const page = await context.newPage();
  await signIn(page, env.proxy.url, '1112');
  const line = await firedBorscht(page, '4');

  await line.getByRole('button').first().click();
  await line.getByTestId('line-void').click();
  await page.getByTestId('void-reason').fill('Guest changed mind');
  await page.getByTestId('void-request-approval').click();
  const approval = page.getByRole('dialog', { name: 'Supervisor approval' });
  await expect(approval).toContainText('Void a dish the kitchen already has');
  await shoot(page, 'approval-dialog-en');
  await approval.getByRole('button', { name: 'Cancel' }).click();
  await expect(approval).toBeHidden();

  env.proxy.cut();
  await expect(page.getByTestId('connectivity')).toHaveAttribute('data-state', 'offline', { timeout: 15_000 });
  await expect(page.getByTestId('void-needs-supervisor')).toContainText('needs the server');
  await expect(page.getByTestId('void-request-approval')).toBeDisabled();
  await shoot(page, 'approval-offline-en');
  env.proxy.restore();
  await expect(page.getByTestId('connectivity')).toHaveAttribute('data-state', 'online', { timeout: 15_000 });
  await expect(page.getByTestId('void-request-approval')).toBeEnabled();
});

test("a cashier closes the shift over an open check with a supervisor's PIN typed inline", async ({ browser }) => {
  test.setTimeout(120_000);
  const cashierApi = await apiLogin(env.server.url, '2222');
  const shift = await cashierApi.post<{ id: string }>('/pos/shifts', { openingFloat: 0 });
  // A waiter's order, booked to the open shift and never paid.
  const waiterApi = await apiLogin(env.server.url, '1112');
  const menu = await waiterApi.get<{ products: { id: string; code: string }[] }>('/pos/menu');
  const borscht = menu.products.find((p) => p.code === 'borscht')!;
  await waiterApi.post('/pos/orders', { items: [{ productId: borscht.id, quantity: 1 }], clientRequestId: `e2e-approval-${Date.now()}` });

  const page = await (await browser.newContext({ viewport: VIEWPORTS[0] })).newPage();
  await signIn(page, env.server.url, '2222');
  await openSection(page, 'Смена');
  await page.getByTestId('counted-cash').fill('0');
  await page.getByTestId('counted-card').fill('0');
  await page.getByTestId('close-shift').click();
  const openChecks = page.getByTestId('open-checks');
  await expect(openChecks).toContainText('позовите старшего смены');
  await openChecks.getByRole('button', { name: 'Гости ушли, не расплатившись' }).click();
  await shoot(page, 'approval-shift-open-checks-ru');
  await openChecks.getByTestId('close-anyway-approval').click();

  const approval = page.getByRole('dialog', { name: 'Подтверждение старшего' });
  await expect(approval).toContainText('Закрытие смены с открытыми счетами');
  await typeSupervisorPin(approval, '333333');
  await expect(page.getByTestId('shift-result')).toContainText('Гости ушли, не расплатившись');
  await page.screenshot({ path: `${SHOTS}/approval-shift-closed-ru-1280x800.png` });

  const admin = await apiLogin(env.server.url, '999999');
  const { entries } = await admin.get<{ entries: AuditEntryDto[] }>(`/admin/audit?action=shift.closed.override&entityId=${shift.id}`);
  expect(entries).toEqual([expect.objectContaining({ approvedBy: expect.objectContaining({ name: 'Григорий (старший смены)' }) })]);
  expect(entries[0].staff?.name).toBeTruthy();
});

test("a cashier refunds a cash payment from the order list with a supervisor's PIN typed inline; the audit names both", async ({ browser }) => {
  test.setTimeout(120_000);
  // A cash sale of the cashier's shift, over the API.
  const cashierApi = await apiLogin(env.server.url, '2222');
  const { shift } = await cashierApi.get<{ shift: { id: string } | null }>('/pos/shifts/current');
  if (!shift) await cashierApi.post('/pos/shifts', { openingFloat: 100_000 });
  const waiterApi = await apiLogin(env.server.url, '1111');
  const menu = await waiterApi.get<{ products: { id: string; code: string }[] }>('/pos/menu');
  const borscht = menu.products.find((p) => p.code === 'borscht')!;
  const order = await waiterApi.post<{ id: string; number: number; total: number }>('/pos/orders', { items: [{ productId: borscht.id, quantity: 1 }], clientRequestId: `e2e-refund-approval-${Date.now()}` });
  await cashierApi.post('/pos/finance/payments', { orderId: order.id, tenders: [{ method: 'cash', amount: order.total, tendered: order.total }] });

  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await signIn(page, env.server.url, '2222');
  await openSection(page, 'Заказы');
  // Without payments.refund the cashier still sees «Возврат»: a supervisor approves it here.
  await page.getByTestId(`refund-open-${order.number}`).click();
  const refund = page.getByTestId('refund-dialog');
  await expect(refund).toBeVisible();
  await page.getByTestId('refund-reason-guestComplaint').click();
  await page.getByTestId('refund-confirm').click();
  const approval = page.getByRole('dialog', { name: 'Подтверждение старшего' });
  await expect(approval).toContainText('Возврат денег гостю');
  await expect(approval.getByTestId('approval-requester')).toHaveText('Просит: Вера (касса)');
  await page.screenshot({ path: `${SHOTS}/approval-refund-ru-1280x800.png` });
  await typeSupervisorPin(approval, '333333');
  await expect(approval).toBeHidden();
  const slip = page.getByTestId('refund-receipt');
  await expect(slip).toBeVisible();
  await expect(slip.getByTestId('refund-receipt-drawer')).toHaveText('Вера (касса)');
  await expect(slip).toContainText('Вера (касса)');

  const admin = await apiLogin(env.server.url, '999999');
  const { entries } = await admin.get<{ entries: (AuditEntryDto & { details: { permission?: string } })[] }>('/admin/audit');
  expect(entries).toContainEqual(
    expect.objectContaining({ action: 'approval.used', staff: expect.objectContaining({ name: 'Вера (касса)' }), approvedBy: expect.objectContaining({ name: 'Григорий (старший смены)' }), details: expect.objectContaining({ permission: 'payments.refund' }) }),
  );
});
