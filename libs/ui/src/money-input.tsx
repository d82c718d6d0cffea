import { currencyDigits } from '@pos/contracts/rules';
import { currencyMark, parseMoney } from '@pos/i18n';
import { useEffect, useRef, useState } from 'react';
import styles from './money-input.module.css';

export interface MoneyInputProps {
  /** Minor units; null when empty or not a number. */
  value: number | null;
  onChange(value: number | null): void;
  currency?: string;
  placeholder?: string;
  testId?: string;
  'aria-label'?: string;
  /** Set by `MoneyField`, which labels and describes the input. */
  id?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
  autoFocus?: boolean;
}

/** The plain text a cashier would type for an amount: "1250" or "1250,5". */
export function moneyToText(minor: number, currency = 'RUB'): string {
  const digits = currencyDigits(currency);
  const whole = Math.floor(minor / 10 ** digits);
  const rest = minor % 10 ** digits;
  return rest === 0 ? String(whole) : `${whole},${String(rest).padStart(digits, '0').replace(/0+$/, '')}`;
}

/**
 * A hint without the currency's marks: the field shows the mark beside it, so a formatted amount
 * passed as the placeholder ("₽590.00", "RUB 590.00") would read "₽590.00 ₽".
 */
export function withoutMark(text: string, currency = 'RUB'): string {
  const marks = new Set([currency, currencyMark(currency)]);
  for (const locale of ['en-GB', 'ru-RU']) {
    const part = new Intl.NumberFormat(locale, { style: 'currency', currency }).formatToParts(0).find((p) => p.type === 'currency');
    if (part) marks.add(part.value);
  }
  let out = text;
  for (const mark of [...marks].sort((a, b) => b.length - a.length)) out = out.split(mark).join('');
  return out.replace(/^[\s\u00a0\u202f]+|[\s\u00a0\u202f]+$/g, '');
}

/**
 * An amount field for tablets (decimal keypad). Keeps what the cashier typed while it parses to
 * the same amount, and shows a new value set from outside (quick-cash buttons).
 */
export function MoneyInput({ value, onChange, currency = 'RUB', placeholder = '0', testId, autoFocus, id, ...aria }: MoneyInputProps) {
  const [text, setText] = useState(value === null ? '' : moneyToText(value, currency));
  const emitted = useRef<number | null>(value);

  useEffect(() => {
    if (value !== emitted.current) {
      emitted.current = value;
      setText(value === null ? '' : moneyToText(value, currency));
    }
  }, [value, currency]);

  const parsed = text.trim() === '' ? null : parseMoney(text, currency);
  const symbol = currencyMark(currency);

  return (
    <div className={styles.wrap}>
      <input
        id={id}
        className={`${styles.input} ${(text.trim() !== '' && parsed === null) || aria['aria-invalid'] ? styles.invalid : ''}`}
        inputMode="decimal"
        value={text}
        placeholder={withoutMark(placeholder, currency)}
        aria-label={aria['aria-label']}
        aria-describedby={aria['aria-describedby']}
        aria-invalid={aria['aria-invalid']}
        data-testid={testId}
        autoFocus={autoFocus}
        onFocus={(e) => e.target.select()}
        onChange={(e) => {
          setText(e.target.value);
          const next = e.target.value.trim() === '' ? null : parseMoney(e.target.value, currency);
          emitted.current = next;
          onChange(next);
        }}
      />
      <span className={styles.currency}>{symbol}</span>
    </div>
  );
}
