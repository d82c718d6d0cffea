import { expect, type Page } from '@playwright/test';
import { apiLogin, openSection } from './staff';

export interface PaymentRow {
  id: string;
  method: string;
  status: string;
  amount: number;
  held?: number;
  refunded?: number;
  maskedCard: string | null;
}

export interface PlacedOrder {
  id: string;
  number: number;
  total: number;
  version: number;
  lines: { id: string }[];
}

/** A waiter's order of `quantity` borscht at table `label`, made over the API. */
export async function borschtOrder(baseUrl: string, label: string, quantity = 1) {
  const waiter = await apiLogin(baseUrl, '1111');
  const tables = await waiter.get<{ id: string; label: string }[]>('/pos/tables');
  const table = tables.find((t) => t.label === label);
  const menu = await waiter.get<{ products: { id: string; code: string }[] }>('/pos/menu');
  const borscht = menu.products.find((p) => p.code === 'borscht');
  if (!table || !borscht) throw new Error('demo data changed: no table or borscht');
  const order = await waiter.post<PlacedOrder>('/pos/orders', { tableId: table.id, guests: 2, items: [{ productId: borscht.id, quantity }] });
  return { order, waiter };
}

/** The cashier opens the table's order and the pay dialog, with the terminal simulator set to `mode`. */
export async function openPayDialog(page: Page, label: string, mode: string) {
  await page.evaluate((m) => localStorage.setItem('pos.terminal.simulator', m), mode);
  await openSection(page, 'Зал');
  await page.getByTestId(`table-${label}`).click();
  await expect(page.getByTestId('order-screen')).toBeVisible();
  await page.getByTestId('order-pay').click();
  await expect(page.getByTestId('pay-dialog')).toBeVisible();
  await expect(page.getByTestId('payments-methods')).toBeVisible();
}

export const closeDialog = (page: Page) => page.getByRole('dialog').getByRole('button', { name: 'Закрыть', exact: true }).click();

/** Minor units of an amount as a screen shows it ('1 234,50 ₽', '−150 ₽'). */
export function minorUnits(text: string): number {
  const cleaned = text.replace(/[^\d,.]/g, '').replace(',', '.');
  return Math.round(Number(cleaned) * 100);
}

/** On the open order: pay it all in cash, close the table from the receipt, back on the floor. */
export async function payCashAndCloseTable(page: Page) {
  await page.getByTestId('order-pay').click();
  await page.getByTestId('pay-method-cash').click();
  await page.getByTestId('pay-submit').click();
  await expect(page.getByTestId('pay-result')).toBeVisible();
  await page.getByTestId('pay-close-table').click();
  await expect(page.getByTestId('floor-screen')).toBeVisible();
}
