import { Money } from '@pos/ui';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import styles from './money-keypad.module.css';
import { type KeypadKey, parseAmount } from './shift-rules';

const KEYS: KeypadKey[] = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'decimal', '0', 'back'];

/** Digits for the amount field that is active: the tablet's own keyboard would cover half the screen. */
export function MoneyKeypad({ onKey, disabled }: { onKey(key: KeypadKey, separator: ',' | '.'): void; disabled?: boolean }) {
  const { t, i18n } = useTranslation('shift');
  const separator = decimalSeparator(i18n.language);
  return (
    <div className={styles.keypad} role="group" aria-label={t('keypad.label')}>
      {KEYS.map((key) => (
        <button
          key={key}
          type="button"
          className={`${styles.key} ${key === 'back' ? styles.keyBack : ''}`}
          disabled={disabled}
          aria-label={key === 'back' ? t('keypad.back') : undefined}
          // Keep the focus (and the on-screen keyboard, if any) where it is.
          onPointerDown={(e) => e.preventDefault()}
          onClick={() => onKey(key, separator)}
        >
          {key === 'back' ? '⌫' : key === 'decimal' ? separator : key}
        </button>
      ))}
    </div>
  );
}

export interface MoneyFieldProps {
  label: string;
  value: string;
  currency: string;
  isActive: boolean;
  onChange(value: string): void;
  onActivate(): void;
  testId: string;
  autoFocus?: boolean;
}

/**
 * An amount typed on the keypad or a keyboard ("5000", "5 000,50"), with what it will book shown
 * under it, so a slip of a digit is seen before the button is pressed.
 */
export function MoneyField({ label, value, currency, isActive, onChange, onActivate, testId, autoFocus }: MoneyFieldProps) {
  const { t } = useTranslation('shift');
  const id = useId();
  const amount = parseAmount(value, currency);
  const isInvalid = value.trim() !== '' && amount === null;
  return (
    <div className={`${styles.field} ${isActive ? styles.fieldActive : ''} ${isInvalid ? styles.fieldInvalid : ''}`} onClick={onActivate}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      <input
        id={id}
        className={styles.input}
        inputMode="decimal"
        autoComplete="off"
        placeholder="0"
        value={value}
        autoFocus={autoFocus}
        onFocus={onActivate}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={isInvalid}
        data-testid={testId}
      />
      <div className={styles.preview} aria-live="polite">
        {isInvalid ? t('form.invalidAmount') : amount !== null ? <Money value={amount} currency={currency} /> : '\u00a0'}
      </div>
    </div>
  );
}

/** The decimal separator of the UI language: the cashier presses what the receipts print. */
export function decimalSeparator(language: string): ',' | '.' {
  return language === 'en' ? '.' : ',';
}
