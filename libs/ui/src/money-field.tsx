import type { ReactNode } from 'react';
import { Field } from './field';
import { MoneyInput, type MoneyInputProps } from './money-input';

export interface MoneyFieldProps extends Omit<MoneyInputProps, 'aria-label' | 'id' | 'aria-describedby' | 'aria-invalid'> {
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  /** Something beside the amount, e.g. an "All 1 250 ₽" button. */
  addon?: ReactNode;
  className?: string;
}

/** An amount with its label, hint or error: `MoneyInput` inside a `Field`. */
export function MoneyField({ label, hint, error, addon, className, ...input }: MoneyFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} addon={addon} className={className}>
      {(control) => <MoneyInput {...input} {...control} />}
    </Field>
  );
}
