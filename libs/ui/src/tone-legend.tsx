import type { ReactNode } from 'react';
import { type TableTone, tableToneClass } from './table-tones';
import styles from './table-tones.module.css';

export interface ToneLegendItem {
  key: string;
  tone: TableTone;
  label: ReactNode;
  count: number;
  testId?: string;
}

export interface ToneLegendProps {
  items: ToneLegendItem[];
  /** The list's name for screen readers ("Bookings"). */
  label?: string;
  className?: string;
}

/** What the table colours on the floor mean, with how many tables are in each. */
export function ToneLegend({ items, label, className }: ToneLegendProps) {
  return (
    <ul className={[styles.legend, className].filter(Boolean).join(' ')} aria-label={label}>
      {items.map((item) => (
        <li key={item.key} className={styles.legendItem} data-testid={item.testId}>
          <span className={`${styles.swatch} ${tableToneClass(item.tone)}`} />
          {item.label}
          <b>{item.count}</b>
        </li>
      ))}
    </ul>
  );
}
