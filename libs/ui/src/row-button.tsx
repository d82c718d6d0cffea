import type { ReactNode } from 'react';
import styles from './row-button.module.css';

export interface RowButtonProps {
  /** What the row is, in bold ("№12"). */
  lead: ReactNode;
  /** A muted line that is cut with an ellipsis ("Стол 5 · Анна"). */
  detail?: ReactNode;
  /** Usually a `<Money>`. */
  amount?: ReactNode;
  onClick(): void;
  testId?: string;
}

/** A row of a short list that opens what it names (an open check, an expired card hold). */
export function RowButton({ lead, detail, amount, onClick, testId }: RowButtonProps) {
  return (
    <button type="button" className={styles.row} onClick={onClick} data-testid={testId}>
      <span className={styles.lead}>{lead}</span>
      <span className={styles.detail}>{detail}</span>
      <span className={styles.amount}>{amount}</span>
      <span className={styles.go} aria-hidden="true">
        ›
      </span>
    </button>
  );
}
