import { type CreateCustomerInput, CreateCustomerInputSchema, type Customer, type CustomerTier, type UpdateCustomerInput } from '@pos/contracts';
import { formatPhone, toE164 } from '../../../model/phone';

/** The guest form as typed. */
export interface CustomerDraft {
  name: string;
  phone: string;
  email: string;
  smsConsent: boolean;
  emailConsent: boolean;
  tier: CustomerTier;
}

/** The fields the form shows an error at (the server's field paths are the same names); a checkbox or the tier cannot be typed wrong. */
export const CUSTOMER_FIELDS = ['name', 'phone', 'email'] as const;
export type CustomerField = (typeof CUSTOMER_FIELDS)[number];
export type FieldProblem = 'required' | 'invalid' | 'taken';

export const draftOf = (c: Customer | null): CustomerDraft =>
  c
    ? { name: c.name, phone: formatPhone(c.phone), email: c.email ?? '', smsConsent: c.consent.sms.given, emailConsent: c.consent.email.given, tier: c.tier }
    : { name: '', phone: '', email: '', smsConsent: false, emailConsent: false, tier: 'base' };

export type DraftCheck = { ok: true; input: CreateCustomerInput } | { ok: false; problems: Partial<Record<CustomerField, FieldProblem>> };

/**
 * What the form sends for a new guest: the phone in E.164 (read in the venue's `country`), no
 * email when none was typed. What can be told here is told before a request; the server checks
 * the rest and answers by field path.
 */
export function checkDraft(d: CustomerDraft, country: string | null): DraftCheck {
  const problems: Partial<Record<CustomerField, FieldProblem>> = {};
  const name = d.name.trim();
  const email = d.email.trim();
  if (name === '') problems.name = 'required';
  const phone = d.phone.trim() === '' ? null : toE164(d.phone, country);
  if (d.phone.trim() === '') problems.phone = 'required';
  else if (phone === null) problems.phone = 'invalid';
  if (email !== '' && !CreateCustomerInputSchema.shape.email.safeParse(email).success) problems.email = 'invalid';
  if (Object.keys(problems).length > 0 || phone === null) return { ok: false, problems };
  return { ok: true, input: { name, phone, email: email === '' ? null : email, smsConsent: d.smsConsent, emailConsent: d.emailConsent, tier: d.tier } };
}

/** Of a checked input, what differs from the guest as stored (an edit sends only that: a consent not touched keeps its date). */
export function changesOf(c: Customer, input: CreateCustomerInput): UpdateCustomerInput {
  const changes: UpdateCustomerInput = {};
  if (input.name !== c.name) changes.name = input.name;
  if (input.phone !== c.phone) changes.phone = input.phone;
  if ((input.email ?? null) !== c.email) changes.email = input.email ?? null;
  if (input.smsConsent !== c.consent.sms.given) changes.smsConsent = input.smsConsent;
  if (input.emailConsent !== c.consent.email.given) changes.emailConsent = input.emailConsent;
  if (input.tier !== c.tier) changes.tier = input.tier;
  return changes;
}
