import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from './support/test';
import { minorUnits } from './support/payments';
import { startServer, type TestServer } from './support/server';
import { apiLogin, openSection, signIn } from './support/staff';

/**
 * The cashier takes cash out of the drawer on the shift screen (the shift remote's panel): the
 * paid-out is listed with its reason, the screen's expected cash goes down by it, and a paid-out
 * larger than the drawer holds is refused with the amount it does hold, recording nothing. axe-core
 * finds nothing serious in the panel or the dialog.
 */
let server: TestServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => server?.stop());

/** axe-core (WCAG 2 A/AA): no serious or critical violation inside `selector`. */
async function audit(page: Page, selector: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).include(selector).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('the cashier records a paid-out: listed, the expected cash goes down; too much is refused and writes nothing; she closes 100 ₽ short', async ({ browser }) => {
  test.setTimeout(40_000);
  const cashier = await apiLogin(server.url, '2222');
  const shift = await cashier.post<{ id: string }>('/pos/shifts', { openingFloat: 500000 });

  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await signIn(page, server.url, '2222');
  await openSection(page, 'Смена');
  const panel = page.getByTestId('shift-cash-panel');
  await expect(panel.getByTestId('shift-cash-empty')).toBeVisible();
  const expectedCash = async () => minorUnits((await page.getByTestId('expected-cash').textContent()) ?? '');
  expect(await expectedCash()).toBe(500000);

  await panel.getByTestId('shift-cash-paid-out').click();
  const dialog = page.getByRole('dialog', { name: 'Изъятие из кассы' });
  await dialog.getByTestId('shift-cash-amount').fill('500');
  await dialog.getByTestId('shift-cash-reason').fill('Оплата поставщику хлеба');
  await dialog.getByTestId('shift-cash-confirm').click();
  await expect(dialog).toBeHidden();

  const rows = panel.getByTestId('shift-cash-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Изъятие');
  await expect(rows.first()).toContainText('Оплата поставщику хлеба');
  await expect(rows.first()).toContainText('Вера (касса)');
  expect(minorUnits((await rows.first().getByTestId('shift-cash-row-amount').textContent()) ?? '')).toBe(50000);
  await expect(panel.getByTestId('shift-cash-totals')).toContainText(/Изъято: 500,00\s₽/);
  await expect.poll(expectedCash).toBe(450000);
  await audit(page, '[data-testid="shift-cash-panel"]');

  // More than the drawer holds: refused with what it holds; nothing is written.
  await panel.getByTestId('shift-cash-paid-out').click();
  await dialog.getByTestId('shift-cash-amount').fill('10000');
  await dialog.getByTestId('shift-cash-reason').fill('Инкассация');
  await dialog.getByTestId('shift-cash-confirm').click();
  await expect(dialog.getByTestId('shift-cash-failure')).toHaveText(/можно изъять не больше 4\s500,00\s₽/);
  await audit(page, '[role="dialog"]');
  await dialog.getByTestId('shift-cash-cancel').click();
  await expect(dialog).toBeHidden();
  await expect(rows).toHaveCount(1);
  expect(await cashier.get<unknown[]>(`/pos/shifts/${shift.id}/cash-movements`)).toHaveLength(1);
  expect(await expectedCash()).toBe(450000);

  // She counts 100 ₽ less than the drawer should hold and closes: the difference is the shortfall.
  await page.getByTestId('counted-cash').fill('4400');
  await page.getByTestId('counted-card').fill('0');
  await page.getByTestId('close-shift').click();
  await expect(page.getByTestId('shift-result')).toBeVisible();
  await expect(page.getByTestId('result-cash')).toHaveAttribute('data-tone', 'short');
  await expect(page.getByTestId('difference-cash')).toContainText('−');
  expect(minorUnits((await page.getByTestId('difference-cash').textContent()) ?? '')).toBe(10000);
  const closed = await cashier.get<{ status: string; closeMode: string; difference: { cash: number; card: number }; cashMovements: { paidOut: number } }>(`/pos/shifts/${shift.id}`);
  expect(closed).toMatchObject({ status: 'closed', closeMode: 'counted', difference: { cash: -10000, card: 0 }, cashMovements: { paidOut: 50000 } });
});

test('on a portrait tablet (800×1280) the shift screen stacks: totals, cash panel and closing each fit the width', async ({ browser }) => {
  // A fresh shift with a paid-out, so the cash panel has a row (the test above closed its shift).
  const cashier = await apiLogin(server.url, '2222');
  const shift = await cashier.post<{ id: string }>('/pos/shifts', { openingFloat: 300000 });
  await cashier.post(`/pos/shifts/${shift.id}/cash-movements`, { kind: 'paid_out', amount: 20000, reason: 'Инкассация' });
  const page = await (await browser.newContext({ viewport: { width: 800, height: 1280 } })).newPage();
  await signIn(page, server.url, '2222');
  await openSection(page, 'Смена');
  await expect(page.getByTestId('shift-cash-panel')).toBeVisible();
  for (const id of ['shift-status', 'expected-cash', 'expected-card', 'totals-expected', 'shift-cash-panel', 'close-shift-form']) {
    const box = await page.getByTestId(id).boundingBox();
    expect(box, id).not.toBeNull();
    expect(box!.x, id).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width, id).toBeLessThanOrEqual(800);
  }
  // Nothing is cut off sideways: no card's content is wider than the card (the status facts, the
  // totals table, the expected tiles), and the screen does not scroll horizontally.
  const overflowing = await page.getByTestId('shift-screen').evaluate((screen) =>
    [screen, ...screen.querySelectorAll('section, table, [data-testid^="expected-"]')].filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.getAttribute('data-testid') ?? el.tagName),
  );
  expect(overflowing).toEqual([]);
  const table = await page.getByTestId('totals-expected').locator('xpath=ancestor::table').boundingBox();
  expect(table!.x + table!.width).toBeLessThanOrEqual(800);
  await page.screenshot({ path: 'tmp/e2e-shots/shift-portrait.png', fullPage: true });
});
