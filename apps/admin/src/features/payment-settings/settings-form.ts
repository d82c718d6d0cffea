import { type PaymentSettings, PaymentSettingsSchema, type UpdatePaymentSettingsInput } from '@pos/contracts';
import { ApiError } from '@pos/plugin-sdk';

export type SettingsField = keyof PaymentSettings;
const FIELDS: readonly SettingsField[] = ['tipTolerancePercent', 'holdExpiryDays', 'dayClosePolicy'];

export type NumberField = 'tipTolerancePercent' | 'holdExpiryDays';

/** The bounds come from the contract, so the form and the API refuse the same numbers. */
export const BOUNDS: Record<NumberField, { min: number; max: number }> = {
  tipTolerancePercent: { min: PaymentSettingsSchema.shape.tipTolerancePercent.minValue ?? 0, max: PaymentSettingsSchema.shape.tipTolerancePercent.maxValue ?? 100 },
  holdExpiryDays: { min: PaymentSettingsSchema.shape.holdExpiryDays.minValue ?? 0, max: PaymentSettingsSchema.shape.holdExpiryDays.maxValue ?? 30 },
};

/** What the admin typed: numbers as text, so "" and "1,5" can be told apart from a number. */
export interface SettingsDraft {
  tipTolerancePercent: string;
  holdExpiryDays: string;
  dayClosePolicy: PaymentSettings['dayClosePolicy'];
}

export const toDraft = (s: PaymentSettings): SettingsDraft => ({
  tipTolerancePercent: String(s.tipTolerancePercent),
  holdExpiryDays: String(s.holdExpiryDays),
  dayClosePolicy: s.dayClosePolicy,
});

/** A field's problem as a text key of the form ('notWhole', 'outOfRange'). */
export type DraftErrors = Partial<Record<NumberField, 'notWhole' | 'outOfRange'>>;

/** The draft as settings, or what is wrong with it: whole numbers within the contract's bounds. */
export function readDraft(draft: SettingsDraft): { settings: PaymentSettings | null; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const number = (field: NumberField): number => {
    const text = draft[field].trim();
    if (!/^\d{1,4}$/.test(text)) {
      errors[field] = 'notWhole';
      return NaN;
    }
    const value = Number(text);
    if (value < BOUNDS[field].min || value > BOUNDS[field].max) errors[field] = 'outOfRange';
    return value;
  };
  const settings = { tipTolerancePercent: number('tipTolerancePercent'), holdExpiryDays: number('holdExpiryDays'), dayClosePolicy: draft.dayClosePolicy };
  return { settings: Object.keys(errors).length === 0 ? settings : null, errors };
}

/** Only the fields that differ from what is stored (the API keeps the others). */
export function changesOf(stored: PaymentSettings, next: PaymentSettings): UpdatePaymentSettingsInput {
  const changes: UpdatePaymentSettingsInput = {};
  if (next.tipTolerancePercent !== stored.tipTolerancePercent) changes.tipTolerancePercent = next.tipTolerancePercent;
  if (next.holdExpiryDays !== stored.holdExpiryDays) changes.holdExpiryDays = next.holdExpiryDays;
  if (next.dayClosePolicy !== stored.dayClosePolicy) changes.dayClosePolicy = next.dayClosePolicy;
  return changes;
}

/** 'body.holdExpiryDays', '/holdExpiryDays' or 'holdExpiryDays' → the field, when it is one of ours. */
const fieldOf = (path: string): SettingsField | undefined => {
  const name = path.replace(/^body(\.|\/|$)/, '').replace(/^\//, '').split(/[./]/)[0];
  return FIELDS.find((f) => f === name);
};

/**
 * A refused save split for the form: messages of fields it knows (problem+json `errors[].path`)
 * go to those fields, anything else to the form as a whole.
 */
export function problemsOf(error: unknown): { fields: Partial<Record<SettingsField, string>>; form: string | null } {
  if (!(error instanceof ApiError)) return { fields: {}, form: error instanceof Error ? error.message : String(error) };
  const fields: Partial<Record<SettingsField, string>> = {};
  const rest: string[] = [];
  for (const e of error.problem.errors ?? []) {
    const field = fieldOf(e.path);
    if (field) fields[field] = fields[field] ? `${fields[field]}; ${e.message}` : e.message;
    else rest.push(e.message);
  }
  if (Object.keys(fields).length === 0 && rest.length === 0) return { fields, form: error.message };
  return { fields, form: rest.length > 0 ? rest.join('; ') : null };
}
