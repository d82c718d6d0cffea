import type { CreatePaymentInput, PaymentSettings, UpdatePaymentSettingsInput } from '@pos/contracts';
import { settlementMethod } from '@pos/contracts';
import type { Db } from '../../shared/command';
import { conflict } from '../../shared/errors';
import type { PaymentSettingsStore } from '../admin/ports';
import * as repo from './repository';

/** What a venue gets until it sets its own payment rules. */
export const DEFAULT_PAYMENT_SETTINGS: PaymentSettings = { tipTolerancePercent: 20, holdExpiryDays: 7, dayClosePolicy: 'release' };

/** The largest tip the venue's tolerance allows on `amount` (minor units, rounded down). */
export const tipLimit = (amount: number, tipTolerancePercent: number) => Math.floor((amount * tipTolerancePercent) / 100);

/** The venue's payment rules (tip tolerance, hold expiry, day-close policy) and the checks they make. Admin edits them through its port. */
export class PaymentSettingsService implements PaymentSettingsStore {
  async settings(db: Db, venueId: string): Promise<PaymentSettings> {
    const row = await repo.paymentSettingsOf(db, venueId);
    if (!row) return DEFAULT_PAYMENT_SETTINGS;
    return { tipTolerancePercent: row.tip_tolerance_percent, holdExpiryDays: row.hold_expiry_days, dayClosePolicy: row.day_close_policy === 'capture' ? 'capture' : 'release' };
  }

  /** Changes the venue's payment rules; fields left out keep their value (or the default). */
  async saveSettings(db: Db, venueId: string, input: UpdatePaymentSettingsInput): Promise<PaymentSettings> {
    const next: PaymentSettings = { ...(await this.settings(db, venueId)), ...input };
    await repo.savePaymentSettings(db, { venue_id: venueId, tip_tolerance_percent: next.tipTolerancePercent, hold_expiry_days: next.holdExpiryDays, day_close_policy: next.dayClosePolicy });
    return next;
  }

  /**
   * A card tip is a figure the tablet reports, and what is refundable to the card: it stays within
   * the venue's tip tolerance of what it pays for. A cash tip is money in the drawer (the tendered
   * cash covers it, the close counts it; "keep the change" is often more), so it is not bounded.
   * The pay dialog puts the whole bill's tip on one card tender, so a command's card tips count
   * together against everything the command pays.
   */
  async assertCardTipsWithinTolerance(db: Db, venueId: string, input: CreatePaymentInput, amount: number) {
    const cardTips = input.tenders.reduce((s, t) => s + (settlementMethod(t.method) === 'card' ? (t.tip ?? 0) : 0), 0);
    if (cardTips > 0) await this.assertTipWithinTolerance(db, venueId, cardTips, amount);
  }

  async assertTipWithinTolerance(db: Db, venueId: string, tip: number, amount: number) {
    const { tipTolerancePercent } = await this.settings(db, venueId);
    const limit = tipLimit(amount, tipTolerancePercent);
    if (tip > limit) throw conflict('payment.tip_over_tolerance', `A tip of at most ${tipTolerancePercent} % (${limit}) of ${amount}`, { limit });
  }
}
