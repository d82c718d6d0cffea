import type { Order } from '@pos/contracts';
import { Money } from '@pos/ui';
import type { ReactNode } from 'react';
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
          {/* Keyed by the count: a new element replays the pop each time a dish lands. */}
          <span key={count} className={`${styles.count} ${count > 0 ? styles.countPop : ''}`} aria-label={t('panes.items', { count })}>
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
