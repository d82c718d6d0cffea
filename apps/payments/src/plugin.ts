import { definePlugin, reactLifecycles } from '@pos/plugin-sdk';
import { ShiftCloseHolds } from './features/card-holds/card-holds';
import { PaymentMethods } from './features/payment-methods/payment-methods';
import { RefundAction } from './features/refunds/refund-action';
import { paymentsTexts } from './texts';

/**
 * The payments remote: card payments through a terminal in the shell's pay dialog — tap to pay
 * (SoftPOS) and deferred holds captured later — and refunds from the order list, on the server's
 * payment state machine; on the shift screen, the expired card holds the day close will settle.
 */
export default definePlugin({
  id: 'payments',
  feature: 'payments',
  shellApi: '^1',
  i18n: paymentsTexts,
  slots: {
    'payment.methods': reactLifecycles(PaymentMethods),
    'orders.row-actions': reactLifecycles(RefundAction),
    'shift.close': reactLifecycles(ShiftCloseHolds),
  },
});
