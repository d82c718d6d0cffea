import type { Order } from '@pos/contracts';
import { Money } from '@pos/ui';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import styles from './pane-switch.module.css';

export type OrderPane = 'order' | 'menu';

/** Portions on the order that still count (voided ones do not): what the «Заказ» tab shows. */
export const activeItemCount = (order: Pick<Order, 'lines'>): number => order.lines.reduce((sum, l) => sum + l.quantity - l.voidedQuantity, 0);

export const paneId = (pane: OrderPane) => `order-pane-${pane}`;

export interface PaneSwitchProps {
  order: Order;
  currency: string;
  pane: OrderPane;
  onChange(pane: OrderPane): void;
}

/**
 * Portrait tablets show the order screen one pane at a time: this switch, above the pane, says
 * what the order holds (portions and total) while the menu is open, and its count pops on every
 * dish added, so the waiter sees each tap land without leaving the menu. Hidden in landscape,
 * where both panes stand side by side (order-screen.module.css).
 */
export function PaneSwitch({ order, currency, pane, onChange }: PaneSwitchProps) {
  const { t } = useTranslation('order');
  const count = activeItemCount(order);
  const pop = usePop(count);
  const tab = (id: OrderPane, content: ReactNode, extra: Record<string, unknown> = {}) => (
    <button
      type="button"
      role="tab"
      id={`${paneId(id)}-tab`}
      aria-selected={pane === id}
      aria-controls={paneId(id)}
      className={`${styles.tab} ${pane === id ? styles.active : ''}`}
      onClick={() => onChange(id)}
      data-testid={`pane-${id}`}
      {...extra}
    >
      {content}
    </button>
  );
  return (
    <div role="tablist" aria-label={t('panes.label')} className={styles.switch} data-testid="pane-switch">
      {tab(
        'order',
        <>
          <span className={styles.name}>{t('panes.order')}</span>
          <span className={`${styles.count} ${pop}`} aria-label={t('panes.items', { count })} data-testid="pane-order-count">
            {count}
          </span>
          <span className={styles.total} data-testid="pane-order-total">
            <Money value={order.total} currency={currency} />
          </span>
        </>,
        { 'data-count': count },
      )}
      {tab('menu', <span className={styles.name}>{t('panes.menu')}</span>)}
    </div>
  );
}

/**
 * The count's pop, replayed each time the count changes. The badge stays the same element: it
 * used to be a new one per count (keyed), and a dish landing while a finger was on the tab
 * replaced the very element the tap began on, so the browser dropped the tap (no click after a
 * mousedown target leaves the page) and the waiter stayed on the menu. Two animation names take
 * turns instead: a new name restarts the animation on the same element.
 */
function usePop(count: number): string {
  const [seen, setSeen] = useState({ count, changes: 0 });
  // The count the badge last showed, kept in state (React's "adjust state while rendering").
  if (seen.count !== count) setSeen({ count, changes: seen.changes + 1 });
  if (seen.changes === 0 || count === 0) return '';
  return seen.changes % 2 === 1 ? styles.popOdd : styles.popEven;
}
