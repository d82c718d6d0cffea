import { definePlugin, reactLifecycles } from '@pos/plugin-sdk';
import { DashboardWidget } from './features/dashboard-widget/dashboard-widget';
import { PlansPage } from './features/plans-page/plans-page';
import { financeDashboardTexts } from './texts';

/**
 * The finance dashboard remote: the shift's (or the day's) revenue live on the home screen,
 * against the venue's plan hour by hour, and, as a page of Admin, where the plan is set.
 */
export default definePlugin({
  id: 'finance-dashboard',
  feature: 'finance-dashboard',
  shellApi: '^1',
  i18n: financeDashboardTexts,
  slots: {
    'home.widgets': reactLifecycles(DashboardWidget),
    'admin.pages': reactLifecycles(PlansPage),
  },
  adminPage: { id: 'plans', title: 'nav', permission: 'admin.plans' },
});
