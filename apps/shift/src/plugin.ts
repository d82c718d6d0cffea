import { definePlugin, reactLifecycles, type SlotProps } from '@pos/plugin-sdk';
import { createElement, Fragment } from 'react';
import { BoardPage } from './features/board/board-page';
import { CashPanel } from './features/cash-panel/cash-panel';
import { ReportsCard } from './features/report/reports-card';
import { ZAfterClose } from './features/report/z-after-close';
import { ZArchivePage } from './features/z-archive/z-archive-page';
import { AlertBanner } from './features/alerts/alert-banner';
import { AlertIndicator } from './features/alerts/alert-indicator';
import { ShiftSettingsPage } from './features/shift-settings/shift-settings-page';
import { shiftTexts } from './texts';

const ADMIN_PAGES = { 'open-shifts': BoardPage, 'z-reports': ZArchivePage, shifts: ShiftSettingsPage } as const;

/** Admin's pages of this remote: the one its path names (`/x/admin/<id>`); the settings page otherwise. */
const AdminPages = (props: SlotProps<'admin.pages'>) => {
  const id = props.context.path.split('/').filter(Boolean).at(-1) ?? '';
  return createElement(ADMIN_PAGES[id as keyof typeof ADMIN_PAGES] ?? ShiftSettingsPage, props);
};

/** The shift screen's panel: the cash drawer's movements, then the reports (features never import each other). */
const ShiftPanel = (props: SlotProps<'shift.panel'>) => createElement(Fragment, null, createElement(CashPanel, props), createElement(ReportsCard, props));

/**
 * The shift remote: what the shift screen does beyond the shell's own open and close of a cash
 * shift: the cash drawer's movements (paid in / paid out with a reason, listed); the shift
 * reports — the live X-report, the Z-report of the shift just closed; reminders before the
 * venue's closeout hour (header chip, banner above the floor); and, as pages of Admin, the
 * venue's shift settings (closeout hour, auto-close, time limit), the supervisor's board of open
 * shifts with a blind close, and the Z archive with reprints and the Z chain check.
 */
export default definePlugin({
  id: 'shift',
  feature: 'shift',
  shellApi: '^1.4',
  i18n: shiftTexts,
  slots: {
    'shift.panel': reactLifecycles(ShiftPanel),
    'shift.close': reactLifecycles(ZAfterClose),
    // Shift reminders before the closeout hour (issue 17, point 3).
    'header.indicators': reactLifecycles(AlertIndicator),
    'home.widgets': reactLifecycles(AlertBanner),
    'admin.pages': reactLifecycles(AdminPages),
  },
  // The first is also what a shell before host API 1.4 shows (it knows one page per remote).
  adminPage: { id: 'shifts', title: 'settings.nav', permission: 'admin.payments' },
  adminPages: [
    { id: 'shifts', title: 'settings.nav', permission: 'admin.payments' },
    { id: 'open-shifts', title: 'board.nav', permission: 'shifts.close-others' },
    { id: 'z-reports', title: 'archive.nav', permission: 'shifts.reports.all' },
  ],
});
