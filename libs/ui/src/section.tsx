import { type ReactNode, useId } from 'react';
import styles from './section.module.css';

export interface SectionProps {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  /** Shown under the header, outside the scrolling body, so it stays in view (e.g. a save error). */
  notice?: ReactNode;
  children: ReactNode;
  testId?: string;
}

/**
 * A screen's titled part (an Admin page, a settings form): a fixed header (title, description,
 * actions) over a scrolling body.
 */
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

export interface FieldGroupProps {
  title: ReactNode;
  /** Beside the title: what the group asks for ("required · pick 1"). */
  hint?: ReactNode;
  children: ReactNode;
  className?: string;
  testId?: string;
}

/** A titled group of fields in a form or a dialog, named by its title. */
export function FieldGroup({ title, hint, children, className, testId }: FieldGroupProps) {
  const titleId = useId();
  return (
    <section aria-labelledby={titleId} className={[styles.group, className].filter(Boolean).join(' ')} data-testid={testId}>
      <div className={styles.groupHead}>
        <h3 id={titleId} className={styles.groupTitle}>
          {title}
        </h3>
        {hint}
      </div>
      {children}
    </section>
  );
}

/** A screen or a list with nothing to show (yet): loading, empty, no access. */
export function EmptyState({ children }: { children: ReactNode }) {
  return <div className={styles.empty}>{children}</div>;
}

/** The look of a group's hint, for hints built outside `FieldGroup`. */
export const groupHintClass = styles.groupHint;
