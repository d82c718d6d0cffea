import { expect, type Page, test } from './support/test';
import { serverBehindFaultProxy } from './support/proxied-server';
import { apiLogin, signIn } from './support/staff';

/**
 * Courses and the kitchen label as a waiter meets them on a busy Friday: whatever is added —
 * from the menu, an upsell card, a combo — lands in the course selected on the order screen
 * (even when course 1 has been fired already); and a dish fired while the network is down says
 * «Ждёт отправки» until the outbox delivered it, then «На кухне».
 */
const env = serverBehindFaultProxy();

const SHOTS = 'tmp/e2e-shots';
const VIEWPORT = { width: 1280, height: 800 };

interface OrderLineDto {
  name: string;
  course: number;
  firedQuantity: number;
  comboId?: string;
  comboLineId?: string;
}

async function seat(page: Page, label: string) {
  await page.getByTestId(`table-${label}`).click();
  await page.getByTestId('seat-confirm').click();
  await expect(page.getByTestId('order-screen')).toBeVisible();
}

const orderIdOf = async (page: Page) => {
  const id = await page.getByTestId('order-screen').getAttribute('data-order');
  if (!id) throw new Error('no order on screen');
  return id;
};

test('course 2 selected after course 1 was fired: a menu dish, a tapped upsell card and a combo all go to course 2', async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await apiLogin(env.server.url, '999999');
  const menu = await admin.get<{ products: { id: string; code: string }[] }>('/pos/menu');
  const idOf = (code: string) => menu.products.find((p) => p.code === code)?.id ?? '';
  // A combo sold at any time: borscht and a cranberry mors.
  const saved = await admin.post<{ combos: { id: string }[] }>(`/admin/menu/products/${idOf('mors-cranberry')}/upsell`, {
    addons: [],
    combos: [{ name: 'Борщ и морс', price: 60000, items: [{ productId: idOf('borscht') }, { productId: idOf('mors-cranberry') }] }],
  });
  const comboId = saved.combos[0].id;

  const page = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
  await signIn(page, env.server.url, '1111');
  await seat(page, '2');

  // Course 1: a soup, fired.
  await page.getByTestId('category-Супы').click();
  await page.getByTestId('product-solyanka').click();
  await expect(page.getByTestId('line-Солянка сборная мясная')).toBeVisible();
  await page.getByTestId('order-fire').click();
  await expect(page.getByTestId('line-Солянка сборная мясная')).toHaveAttribute('data-kitchen', /^(fired|queued)$/);

  // Course 2 selected: the steak from the menu (doneness asked), then the wine card tapped.
  await page.getByTestId('course-2').click();
  await page.getByTestId('category-Горячее').click();
  await page.getByTestId('product-ribeye-steak').click();
  await page.getByTestId('modifier-Medium rare').click();
  await page.getByTestId('modifiers-add').click();
  await expect(page.getByTestId('course-group-2').getByTestId('line-Стейк рибай')).toBeVisible();
  const wine = page.getByTestId('upsell-card-wine-red-glass');
  await expect(wine).toBeVisible();
  await wine.click();
  await expect(page.getByTestId('course-group-2').getByTestId('line-Бокал красного вина')).toBeVisible();
  await expect(page.getByTestId('course-group-1').getByTestId('line-Бокал красного вина')).toHaveCount(0);

  // A borscht in course 2, and the combo card takes it over with the mors — in course 2 too.
  await page.getByTestId('category-Супы').click();
  await page.getByTestId('product-borscht').click();
  const combo = page.getByTestId(`upsell-combo-${comboId}`);
  await expect(combo).toBeVisible();
  await combo.click();
  await expect(page.getByTestId('course-group-2').getByTestId('line-Борщ и морс')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/order-courses-course-2.png` });

  // The server agrees.
  const order = await admin.get<{ lines: OrderLineDto[] }>(`/pos/orders/${await orderIdOf(page)}`);
  const courseOf = (name: string) => order.lines.filter((l) => l.name === name).map((l) => l.course);
  expect(courseOf('Солянка сборная мясная')).toEqual([1]);
  expect(courseOf('Стейк рибай')).toEqual([2]);
  expect(courseOf('Бокал красного вина')).toEqual([2]);
  expect(courseOf('Борщ и морс')).toEqual([2]);
  expect(order.lines.filter((l) => l.comboLineId).map((l) => [l.name, l.course])).toEqual([
    ['Борщ', 2],
    ['Морс клюквенный', 2],
  ]);
});

test('a dish fired with the network down says «Ждёт отправки» until the outbox delivered it, then «На кухне»', async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
  await signIn(page, env.proxy.url, '1111');
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 30_000 });
  await page.waitForTimeout(1_000);
  await seat(page, '4');
  await page.getByTestId('category-Супы').click();
  await page.getByTestId('product-borscht').click();
  const borscht = page.getByTestId('line-Борщ');
  await expect(borscht).toHaveAttribute('data-kitchen', 'new');
  const orderId = await orderIdOf(page);

  env.proxy.cut();
  await expect(page.getByTestId('connectivity')).toHaveAttribute('data-state', 'offline', { timeout: 15_000 });
  await page.getByTestId('order-fire').click();
  await expect(page.getByTestId('connectivity')).toHaveAttribute('data-pending', '1');
  await expect(borscht).toHaveAttribute('data-kitchen', 'waiting');
  await expect(borscht.getByTestId('line-kitchen')).toHaveText('Ждёт отправки');
  await page.screenshot({ path: `${SHOTS}/order-courses-waiting-to-send.png` });

  env.proxy.restore();
  await expect(page.getByTestId('connectivity')).toHaveAttribute('data-state', 'online', { timeout: 30_000 });
  await expect(borscht).toHaveAttribute('data-kitchen', /^(fired|queued)$/, { timeout: 15_000 });
  await expect(borscht.getByTestId('line-kitchen')).toHaveText(/^(На кухне|В очереди)$/);
  await page.screenshot({ path: `${SHOTS}/order-courses-delivered.png` });

  const waiter = await apiLogin(env.server.url, '1111');
  const order = await waiter.get<{ lines: OrderLineDto[] }>(`/pos/orders/${orderId}`);
  expect(order.lines.map((l) => [l.name, l.firedQuantity])).toEqual([['Борщ', 1]]);
});
