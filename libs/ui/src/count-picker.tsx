import { QuantityStepper } from './quantity-stepper';
import styles from './count-picker.module.css';

export interface CountPickerProps {
  value: number;
  onChange(value: number): void;
  /** One-tap choices; the stepper covers the rest. */
  quick?: readonly number[];
  min?: number;
  max?: number;
  testId?: string;
  labels?: { decrease: string; increase: string };
}

const DEFAULT_QUICK = [1, 2, 3, 4, 5, 6, 7, 8];

/** Picks a small count (guests at a table): quick buttons plus − / + for bigger parties. */
export function CountPicker({ value, onChange, quick = DEFAULT_QUICK, min = 1, max = 99, testId = 'count', labels }: CountPickerProps) {
  return (
    <div className={styles.picker}>
      <div className={styles.quick} role="radiogroup">
        {quick.map((n) => (
          <button
            key={n}
            type="button"
            role="radio"
            aria-checked={n === value}
            className={`${styles.option} ${n === value ? styles.selected : ''}`}
            onClick={() => onChange(n)}
            data-testid={`${testId}-${n}`}
          >
            {n}
          </button>
        ))}
      </div>
      <QuantityStepper value={value} onChange={(n) => onChange(Math.min(max, Math.max(min, n)))} min={min} max={max} size="large" testId={`${testId}-stepper`} labels={labels} />
    </div>
  );
}
