import { formatMoney } from '@pos/i18n';

/**
 * An amount as a promotion names it: whole amounts without their zero kopecks («350 ₽», "₽350"),
 * others as the till shows money («1 250,50 ₽»).
 */
export function promotionMoney(minor: number, currency: string, language: string): string {
  const text = formatMoney(minor, currency, language);
  return text.replace(/[.,]0+(?=[^\d]*$)/, '');
}
