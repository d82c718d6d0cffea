import type { ReactNode } from 'react';
import styles from './field.module.css';

export interface ChoiceGroupProps<T extends string> {
  label?: string;
  options: { value: T; label: ReactNode; testId?: string }[];
  value: T;
  onChange(value: T): void;
}

/** A row of large buttons to pick one value (roles, filters): easier on a tablet than a <select>. */
export function ChoiceGroup<T extends string>({ label, options, value, onChange }: ChoiceGroupProps<T>) {
  return (
    <div className={styles.field}>
      {label && <span className={styles.label}>{label}</span>}
      <div role="radiogroup" aria-label={label} className={styles.choices}>
        {options.map((o) => (
          <button
            key={o.value}
            type="button"
            role="radio"
            aria-checked={o.value === value}
            className={`${styles.choice} ${o.value === value ? styles.chosen : ''}`}
            onClick={() => onChange(o.value)}
            data-testid={o.testId}
          >
            {o.label}
          </button>
        ))}
      </div>
    </div>
  );
}

export interface ChipGroupProps {
  chips: { key: string; label: ReactNode; isOn: boolean; testId?: string }[];
  onToggle(key: string): void;
}

/** One-tap words that fill a field beside them (a void reason, a kitchen note): each says whether it is in. */
export function ChipGroup({ chips, onToggle }: ChipGroupProps) {
  return (
    <div className={styles.choices}>
      {chips.map((c) => (
        <button
          key={c.key}
          type="button"
          aria-pressed={c.isOn}
          className={`${styles.choice} ${styles.chip} ${c.isOn ? styles.chosen : ''}`}
          onClick={() => onToggle(c.key)}
          data-testid={c.testId}
        >
          {c.label}
        </button>
      ))}
    </div>
  );
}
