import { useEffect, useState } from 'react';
import styles from './pin-pad.module.css';

export interface PinPadProps {
  length?: number;
  disabled?: boolean;
  onComplete(pin: string): void;
  /** Changes when the caller wants the pad cleared (e.g. after a wrong PIN). */
  resetKey?: unknown;
  labels?: { clear: string; erase: string };
}

/** Numeric PIN entry for tablets; also accepts the keyboard's digits. */
export function PinPad({ length = 4, disabled, onComplete, resetKey, labels = { clear: 'C', erase: '⌫' } }: PinPadProps) {
  const [pin, setPin] = useState('');
  useEffect(() => setPin(''), [resetKey]);

  const press = (digit: string) => {
    if (disabled) return;
    setPin((current) => {
      if (current.length >= length) return current;
      const next = current + digit;
      if (next.length === length) queueMicrotask(() => onComplete(next));
      return next;
    });
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (/^\d$/.test(e.key)) press(e.key);
      else if (e.key === 'Backspace') setPin((p) => p.slice(0, -1));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <div>
      <div className={styles.dots} aria-label={`${pin.length} / ${length}`}>
        {Array.from({ length }, (_, i) => (
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
      </div>
    </div>
  );
}
