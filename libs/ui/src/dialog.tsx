import type { ReactNode } from 'react';
import { Button } from './button';
import styles from './dialog.module.css';

export interface DialogProps {
  title: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
  onClose(): void;
  closeLabel?: string;
}

export function Dialog({ title, children, footer, onClose, closeLabel = '×' }: DialogProps) {
  return (
    <div className={styles.backdrop} onClick={onClose}>
      <div role="dialog" aria-modal="true" className={styles.dialog} onClick={(e) => e.stopPropagation()}>
        <div className={styles.header}>
          <span>{title}</span>
          <Button variant="ghost" onClick={onClose} aria-label={closeLabel}>
            ×
          </Button>
        </div>
        <div className={styles.body}>{children}</div>
        {footer && <div className={styles.footer}>{footer}</div>}
      </div>
    </div>
  );
}
