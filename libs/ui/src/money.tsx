import { formatMoney } from '@pos/i18n';
import { useTranslation } from 'react-i18next';

/** An amount of minor units in the venue's currency, formatted for the UI language. */
export function Money({ value, currency = 'RUB' }: { value: number; currency?: string }) {
  const { i18n } = useTranslation();
  return <span style={{ whiteSpace: 'nowrap' }}>{formatMoney(value, currency, i18n.language)}</span>;
}
