import { definePlugin, reactLifecycles } from '@pos/plugin-sdk';
import { BoardPage } from './features/board/board-page';
import { CashPanel } from './features/cash-panel/cash-panel';
import { shiftTexts } from './texts';

/**
 * The shift remote: what the shift screen does beyond the shell's own open and close of a cash
 * shift: the cash drawer's movements (cash paid in and paid out with a reason, listed) and, as a
 * page of Admin, the supervisor's board of the venue's open shifts with a blind close.
 */
export default definePlugin({
  id: 'shift',
  feature: 'shift',
  shellApi: '^1',
  i18n: shiftTexts,
  slots: {
    'shift.panel': reactLifecycles(CashPanel),
    // The supervisor's board of open shifts, with a blind close of another's shift.
    'admin.pages': reactLifecycles(BoardPage),
  },
  adminPage: { id: 'open-shifts', title: 'board.nav', permission: 'shifts.close-others' },
});
