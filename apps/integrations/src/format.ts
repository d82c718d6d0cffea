import { formatMoney, useTranslation } from '@pos/i18n';
import { useHost } from '@pos/plugin-sdk';
import { useMemo } from 'react';

/** Money in the venue's currency, times in its time zone, texts in the UI's language. */
export function useFormat() {
  const { t, i18n } = useTranslation('integrations');
  const { session } = useHost();
  const { currency, timezone } = session.venue;
  const language = i18n.language;
  return useMemo(() => {
    const locale = language === 'en' ? 'en-GB' : 'ru-RU';
    const timeFormat = new Intl.DateTimeFormat(locale, { timeZone: timezone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const dateTimeFormat = new Intl.DateTimeFormat(locale, { timeZone: timezone, day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    return {
      t,
      language,
      money: (minor: number) => formatMoney(minor, currency, language),
      time: (at: string | number) => timeFormat.format(new Date(at)),
      dateTime: (at: string | number) => dateTimeFormat.format(new Date(at)),
    };
  }, [t, language, currency, timezone]);
}
