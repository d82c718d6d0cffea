import { problemCode, problemText } from '@pos/i18n';
import type { TFunction } from 'i18next';

/**
 * The sentence the cashier reads for a refused loyalty call: this remote's own text for its
 * problem code where it says more than the shared one (why a QR code is refused, what to ask the
 * guest for), the shared problem text otherwise — never the server's English title.
 */
export function loyaltyProblemText(t: TFunction, error: unknown): string {
  const code = problemCode(error);
  if (code && /^[a-z_]+\.[a-z_]+$/.test(code)) {
    const key = `problems.${code}`;
    const text = t(key, { ns: 'loyalty', defaultValue: '' });
    if (text) return text;
  }
  return problemText(t, error);
}
