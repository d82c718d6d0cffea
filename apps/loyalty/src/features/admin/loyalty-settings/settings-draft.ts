import { type LoyaltySettings, LoyaltySettingsSchema } from '@pos/contracts';

/** The form as typed: the percent and the days as text, a point's value as an amount (minor units, null while empty). */
export interface SettingsDraft {
  earnPercent: string;
  pointValue: number | null;
  giftCardExpiryDays: string;
}

export type SettingsField = keyof SettingsDraft;
export const SETTINGS_FIELDS: readonly SettingsField[] = ['earnPercent', 'pointValue', 'giftCardExpiryDays'];

/** The bounds the contract sets, for the hints and the errors. */
const bounds = (field: SettingsField) => {
  const bag = LoyaltySettingsSchema.shape[field];
  return { min: bag.minValue ?? 0, max: bag.maxValue ?? Number.MAX_SAFE_INTEGER };
};
export const EARN_PERCENT = bounds('earnPercent');
export const POINT_VALUE = bounds('pointValue');
export const EXPIRY_DAYS = bounds('giftCardExpiryDays');

export const draftOf = (s: LoyaltySettings): SettingsDraft => ({ earnPercent: String(s.earnPercent), pointValue: s.pointValue, giftCardExpiryDays: String(s.giftCardExpiryDays) });

const wholeNumber = (text: string): number | null => (/^\s*\d+\s*$/.test(text) ? Number(text) : null);

export type SettingsCheck = { ok: true; input: LoyaltySettings } | { ok: false; fields: SettingsField[] };

/** The settings to send, or the fields that are not whole numbers within the contract's bounds. */
export function checkSettings(d: SettingsDraft): SettingsCheck {
  const input = { earnPercent: wholeNumber(d.earnPercent), pointValue: d.pointValue, giftCardExpiryDays: wholeNumber(d.giftCardExpiryDays) };
  const fields = SETTINGS_FIELDS.filter((f) => {
    const value = input[f];
    const { min, max } = bounds(f);
    return value === null || !Number.isInteger(value) || value < min || value > max;
  });
  const { earnPercent, pointValue, giftCardExpiryDays } = input;
  if (fields.length > 0 || earnPercent === null || pointValue === null || giftCardExpiryDays === null) return { ok: false, fields };
  return { ok: true, input: { earnPercent, pointValue, giftCardExpiryDays } };
}
