import { PhoneSchema } from '@pos/contracts';

/**
 * Phone numbers as staff type them — the cashier at the till, the admin in Admin → Гости —
 * ("8 (916) 123-45-67", "+7 916 123 45 67", "9161234567", "0044 20 7946 0958") into the E.164
 * form the server keys guests by ("+79161234567"): one guest, one spelling. A number without its
 * country code is read in the venue's country (its locale's region, else its currency's).
 */

interface NumberingPlan {
  /** The country calling code, without "+". */
  callingCode: string;
  /** What a number dialled at home starts with (dropped in the international form). */
  trunk: string;
  /** How many digits follow the calling code. */
  national: readonly [min: number, max: number];
  /** The country's own international prefix besides "00" (Russia's old "8 10"). */
  exit?: string;
}

/** The countries our venues are in; elsewhere a number is typed with its "+". */
const PLANS: Readonly<Record<string, NumberingPlan>> = {
  RU: { callingCode: '7', trunk: '8', national: [10, 10], exit: '810' },
  KZ: { callingCode: '7', trunk: '8', national: [10, 10], exit: '810' },
  BY: { callingCode: '375', trunk: '80', national: [9, 9], exit: '810' },
  UA: { callingCode: '380', trunk: '0', national: [9, 9] },
  AM: { callingCode: '374', trunk: '0', national: [8, 8] },
  GE: { callingCode: '995', trunk: '0', national: [9, 9] },
  GB: { callingCode: '44', trunk: '0', national: [9, 10] },
  DE: { callingCode: '49', trunk: '0', national: [6, 13] },
  US: { callingCode: '1', trunk: '1', national: [10, 10], exit: '011' },
};

/** The country of a BCP 47 locale ("ru-RU" → "RU"); null without a region. */
export function countryOf(locale: string): string | null {
  const region = locale.split(/[-_]/).slice(1).find((part) => /^[A-Za-z]{2}$/.test(part));
  return region ? region.toUpperCase() : null;
}

/** A venue's currency says its country where its locale names only a language ("ru"). */
const COUNTRY_BY_CURRENCY: Readonly<Record<string, string>> = { RUB: 'RU', KZT: 'KZ', BYN: 'BY', UAH: 'UA', AMD: 'AM', GEL: 'GE', GBP: 'GB', USD: 'US' };

/** The venue's country: the region of its locale, else the one its currency belongs to; null when neither says. */
export function venueCountry(venue: { locale: string; currency: string }): string | null {
  return countryOf(venue.locale) ?? COUNTRY_BY_CURRENCY[venue.currency] ?? null;
}

/** Whether `text` is written like a phone number, whole or not (digits with spaces, dashes, dots, brackets, a leading +). */
export function looksLikePhone(text: string): boolean {
  const trimmed = text.trim();
  return /^\+?[\d\s().-]+$/.test(trimmed) && /\d/.test(trimmed);
}

const e164 = (digits: string): string | null => {
  const phone = `+${digits}`;
  return PhoneSchema.safeParse(phone).success ? phone : null;
};

/**
 * The E.164 form of what was typed, or null when it cannot be a whole number (letters, too
 * short, no country). `country` is the venue's (ISO 3166 alpha-2): its trunk prefix, its bare
 * national numbers and its exit prefix are understood; without one, only "+" or "00" numbers.
 */
export function toE164(text: string, country: string | null): string | null {
  if (!looksLikePhone(text)) return null;
  const typed = text.trim();
  const digits = typed.replace(/\D/g, '');
  if (typed.startsWith('+')) return e164(digits);
  // "00" is the international prefix across Europe: 007 916… is +7 916….
  if (digits.startsWith('00')) return e164(digits.slice(2));
  const plan = country ? PLANS[country] : undefined;
  if (!plan) return null;
  const [min, max] = plan.national;
  const fits = (national: string) => national.length >= min && national.length <= max;
  // Dialled at home with the trunk prefix (8 916 …), typed without "+" (7 916 …), or the bare national number (916 …).
  if (digits.startsWith(plan.trunk) && fits(digits.slice(plan.trunk.length))) return e164(plan.callingCode + digits.slice(plan.trunk.length));
  if (digits.startsWith(plan.callingCode) && fits(digits.slice(plan.callingCode.length))) return e164(digits);
  // A bare national number never begins with the trunk prefix: "8 916 123-45-6" is a digit short, not +7 891….
  if (fits(digits) && !digits.startsWith(plan.trunk)) return e164(plan.callingCode + digits);
  // Dialled abroad through the country's own exit prefix (8 10 44 …).
  if (plan.exit && digits.startsWith(plan.exit)) return e164(digits.slice(plan.exit.length));
  return null;
}

/** An E.164 number for reading: Russian and Kazakh ones grouped as staff write them, others as stored. */
export function formatPhone(phone: string): string {
  const ru = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(phone);
  return ru ? `+7 ${ru[1]} ${ru[2]}-${ru[3]}-${ru[4]}` : phone;
}

/**
 * What a search sends for what was typed: a name as typed; a phone number or a part of one
 * without its spaces, dashes and brackets (the server matches the stored E.164 digits), a whole
 * number in E.164 ("8 903 111-22-33" finds +79031112233).
 */
export function searchQueryOf(text: string, country: string | null): string {
  const typed = text.trim();
  if (!/^\+?[\d\s\-().]+$/.test(typed)) return typed;
  return toE164(typed, country) ?? typed.replace(/[\s\-().]/g, '');
}
