import type { Table } from '@pos/contracts';
import { Icon } from '@pos/ui';
import { useTranslation } from 'react-i18next';
import styles from './table-kitchen-badge.module.css';

/**
 * What the kitchen is doing for a seated table, live: portions ready at the pass (the waiter should
 * go and take them), else portions still cooking. Nothing for a table the kitchen has nothing of.
 */
export function TableKitchenBadge({ table }: { table: Pick<Table, 'label' | 'kitchen'> }) {
  const { t } = useTranslation('floor');
  // A table cached by an older build has no kitchen counts: say nothing rather than guess.
  const kitchen = table.kitchen ?? { cooking: 0, ready: 0 };
  if (kitchen.ready > 0) {
    return (
      <span className={`${styles.badge} ${styles.ready}`} data-testid={`table-${table.label}-kitchen`} data-kitchen="ready" role="status">
        <Icon name="check" size={14} />
        {t('kitchen.ready', { count: kitchen.ready })}
      </span>
    );
  }
  if (kitchen.cooking > 0) {
    return (
      <span className={`${styles.badge} ${styles.cooking}`} data-testid={`table-${table.label}-kitchen`} data-kitchen="cooking">
        <Icon name="fire" size={14} />
        {t('kitchen.cooking', { count: kitchen.cooking })}
      </span>
    );
  }
  return null;
}
