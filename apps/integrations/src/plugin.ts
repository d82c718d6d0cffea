import { definePlugin, reactLifecycles } from '@pos/plugin-sdk';
import { INTEGRATIONS_ADMIN_PAGE, IntegrationsAdminPage } from './features/admin/admin-page';
import { DeliveryBoard } from './features/delivery-board/delivery-board';
import { integrationsTexts } from './texts';

/**
 * The integrations remote (issue 20): a «Доставка» mode of the floor map with the delivery
 * partners' orders by state on the way to the courier, and Admin → Интеграции (delivery partners
 * and their secrets, webhook endpoints, the delivery log with redelivery).
 */
export default definePlugin({
  id: 'integrations',
  feature: 'integrations',
  shellApi: '^1.4',
  i18n: integrationsTexts,
  floorMode: { title: 'mode' },
  slots: {
    'floor.mode': reactLifecycles(DeliveryBoard),
    'admin.pages': reactLifecycles(IntegrationsAdminPage),
  },
  // One page; `adminPage` is also what a shell before host API 1.4 shows.
  adminPage: INTEGRATIONS_ADMIN_PAGE,
  adminPages: [INTEGRATIONS_ADMIN_PAGE],
});
