import { expect, test } from './support/test';
import { startServer, type TestServer } from './support/server';
import { apiLogin, signIn } from './support/staff';

let server: TestServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => server?.stop());

interface Product {
  id: string;
  name: string;
  isAvailable: boolean;
  modifierGroupIds: string[];
}

test('a ready ticket toasts only its own waiter (tap opens the order); other waiters find it in the NotificationCenter', async ({ browser }) => {
  test.setTimeout(120_000);
  const anna = await (await browser.newContext()).newPage();
  const boris = await (await browser.newContext()).newPage();

  // Both waiters have the floor open, with the notifications bell in the header.
  await signIn(anna, server.url, '1111');
  await signIn(boris, server.url, '1112');
  for (const page of [anna, boris]) {
    await expect(page.getByTestId('floor-screen')).toBeVisible();
    await expect(page.getByTestId('notifications-bell')).toBeVisible();
  }

  // Anna's order for table 5, fired through the REST API.
  const waiter = await apiLogin(server.url, '1111');
  const tables = await waiter.get<{ id: string; label: string }[]>('/pos/tables');
  const table = tables.find((t) => t.label === '5') ?? tables[0]!;
  const menu = await waiter.get<{ products: Product[] }>('/pos/menu');
  const product = menu.products.find((p) => p.isAvailable && p.modifierGroupIds.length === 0)!;
  const order = await waiter.post<{ id: string }>('/pos/orders', { tableId: table.id, guests: 2, items: [{ productId: product.id, quantity: 1 }] });
  await waiter.post(`/pos/orders/${order.id}/send`, {});

  // The cook bumps the ticket straight to ready.
  const cook = await apiLogin(server.url, '4444');
  const [ticket] = await cook.get<{ id: string }[]>(`/pos/kitchen/tickets?orderId=${order.id}`);
  await cook.post(`/pos/kitchen/tickets/${ticket!.id}/status`, { status: 'ready' });

  const text = `Стол ${table.label} готов: ${product.name} ×1`;
  // Anna: the toast at once, and one unread notification.
  const toast = anna.getByTestId('toast').filter({ hasText: text });
  await expect(toast).toBeVisible();
  // Tapping the toast (before its 5 s auto-dismiss) opens the order and dismisses the toast.
  await toast.click();
  await expect(anna).toHaveURL(new RegExp(`/order/${order.id}$`));
  await expect(anna.getByTestId('order-screen')).toBeVisible();
  await expect(anna.getByTestId('order-screen')).toHaveAttribute('data-order', order.id);
  await expect(toast).toHaveCount(0);
  await expect(anna.getByTestId('notifications-unread')).toHaveText('1');

  // Boris: no toast, but the entry is in his NotificationCenter, unread.
  await expect(boris.getByTestId('notifications-unread')).toHaveText('1');
  await expect(boris.getByRole('status').filter({ hasText: text })).toHaveCount(0);
  await boris.getByTestId('notifications-bell').click();
  const entry = boris.getByTestId('notification-center').getByTestId('notification-entry');
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText(text);
  await expect(entry).toHaveAttribute('data-read', 'false');
  // Filed under the right hall: table 5 is in the main hall, and no other hall has anything.
  await boris.getByTestId('hall-filter-Основной зал').click();
  await expect(entry).toHaveCount(1);
  await expect(boris.getByTestId('hall-filter-Терраса')).toHaveCount(0);
  await boris.getByTestId('notification-mark-read').click();
  await expect(boris.getByTestId('notifications-unread')).toHaveCount(0);

  // The history survives a reload (IndexedDB through the host's storage).
  await anna.reload();
  await expect(anna.getByTestId('notifications-unread')).toHaveText('1');
  await anna.getByTestId('notifications-bell').click();
  await expect(anna.getByTestId('notification-center').getByTestId('notification-entry')).toContainText(text);
  await anna.screenshot({ path: 'tmp/e2e-shots/notification-center.png' });

  // Switching the feature off for the venue removes the bell from open screens, without a reload.
  const admin = await apiLogin(server.url, '999999');
  await admin.put('/admin/feature-flags', { flags: { notifications: false } });
  await expect(anna.getByTestId('notifications-bell')).toHaveCount(0);
  await expect(boris.getByTestId('notifications-bell')).toHaveCount(0);
  // The rest of the screen carries on.
  await expect(anna.getByTestId('staff-name')).toBeVisible();
  await expect(boris.getByTestId('floor-screen')).toBeVisible();
});
