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
}

export function ToastStack({ toasts, onDismiss, onOpen }: ToastStackProps) {
  const tap = (toast: Toast) => {
    if (toast.href && onOpen) onOpen(toast);
    onDismiss(toast.id);
  };
  return (
    <div className={styles.stack} aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} role="status" className={styles.item}>
          <button
            type="button"
            data-testid="toast"
            data-href={t.href}
            className={`${styles.toast} ${styles[t.kind] ?? ''} ${t.href ? styles.link : ''}`}
            onClick={() => tap(t)}
          >
            {t.message}
          </button>
        </div>
      ))}
    </div>
  );
}
