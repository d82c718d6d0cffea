import { definePlugin, reactLifecycles } from '@pos/plugin-sdk';
import { AdminApp } from './features/admin-app';
import { adminTexts } from './texts';

/**
 * The admin remote: feature flags, roles, staff, devices, stop-list, payment rules and the remote
 * registry, and the pages other remotes add through the `admin.pages` slot (the upsell rules, the
 * supervisor's board of open shifts — which is why `shifts.close-others` opens Admin too).
 */
export default definePlugin({
  id: 'admin',
  feature: 'admin',
  shellApi: '^1',
  i18n: adminTexts,
  routes: [{ path: 'admin', title: 'nav', permission: ['admin.flags', 'admin.roles', 'admin.staff', 'admin.devices', 'admin.remotes', 'admin.payments', 'menu.stock', 'admin.menu', 'shifts.close-others'], app: reactLifecycles(AdminApp) }],
});
