import type { ReactNode } from 'react';
import styles from './tabs.module.css';

export interface TabItem<T extends string = string> {
  id: T;
  label: ReactNode;
  /** A count or short status shown beside the label. */
  badge?: ReactNode;
  /** A colour stripe on the tab's edge (e.g. the menu category colour). */
  color?: string;
  testId?: string;
}

export interface TabsProps<T extends string> {
  items: readonly TabItem<T>[];
  value: T | null;
  onChange(id: T): void;
  orientation?: 'horizontal' | 'vertical';
  'aria-label'?: string;
  className?: string;
}

/** Touch tabs: halls on the floor map, categories of the menu. Scrolls when they do not fit. */
export function Tabs<T extends string>({ items, value, onChange, orientation = 'horizontal', className, ...aria }: TabsProps<T>) {
  return (
    <div role="tablist" aria-orientation={orientation} aria-label={aria['aria-label']} className={[styles.tabs, orientation === 'vertical' && styles.vertical, className].filter(Boolean).join(' ')}>
      {items.map((item) => {
        const selected = item.id === value;
        return (
          <button
            key={item.id}
            type="button"
            role="tab"
            aria-selected={selected}
            data-testid={item.testId}
            className={`${styles.tab} ${selected ? styles.active : ''}`}
            onClick={() => onChange(item.id)}
          >
            {item.color && <span className={styles.stripe} style={{ background: item.color }} aria-hidden />}
            <span>{item.label}</span>
            {item.badge !== undefined && item.badge !== null && <span className={styles.badge}>{item.badge}</span>}
          </button>
        );
      })}
    </div>
  );
}
