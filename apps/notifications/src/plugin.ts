import { definePlugin, reactLifecycles } from '@pos/plugin-sdk';
import { NotificationsBell } from './notifications-bell';
import { notificationsTexts } from './texts';

/** The notifications remote: a bell in the header with the NotificationCenter behind it. */
export default definePlugin({
  id: 'notifications',
  feature: 'notifications',
  shellApi: '^1',
  i18n: notificationsTexts,
  slots: { 'header.indicators': reactLifecycles(NotificationsBell) },
});
