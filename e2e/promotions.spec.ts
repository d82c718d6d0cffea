import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import { borschtOrder, minorUnits } from './support/payments';
import { startServer, type TestServer } from './support/server';
import { apiLogin, openSection, signIn } from './support/staff';
import { type Browser, expect, type Page, test } from './support/test';

/**
 * Promotions (issue 19), driven through the built system:
 * - a happy hour (20 % off the check) whose window opens a minute or so after the server's now:
 *   the waiter's floor shows it with a countdown to its start that moves with the browser's clock
 *   (Playwright's clock, set to the server's time, paused and run 10 s: exactly 10 s less); a dish
 *   ordered before the start pays full price; when the window opens the order gets the promotion
 *   by itself (the server re-prices open orders) and the total drops 20 %; the order is fired; when
 *   the window closes the fired dish keeps its saving and a dish added after pays full price;
 * - a rule gated by the `promotions-pilot` flag shows on the open floor and applies to an order;
 *   it goes away, without a reload, when an admin switches the flag off;
 * - the admin applies a manual promotion on an order and takes it off;
 * - Admin → Акции creates a rule through the form and lists it; an empty window (from = to) is
 *   marked at its field and nothing is saved.
 * Screenshots of the widget, the order summary and the Admin page at 1280×800, 1024×768 and
 * 800×1280, in Russian and English, go to /tmp/shots-promotions/; axe-core finds nothing serious
 * in the widget, the order summary or the Admin page.
 */
let server: TestServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => server?.stop());

const SHOTS = '/tmp/shots-promotions';
const SIZES = [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
  { width: 800, height: 1280 },
] as const;

interface ActiveList {
  serverTime: string;
  promotions: { rule: { id: string; name: string }; activeNow: boolean; secondsToStart: number | null }[];
}
interface Rule {
  id: string;
  name: string;
  version: number;
}
interface OrderRow {
  id: string;
  total: number;
  subtotal: number;
  discount: number;
  lines: { id: string; firedQuantity: number }[];
  promotions?: { ruleId: string; saving: number; lines: { lineId: string; saving: number }[] }[];
}

const moscow = (ms: number, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Moscow', ...options }).format(ms);
const hhmm = (ms: number) => moscow(ms, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
/** ISO weekday (1 = Monday) of an instant on the venue's (Moscow) calendar. */
const isoWeekday = (ms: number) => WEEKDAYS.indexOf(moscow(ms, { weekday: 'short' })) + 1;
/** Seconds of a countdown as the widget shows it ("через 01:05" → 65). */
const countdownSeconds = (text: string) => {
  const [, m, s] = /(\d+):(\d\d)\s*$/.exec(text.trim()) ?? [];
  return Number(m) * 60 + Number(s);
};

const ruleInput = (over: Record<string, unknown>) => ({
  effect: { kind: 'percent', percent: 20, target: { scope: 'check' } },
  schedule: { validFrom: null, validTo: null, windows: [] },
  conditions: { minSubtotal: null, minQuantity: null },
  limits: { perGuest: null, total: null },
  priority: 50,
  stacking: 'stackable',
  manual: false,
  featureFlag: null,
  enabled: true,
  ...over,
});

async function pageIn(browser: Browser, language: 'ru' | 'en', viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: language === 'en' ? 'en-GB' : 'ru-RU' });
  await context.addInitScript((lng) => localStorage.setItem('pos.language', lng), language);
  return context.newPage();
}

/** axe-core (WCAG 2 A/AA): no serious or critical violation inside `selector`. */
async function audit(page: Page, selector: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).include(selector).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** The part of the screen inside the viewport: nothing sticks out to the right. */
async function fitsWidth(page: Page, testId: string, width: number) {
  const box = await page.getByTestId(testId).first().boundingBox();
  expect(box, testId).not.toBeNull();
  expect(box!.x + box!.width, `${testId} at ${width}`).toBeLessThanOrEqual(width + 1);
}

test('a happy hour opens by itself on the open order, the fired dish keeps it after the window, a later dish pays full price', async ({ browser }) => {
  test.setTimeout(300_000);
  fs.mkdirSync(SHOTS, { recursive: true });
  const admin = await apiLogin(server.url, '999999');
  const waiterApi = await apiLogin(server.url, '1111');

  // The window: the next whole minute of Moscow's clock at least 45 s after the server's now, one minute long.
  const { serverTime } = await waiterApi.get<ActiveList>('/pos/promotions/active');
  const start = Math.ceil((Date.parse(serverTime) + 45_000) / 60_000) * 60_000;
  const end = start + 60_000;
  const happyHour = await admin.post<Rule>(
    '/admin/promotions',
    ruleInput({ name: 'Счастливый час e2e', schedule: { validFrom: null, validTo: null, windows: [{ days: [isoWeekday(start)], from: hhmm(start), to: hhmm(end) }] } }),
  );

  // The tablet's clock is the server's (Playwright's clock, installed before the page loads).
  const page = await pageIn(browser, 'ru', SIZES[0]);
  const { serverTime: now } = await waiterApi.get<ActiveList>('/pos/promotions/active');
  await page.clock.install({ time: new Date(now) });
  await signIn(page, server.url, '1111');
  const widget = page.getByTestId('promotions-widget');
  const item = widget.locator(`[data-testid="promotion-item"][data-rule-id="${happyHour.id}"]`);
  await expect(item).toBeVisible();
  await expect(item).toHaveAttribute('data-state', 'upcoming');
  const countdown = item.getByTestId('promotion-countdown');
  await expect(countdown).toHaveText(/^через 0[01]:\d\d$/);
  await expect(item).toContainText('−20 % на весь чек');
  await expect(item).toContainText(`${hhmm(start)}–${hhmm(end)}`);

  // The countdown follows the browser's clock: paused, then run 10 s, it shows exactly 10 s less.
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 500);
  const before = countdownSeconds(await countdown.innerText());
  await page.clock.runFor(10_000);
  await expect.poll(async () => countdownSeconds(await countdown.innerText())).toBe(before - 10);
  await page.clock.resume();
  await widget.screenshot({ path: `${SHOTS}/widget-upcoming-ru-1280x800.png` });
  await audit(page, '[data-testid="promotions-widget"]');

  // Table 5, a borscht before the start: full price, no promotion yet, the hint says when it starts.
  await page.getByTestId('table-5').click();
  await page.getByTestId('seat-confirm').click();
  await expect(page.getByTestId('order-screen')).toBeVisible();
  await page.getByTestId('category-Супы').click();
  await page.getByTestId('product-borscht').click();
  await expect(page.getByTestId('line-Борщ')).toBeVisible();
  await expect.poll(async () => minorUnits(await page.getByTestId('order-total').innerText())).toBe(45000);
  await expect(page.getByTestId('applied-promotion')).toHaveCount(0);
  await expect(page.locator(`[data-testid="promotion-hint"][data-rule-id="${happyHour.id}"]`)).toContainText(`с ${hhmm(start)}`);
  expect(Date.now()).toBeLessThan(start);
  await page.getByTestId('order-totals').screenshot({ path: `${SHOTS}/summary-before-ru-1280x800.png` });

  // The window opens: the promotion comes to the open order by itself, within ~15 s, without a tap.
  const applied = page.locator(`[data-testid="applied-promotion"][data-rule-id="${happyHour.id}"]`);
  await expect(applied).toBeVisible({ timeout: start - Date.now() + 15_000 });
  expect(Date.now()).toBeGreaterThanOrEqual(start - 1_000);
  await expect(applied).toContainText('Счастливый час e2e');
  await expect.poll(async () => minorUnits(await applied.getByTestId('applied-promotion-saving').innerText())).toBe(9000);
  await expect.poll(async () => minorUnits(await page.getByTestId('order-total').innerText())).toBe(36000);
  await page.getByTestId('order-totals').screenshot({ path: `${SHOTS}/summary-applied-ru-1280x800.png` });
  await audit(page, '[data-testid="order-promotions"]');

  // Fired inside the happy hour.
  await page.getByTestId('order-fire').click();
  await expect(page.getByTestId('line-Борщ')).toHaveAttribute('data-kitchen', /^(fired|queued)$/);

  // The window closes: the fired borscht keeps its saving; a borscht added now pays full price.
  await page.waitForTimeout(Math.max(0, end - Date.now() + 3_000));
  await expect.poll(async () => minorUnits(await applied.getByTestId('applied-promotion-saving').innerText())).toBe(9000);
  await page.getByTestId('product-borscht').click();
  await expect(page.getByTestId('line-Борщ')).toHaveCount(2);
  await expect.poll(async () => minorUnits(await page.getByTestId('order-total').innerText()), { timeout: 15_000 }).toBe(36000 + 45000);
  await expect.poll(async () => minorUnits(await applied.getByTestId('applied-promotion-saving').innerText())).toBe(9000);
  const orders = await waiterApi.get<OrderRow[]>('/pos/orders?status=open');
  const order = await waiterApi.get<OrderRow>(`/pos/orders/${orders.find((o) => o.promotions?.some((p) => p.ruleId === happyHour.id))!.id}`);
  expect(order).toMatchObject({ subtotal: 90000, discount: 9000, total: 81000 });
  const fired = order.lines.find((l) => l.firedQuantity > 0)!;
  expect(order.promotions).toEqual([expect.objectContaining({ ruleId: happyHour.id, saving: 9000, lines: [{ lineId: fired.id, saving: 9000 }] })]);
  // The floor no longer lists the happy hour (it starts again in a week).
  await openSection(page, 'Зал');
  await expect(page.locator(`[data-testid="promotion-item"][data-rule-id="${happyHour.id}"]`)).toHaveCount(0);
});

test('a rule gated by the pilot flag shows on the open floor and goes away when the flag is switched off; screenshots', async ({ browser }) => {
  test.setTimeout(240_000);
  fs.mkdirSync(SHOTS, { recursive: true });
  const admin = await apiLogin(server.url, '999999');
  const pilot = await admin.post<Rule>('/admin/promotions', ruleInput({ name: 'Пилот: −5 % на чек', effect: { kind: 'percent', percent: 5, target: { scope: 'check' } }, featureFlag: 'promotions-pilot' }));
  // Table 6's two borschts get the pilot's 5 %.
  await borschtOrder(server.url, '6', 2);

  const waiter = await pageIn(browser, 'ru', SIZES[0]);
  await signIn(waiter, server.url, '1111');
  const pilotItem = waiter.locator(`[data-testid="promotion-item"][data-rule-id="${pilot.id}"]`);
  await expect(pilotItem).toBeVisible();
  await expect(pilotItem.getByTestId('promotion-countdown')).toHaveText('весь день');

  // The admin's views (the apply button is theirs) in both languages and three sizes.
  for (const language of ['ru', 'en'] as const) {
    for (const viewport of SIZES) {
      const page = await pageIn(browser, language, viewport);
      await signIn(page, server.url, '999999');
      const tag = `${language}-${viewport.width}x${viewport.height}`;
      await expect(page.getByTestId('promotions-widget')).toBeVisible();
      await expect(page.getByTestId('promotions-widget')).toContainText(language === 'ru' ? 'Акции' : 'Promotions');
      await fitsWidth(page, 'promotions-widget', viewport.width);
      await page.screenshot({ path: `${SHOTS}/floor-${tag}.png` });
      await page.getByTestId('promotions-widget').screenshot({ path: `${SHOTS}/widget-${tag}.png` });

      await page.getByTestId('table-6').click();
      await expect(page.getByTestId('order-screen')).toBeVisible();
      const summary = page.getByTestId('order-promotions');
      await expect(summary).toBeVisible();
      await expect(summary.getByTestId('applied-promotion').first()).toBeVisible();
      await fitsWidth(page, 'order-promotions', viewport.width);
      await page.screenshot({ path: `${SHOTS}/order-${tag}.png` });
      await page.getByTestId('order-totals').screenshot({ path: `${SHOTS}/summary-${tag}.png` });
      if (language === 'ru' && viewport === SIZES[0]) {
        await audit(page, '[data-testid="order-promotions"]');
        // The admin (promotions.apply) applies the demo's manual staff discount, then takes it off.
        await page.getByTestId('promotion-apply-open').click();
        const dialog = page.getByRole('dialog', { name: 'Применить акцию' });
        await expect(dialog).toContainText('Скидка сотрудника 10 %');
        await page.screenshot({ path: `${SHOTS}/apply-dialog-${tag}.png` });
        await dialog.getByRole('button', { name: /Скидка сотрудника 10 %/ }).click();
        await expect(dialog).toBeHidden();
        const manual = summary.getByTestId('applied-promotion').filter({ hasText: 'Скидка сотрудника 10 %' });
        await expect(manual).toContainText('вручную');
        await page.getByTestId('order-totals').screenshot({ path: `${SHOTS}/summary-manual-${tag}.png` });
        await manual.getByRole('button', { name: 'Снять акцию «Скидка сотрудника 10 %»' }).click();
        await expect(manual).toHaveCount(0);
      }

      await page.goto(`${server.url}/x/admin/promotions`);
      await expect(page.getByTestId('promotions-page')).toBeVisible();
      await expect(page.locator(`[data-testid="promotion-rule"][data-rule-id="${pilot.id}"]`)).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/admin-${tag}.png` });
      if (viewport === SIZES[0] || viewport === SIZES[2]) {
        await audit(page, '[data-testid="promotions-page"]');
        await page.getByTestId('promotions-create').click();
        await expect(page.getByTestId('promotion-form')).toBeVisible();
        await page.screenshot({ path: `${SHOTS}/admin-form-${tag}.png` });
        await audit(page, '[data-testid="promotion-form"]');
        await page.getByTestId('promotion-form-kind-buy_x_get_y').click();
        await page.getByTestId('promotion-form-add-window').click();
        await page.getByTestId('promotion-form-enabled').scrollIntoViewIfNeeded();
        await page.screenshot({ path: `${SHOTS}/admin-form-bottom-${tag}.png` });
      }
      await page.context().close();
    }
  }

  // The admin switches the pilot off: it leaves the open floor without a reload.
  await admin.put('/admin/feature-flags', { flags: { 'promotions-pilot': false } });
  await expect(pilotItem).toHaveCount(0, { timeout: 15_000 });
  const active = await admin.get<ActiveList>('/pos/promotions/active');
  expect(active.promotions.map((p) => p.rule.id)).not.toContain(pilot.id);
});

test('Admin → Акции creates a rule through the form; an empty window is marked at its field and nothing is saved', async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await apiLogin(server.url, '999999');
  const page = await pageIn(browser, 'ru', SIZES[0]);
  await signIn(page, server.url, '999999');
  await openSection(page, 'Администрирование');
  await page.getByTestId('admin-nav-promotions').click();
  await expect(page.getByTestId('promotions-page')).toBeVisible();

  await page.getByTestId('promotions-create').click();
  await page.getByTestId('promotion-form-name').fill('Бизнес-ланч −15 %');
  await page.getByTestId('promotion-form-percent').fill('15');
  await page.getByTestId('promotion-form-add-window').click();
  await page.getByTestId('promotion-form-window-0-day-6').click();
  await page.getByTestId('promotion-form-window-0-day-7').click();
  await page.getByTestId('promotion-form-window-0-from').fill('12:00');
  await page.getByTestId('promotion-form-window-0-to').fill('16:00');
  await page.getByTestId('promotion-form-min-subtotal').fill('1000');
  await page.getByTestId('promotion-form-save').click();
  const row = page.locator('[data-testid="promotion-rule"]', { hasText: 'Бизнес-ланч −15 %' });
  await expect(row).toBeVisible();
  await expect(row.getByTestId('promotion-rule-kind')).toHaveText('−15 % на весь чек');
  await expect(row.getByTestId('promotion-rule-schedule')).toHaveText(/пн–пт 12:00–16:00/);
  const saved = (await admin.get<{ promotions: (Rule & { conditions: { minSubtotal: number | null } })[] }>('/admin/promotions')).promotions.find((r) => r.name === 'Бизнес-ланч −15 %');
  expect(saved?.conditions.minSubtotal).toBe(100000);
  const count = (await admin.get<{ promotions: Rule[] }>('/admin/promotions')).promotions.length;

  // An empty window (from = to): marked at the window, nothing saved.
  await page.getByTestId('promotions-create').click();
  await page.getByTestId('promotion-form-name').fill('Пустое окно');
  await page.getByTestId('promotion-form-add-window').click();
  await page.getByTestId('promotion-form-window-0-from').fill('18:00');
  await page.getByTestId('promotion-form-window-0-to').fill('18:00');
  await page.getByTestId('promotion-form-save').click();
  await expect(page.getByTestId('promotion-form-failure')).toContainText('Исправьте отмеченные поля');
  await expect(page.getByTestId('promotion-form-window-0-error')).toHaveText('Окно не может быть пустым: «С» и «До» совпадают');
  await page.screenshot({ path: `${SHOTS}/admin-form-error-ru-1280x800.png` });
  expect((await admin.get<{ promotions: Rule[] }>('/admin/promotions')).promotions).toHaveLength(count);
});
