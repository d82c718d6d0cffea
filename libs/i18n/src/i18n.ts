import { currencyDigits } from '@pos/contracts/rules';
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { common } from './common';
import { problems, PROBLEMS_NAMESPACE } from './problems';

export type { I18n };
export const LANGUAGES = ['ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'ru';

export type Resources = Record<Language, Record<string, unknown>>;

/** One i18next instance for the shell and every remote; Russian is the default. */
export function createI18n(language: Language = DEFAULT_LANGUAGE): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    ns: ['common', PROBLEMS_NAMESPACE],
    defaultNS: 'common',
    resources: { ru: { common: common.ru, [PROBLEMS_NAMESPACE]: problems.ru }, en: { common: common.en, [PROBLEMS_NAMESPACE]: problems.en } },
    interpolation: { escapeValue: false },
    initImmediate: false,
    showSupportNotice: false,
  } as Parameters<I18n['init']>[0]);
  return instance;
}

/** Each remote ships its own namespace; adding it twice (a remount) is harmless. */
export function addNamespace(i18n: I18n, namespace: string, resources: Resources): void {
  for (const language of LANGUAGES) i18n.addResourceBundle(language, namespace, resources[language], true, true);
}

const formatters = new Map<string, Intl.NumberFormat>();

function moneyFormat(currency: string, language: string): Intl.NumberFormat {
  const locale = language === 'en' ? 'en-GB' : 'ru-RU';
  const key = `${locale}:${currency}`;
  let format = formatters.get(key);
  if (!format) {
    // The narrow symbol: "₽590.00" in English, not "RUB 590.00" (en-GB's symbol for roubles is the
    // ISO code, which reads as a second mark next to the ₽ an amount field shows).
    format = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'narrowSymbol' });
    formatters.set(key, format);
  }
  return format;
}

/** Money from integer minor units, in the venue's currency and the UI's locale ("590,00 ₽", "₽590.00"). */
export function formatMoney(minor: number, currency = 'RUB', language: string = DEFAULT_LANGUAGE): string {
  const format = moneyFormat(currency, language);
  const digits = currencyDigits(currency);
  return format.format(minor / 10 ** digits);
}

/** The same amount without its currency mark ("590,00", "590.00"): for places that show the mark themselves. */
export function formatAmount(minor: number, currency = 'RUB', language: string = DEFAULT_LANGUAGE): string {
  const format = moneyFormat(currency, language);
  const digits = currencyDigits(currency);
  return format
    .formatToParts(minor / 10 ** digits)
    .filter((p) => p.type !== 'currency' && p.type !== 'literal')
    .map((p) => p.value)
    .join('')
    .trim();
}

/** The mark of a currency as the UI shows it ("₽"), in every language. */
export function currencyMark(currency = 'RUB', language: string = DEFAULT_LANGUAGE): string {
  return moneyFormat(currency, language).formatToParts(0).find((p) => p.type === 'currency')?.value ?? currency;
}

/** Parses what a cashier types ("1 250,50") into minor units; null when it is not a number. */
export function parseMoney(text: string, currency = 'RUB'): number | null {
  const cleaned = text.replace(/\s/g, '').replace(',', '.');
  const digits = currencyDigits(currency);
  if (!new RegExp(`^\\d+(\\.\\d{0,${digits}})?$`).test(cleaned)) return null;
  return Math.round(Number(cleaned) * 10 ** digits);
}
