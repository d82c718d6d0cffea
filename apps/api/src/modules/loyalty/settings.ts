import type { LoyaltySettings, UpdateLoyaltySettingsInput } from '@pos/contracts';
import { nowIso } from '../../shared/clock';
import { type Actor, type Db, outcome } from '../../shared/command';
import type { AdminService } from '../admin/service';
import { DomainError } from '../../shared/errors';

/** What a venue gets until it sets its own programme: 5 % back in points, 1 point = 1 ₽ (100 minor units), gift cards valid a year. */
export const DEFAULT_LOYALTY_SETTINGS: LoyaltySettings = { earnPercent: 5, pointValue: 100, giftCardExpiryDays: 365 };

/** The venue's loyalty programme settings (Admin → Лояльность). */
export class LoyaltySettingsService {
  constructor(private readonly admin: AdminService) {}

  /**
   * The programme's new business — attaching a guest, spending points, selling a gift card —
   * needs the venue's `loyalty` feature. What was already given keeps its worth with it off: a
   * sold gift card still pays, refunds still put value back, a guest already on an order stays.
   */
  async requireOn(db: Db, venueId: string): Promise<void> {
    if (!(await this.admin.isEnabled(db, venueId, 'loyalty'))) throw new DomainError(403, 'feature.disabled', 'Loyalty is switched off for this venue');
  }

  async settings(db: Db, venueId: string): Promise<LoyaltySettings> {
    const row = await db.selectFrom('venue_loyalty_settings').selectAll().where('venue_id', '=', venueId).executeTakeFirst();
    if (!row) return DEFAULT_LOYALTY_SETTINGS;
    return { earnPercent: row.earn_percent, pointValue: row.point_value, giftCardExpiryDays: row.gift_card_expiry_days };
  }

  /**
   * Changes the programme; fields left out keep their value. A new point value applies to points
   * spent from now on (a balance is kept in points); a new expiry to cards activated from now on.
   */
  async save(db: Db, actor: Actor, input: UpdateLoyaltySettingsInput) {
    const before = await this.settings(db, actor.venueId);
    const { clientRequestId: _, ...change } = input;
    const next: LoyaltySettings = { ...before, ...change };
    const row = { venue_id: actor.venueId, earn_percent: next.earnPercent, point_value: next.pointValue, gift_card_expiry_days: next.giftCardExpiryDays, updated_at: nowIso() };
    await db
      .insertInto('venue_loyalty_settings')
      .values(row)
      .onConflict((oc) => oc.column('venue_id').doUpdateSet({ earn_percent: row.earn_percent, point_value: row.point_value, gift_card_expiry_days: row.gift_card_expiry_days, updated_at: row.updated_at }))
      .execute();
    await this.admin.audit(db, actor, 'loyalty.settings_changed', 'venue', actor.venueId, { before, after: next });
    return outcome(next);
  }
}
