import { addNamespace, type I18n } from '@pos/i18n';
import { floorTexts } from '../features/floor/texts';
import { kitchenTexts } from '../features/kitchen/texts';
import { orderTexts } from '../features/order/texts';
import { ordersTexts } from '../features/orders/texts';
import { shiftTexts } from '../features/shift/texts';

/** Registers the namespaces of the screens staff reach after sign-in (floor, order, orders, kitchen, shift). */
export function addScreenTexts(i18n: I18n): void {
  addNamespace(i18n, 'floor', floorTexts);
  addNamespace(i18n, 'order', orderTexts);
  addNamespace(i18n, 'orders', ordersTexts);
  addNamespace(i18n, 'kitchen', kitchenTexts);
  addNamespace(i18n, 'shift', shiftTexts);
}
