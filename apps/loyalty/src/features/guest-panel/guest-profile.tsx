import type { PointsMovement } from '@pos/contracts';
import { useTranslation } from '@pos/i18n';
import { Badge, Button, Spinner } from '@pos/ui';
import { useCustomerProfile } from '../../api/get-customer-profile';
import { useFormat } from '../../format';
import { formatPhone } from '../../model/phone';
import { loyaltyProblemText } from '../../model/problem-text';
import styles from './guest-profile.module.css';

/** How many points movements and visits the profile lists (the server sends the most recent). */
const LIST_LIMIT = 5;

/** A guest's profile: name, phone, tier, points and what they are worth, visits, the last visits and recent points. */
export function GuestProfile({ customerId, fallbackName, isOffline }: { customerId: string; fallbackName?: string; isOffline: boolean }) {
  const { t } = useTranslation('loyalty');
  const format = useFormat();
  const profile = useCustomerProfile(customerId, !isOffline);
  if (profile.isPending) return isOffline ? <b>{fallbackName}</b> : <Spinner label={t('panel.loading')} />;
  if (profile.isError) {
    return (
      <div className={styles.problem} role="alert">
        {t('panel.loadFailed', { message: loyaltyProblemText(t, profile.error) })}{' '}
        <Button variant="ghost" onClick={() => void profile.refetch()}>
          {t('panel.retry')}
        </Button>
      </div>
    );
  }
  const { customer, points, pointValue, lastVisits, pointsHistory } = profile.data;
  return (
    <div className={styles.profile} data-testid="loyalty-profile-view">
      <div className={styles.head}>
        <span className={styles.name} data-testid="loyalty-profile-name">
          {customer.name}
        </span>
        <Badge tone={customer.tier === 'gold' ? 'warning' : customer.tier === 'silver' ? 'info' : 'neutral'}>{t(`tiers.${customer.tier}`)}</Badge>
      </div>
      <dl className={styles.facts}>
        <div>
          <dt>{t('profile.points')}</dt>
          <dd data-testid="loyalty-profile-points">
            <b>{format.points(points)}</b>
            <span className={styles.muted}> {t('profile.pointsValue', { money: format.money(points * pointValue) })}</span>
          </dd>
        </div>
        <div>
          <dt>{t('profile.visits')}</dt>
          <dd>
            <b>{customer.visits}</b>
          </dd>
        </div>
        <div>
          <dt>{t('profile.phone')}</dt>
          <dd>{formatPhone(customer.phone)}</dd>
        </div>
        <div>
          <dt>{t('profile.lastVisit')}</dt>
          <dd>{customer.lastVisitAt ? format.date(customer.lastVisitAt) : t('profile.never')}</dd>
        </div>
      </dl>
      <div className={styles.lists}>
        <section aria-label={t('profile.lastVisits')}>
          <h4 className={styles.listTitle}>{t('profile.lastVisits')}</h4>
          {lastVisits.length === 0 ? (
            <p className={styles.muted}>{t('profile.noVisits')}</p>
          ) : (
            <ul className={styles.list}>
              {lastVisits.slice(0, LIST_LIMIT).map((v) => (
                <li key={v.orderId} className={styles.row}>
                  <span>{format.dateTime(v.closedAt)}</span>
                  <span className={styles.muted}>{t('profile.visit', { number: v.orderNumber })}</span>
                  <b className={styles.amount}>{format.money(v.total)}</b>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-label={t('profile.history')}>
          <h4 className={styles.listTitle}>{t('profile.history')}</h4>
          {pointsHistory.length === 0 ? (
            <p className={styles.muted}>{t('profile.noHistory')}</p>
          ) : (
            <ul className={styles.list} data-testid="loyalty-points-history">
              {pointsHistory.slice(0, LIST_LIMIT).map((m) => (
                <PointsRow key={m.id} movement={m} />
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}

function PointsRow({ movement }: { movement: PointsMovement }) {
  const { t } = useTranslation('loyalty');
  const format = useFormat();
  const sign = movement.points > 0 ? '+' : movement.points < 0 ? '−' : '';
  return (
    <li className={styles.row}>
      <span>{format.dateTime(movement.createdAt)}</span>
      <span className={styles.muted}>
        {t(`profile.kinds.${movement.kind}`)}
        {movement.orderNumber !== null && ` · ${t('profile.forOrder', { number: movement.orderNumber })}`}
      </span>
      <b className={`${styles.amount} ${movement.points < 0 ? styles.minus : styles.plus}`}>
        {sign}
        {format.points(Math.abs(movement.points))}
      </b>
    </li>
  );
}
