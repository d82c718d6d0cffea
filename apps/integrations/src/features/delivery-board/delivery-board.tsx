import type { Order } from '@pos/contracts';
import { problemText, useTranslation } from '@pos/i18n';
import { type SlotProps, useConnectivity, useHost } from '@pos/plugin-sdk';
import { Button, EmptyState, Notice, Spinner } from '@pos/ui';
import { useEffect, useMemo } from 'react';
import { useDeliveryOrders } from '../../api/get-delivery-orders';
import { useOrdersTickets } from '../../api/get-order-tickets';
import { useDeliveryEvents } from '../../api/use-delivery-events';
import { useFormat } from '../../format';
import { boardLane, type Lane, LANES } from '../../model/board-lane';
import { DeliveryCard } from './delivery-card';
import styles from './delivery-board.module.css';
import { useNow } from './use-now';

/**
 * The «Доставка» mode of the floor map (`floor.mode`): the partners' open orders in columns by
 * where they are on the way to the courier (accepted, cooking, ready for pickup, picked up);
 * delivered and cancelled ones drop off. Delivery orders have no table, so the map keeps its live
 * colours; the board sits beside it (under it on a narrow screen, where the columns wrap).
 */
export function DeliveryBoard({ context: floor }: SlotProps<'floor.mode'>) {
  const { can } = useHost();
  const { t } = useTranslation('integrations');
  const mayView = can('orders.view');
  const { setView } = floor;
  // Nothing to paint on the tables: the map stays the live floor.
  useEffect(() => setView(null), [setView]);

  if (!mayView) {
    return (
      <div className={styles.panel} data-testid="delivery-board">
        <EmptyState>{t('board.noAccess')}</EmptyState>
      </div>
    );
  }
  return <Board />;
}

function Board() {
  const { can } = useHost();
  const { t, time } = useFormat();
  const connectivity = useConnectivity();
  const isOffline = connectivity.state === 'offline';
  const orders = useDeliveryOrders();
  useDeliveryEvents();
  const ids = useMemo(() => (orders.data ?? []).map((o) => o.id), [orders.data]);
  const tickets = useOrdersTickets(ids, can('kitchen.view') && !isOffline);
  const now = useNow();

  const lanes = useMemo(() => {
    const by = Object.fromEntries(LANES.map((l) => [l, [] as Order[]])) as Record<Lane, Order[]>;
    for (const order of orders.data ?? []) {
      const lane = boardLane(order, tickets.get(order.id));
      if (lane) by[lane].push(order);
    }
    // The courier who comes first, first; no time last, then by our number.
    const pickup = (o: Order) => (o.delivery?.pickupAt ? Date.parse(o.delivery.pickupAt) : Number.POSITIVE_INFINITY);
    for (const lane of LANES) by[lane].sort((a, b) => pickup(a) - pickup(b) || a.number - b.number);
    return by;
  }, [orders.data, tickets]);

  const total = LANES.reduce((n, l) => n + lanes[l].length, 0);
  const isStale = isOffline && orders.data !== undefined;

  return (
    <div className={`${styles.panel} ${isStale ? styles.stale : ''}`} data-testid="delivery-board" data-offline={isStale || undefined}>
      <h2 className={styles.title}>{t('board.title')}</h2>
      {isStale && (
        <Notice kind="warning" testId="delivery-offline">
          {t('board.offline', { time: time(orders.dataUpdatedAt) })}
        </Notice>
      )}
      {orders.data === undefined ? (
        orders.error ? (
          <Notice kind="error" testId="delivery-load-failed" action={<Button onClick={() => void orders.refetch()}>{t('board.retry')}</Button>}>
            {t('board.loadFailed', { message: problemText(t, orders.error) })}
          </Notice>
        ) : (
          <p className={styles.muted}>
            <Spinner /> {t('board.loading')}
          </p>
        )
      ) : (
        <>
          {total === 0 && <EmptyState>{t('board.none')}</EmptyState>}
          <div className={styles.lanes}>
            {LANES.map((lane) => (
              <section key={lane} className={styles.lane} data-testid={`delivery-lane-${lane}`} aria-labelledby={`delivery-lane-${lane}-title`}>
                <h3 id={`delivery-lane-${lane}-title`} className={styles.laneTitle}>
                  <span>{t(`board.lanes.${lane}`)}</span>
                  <span className={styles.count} data-testid="delivery-lane-count">
                    {lanes[lane].length}
                  </span>
                </h3>
                {lanes[lane].length === 0 ? (
                  <p className={styles.laneEmpty}>{t('board.empty')}</p>
                ) : (
                  <ul className={styles.cards}>
                    {lanes[lane].map((order) => order.delivery && <DeliveryCard key={order.id} order={order} delivery={order.delivery} now={now} />)}
                  </ul>
                )}
              </section>
            ))}
          </div>
        </>
      )}
    </div>
  );
}
