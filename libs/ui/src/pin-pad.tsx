import { useEffect, useState } from 'react';
import styles from './pin-pad.module.css';
import { VisuallyHidden } from './visually-hidden';

export interface PinPadProps {
  /** PINs are 4 to 8 digits (supervisors and admins at least 6): the OK key sends them. */
  minLength?: number;
  maxLength?: number;
  disabled?: boolean;
  onComplete(pin: string): void;
  /** Changes when the caller wants the pad cleared (e.g. after a wrong PIN). */
  resetKey?: unknown;
  /** `progress` says how many digits are in, for screen readers (the dots only show it). */
  labels?: { clear: string; erase: string; submit: string; progress?(digits: number): string };
}

const DEFAULT_LABELS = { clear: 'C', erase: '⌫', submit: 'OK', progress: (digits: number) => `Digits entered: ${digits}` };

/**
 * Numeric PIN entry for tablets; also accepts the keyboard's digits, Backspace and Enter. PINs
 * differ in length, so nothing is sent until OK: a 4-digit PIN must not go out as the first four
 * digits of someone's 6-digit one.
 */
export function PinPad({ minLength = 4, maxLength = 8, disabled, onComplete, resetKey, labels = DEFAULT_LABELS }: PinPadProps) {
  const [pin, setPin] = useState('');
  useEffect(() => setPin(''), [resetKey]);
  const canSubmit = !disabled && pin.length >= minLength;

  const press = (digit: string) => {
    if (disabled) return;
    setPin((current) => (current.length >= maxLength ? current : current + digit));
  };
  const submit = () => {
    if (canSubmit) onComplete(pin);
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (/^\d$/.test(e.key)) press(e.key);
      else if (e.key === 'Backspace') setPin((p) => p.slice(0, -1));
      else if (e.key === 'Enter') submit();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <div>
      {/* The dots are drawn for the eye; a live status reads the same progress out. */}
      <VisuallyHidden role="status">{(labels.progress ?? DEFAULT_LABELS.progress)(pin.length)}</VisuallyHidden>
      <div className={styles.dots} aria-hidden>
        {Array.from({ length: Math.max(minLength, pin.length) }, (_, i) => (
          <span key={i} className={`${styles.dot} ${i < pin.length ? styles.filled : ''}`} />
        ))}
      </div>
      <div className={styles.pad}>
        {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((d) => (
          <button key={d} type="button" className={styles.key} onClick={() => press(d)} disabled={disabled}>
            {d}
          </button>
        ))}
        <button type="button" className={styles.key} onClick={() => setPin('')} disabled={disabled} aria-label={labels.clear}>
          {labels.clear}
        </button>
        <button type="button" className={styles.key} onClick={() => press('0')} disabled={disabled}>
          0
        </button>
        <button type="button" className={styles.key} onClick={() => setPin((p) => p.slice(0, -1))} disabled={disabled} aria-label={labels.erase}>
          {labels.erase}
        </button>
        <button type="button" className={`${styles.key} ${styles.submit}`} onClick={submit} disabled={!canSubmit} data-testid="pin-submit">
          {labels.submit}
        </button>
      </div>
    </div>
  );
}
