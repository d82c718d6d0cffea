import { useTranslation } from '@pos/i18n';
import { type SlotProps, useConnectivity, useHost } from '@pos/plugin-sdk';
import { Button } from '@pos/ui';
import { type MouseEvent, useState } from 'react';
import { createPortal } from 'react-dom';
import { type PaymentTerminal, tabletTerminal } from '../../terminal';
import { type PendingRefunds, tabletPendingRefunds, usePendingRefunds } from './pending-refunds';
import { RefundDialog } from './refund-dialog';
import { hasMoneyToGiveBack } from './refund-flow';
import styles from './refunds.module.css';

export interface RefundActionProps extends SlotProps<'orders.row-actions'> {
  /** Tests pass their own; in the app the tablet's terminal and its unfinished refunds (in the host storage). */
  terminal?: PaymentTerminal;
  pending?: PendingRefunds;
}

/**
 * The `orders.row-actions` slot: "Refund" on an order that has money to give back (or a refund
 * this tablet left unfinished: a full refund recorded while its answer was lost leaves nothing to
 * give back, yet its slip is due), for staff who may refund — a cashier with a supervisor's inline
 * approval. Refunds need the server, so offline
 * the button says so instead of opening.
 */
export function RefundAction({ context: { order }, terminal, pending }: RefundActionProps) {
  const { t } = useTranslation('payments');
  const host = useHost();
  const isOffline = useConnectivity().state === 'offline';
  const [isOpen, setOpen] = useState(false);
  const [isExplaining, setExplaining] = useState(false);
  // Who takes money may give it back with a supervisor's inline approval (asked in the dialog).
  const mayRefund = host.can('payments.refund') || host.can('payments.take');
  const store = pending ?? tabletPendingRefunds(host.storage);
  const { refunds: unfinished } = usePendingRefunds(store, mayRefund);
  const hasUnfinished = Object.values(unfinished ?? {}).some((r) => r.orderId === order.id);
  // An open dialog stays while the refund's own refresh takes the order's money to zero (the slip).
  const canRefund = mayRefund && (hasMoneyToGiveBack(order) || hasUnfinished);
  if (!canRefund && !isOpen) return null;

  const tap = (e: MouseEvent) => {
    // The row under the button opens the order on a tap; this tap is the button's.
    e.stopPropagation();
    if (isOffline) setExplaining(true);
    else setOpen(true);
  };

  return (
    <span className={styles.action}>
      {canRefund && (
        <Button
          variant="danger"
          className={isOffline ? styles.offlineButton : undefined}
          aria-disabled={isOffline}
          aria-describedby={isOffline && isExplaining ? `refund-offline-${order.id}` : undefined}
          onClick={tap}
          data-testid={`refund-open-${order.number}`}
        >
          {t('refund.open')}
        </Button>
      )}
      {isOffline && isExplaining && (
        <span id={`refund-offline-${order.id}`} className={styles.offlineNote} role="status" data-testid={`refund-offline-${order.number}`}>
          {t('refund.needsNetwork')}
        </span>
      )}
      {isOpen &&
        createPortal(
          <RefundDialog order={order} terminal={terminal ?? tabletTerminal()} pending={store} onClose={() => setOpen(false)} />,
          document.body,
        )}
    </span>
  );
}
