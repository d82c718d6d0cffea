/**
 * Phone numbers as the cashier types them ("8 916 123-45-67", "+7 (916) 123 45 67", "9161234567")
 * into the E.164 form the server keys guests by ("+79161234567"). A number without its country
 * code is read in the venue's country (from its locale, e.g. ru-RU → RU).
 */

interface NationalPlan {
  /** The country calling code, without +. */
  countryCode: string;
  /** Digits of a national significant number (without the trunk prefix). */
  nationalLength: number;
  /** What is dialled before a national number inside the country ("8" in Russia). */
  trunkPrefix: string;
}

/** Countries whose local way of writing a number the till understands; elsewhere the number is typed with +. */
const PLANS: Readonly<Record<string, NationalPlan>> = {
  RU: { countryCode: '7', nationalLength: 10, trunkPrefix: '8' },
  KZ: { countryCode: '7', nationalLength: 10, trunkPrefix: '8' },
  BY: { countryCode: '375', nationalLength: 9, trunkPrefix: '80' },
  GB: { countryCode: '44', nationalLength: 10, trunkPrefix: '0' },
};

const E164 = /^\+[1-9]\d{7,14}$/;

/** The country of a BCP 47 locale ("ru-RU" → "RU"); null without a region. */
export function countryOf(locale: string): string | null {
  const region = locale.split(/[-_]/).slice(1).find((part) => /^[A-Za-z]{2}$/.test(part));
  return region ? region.toUpperCase() : null;
}

/** A venue's currency says its country where its locale names only a language ("ru"). */
const COUNTRY_BY_CURRENCY: Readonly<Record<string, string>> = { RUB: 'RU', KZT: 'KZ', BYN: 'BY', GBP: 'GB' };

/** The venue's country: the region of its locale, else the one its currency belongs to; null when neither says. */
export function venueCountry(venue: { locale: string; currency: string }): string | null {
  return countryOf(venue.locale) ?? COUNTRY_BY_CURRENCY[venue.currency] ?? null;
}

/** Whether `text` is written like a phone number, whole or not (digits with spaces, dashes, dots, brackets, a leading +). */
export function looksLikePhone(text: string): boolean {
  const trimmed = text.trim();
  return /^\+?[\d\s().-]+$/.test(trimmed) && /\d/.test(trimmed);
}

/**
 * The E.164 form of what was typed, or null when it is not a whole number. `country` is the
 * venue's (ISO 3166 alpha-2): its trunk prefix and its bare national numbers are understood.
 */
export function toE164(text: string, country: string | null): string | null {
  if (!looksLikePhone(text)) return null;
  const trimmed = text.trim();
  const digits = trimmed.replace(/\D/g, '');
  // "00" is the international prefix across Europe: 007 916… is +7 916….
  if (trimmed.startsWith('+') || digits.startsWith('00')) {
    const international = `+${digits.replace(/^00/, '')}`;
    return E164.test(international) ? international : null;
  }
  const plan = country ? PLANS[country] : undefined;
  if (!plan) return null;
  let national: string | null = null;
  // A bare national number never begins with the trunk prefix: "8 916 123-45-6" is a digit short, not +7 891….
  if (digits.length === plan.nationalLength && !digits.startsWith(plan.trunkPrefix)) national = digits;
  else if (digits.length === plan.trunkPrefix.length + plan.nationalLength && digits.startsWith(plan.trunkPrefix)) national = digits.slice(plan.trunkPrefix.length);
  else if (digits.length === plan.countryCode.length + plan.nationalLength && digits.startsWith(plan.countryCode)) national = digits.slice(plan.countryCode.length);
  if (national === null) return null;
  const e164 = `+${plan.countryCode}${national}`;
  return E164.test(e164) ? e164 : null;
}

/** "+79161234567" → "+7 916 123-45-67" for Russia and Kazakhstan; other numbers as they are. */
export function formatPhone(e164: string): string {
  const ru = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(e164);
  return ru ? `+7 ${ru[1]} ${ru[2]}-${ru[3]}-${ru[4]}` : e164;
}
