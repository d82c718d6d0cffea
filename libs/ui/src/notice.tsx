import type { ReactNode } from 'react';
import styles from './notice.module.css';

export type NoticeKind = 'neutral' | 'info' | 'warning' | 'error';

export interface NoticeProps {
  kind?: NoticeKind;
  /** A button at the end, e.g. "Reload". */
  action?: ReactNode;
  children: ReactNode;
  testId?: string;
}

/** A message in a form or dialog. An error is an alert (read out at once), the rest a status. */
export function Notice({ kind = 'info', action, children, testId }: NoticeProps) {
  return (
    <div role={kind === 'error' ? 'alert' : 'status'} className={`${styles.notice} ${kind === 'neutral' ? '' : styles[kind]}`} data-testid={testId}>
      <div>{children}</div>
      {action}
    </div>
  );
}
