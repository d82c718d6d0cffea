import type { ReactNode } from 'react';
import styles from './section.module.css';

/** One admin section: a fixed header (title, description, actions) over a scrolling body. */
export interface SectionProps {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  /** Shown under the header, outside the scrolling body, so it stays in view (e.g. a save error). */
  notice?: ReactNode;
  children: ReactNode;
  testId?: string;
}

export function Section({ title, description, actions, notice, children, testId }: SectionProps) {
  return (
    <section className={styles.section} data-testid={testId}>
      <header className={styles.header}>
        <div>
          <h2 className={styles.title}>{title}</h2>
          {description && <p className={styles.description}>{description}</p>}
        </div>
        {actions && <div className={styles.actions}>{actions}</div>}
      </header>
      {notice && <div className={styles.pinned}>{notice}</div>}
      <div className={styles.body}>{children}</div>
    </section>
  );
}

export function Notice({ kind = 'info', action, children }: { kind?: 'info' | 'warning' | 'error'; action?: ReactNode; children: ReactNode }) {
  return (
    <div role={kind === 'error' ? 'alert' : 'status'} className={`${styles.notice} ${styles[kind]}`}>
      <span>{children}</span>
      {action}
    </div>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <div className={styles.empty}>{children}</div>;
}

export function Pill({ tone = 'neutral', children }: { tone?: 'neutral' | 'success' | 'warning' | 'danger' | 'primary'; children: ReactNode }) {
  const toneClass = { neutral: styles.pillNeutral, success: styles.pillSuccess, warning: styles.pillWarning, danger: styles.pillDanger, primary: styles.pillPrimary }[tone];
  return <span className={`${styles.pill} ${toneClass}`}>{children}</span>;
}
