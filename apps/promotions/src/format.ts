import { useTranslation } from '@pos/i18n';
import { useHost, useMenu } from '@pos/plugin-sdk';
import { useMemo } from 'react';
import type { HintTools } from './model/hint-text';
import { promotionMoney } from './model/money';
import { type SummaryTools, shortDate } from './model/rule-summary';

/**
 * Money in the venue's currency, times in its time zone, texts in the UI's language, and the
 * menu's names when the host has the menu: what the summaries and the hints need.
 */
export function useFormat() {
  const { t, i18n } = useTranslation('promotions');
  const { session } = useHost();
  const { currency, timezone } = session.venue;
  const menu = useMenu().data ?? null;
  const language = i18n.language;
  return useMemo(() => {
    const locale = language === 'en' ? 'en-GB' : 'ru-RU';
    const timeFormat = new Intl.DateTimeFormat(locale, { timeZone: timezone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const money = (minor: number) => promotionMoney(minor, currency, language);
    const time = (iso: string | number) => timeFormat.format(new Date(iso));
    const tools: SummaryTools & HintTools = { t: t as SummaryTools['t'], money, time, menu };
    return { t, language, currency, menu, money, time, date: (businessDate: string) => shortDate(businessDate, language), tools };
  }, [t, language, currency, timezone, menu]);
}
