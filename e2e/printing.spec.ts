import { expect, type Page, test } from './support/test';
import { borschtOrder, openPayDialog } from './support/payments';
import { startServer, type TestServer } from './support/server';
import { apiLogin, signIn } from './support/staff';

/**
 * Issue 14, point 11: a pre-bill («пречек») to print before payment, and a print button on the
 * payment receipt. Printing is the browser's: `window.print` is replaced by a recorder that keeps
 * what was marked for printing, and the printed layout is looked at with print media emulated.
 */
let server: TestServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => server?.stop());

const SHOTS = 'tmp/e2e-shots';

interface Printed {
  testId: string | null;
  bodyClass: string;
  targetClass: string;
  text: string;
}

/** Replaces window.print: records the element marked for this print (the one with a class the body's print class reveals). */
async function recordPrints(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __printed: Printed[] };
    w.__printed = [];
    window.print = () => {
      const marked = [...document.querySelectorAll<HTMLElement>('[data-testid]')].filter((el) => [...el.classList].some((c) => /target/i.test(c)));
      const target = marked[0];
      w.__printed.push({ testId: target?.dataset.testid ?? null, bodyClass: document.body.className, targetClass: target?.className ?? '', text: (target?.innerText ?? '').replace(/\s+/g, ' ') });
    };
  });
}

const printed = (page: Page) => page.evaluate(() => (window as unknown as { __printed: Printed[] }).__printed);

/** Puts the marks of a recorded print back and shows the page as the printer would get it; answers where the document sits on paper. */
async function shootPrinted(page: Page, print: Printed, path: string) {
  await page.evaluate(({ testId, bodyClass, targetClass }) => {
    document.body.className = bodyClass;
    document.querySelector<HTMLElement>(`[data-testid="${testId}"]`)!.className = targetClass;
  }, print);
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path });
  const box = await page.evaluate((testId) => {
    const el = document.querySelector<HTMLElement>(`[data-testid="${testId}"]`)!;
    const r = el.getBoundingClientRect();
    return { x: Math.round(r.x), y: Math.round(r.y), width: Math.round(r.width), text: el.innerText.replace(/\s+/g, ' ') };
  }, print.testId);
  await page.emulateMedia({ media: 'screen' });
  return box;
}

/** On paper: only the document, 80 mm wide (≈302 CSS px), from the top-left corner. */
function expectReceiptWidth(box: { x: number; y: number; width: number; text: string }) {
  expect(box).toMatchObject({ x: 0, y: 0 });
  expect(box.width).toBeGreaterThanOrEqual(300);
  expect(box.width).toBeLessThanOrEqual(305);
}

test('the waiter prints a pre-bill for table 11 before payment; the cashier prints the receipt after', async ({ browser }) => {
  test.setTimeout(120_000);
  await borschtOrder(server.url, '11', 2);
  await (await apiLogin(server.url, '2222')).post('/pos/shifts', { openingFloat: 500_000 });

  const waiter = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await recordPrints(waiter);
  await signIn(waiter, server.url, '1111');
  await waiter.getByTestId('table-11').click();
  await expect(waiter.getByTestId('order-screen')).toBeVisible();
  await waiter.getByTestId('order-pre-bill').click();
  const dialog = waiter.getByRole('dialog', { name: 'Пречек' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('pre-bill')).toContainText('2 × Борщ');
  await expect(dialog.getByTestId('pre-bill')).toContainText('Не является фискальным документом');
  await expect(dialog.getByTestId('pre-bill-total')).toHaveText('900,00 ₽');
  await waiter.screenshot({ path: `${SHOTS}/pre-bill-dialog.png` });

  await dialog.getByTestId('pre-bill-print').click();
  const [preBill] = await printed(waiter);
  expect(preBill).toMatchObject({ testId: 'pre-bill' });
  expect(preBill!.text).toContain('Стол 11');
  expect(preBill!.text).toContain('900,00 ₽');
  // The marks are gone once printing returned: the screen is as it was.
  expect(await waiter.evaluate(() => document.body.className)).toBe('');
  expectReceiptWidth(await shootPrinted(waiter, preBill!, `${SHOTS}/pre-bill-printed.png`));

  const cashier = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await recordPrints(cashier);
  await signIn(cashier, server.url, '2222');
  await openPayDialog(cashier, '11', 'approve');
  await cashier.getByTestId('pay-method-cash').click();
  await cashier.getByTestId('pay-submit').click();
  await expect(cashier.getByTestId('receipt')).toBeVisible();
  await cashier.getByTestId('receipt-print').click();
  const [receipt] = await printed(cashier);
  expect(receipt).toMatchObject({ testId: 'receipt' });
  expect(receipt!.text).toContain('Борщ');
  const paper = await shootPrinted(cashier, receipt!, `${SHOTS}/receipt-printed.png`);
  expectReceiptWidth(paper);
  // The Print button is a screen control: on screen, not on paper.
  expect(receipt!.text).toContain('Печать чека');
  expect(paper.text).toContain('Итого 900,00 ₽');
  expect(paper.text).not.toContain('Печать чека');
});
