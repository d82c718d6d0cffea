import type { PaymentSettings, UpdatePaymentSettingsInput } from '@pos/contracts';
import type { Db } from '../../shared/command';

/**
 * The venue's payment rules belong to finance, which sits above admin. Admin edits them through
 * this port (finance's `PaymentSettingsService` implements it, `composition.ts` plugs it in), so
 * the change and its audit entry stay in one transaction without admin importing finance.
 */
export interface PaymentSettingsStore {
  settings(db: Db, venueId: string): Promise<PaymentSettings>;
  saveSettings(db: Db, venueId: string, input: UpdatePaymentSettingsInput): Promise<PaymentSettings>;
}
