import { Icon } from './icons';
import styles from './quantity-stepper.module.css';

export interface QuantityStepperProps {
  value: number;
  onChange(next: number): void;
  min?: number;
  max?: number;
  size?: 'normal' | 'large';
  disabled?: boolean;
  labels?: { decrease: string; increase: string };
  testId?: string;
}

/** − value + with 48 px buttons. The caller may allow going below a business minimum and react to it. */
export function QuantityStepper({ value, onChange, min = 0, max = 99, size = 'normal', disabled, labels = { decrease: '−', increase: '+' }, testId }: QuantityStepperProps) {
  return (
    <div className={`${styles.stepper} ${size === 'large' ? styles.large : ''}`} data-testid={testId}>
      <button type="button" className={styles.button} aria-label={labels.decrease} disabled={disabled || value <= min} onClick={() => onChange(value - 1)} data-testid={testId && `${testId}-dec`}>
        <Icon name="minus" size={size === 'large' ? 26 : 20} />
      </button>
      <span className={styles.value} aria-live="polite">
        {value}
      </span>
      <button type="button" className={styles.button} aria-label={labels.increase} disabled={disabled || value >= max} onClick={() => onChange(value + 1)} data-testid={testId && `${testId}-inc`}>
        <Icon name="plus" size={size === 'large' ? 26 : 20} />
      </button>
    </div>
  );
}
