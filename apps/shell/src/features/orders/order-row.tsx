import { type Order, type OrderStatus, zonedTime } from '@pos/contracts';
import { formatMoney } from '@pos/i18n';
import { Badge, type BadgeTone } from '@pos/ui';
import { memo, useMemo, useState } from 'react';
import { navigate, orderPath } from '../../core/router';
import { Slot } from '../../core/plugin-host/slot';
import { hasTakenMoney } from './order-list';
import styles from './orders-screen.module.css';
import { useSeen } from './use-seen';

const STATUS_TONE: Record<OrderStatus, BadgeTone> = { open: 'info', paid: 'success', void: 'neutral' };

/** Words a row needs, translated once for the whole list (not a translation hook per row). */
export interface RowLabels {
  noTable: string;
  /** Where a delivery partner's order goes instead of a table. */
  delivery: (partner: string) => string;
  status: Record<OrderStatus, string>;
}

export interface OrderRowProps {
  order: Order;
  currency: string;
  timeZone: string;
  language: string;
  labels: RowLabels;
  /** Some remote contributes row actions: the column is there for every row. */
  hasActions: boolean;
}

/**
 * One order of the list; tapping it opens the order (read-only once paid or voided). Memoised:
 * a refetch keeps unchanged orders as the same objects, so only changed rows render again.
 */
export const OrderRow = memo(function OrderRow({ order, currency, timeZone, language, labels, hasActions }: OrderRowProps) {
  const money = (v: number) => formatMoney(v, currency, language);
  // Once mounted, the actions stay while the row does: a refund that gives everything back must
  // not unmount the remote's dialog in the middle (it shows the slip after the order refreshed).
  const [isActionable, setActionable] = useState(() => hasTakenMoney(order));
  if (!isActionable && hasTakenMoney(order)) setActionable(true);
  const n = order.number;
  return (
    <li className={styles.row} data-testid={`orders-row-${n}`} data-order-id={order.id} data-status={order.status}>
      <button type="button" className={styles.rowMain} onClick={() => navigate(orderPath(order.id, window.location.pathname + window.location.search))} data-testid={`orders-open-${n}`}>
        <span className={styles.number}>{n}</span>
        <span className={order.tableLabel === null ? styles.muted : undefined} data-testid={`orders-row-${n}-table`}>
          {order.tableLabel ?? (order.delivery ? labels.delivery(order.delivery.partnerName) : labels.noTable)}
        </span>
        <span className={styles.ellipsis} data-testid={`orders-row-${n}-waiter`}>
          {order.waiterName}
        </span>
        <span className={styles.time} data-testid={`orders-row-${n}-opened`}>
          {zonedTime(order.createdAt, timeZone)}
        </span>
        <span className={styles.amount} data-testid={`orders-row-${n}-total`}>
          {money(order.total)}
        </span>
        <span className={styles.amount} data-testid={`orders-row-${n}-paid`}>
          {money(order.paid)}
        </span>
        <span className={`${styles.amount} ${order.due > 0 && order.status === 'open' ? styles.due : styles.muted}`} data-testid={`orders-row-${n}-due`}>
          {/* A settled bill owes nothing, even after a refund took its paid amount down. */}
          {order.status === 'open' ? money(order.due) : '—'}
        </span>
        <span>
          <Badge tone={STATUS_TONE[order.status]} data-testid={`orders-row-${n}-status`}>
            {labels.status[order.status]}
          </Badge>
        </span>
      </button>
      {hasActions && <ActionsCell order={order} isActionable={isActionable} />}
    </li>
  );
});

/** The actions column of a row: its parcels mount once the row comes near the viewport. */
function ActionsCell({ order, isActionable }: { order: Order; isActionable: boolean }) {
  const [ref, isSeen] = useSeen();
  return (
    <div ref={ref} className={styles.actions} data-testid={`orders-row-${order.number}-actions`}>
      {isActionable && isSeen && <RowActions order={order} />}
    </div>
  );
}

/** The remotes' actions on an order that took money (the payments remote's refund). */
const RowActions = memo(function RowActions({ order }: { order: Order }) {
  const context = useMemo(() => ({ order }), [order]);
  return <Slot name="orders.row-actions" context={context} className={styles.slot} />;
});
