import { type ReactNode, useEffect, useId, useRef } from 'react';
import { Button } from './button';
import styles from './dialog.module.css';

export interface DialogProps {
  title: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
  onClose(): void;
  closeLabel?: string;
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
export function Dialog({ title, children, footer, onClose, closeLabel = '×' }: DialogProps) {
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
        <div className={styles.body}>{children}</div>
        {footer && <div className={styles.footer}>{footer}</div>}
      </div>
    </div>
  );
}
