import { type ReactNode, useId } from 'react';
import styles from './field.module.css';

/** What a field hands its control so the label, hint and error belong to it. */
export interface FieldControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}

export interface FieldProps {
  label: ReactNode;
  /** Shown under the control while there is no error. */
  hint?: ReactNode;
  /** Replaces the hint; the control is marked invalid and described by it. */
  error?: ReactNode;
  /** A labelable control (input, select) rendered with the ids it needs; or any content, then the
   * field is a group named by its label (a stepper, a row of chips). */
  children: ((control: FieldControlProps) => ReactNode) | ReactNode;
  /** Something beside the control, e.g. a "Generate" or "All" button. */
  addon?: ReactNode;
  /** A required answer not given yet: the label turns red (the confirm button says the rest). */
  isMissing?: boolean;
  id?: string;
  className?: string;
  testId?: string;
}

/**
 * A label over a control with its hint or error under it. The error is tied to the control by
 * `aria-describedby` and `aria-invalid`, so a screen reader reads it when the control is focused;
 * it is not an alert, the form's own summary is.
 */
export function Field({ label, hint, error, children, addon, isMissing, id: givenId, className, testId }: FieldProps) {
  const ownId = useId();
  const id = givenId ?? ownId;
  const noteId = `${id}-note`;
  const note = error ? (
    <div id={noteId} className={styles.error}>
      {error}
    </div>
  ) : hint ? (
    <div id={noteId} className={styles.hint}>
      {hint}
    </div>
  ) : null;
  const classes = [styles.field, className].filter(Boolean).join(' ');
  const labelClass = `${styles.label} ${isMissing ? styles.missing : ''}`;

  const isGroup = typeof children !== 'function';
  const labelId = `${id}-label`;
  const describedBy = note ? noteId : undefined;
  const content = isGroup ? children : children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined });
  // A labelable control gets a <label for>; anything else makes the field a group named by its label.
  return (
    <div role={isGroup ? 'group' : undefined} aria-labelledby={isGroup ? labelId : undefined} aria-describedby={isGroup ? describedBy : undefined} className={classes} data-testid={testId}>
      {isGroup ? (
        <span id={labelId} className={labelClass}>
          {label}
        </span>
      ) : (
        <label htmlFor={id} className={labelClass}>
          {label}
        </label>
      )}
      {addon ? (
        <div className={styles.row}>
          {content}
          {addon}
        </div>
      ) : (
        content
      )}
      {note}
    </div>
  );
}

/** The look of a plain text input, for inputs that sit outside a `Field` (a row's inline input). */
export const inputClass = styles.input;
/** The look of a field's error, for errors shown outside a `Field` (under a row of inputs). */
export const fieldErrorClass = styles.error;
