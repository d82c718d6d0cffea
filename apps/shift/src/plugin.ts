import { definePlugin, reactLifecycles } from '@pos/plugin-sdk';
import { CashPanel } from './features/cash-panel/cash-panel';
import { shiftTexts } from './texts';

/**
 * The shift remote: what the shift screen does beyond the shell's own open and close of a cash
 * shift. So far the cash drawer's movements: cash paid in and paid out with a reason, listed.
 */
export default definePlugin({
  id: 'shift',
  feature: 'shift',
  shellApi: '^1',
  i18n: shiftTexts,
  slots: {
    'shift.panel': reactLifecycles(CashPanel),
  },
});
