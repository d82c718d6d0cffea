import type { InputHTMLAttributes, ReactNode } from 'react';
import { Field, inputClass } from './field';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'children'> {
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  /** Something beside the input, e.g. a "Generate" button. */
  addon?: ReactNode;
  /** Class of the field around the input (`className` goes on the input). */
  fieldClassName?: string;
}

/** A labelled text input with its hint or error (see `Field`); other props go on the input. */
export function TextField({ label, hint, error, addon, id, className, fieldClassName, ...input }: TextFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} addon={addon} id={id} className={fieldClassName}>
      {(control) => <input {...input} {...control} className={[inputClass, className].filter(Boolean).join(' ')} />}
    </Field>
  );
}
