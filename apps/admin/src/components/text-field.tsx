import { type InputHTMLAttributes, type ReactNode, useId } from 'react';
import styles from './form.module.css';

export interface TextFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  error?: string | null;
  hint?: ReactNode;
  /** Something beside the input, e.g. a "Generate" button. */
  addon?: ReactNode;
}

export function TextField({ label, error, hint, addon, className, ...input }: TextFieldProps) {
  const id = useId();
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      <div className={styles.row}>
        <input id={id} className={`${styles.input} ${error ? styles.invalid : ''} ${className ?? ''}`} aria-invalid={Boolean(error)} {...input} />
        {addon}
      </div>
      {error ? <div className={styles.error}>{error}</div> : hint ? <div className={styles.hint}>{hint}</div> : null}
    </div>
  );
}

/** A row of large buttons to pick one value (roles, filters): easier on a tablet than a <select>. */
export function ChoiceGroup<T extends string>({ label, options, value, onChange }: { label?: string; options: { value: T; label: string }[]; value: T; onChange(value: T): void }) {
  return (
    <div className={styles.field}>
      {label && <span className={styles.label}>{label}</span>}
      <div role="radiogroup" aria-label={label} className={styles.choices}>
        {options.map((o) => (
          <button key={o.value} type="button" role="radio" aria-checked={o.value === value} className={`${styles.choice} ${o.value === value ? styles.chosen : ''}`} onClick={() => onChange(o.value)}>
            {o.label}
          </button>
        ))}
      </div>
    </div>
  );
}
