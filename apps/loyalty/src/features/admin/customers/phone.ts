import { PhoneSchema } from '@pos/contracts';

/**
 * A phone number as an admin types it ("8 (916) 123-45-67", "+7 916 123 45 67", "9161234567",
 * "0044 20 7946 0958") → E.164 (`+79161234567`), the only form the server takes: one guest, one
 * spelling. A number without its country code is read in the venue's country.
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

/** The countries our venues are in; elsewhere an admin types the number with its "+". */
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

/** The venue's country from its locale ('ru-RU' → 'RU'); Russia when the locale names none. */
export function venueCountry(locale: string): string {
  const region = locale.split(/[-_]/)[1];
  return region && /^[A-Za-z]{2}$/.test(region) ? region.toUpperCase() : 'RU';
}

const e164 = (digits: string): string | null => {
  const phone = `+${digits}`;
  return PhoneSchema.safeParse(phone).success ? phone : null;
};

/** E.164 for what was typed, or null when it cannot be a phone number (letters, too short, no country). */
export function toE164(text: string, country: string): string | null {
  const typed = text.trim();
  // Digits, spaces, dashes, dots, brackets and one leading "+": anything else is not a phone number.
  if (!/^\+?[\d\s\-().]+$/.test(typed)) return null;
  const digits = typed.replace(/\D/g, '');
  if (typed.startsWith('+')) return e164(digits);
  if (digits.startsWith('00')) return e164(digits.slice(2));
  const plan = PLANS[country];
  if (!plan) return null;
  const [min, max] = plan.national;
  const fits = (national: string) => national.length >= min && national.length <= max;
  // Dialled at home with the trunk prefix (8 916 …), typed without "+" (7 916 …), or the bare national number (916 …).
  if (digits.startsWith(plan.trunk) && fits(digits.slice(plan.trunk.length))) return e164(plan.callingCode + digits.slice(plan.trunk.length));
  if (digits.startsWith(plan.callingCode) && fits(digits.slice(plan.callingCode.length))) return e164(digits);
  // A bare national number never begins with the trunk prefix: "8 916 123-45-6" is a digit short, not +7 891… (as the till reads it).
  if (fits(digits) && !digits.startsWith(plan.trunk)) return e164(plan.callingCode + digits);
  // Dialled abroad through the country's own exit prefix (8 10 44 …): only what is too long for a home number.
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
export function searchQueryOf(text: string, country: string): string {
  const typed = text.trim();
  if (!/^\+?[\d\s\-().]+$/.test(typed)) return typed;
  return toE164(typed, country) ?? typed.replace(/[\s\-().]/g, '');
}
