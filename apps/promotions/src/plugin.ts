import { definePlugin, reactLifecycles } from '@pos/plugin-sdk';
import { PROMOTIONS_ADMIN_PAGE, PromotionsAdminPage } from './features/admin/admin-page';
import { OrderPromotions } from './features/order-promotions/order-promotions';
import { PromotionsWidget } from './features/promotions-widget/promotions-widget';
import { promotionsTexts } from './texts';

/**
 * The promotions remote (issue 19): on the home screen, the venue's promotions with live
 * countdowns to their end or start; under the bill's totals (order panel and pay dialog), what the
 * promotions save and what is missing for the others, and manual promotions applied by staff; in
 * Admin, the venue's rules. The pricing itself is the server's (and, offline, the same engine
 * from @pos/contracts on this tablet).
 */
export default definePlugin({
  id: 'promotions',
  feature: 'promotions',
  shellApi: '^1.4',
  i18n: promotionsTexts,
  slots: {
    'home.widgets': reactLifecycles(PromotionsWidget),
    'order.summary': reactLifecycles(OrderPromotions),
    'admin.pages': reactLifecycles(PromotionsAdminPage),
  },
  // One page; `adminPage` is also what a shell before host API 1.4 shows.
  adminPage: PROMOTIONS_ADMIN_PAGE,
  adminPages: [PROMOTIONS_ADMIN_PAGE],
});
