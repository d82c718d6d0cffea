import type { Order, OrderDelivery } from '@pos/contracts';
import { Badge, Icon } from '@pos/ui';
import { useFormat } from '../../format';
import { standingDishes } from '../../model/board-lane';
import { clock, secondsToPickup } from '../../model/countdown';
import styles from './delivery-board.module.css';

/** The dishes a card lists before it says "N more". */
const DISHES_SHOWN = 4;

/** One delivery order: partner and its order id, our number, the guest, the courier's countdown, the dishes. */
export function DeliveryCard({ order, delivery, now }: { order: Order; delivery: OrderDelivery; now: number }) {
  const { t, money, time } = useFormat();
  const seconds = secondsToPickup(delivery.pickupAt, now);
  const isLate = seconds !== null && seconds < 0;
  const dishes = standingDishes(order);
  return (
    <li className={styles.card} data-testid="delivery-card" data-order-id={order.id} data-external-id={delivery.externalId}>
      <div className={styles.cardHead}>
        <Badge tone="accent" data-testid="delivery-partner">
          {delivery.partnerName}
        </Badge>
        <span className={styles.number} data-testid="delivery-number">
          {t('board.number', { number: order.number })}
        </span>
      </div>
      <div className={styles.external} data-testid="delivery-external-id">
        {t('board.partnerOrder', { id: delivery.externalId })}
      </div>
      <div className={styles.guest} data-testid="delivery-guest">
        {delivery.customerName}
      </div>
      <div className={`${styles.pickup} ${isLate ? styles.late : ''}`} data-testid="delivery-pickup" data-late={isLate || undefined}>
        <Icon name="clock" size={14} />
        {seconds === null || delivery.pickupAt === null ? (
          t('board.noPickup')
        ) : (
          <>
            <span>{isLate ? t('board.pickupLate', { clock: clock(seconds) }) : t('board.pickupIn', { clock: clock(seconds) })}</span>
            <span className={styles.muted}>{t('board.pickupAt', { time: time(delivery.pickupAt) })}</span>
          </>
        )}
      </div>
      <ul className={styles.dishes} data-testid="delivery-dishes">
        {dishes.slice(0, DISHES_SHOWN).map((d, i) => (
          <li key={i}>
            {d.quantity} × {d.name}
          </li>
        ))}
        {dishes.length > DISHES_SHOWN && <li className={styles.muted}>{t('board.more', { count: dishes.length - DISHES_SHOWN })}</li>}
      </ul>
      <div className={styles.total} data-testid="delivery-total">
        {money(order.total)}
      </div>
    </li>
  );
}
