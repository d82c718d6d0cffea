import { definePlugin, reactLifecycles } from '@pos/plugin-sdk';
import { CashPanel } from './features/cash-panel/cash-panel';
import { AlertBanner } from './features/alerts/alert-banner';
import { AlertIndicator } from './features/alerts/alert-indicator';
import { ShiftSettingsPage } from './features/shift-settings/shift-settings-page';
import { shiftTexts } from './texts';

/**
 * The shift remote: what the shift screen does beyond the shell's own open and close of a cash
 * shift. So far the cash drawer's movements: cash paid in and paid out with a reason, listed;
 * reminders before the venue's closeout hour (header chip, banner above the floor); and the page
 * in Admin that sets that hour.
 */
export default definePlugin({
  id: 'shift',
  feature: 'shift',
  shellApi: '^1',
  i18n: shiftTexts,
  slots: {
    'shift.panel': reactLifecycles(CashPanel),
    // Shift reminders before the closeout hour (issue 17, point 3) and the page that sets it.
    'header.indicators': reactLifecycles(AlertIndicator),
    'home.widgets': reactLifecycles(AlertBanner),
    'admin.pages': reactLifecycles(ShiftSettingsPage),
  },
  adminPage: { id: 'shifts', title: 'settings.nav', permission: 'admin.payments' },
});
