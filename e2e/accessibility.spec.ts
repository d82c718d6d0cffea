import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from './support/test';
import { startServer, type TestServer } from './support/server';
import { apiLogin, enrollTablet, openSection, signIn, typePin } from './support/staff';

// Issue 14, point 12: axe-core 4 (WCAG 2 A/AA) finds no serious or critical violation on the
// screens staff use; the page lets staff zoom, each screen has one `main` and one `h1`, and each
// dialog is named.
let server: TestServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => server?.stop());

/** What axe found on each screen a test audited, printed after the test so a failure reads at a glance. */
const summary = new Map<string, string>();
test.afterEach(() => {
  console.log(`axe-core per screen (serious/critical + the issue's rules):\n${[...summary].map(([screen, line]) => `  ${screen}: ${line}`).join('\n')}`);
  summary.clear();
});

const WCAG_A_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** Rules the issue names that axe rates below serious (or files under best practice): any impact fails. */
const SCREEN_RULES = ['meta-viewport', 'landmark-one-main', 'landmark-no-duplicate-main', 'landmark-main-is-top-level', 'page-has-heading-one'];
const DIALOG_RULES = ['aria-dialog-name'];

/**
 * Runs axe on the page (or only inside the open dialog: the screen behind its dim backdrop is not
 * what staff read then) and records what it found; a failure names each rule and its nodes.
 */
async function audit(page: Page, screen: string, options: { dialog?: boolean } = {}) {
  // Transitions and the fonts settle before colours are measured.
  await page.waitForTimeout(300);
  const builder = new AxeBuilder({ page }).withTags(WCAG_A_AA);
  if (options.dialog) builder.include('[role="dialog"]');
  const { violations } = await builder.analyze();
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const named = new AxeBuilder({ page }).withRules(options.dialog ? DIALOG_RULES : SCREEN_RULES);
  if (options.dialog) named.include('[role="dialog"]');
  const found = [...blocking, ...(await named.analyze()).violations.filter((v) => !blocking.some((b) => b.id === v.id))];
  summary.set(screen, found.length === 0 ? 'none' : found.map((v) => `${v.id} (${v.impact}) ×${v.nodes.length}`).join(', '));
  const details = found.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1).join(' ').trim()}`).join('\n')}`);
  expect.soft(details, `axe on ${screen}`).toEqual([]);
}

interface Product {
  id: string;
  code: string;
  name: string;
  isAvailable: boolean;
  modifierGroupIds: string[];
}

/** An order on a table, fired through the REST API by the waiter with that PIN. */
async function firedOrder(label: string, pin: string, guests: number) {
  const waiter = await apiLogin(server.url, pin);
  const tables = await waiter.get<{ id: string; label: string }[]>('/pos/tables');
  const table = tables.find((t) => t.label === label)!;
  const menu = await waiter.get<{ products: Product[] }>('/pos/menu');
  const simple = menu.products.filter((p) => p.isAvailable && p.modifierGroupIds.length === 0);
  const order = await waiter.post<{ id: string }>('/pos/orders', {
    tableId: table.id,
    guests,
    items: simple.slice(0, 2).map((p) => ({ productId: p.id, quantity: 1 })),
  });
  await waiter.post(`/pos/orders/${order.id}/send`, {});
  return order;
}

test('the enrollment form and the PIN pad, signed out', async ({ page }) => {
  await page.goto(`${server.url}/?venue=demo`);
  await expect(page.getByTestId('enroll-form')).toBeVisible();
  await audit(page, 'enrollment form');

  await enrollTablet(page, server.url);
  await audit(page, 'PIN pad');

  // The progress of the PIN is announced, not only drawn as dots.
  for (const d of '12') await page.getByRole('button', { name: d, exact: true }).click();
  await expect.soft(page.getByRole('status').filter({ hasText: 'Введено цифр: 2' })).toBeAttached();
  await audit(page, 'PIN pad, two digits typed');
  await page.getByRole('button', { name: 'C', exact: true }).click();
  await expect.soft(page.getByRole('status').filter({ hasText: 'Введено цифр: 0' })).toBeAttached();
  await typePin(page, '1111');
  await expect(page.getByTestId('staff-name')).toBeVisible();
});

test('the floor, the seat dialog, the order screen and its dialogs (waiter)', async ({ page }) => {
  test.setTimeout(120_000);
  await firedOrder('1', '1111', 3);
  await firedOrder('2', '1112', 2);
  await signIn(page, server.url, '1111');
  await expect(page.getByTestId('floor-screen')).toBeVisible();
  await expect(page.getByTestId('table-1')).toHaveAttribute('data-status', 'occupied');

  // The tile is named after what it shows: label, status, total, guests, waiter (seats when free).
  await expect.soft(page.getByTestId('table-1')).toHaveAccessibleName(/^Стол 1 \(Занят\), [\d\s,.]+₽ 3 \(гостя\) · Анна \(официант\)/);
  await expect.soft(page.getByTestId('table-5')).toHaveAccessibleName(/^Стол 5 \(Свободен\), \d+ мест/);
  await audit(page, 'floor');

  await page.getByTestId('table-5').click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await audit(page, 'seat dialog', { dialog: true });
  await page.getByTestId('seat-confirm').click();
  await expect(page.getByTestId('order-screen')).toBeVisible();
  await audit(page, 'order screen, empty');

  await page.getByTestId('category-Горячее').click();
  await page.getByTestId('product-ribeye-steak').click();
  await expect(page.getByTestId('modifiers-dialog')).toBeVisible();
  await audit(page, 'modifiers dialog', { dialog: true });
  await page.getByTestId('modifier-Medium rare').click();
  await page.getByTestId('modifiers-add').click();
  await expect(page.getByTestId('line-Стейк рибай')).toBeVisible();
  await audit(page, 'order screen with a line');

  await page.getByTestId('order-fire').click();
  await expect(page.getByTestId('line-Стейк рибай')).toHaveAttribute('data-kitchen', /^(fired|queued)$/);
  await page.getByTestId('line-Стейк рибай').getByRole('button').first().click();
  await expect(page.getByTestId('line-void')).toBeVisible();
  await audit(page, 'order screen, line actions open');

  // Each dialog the order screen opens, then closed with Escape.
  for (const [screen, opener, body] of [
    ['line edit dialog', 'line-note', 'line-edit-dialog'],
    ['void dialog', 'line-void', 'void-dialog'],
    ['guests dialog', 'order-guests', 'guests-save'],
    ['split dialog', 'order-split', 'split-dialog'],
  ]) {
    await page.getByTestId(opener).click();
    await expect(page.getByRole('dialog').getByTestId(body)).toBeVisible();
    await audit(page, screen, { dialog: true });
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
  }
});

test('the pay dialog with the payments remote, its result, the orders list and the shift screen (cashier); a refund (supervisor)', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await (await apiLogin(server.url, '2222')).post('/pos/shifts', { openingFloat: 500000 });
  const order = await firedOrder('8', '1111', 2);
  await signIn(page, server.url, '2222');
  await page.goto(`${server.url}/order/${order.id}`);
  await expect(page.getByTestId('order-screen')).toHaveAttribute('data-order', order.id);
  await page.getByTestId('order-pay').click();
  await expect(page.getByTestId('pay-dialog')).toBeVisible();
  await expect(page.getByTestId('payments-methods')).toBeVisible();
  await audit(page, 'pay dialog', { dialog: true });
  await page.getByTestId('pay-submit').click();
  await expect(page.getByTestId('pay-result')).toBeVisible();
  await audit(page, 'pay dialog, paid', { dialog: true });
  await page.keyboard.press('Escape');

  await openSection(page, 'Заказы');
  await expect(page.getByTestId('orders-screen')).toBeVisible();
  await audit(page, 'orders list');
  await openSection(page, 'Смена');
  await expect(page.getByTestId('shift-status')).toBeVisible();
  await audit(page, 'shift screen');

  // Refunds are the supervisor's, from the orders list (the payments remote's row action).
  await (await apiLogin(server.url, '333333')).post('/pos/shifts', { openingFloat: 0 });
  const supervisor = await (await browser.newContext()).newPage();
  await signIn(supervisor, server.url, '333333');
  await openSection(supervisor, 'Заказы');
  const refund = supervisor.locator('[data-testid^="refund-open-"]').first();
  await expect(refund).toBeVisible();
  await audit(supervisor, 'orders list with refunds');
  await refund.click();
  await expect(supervisor.getByTestId('refund-dialog')).toBeVisible();
  await audit(supervisor, 'refund dialog', { dialog: true });
});

test('the floor in reservations mode and the booking dialog (waiter)', async ({ page }) => {
  await signIn(page, server.url, '1112');
  await page.getByTestId('hall-Основной зал').click();
  await page.getByTestId('floor-mode-reservations').click();
  await expect(page.getByTestId('reservations-panel')).toBeVisible();
  await audit(page, 'floor, reservations mode');
  await page.getByTestId('reservation-new').click();
  await expect(page.getByTestId('reservation-dialog')).toBeVisible();
  await audit(page, 'reservation dialog', { dialog: true });
});

test('the kitchen display (cook)', async ({ page }) => {
  await firedOrder('3', '1111', 2);
  await signIn(page, server.url, '4444');
  await expect(page.getByTestId('kitchen-screen')).toBeVisible();
  await expect(page.locator('[data-testid^="ticket-"]').first()).toBeVisible();
  await audit(page, 'kitchen display');
});

test('every Admin section (admin)', async ({ page }) => {
  // Sixteen sections and their dialogs, each audited: more time than one screen's test.
  test.setTimeout(240_000);
  await signIn(page, server.url, '999999');
  await page.goto(`${server.url}/x/admin`);
  await expect(page.getByTestId('admin-app')).toBeVisible();
  const sections = await page.locator('[data-testid^="admin-nav-"]').evaluateAll((items) => items.map((i) => i.getAttribute('data-testid')!.slice('admin-nav-'.length)));
  expect(sections.length).toBeGreaterThan(3);
  for (const section of sections) {
    await page.getByTestId(`admin-nav-${section}`).click();
    await expect(page.getByTestId(`admin-nav-${section}`)).toHaveAttribute('aria-current', 'page');
    // Each section loads its data: wait until no spinner is left.
    await expect(page.getByRole('progressbar')).toHaveCount(0);
    await page.waitForLoadState('networkidle');
    await audit(page, `Admin: ${section}`);
  }

  // Admin's dialogs: a new staff member, a tablet's enrollment code (issued), a stock count, a remote's version.
  const dialogs: [string, string, () => Promise<void>][] = [
    ['staff', 'staff-add', async () => undefined],
    ['devices', 'devices-enroll', () => page.getByTestId('enroll-issue').click()],
    ['stock', 'stock-edit-borscht', async () => undefined],
    ['remotes', 'remote-edit-upsell', async () => undefined],
  ];
  for (const [section, opener, then] of dialogs) {
    await page.getByTestId(`admin-nav-${section}`).click();
    await page.getByTestId(opener).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await then();
    await audit(page, `Admin: ${section} dialog`, { dialog: true });
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
  }
});
