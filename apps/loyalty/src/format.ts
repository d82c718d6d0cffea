import { formatMoney, useTranslation } from '@pos/i18n';
import { useHost } from '@pos/plugin-sdk';

/** Money in the venue's currency, points and dates in the UI's language and the venue's time zone. */
export function useFormat() {
  const { t, i18n } = useTranslation('loyalty');
  const { session } = useHost();
  const { currency, timezone } = session.venue;
  const locale = i18n.language === 'en' ? 'en-GB' : 'ru-RU';
  return {
    currency,
    money: (minor: number) => formatMoney(minor, currency, i18n.language),
    number: (n: number) => new Intl.NumberFormat(locale).format(n),
    points: (count: number) => t('points', { count, n: new Intl.NumberFormat(locale).format(count) }),
    date: (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: timezone }).format(new Date(iso)),
    dateTime: (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', timeZone: timezone }).format(new Date(iso)),
  };
}
