import { type Browser, expect, type Page, test } from './support/test';
import { serverBehindFaultProxy } from './support/proxied-server';
import { signIn } from './support/staff';

/**
 * Issue 14, point 11 (the kitchen and the connectivity chip):
 * - the KDS says «Курс» as the waiter's order screen does, and shows which courses of the order
 *   are still held, so the cook knows more is coming for the table;
 * - a waiter working in English does not change what the Russian-speaking cook reads: modifiers
 *   and notes are venue data, shown as stored;
 * - the connectivity chip turns offline within seconds of a real network drop, with no action taken.
 */
const env = serverBehindFaultProxy();

const SHOTS = 'tmp/e2e-shots';
const VIEWPORT = { width: 1280, height: 800 };

async function staffPage(browser: Browser, baseUrl: string, pin: string, language: 'ru' | 'en') {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: language === 'en' ? 'en-GB' : 'ru-RU' });
  await context.addInitScript((lng) => localStorage.setItem('pos.language', lng), language);
  const page = await context.newPage();
  await signIn(page, baseUrl, pin);
  return page;
}

async function seat(page: Page, label: string) {
  await page.getByTestId(`table-${label}`).click();
  await page.getByTestId('seat-confirm').click();
  await expect(page.getByTestId('order-screen')).toBeVisible();
}

test('a waiter in English fires course 1 and holds course 2: the Russian cook reads «Курс 1», sees course 2 held, and the venue’s own words', async ({ browser }) => {
  test.setTimeout(120_000);
  const cook = await staffPage(browser, env.server.url, '4444', 'ru');
  await expect(cook.getByTestId('kitchen-screen')).toBeVisible();

  const waiter = await staffPage(browser, env.server.url, '1111', 'en');
  await seat(waiter, '4');

  // Course 1: a steak, its doneness asked, with a note typed in the venue's language.
  await waiter.getByTestId('category-Горячее').click();
  await waiter.getByTestId('product-ribeye-steak').click();
  await waiter.getByTestId('modifier-Medium rare').click();
  await waiter.getByTestId('note-input').fill('Соус отдельно');
  await waiter.getByTestId('modifiers-add').click();
  await expect(waiter.getByTestId('course-group-1').getByTestId('line-Стейк рибай')).toBeVisible();

  // Course 2: a soup, held.
  await waiter.getByTestId('course-2').click();
  await waiter.getByTestId('category-Супы').click();
  await waiter.getByTestId('product-borscht').click();
  await expect(waiter.getByTestId('course-group-2')).toBeVisible();
  await waiter.getByTestId('hold-course-2').click();
  await expect(waiter.getByTestId('fire-course-2')).toBeVisible();
  await waiter.getByTestId('order-fire').click();
  await expect(waiter.getByTestId('course-group-1').getByTestId('line-Стейк рибай')).toHaveAttribute('data-kitchen', /^(fired|queued)$/);

  // The cook: one ticket, «Курс 1», course 2 held — without a reload.
  const card = cook.locator('[data-testid^="ticket-"]').filter({ hasText: 'Стейк рибай' });
  await expect(card).toHaveCount(1);
  await expect(card.locator('[data-testid^="course-"]')).toHaveText('Курс 1');
  await expect(card).not.toContainText('Подача');
  await expect(card.locator('[data-testid^="held-"][data-testid$="-course-2"]')).toHaveText(/Курс 2 придержан/);
  // What the waiter chose and wrote, exactly as stored, although the waiter's screen is in English.
  await expect(card).toContainText('Medium rare');
  await expect(card).toContainText('Соус отдельно');
  await expect(card).toContainText('Стол 4');
  await cook.screenshot({ path: `${SHOTS}/kitchen-courses-held.png` });

  // Course 2 fired: its ticket says «Курс 2», and nothing is held any more.
  await waiter.getByTestId('fire-course-2').click();
  const soup = cook.locator('[data-testid^="ticket-"]').filter({ hasText: 'Борщ' });
  await expect(soup.locator('[data-testid^="course-"]')).toHaveText('Курс 2');
  await expect(cook.locator('[data-testid^="held-"]')).toHaveCount(0);
  await cook.screenshot({ path: `${SHOTS}/kitchen-courses-fired.png` });
});

// The quick-note chips of the order screen («No salt» for an English waiter) wrote the waiter's
// language into the note; they write the venue's language now (features/order/note-field.tsx).
test('a quick-note chip tapped by an English waiter reaches the Russian cook as «Без соли»', async ({ browser }) => {
  const cook = await staffPage(browser, env.server.url, '4444', 'ru');
  const waiter = await staffPage(browser, env.server.url, '1112', 'en');
  await seat(waiter, '9');
  await waiter.getByTestId('category-Горячее').click();
  await waiter.getByTestId('product-ribeye-steak').click();
  await waiter.getByTestId('modifier-Medium rare').click();
  await waiter.getByTestId('modifiers-dialog').getByRole('button', { name: 'No salt' }).click();
  await waiter.getByTestId('modifiers-add').click();
  await waiter.getByTestId('order-fire').click();
  const card = cook.locator('[data-testid^="ticket-"]').filter({ hasText: 'Стол 9' });
  await expect(card).toContainText('Без соли');
  await expect(card).not.toContainText('No salt');
});

test('the connectivity chip turns offline within seconds of the network dropping, with no action taken, and back online when it returns', async ({ browser }) => {
  test.setTimeout(60_000);
  const page = await staffPage(browser, env.proxy.url, '1111', 'ru');
  const chip = page.getByTestId('connectivity');
  await expect(page.getByTestId('floor-screen')).toBeVisible();
  await expect(chip).toHaveAttribute('data-state', 'online');

  const cutAt = Date.now();
  env.proxy.cut();
  // Nothing tapped: the monitor notices by itself. Locally it takes ~0.1 s (the socket drop sets off
  // a ping); the bound is wider because a loaded CI machine once took over 3 s.
  await expect(chip).toHaveAttribute('data-state', 'offline', { timeout: 6_000 });
  await expect(chip).toHaveText('Нет сети');
  const noticedMs = Date.now() - cutAt;
  console.log(`offline noticed after ${noticedMs} ms`);
  await page.screenshot({ path: `${SHOTS}/connectivity-offline.png` });

  const restoredAt = Date.now();
  env.proxy.restore();
  await expect(chip).toHaveAttribute('data-state', 'online', { timeout: 5_000 });
  console.log(`online again after ${Date.now() - restoredAt} ms`);
});
