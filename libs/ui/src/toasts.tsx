import { Icon } from './icons';
import styles from './toasts.module.css';

export interface Toast {
  id: string;
  kind: 'info' | 'success' | 'warning' | 'error';
  message: string;
  /** A path opened (through `onOpen`) when the toast is tapped. */
  href?: string;
}

export interface ToastStackProps {
  toasts: Toast[];
  onDismiss(id: string): void;
  /** Called when a toast with an `href` is tapped; the toast is dismissed as well. */
  onOpen?(toast: Toast): void;
  /** The accessible name of each toast's close button (localised by the caller). */
  closeLabel?: string;
}

/**
 * Toasts, bottom left (see the stylesheet): the message is a button (tap opens its screen, if any,
 * and dismisses it), and a separate × closes it without opening anything. The caller auto-dismisses.
 */
export function ToastStack({ toasts, onDismiss, onOpen, closeLabel = 'Close' }: ToastStackProps) {
  const tap = (toast: Toast) => {
    if (toast.href && onOpen) onOpen(toast);
    onDismiss(toast.id);
  };
  return (
    <div className={styles.stack} aria-live="polite" data-testid="toast-stack">
      {toasts.map((t) => (
        <div key={t.id} role="status" className={`${styles.item} ${styles[t.kind] ?? ''}`}>
          <button
            type="button"
            data-testid="toast"
            data-href={t.href}
            className={`${styles.toast} ${t.href ? styles.link : ''}`}
            onClick={() => tap(t)}
          >
            {t.message}
          </button>
          <button type="button" className={styles.close} aria-label={closeLabel} title={closeLabel} data-testid="toast-close" onClick={() => onDismiss(t.id)}>
            <Icon name="close" size={20} />
          </button>
        </div>
      ))}
    </div>
  );
}
