import { type Browser, expect, type Page, test } from './support/test';
import { startServer, type TestServer } from './support/server';
import { signIn } from './support/staff';

/**
 * Issue 14, point 1: the kitchen's progress flows back to the waiter, live. The cook bumps on the
 * KDS; the waiter's order screen turns each line «Готовится», then «Готово», then «Подано» without
 * a tap, and the floor tile says how many portions wait at the pass.
 */
let server: TestServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => server?.stop());

const SHOTS = 'tmp/e2e-shots';

async function tablet(browser: Browser, pin: string, language: 'ru' | 'en' = 'ru', viewport = { width: 1280, height: 800 }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: language === 'en' ? 'en-GB' : 'ru-RU' });
  await context.addInitScript((lng) => localStorage.setItem('pos.language', lng), language);
  const page = await context.newPage();
  await signIn(page, server.url, pin);
  return page;
}

test('a bump on the KDS turns the waiter’s line «Готовится», «Готово», «Подано» and the floor tile «Готово 2», with no tap', async ({ browser }) => {
  test.setTimeout(120_000);
  const cook = await tablet(browser, '4444');
  await expect(cook.getByTestId('kitchen-screen')).toBeVisible();
  const waiter = await tablet(browser, '1111');

  await waiter.getByTestId('table-8').click();
  await waiter.getByTestId('seat-confirm').click();
  await expect(waiter.getByTestId('order-screen')).toBeVisible();
  await waiter.getByTestId('category-Супы').click();
  await waiter.getByTestId('product-borscht').click();
  const line = waiter.getByTestId('line-Борщ');
  await line.click();
  await line.getByTestId('line-stepper-inc').click();
  await expect(line.getByTestId('line-qty')).toHaveText('2×');
  await waiter.getByTestId('order-fire').click();
  await expect(line).toHaveAttribute('data-kitchen', 'queued');
  await expect(line.getByTestId('line-kitchen')).toHaveText('В очереди');

  const card = cook.locator('[data-testid^="ticket-"]').filter({ hasText: 'Стол 8' }).filter({ hasText: 'Борщ' });
  await expect(card).toHaveCount(1);
  const number = (await card.getAttribute('data-testid'))!.replace('ticket-', '');
  await cook.getByTestId(`bump-${number}`).click();
  await expect(line).toHaveAttribute('data-kitchen', 'cooking');
  await expect(line.getByTestId('line-kitchen')).toHaveText('Готовится');

  await cook.getByTestId(`bump-${number}`).click();
  await expect(line).toHaveAttribute('data-kitchen', 'ready');
  await expect(line.getByTestId('line-kitchen')).toHaveText('Готово');
  await waiter.screenshot({ path: `${SHOTS}/kitchen-status-line-ready.png` });

  // Back on the floor: table 8 says two portions wait at the pass.
  await waiter.getByTestId('back-to-floor').click();
  const badge = waiter.getByTestId('table-8-kitchen');
  await expect(badge).toHaveAttribute('data-kitchen', 'ready');
  await expect(badge).toHaveText('Готово 2');
  await waiter.screenshot({ path: `${SHOTS}/kitchen-status-floor-ready.png` });

  // Handed out at the pass: the badge goes, the line says «Подано».
  await cook.getByTestId(`bump-${number}`).click();
  await expect(badge).toHaveCount(0);
  await waiter.getByTestId('table-8').click();
  await expect(waiter.getByTestId('line-Борщ')).toHaveAttribute('data-kitchen', 'served');
  await expect(waiter.getByTestId('line-Борщ').getByTestId('line-kitchen')).toHaveText('Подано');
});

test('in English, and on a portrait tablet, the floor tile says what is cooking', async ({ browser }) => {
  test.setTimeout(90_000);
  const waiter = await tablet(browser, '1112', 'en', { width: 800, height: 1280 });
  await waiter.getByTestId('table-9').click();
  await waiter.getByTestId('seat-confirm').click();
  await expect(waiter.getByTestId('order-screen')).toBeVisible();
  // Portrait: the menu and the order are panes of their own.
  await waiter.getByTestId('pane-menu').click();
  await waiter.getByTestId('category-Супы').click();
  await waiter.getByTestId('product-borscht').click();
  await waiter.getByTestId('pane-order').click();
  await waiter.getByTestId('order-fire').click();
  await expect(waiter.getByTestId('line-Борщ')).toHaveAttribute('data-kitchen', 'queued');
  await expect(waiter.getByTestId('line-Борщ').getByTestId('line-kitchen')).toHaveText('Queued');
  await waiter.getByTestId('back-to-floor').click();
  await expect(waiter.getByTestId('table-9-kitchen')).toHaveText('1 cooking');
  await waiter.screenshot({ path: `${SHOTS}/kitchen-status-floor-cooking-en-portrait.png` });
});
