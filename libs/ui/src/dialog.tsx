import { type ReactNode, useEffect, useId, useRef } from 'react';
import { Button } from './button';
import styles from './dialog.module.css';
import { Spinner } from './spinner';

export interface DialogProps {
  title: ReactNode;
  children: ReactNode;
  /** Usually `DialogActions`. */
  footer?: ReactNode;
  onClose(): void;
  closeLabel?: string;
  /** A form's width (560, 720 or 820 px, less on a narrow screen), its parts one under another. */
  size?: 'small' | 'medium' | 'large';
  /** On the body, where the dialog's content is. */
  testId?: string;
}

/** Open dialogs, the last opened last: Escape closes only the topmost one. */
const openDialogs: { current: HTMLDivElement | null }[] = [];

/** The last opened dialog that holds no other open dialog (a child mounts before its parent). */
function topmost() {
  const inner = openDialogs.filter((d) => !openDialogs.some((o) => o !== d && o.current && d.current?.contains(o.current)));
  return inner[inner.length - 1];
}

/**
 * A modal dialog named by its title. Escape, the × and a tap on the backdrop call `onClose`
 * (a dialog that must stay open while it works ignores that call, as with the other two).
 */
export function Dialog({ title, children, footer, onClose, closeLabel = '×', size, testId }: DialogProps) {
  const titleId = useId();
  const close = useRef(onClose);
  close.current = onClose;
  const self = useRef<HTMLDivElement | null>(null);

  useEffect(() => {
    openDialogs.push(self);
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || e.isComposing) return;
      if (topmost() !== self) return;
      e.preventDefault();
      close.current();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      openDialogs.splice(openDialogs.indexOf(self), 1);
    };
  }, []);

  return (
    <div className={styles.backdrop} onClick={onClose}>
      <div ref={self} role="dialog" aria-modal="true" aria-labelledby={titleId} className={styles.dialog} onClick={(e) => e.stopPropagation()}>
        <div className={styles.header}>
          <h2 id={titleId} className={styles.title}>
            {title}
          </h2>
          <Button variant="ghost" onClick={onClose} aria-label={closeLabel}>
            ×
          </Button>
        </div>
        <div className={[styles.body, size && styles.form, size && styles[size]].filter(Boolean).join(' ')} data-testid={testId}>
          {children}
        </div>
        {footer && <div className={styles.footer}>{footer}</div>}
      </div>
    </div>
  );
}

export interface DialogActionsProps {
  onCancel(): void;
  cancelLabel: ReactNode;
  /** Without it the confirm button submits `form`. */
  onConfirm?(): void;
  /** The id of the form the confirm button submits (its fields' Enter submits it too). */
  form?: string;
  confirmLabel: ReactNode;
  /** `danger` for what cannot be taken back (a void, a refund). */
  tone?: 'primary' | 'danger';
  isDisabled?: boolean;
  /** While the confirmed action runs: both buttons wait, the confirm one shows a spinner. */
  isBusy?: boolean;
  /** Why the confirm button is off, at the start of the footer ("choose a side"). */
  hint?: ReactNode;
  /** An action of its own before cancel (e.g. "remove the split"). */
  extra?: ReactNode;
  confirmTestId?: string;
  cancelTestId?: string;
}

/** The common dialog footer: an optional hint and extra action, cancel, then the one confirm button. */
export function DialogActions({ onCancel, cancelLabel, onConfirm, form, confirmLabel, tone = 'primary', isDisabled, isBusy, hint, extra, confirmTestId, cancelTestId }: DialogActionsProps) {
  return (
    <>
      {hint && <span className={styles.hint}>{hint}</span>}
      {extra}
      <Button size="large" disabled={isBusy} onClick={onCancel} data-testid={cancelTestId}>
        {cancelLabel}
      </Button>
      <Button
        size="large"
        variant={tone}
        type={form ? 'submit' : 'button'}
        form={form}
        disabled={isDisabled || isBusy}
        aria-busy={isBusy || undefined}
        onClick={onConfirm}
        className={styles.confirm}
        data-testid={confirmTestId}
      >
        {isBusy && (
          <span aria-hidden="true">
            <Spinner size={18} />
          </span>
        )}
        {confirmLabel}
      </Button>
    </>
  );
}
