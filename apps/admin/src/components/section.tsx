import type { ReactNode } from 'react';
import styles from './section.module.css';

/** One admin section: a fixed header (title, description, actions) over a scrolling body. */
export function Section({ title, description, actions, children, testId }: { title: ReactNode; description?: ReactNode; actions?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <section className={styles.section} data-testid={testId}>
      <header className={styles.header}>
        <div>
          <h2 className={styles.title}>{title}</h2>
          {description && <p className={styles.description}>{description}</p>}
        </div>
        {actions && <div className={styles.actions}>{actions}</div>}
      </header>
      <div className={styles.body}>{children}</div>
    </section>
  );
}

export function Notice({ kind = 'info', children }: { kind?: 'info' | 'warning' | 'error'; children: ReactNode }) {
  return (
    <div role={kind === 'error' ? 'alert' : 'status'} className={`${styles.notice} ${styles[kind]}`}>
      {children}
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
