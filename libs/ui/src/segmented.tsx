import type { ReactNode } from 'react';
import styles from './segmented.module.css';

export interface SegmentedOption<T extends string | number> {
  value: T;
  label: ReactNode;
  disabled?: boolean;
  testId?: string;
}

export interface SegmentedProps<T extends string | number> {
  options: readonly SegmentedOption<T>[];
  value: T | null;
  onChange(value: T): void;
  block?: boolean;
  'aria-label'?: string;
}

/** One choice out of a few (course 1–3, payment method, tip): a radio group that looks like a switch. */
export function Segmented<T extends string | number>({ options, value, onChange, block, ...aria }: SegmentedProps<T>) {
  return (
    <div role="radiogroup" aria-label={aria['aria-label']} className={`${styles.group} ${block ? styles.block : ''}`}>
      {options.map((o) => (
        <button
          key={String(o.value)}
          type="button"
          role="radio"
          aria-checked={o.value === value}
          disabled={o.disabled}
          data-testid={o.testId}
          className={`${styles.option} ${o.value === value ? styles.selected : ''}`}
          onClick={() => onChange(o.value)}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
