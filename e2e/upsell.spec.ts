import { type BrowserContext, expect, type Locator, type Page, test } from './support/test';
import { startServer, type TestServer } from './support/server';
import { apiLogin, openSection, signIn } from './support/staff';

let server: TestServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => server?.stop());

const SHOTS = 'tmp/e2e-shots';
const VIEWPORT = { width: 1280, height: 800 };

interface MenuProduct {
  id: string;
  code: string;
}

/** Seats a table from the floor map and lands on its order screen. */
async function seat(page: Page, label: string) {
  await page.getByTestId(`table-${label}`).click();
  await page.getByTestId('seat-confirm').click();
  await expect(page.getByTestId('order-screen')).toBeVisible();
}

async function backToFloor(page: Page) {
  await page.getByTestId('back-to-floor').click();
  await expect(page.getByTestId('floor-screen')).toBeVisible();
}

/** A medium-rare steak, the way a waiter orders it: the doneness is asked for. */
async function addSteak(page: Page) {
  await page.getByTestId('category-Горячее').click();
  await page.getByTestId('product-ribeye-steak').click();
  await page.getByTestId('modifier-Medium rare').click();
  await page.getByTestId('modifiers-add').click();
  await expect(page.getByTestId('line-Стейк рибай')).toBeVisible();
}

const centre = async (target: Locator) => {
  const box = await target.boundingBox();
  if (!box) throw new Error('not on screen');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
};

/** Drags a card onto the order lines with a finger: real touch input through the DevTools protocol. */
async function touchDrag(context: BrowserContext, page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  const cdp = await context.newCDPSession(page);
  const point = (p: { x: number; y: number }) => [{ x: Math.round(p.x), y: Math.round(p.y), id: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(from) });
  const steps = 12;
  for (let i = 1; i <= steps; i++) {
    // Sideways first (a drag, not a scroll), then along.
    const p = { x: from.x + ((to.x - from.x) * i) / steps, y: from.y + ((to.y - from.y) * i) / steps };
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(p) });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

test('the waiter is prompted with wine for the steak, drags it in with mouse and finger, takes a combo; the stop-list removes the card; the admin sees the accept rate and sets a salad rule', async ({ browser }) => {
  test.setTimeout(180_000);
  const admin = await apiLogin(server.url, '999999');
  const cook = await apiLogin(server.url, '4444');
  const menu = await admin.get<{ products: MenuProduct[] }>('/pos/menu');
  const byCode = (code: string) => {
    const product = menu.products.find((p) => p.code === code);
    if (!product) throw new Error(`no ${code} on the menu`);
    return product;
  };

  // A combo without time windows (the seeded business lunch only sells on weekdays 12–16).
  const saved = await admin.post<{ combos: { id: string; name: string }[] }>(`/admin/menu/products/${byCode('mors-cranberry').id}/upsell`, {
    addons: [],
    combos: [{ name: 'Борщ и морс', price: 60000, items: [{ productId: byCode('borscht').id }, { productId: byCode('mors-cranberry').id }] }],
  });
  const comboId = saved.combos[0].id;

  // Anna (mouse): the steak brings up the red wine card with the admin's reason.
  const anna = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
  await signIn(anna, server.url, '1111');
  await seat(anna, '5');
  await addSteak(anna);
  const wine = anna.getByTestId('upsell-card-wine-red-glass');
  await expect(wine).toBeVisible();
  await expect(wine).toContainText('к стейку — красное вино');
  await expect(wine).toContainText('650,00');
  await wine.scrollIntoViewIfNeeded();
  await anna.screenshot({ path: `${SHOTS}/upsell-suggestions.png` });

  // Dragged onto the order lines with the mouse: the wine is in the order.
  const from = await centre(wine);
  const to = await centre(anna.getByTestId('order-panel').locator('ul').first());
  await anna.mouse.move(from.x, from.y);
  await anna.mouse.down();
  await anna.mouse.move(from.x + 40, from.y, { steps: 4 });
  await anna.mouse.move(to.x, to.y, { steps: 12 });
  await expect(anna.getByTestId('upsell-drag-ghost')).toBeVisible();
  await anna.screenshot({ path: `${SHOTS}/upsell-dragging.png` });
  await anna.mouse.up();
  await expect(anna.getByTestId('line-Бокал красного вина')).toBeVisible();
  await expect(anna.getByTestId('line-Стейк рибай')).toBeVisible();
  await expect(anna.getByTestId('order-total')).toContainText('3 940,00');

  // Boris (touch tablet): the same drag with a finger.
  const touchContext = await browser.newContext({ viewport: VIEWPORT, hasTouch: true });
  const boris = await touchContext.newPage();
  await signIn(boris, server.url, '1112');
  await seat(boris, '6');
  await addSteak(boris);
  const borisWine = boris.getByTestId('upsell-card-wine-red-glass');
  await expect(borisWine).toBeVisible();
  await borisWine.scrollIntoViewIfNeeded();
  await touchDrag(touchContext, boris, await centre(borisWine), await centre(boris.getByTestId('order-panel').locator('ul').first()));
  await expect(boris.getByTestId('line-Бокал красного вина')).toBeVisible();
  await boris.screenshot({ path: `${SHOTS}/upsell-touch-drop.png` });

  // A combo: borscht in, the combo card takes it over with the mors at the combo price.
  await backToFloor(anna);
  await seat(anna, '7');
  await anna.getByTestId('category-Супы').click();
  await anna.getByTestId('product-borscht').click();
  await expect(anna.getByTestId('line-Борщ')).toBeVisible();
  const combo = anna.getByTestId(`upsell-combo-${comboId}`);
  await expect(combo).toBeVisible();
  await expect(combo).toContainText('Борщ + Морс клюквенный');
  await expect(combo).toContainText('600,00');
  await combo.scrollIntoViewIfNeeded();
  await anna.screenshot({ path: `${SHOTS}/upsell-combo-card.png` });
  await combo.click();
  await expect(anna.getByTestId('line-Борщ и морс')).toBeVisible();
  await expect(anna.getByTestId('order-total')).toContainText('600,00');
  await anna.screenshot({ path: `${SHOTS}/upsell-combo.png` });

  // The cook stop-lists the wine: the card goes from the open order screen at once.
  await backToFloor(anna);
  await seat(anna, '8');
  await addSteak(anna);
  await expect(wine).toBeVisible();
  await cook.patch(`/pos/menu/products/${byCode('wine-red-glass').id}/stock`, { isAvailable: false });
  await expect(wine).toHaveCount(0);
  await expect(anna.getByTestId('upsell-card-grilled-vegetables')).toBeVisible();
  await anna.screenshot({ path: `${SHOTS}/upsell-stop-listed.png` });

  // The admin: the steak's wine rule was shown and taken twice; then a new rule for the Greek salad.
  const elena = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
  await signIn(elena, server.url, '999999');
  // The rules are a page the upsell remote adds to Admin (the admin.pages slot).
  await openSection(elena, 'Администрирование');
  await elena.getByTestId('admin-nav-upsell').click();
  await expect(elena.getByTestId('upsell-page')).toBeVisible();
  await elena.getByTestId('upsell-product-input').fill('рибай');
  await elena.getByTestId('upsell-product-ribeye-steak').click();
  const wineRule = elena.getByTestId('upsell-addon-0');
  await expect(wineRule).toContainText('Бокал красного вина');
  await expect(wineRule.getByTestId('upsell-stats')).toContainText('Принято 2');
  await elena.screenshot({ path: `${SHOTS}/upsell-admin-steak.png` });

  await elena.getByTestId('upsell-product-input').fill('греч');
  await elena.getByTestId('upsell-product-greek-salad').click();
  await expect(elena.getByTestId('upsell-rules-product')).toContainText('Греческий салат');
  await elena.getByTestId('upsell-add-addon').click();
  await elena.getByTestId('upsell-addon-search-input').fill('белого');
  await elena.getByTestId('upsell-addon-search-wine-white-glass').click();
  await elena.getByTestId('upsell-addon-0-reason').fill('к салату — белое вино');
  // A combo without a price first: the API's answer is shown at the field.
  await elena.getByTestId('upsell-add-combo').click();
  await elena.getByTestId('upsell-combo-0-name').fill('Салат и вино');
  await elena.getByTestId('upsell-save').click();
  await expect(elena.getByTestId('upsell-error-combos.0.price')).toBeVisible();
  await elena.screenshot({ path: `${SHOTS}/upsell-admin-errors.png` });
  await elena.getByTestId('upsell-combo-0-price').fill('1100');
  await elena.getByTestId('upsell-combo-0-add-item').click();
  await elena.getByTestId('upsell-combo-0-search-input').fill('белого');
  await elena.getByTestId('upsell-combo-0-search-wine-white-glass').click();
  await elena.getByTestId('upsell-save').click();
  await expect(elena.getByTestId('upsell-failure')).toHaveCount(0);
  await expect(elena.getByText('Правила для «Греческий салат» сохранены')).toBeVisible();
  await elena.screenshot({ path: `${SHOTS}/upsell-admin-saved.png` });

  const config = await admin.get<{ addons: { name: string; reason: string | null }[]; combos: { name: string; price: number; items: unknown[] }[] }>(
    `/admin/menu/products/${byCode('greek-salad').id}/upsell`,
  );
  expect(config.addons).toEqual([expect.objectContaining({ name: 'Бокал белого вина', reason: 'к салату — белое вино' })]);
  expect(config.combos).toEqual([expect.objectContaining({ name: 'Салат и вино', price: 110000 })]);
  expect(config.combos[0].items).toHaveLength(2);
});
