import { addNamespace, type I18n } from '@pos/i18n';
import { approvalTexts } from '../features/approval/texts';
import { floorTexts } from '../features/floor/texts';
import { kitchenTexts } from '../features/kitchen/texts';
import { orderTexts } from '../features/order/texts';
import { ordersTexts } from '../features/orders/texts';
import { shiftTexts } from '../features/shift/texts';
import { shellTexts } from './shell-texts';

/** Registers the shell's namespaces: the frame ('shell') and one per screen. */
export function addShellTexts(i18n: I18n): void {
  addNamespace(i18n, 'shell', shellTexts);
  addNamespace(i18n, 'floor', floorTexts);
  addNamespace(i18n, 'order', orderTexts);
  addNamespace(i18n, 'orders', ordersTexts);
  addNamespace(i18n, 'kitchen', kitchenTexts);
  addNamespace(i18n, 'shift', shiftTexts);
  addNamespace(i18n, 'approval', approvalTexts);
}
