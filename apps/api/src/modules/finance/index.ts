import type { AuthService } from '../auth/service';
import type { Orders } from '../orders';
import type { ShiftsService } from '../shifts/service';
import { Ledger } from './ledger';
import { PaymentLifecycle } from './payment-lifecycle';
import { PaymentTaking } from './payment-taking';
import { NO_PAYMENT_LISTENER, type PaymentListener } from './ports';
import { Receipts } from './receipts';
import { PaymentSettingsService } from './settings';

export type { Ledger, PaymentLifecycle, PaymentSettingsService, PaymentTaking };
export type { PaymentListener, StoredValueTender } from './ports';

export interface FinanceDeps {
  auth: AuthService;
  orders: Pick<Orders, 'reads' | 'hooks'>;
  shifts: ShiftsService;
  /** The domains above finance that hear of captures and refunds (loyalty). */
  listener?: PaymentListener;
}

/** Finance, by seam: taking payment, the payment lifecycle, the ledger (with receipts inside), and the venue's payment settings. */
export interface Finance {
  taking: PaymentTaking;
  lifecycle: PaymentLifecycle;
  ledger: Ledger;
  settings: PaymentSettingsService;
}

export function createFinance({ auth, orders, shifts, listener = NO_PAYMENT_LISTENER }: FinanceDeps): Finance {
  const settings = new PaymentSettingsService();
  const ledger = new Ledger(orders.reads);
  const receipts = new Receipts(auth);
  return {
    taking: new PaymentTaking(orders.hooks, shifts, settings, ledger, receipts, listener),
    lifecycle: new PaymentLifecycle(orders.reads, orders.hooks, shifts, settings, ledger, receipts, listener),
    ledger,
    settings,
  };
}
