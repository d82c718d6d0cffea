import { definePlugin, reactLifecycles, type SlotProps } from '@pos/plugin-sdk';
import { createElement, Fragment } from 'react';
import { BoardPage } from './features/board/board-page';
import { CashPanel } from './features/cash-panel/cash-panel';
import { ReportsCard } from './features/report/reports-card';
import { ZAfterClose } from './features/report/z-after-close';
import { ZArchivePage } from './features/z-archive/z-archive-page';
import { shiftTexts } from './texts';

/** Admin's pages of this remote: the one its path names (`/x/admin/<id>`). */
const AdminPages = (props: SlotProps<'admin.pages'>) => createElement(props.context.path.endsWith('/open-shifts') ? BoardPage : ZArchivePage, props);

/** The shift screen's panel: the cash drawer's movements, then the reports (features never import each other). */
const ShiftPanel = (props: SlotProps<'shift.panel'>) => createElement(Fragment, null, createElement(CashPanel, props), createElement(ReportsCard, props));

/**
 * The shift remote: what the shift screen does beyond the shell's own open and close of a cash
 * shift: the cash drawer's movements (paid in / paid out with a reason, listed); the shift
 * reports — the live X-report, the Z-report of the shift just closed — and, as pages of Admin,
 * the supervisor's board of open shifts with a blind close and the venue's Z archive with
 * reprints and the Z chain check.
 */
export default definePlugin({
  id: 'shift',
  feature: 'shift',
  shellApi: '^1.4',
  i18n: shiftTexts,
  slots: {
    'shift.panel': reactLifecycles(ShiftPanel),
    'shift.close': reactLifecycles(ZAfterClose),
    'admin.pages': reactLifecycles(AdminPages),
  },
  adminPages: [
    { id: 'open-shifts', title: 'board.nav', permission: 'shifts.close-others' },
    { id: 'z-reports', title: 'archive.nav', permission: 'shifts.reports.all' },
  ],
});
