import AxeBuilder from '@axe-core/playwright';
import { borschtOrder, minorUnits } from './support/payments';
import { startServer, type TestServer } from './support/server';
import { apiLogin, openSection, signIn } from './support/staff';
import { expect, type Page, test } from './support/test';

/**
 * The supervisor's board (issue 17, point 5): the cashier opens a shift and takes cash; the
 * supervisor opens Admin → Открытые смены and closes Вера's shift blind — the dialog asks the
 * count first and shows no expected figure before the close, then the difference; the server
 * records the close as `blind`.
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

interface ClosedShift {
  id: string;
  status: string;
  closeMode: string | null;
  counted: { cash: number; card: number } | null;
  difference: { cash: number; card: number } | null;
  totals: { cash: { expected: number }; card: { expected: number } };
}

test("the supervisor closes Вера's shift blind from the board: count first, the expected figure only after the close", async ({ browser }) => {
  test.setTimeout(120_000);
  // Вера opens her shift with a 5 000 ₽ float and takes cash for table 3.
  const cashier = await apiLogin(server.url, '2222');
  const shift = await cashier.post<{ id: string }>('/pos/shifts', { openingFloat: 500_000 });
  const { order } = await borschtOrder(server.url, '3', 2);
  await cashier.post('/pos/finance/payments', { orderId: order.id, tenders: [{ method: 'cash', amount: order.total }] });
  const expectedCash = 500_000 + order.total;

  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await signIn(page, server.url, '333333');
  await openSection(page, 'Администрирование');
  await page.getByTestId('admin-nav-open-shifts').click();
  const row = page.getByTestId(`board-shift-${shift.id}`);
  await expect(row).toContainText('Вера (касса)');
  await expect(row).toContainText('Открытых чеков нет');
  // The board carries no money at all.
  await expect(page.getByTestId('shift-board')).not.toContainText('₽');

  await row.getByRole('button', { name: 'Закрыть смену' }).click();
  const dialog = page.getByRole('dialog', { name: /Закрыть смену: Вера/ });
  await expect(dialog).toContainText('Сколько должно быть, вы увидите только после закрытия');
  await expect(dialog).not.toContainText(/Ожидалось|Должно быть в кассе/);
  // Counted 100 ₽ short in cash, card as the terminal says.
  await dialog.getByTestId('blind-close-cash').fill(String((expectedCash - 10_000) / 100));
  await dialog.getByTestId('blind-close-card').fill('0');
  await dialog.getByTestId('blind-close-reason').fill('Кассир ушёл, не закрыв смену');
  await audit(page, '[role="dialog"]');
  // Typed, not yet sent: the dialog shows no amount of its own (the typed ones are in the inputs).
  expect(((await dialog.textContent()) ?? '').replace(/\s/g, '')).not.toMatch(/\d+,\d{2}₽/);
  await dialog.getByTestId('blind-close-submit').click();

  const result = page.getByTestId('blind-close-result');
  await expect(page.getByRole('dialog', { name: 'Смена закрыта вслепую' })).toContainText('Вера (касса)');
  expect(minorUnits((await result.getByTestId('blind-expected-cash').textContent()) ?? '')).toBe(expectedCash);
  await expect(result.getByTestId('blind-result-cash')).toHaveAttribute('data-tone', 'short');
  expect(minorUnits((await result.getByTestId('blind-difference-cash').textContent()) ?? '')).toBe(10_000);
  await expect(result.getByTestId('blind-difference-cash')).toContainText('−');
  await expect(result.getByTestId('blind-result-card')).toHaveAttribute('data-tone', 'balanced');
  await audit(page, '[role="dialog"]');
  await page.getByTestId('blind-close-done').click();
  await expect(row).toBeHidden();

  // The server closed it blind, with what was counted.
  const supervisor = await apiLogin(server.url, '333333');
  const closed = await supervisor.get<ClosedShift>(`/pos/shifts/${shift.id}`);
  expect(closed).toMatchObject({ status: 'closed', closeMode: 'blind', counted: { cash: expectedCash - 10_000, card: 0 }, difference: { cash: -10_000, card: 0 } });
  expect((await cashier.get<{ shift: ClosedShift | null }>('/pos/shifts/current')).shift).toBeNull();
});
