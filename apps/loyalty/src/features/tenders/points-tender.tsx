import type { CustomerProfile, Order } from '@pos/contracts';
import { useTranslation } from '@pos/i18n';
import { Button, Field, inputClass, Notice, Spinner } from '@pos/ui';
import type { UseQueryResult } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useRedeemPoints } from '../../api/redeem-points';
import { useFormat } from '../../format';
import { newIntentKey } from '../../model/intent-key';
import { loyaltyProblemText } from '../../model/problem-text';
import { maxPointsFor, parsePoints, pointsValue } from '../../model/tender-amounts';
import styles from './tenders.module.css';

interface PointsTenderProps {
  order: Order;
  checkIndex: number | null;
  due: number;
  /** The order's guest's profile (none without a guest). */
  profile: UseQueryResult<CustomerProfile>;
}

/** Pay with the order's guest's points: points × the venue's point value, at most what is due and the balance. */
export function PointsTender({ order, checkIndex, due, profile }: PointsTenderProps) {
  const { t } = useTranslation('loyalty');
  const format = useFormat();
  const redeem = useRedeemPoints();
  const [text, setText] = useState<string | null>(null);
  const [key, setKey] = useState(newIntentKey);
  const [paid, setPaid] = useState<{ points: number; amount: number } | null>(null);
  const guest = order.customer ?? null;
  const self = useRef<HTMLDivElement>(null);
  const isLoaded = profile.data !== undefined;
  // At the foot of the pay dialog's column: the points and their pay button come into view when shown.
  useEffect(() => {
    if (isLoaded) self.current?.scrollIntoView?.({ block: 'nearest' });
  }, [isLoaded]);

  if (!guest) {
    return (
      <Notice kind="neutral" testId="loyalty-points-no-guest">
        {t('tender.noGuest')}
      </Notice>
    );
  }
  if (profile.isPending) return <Spinner size={22} label={t('tender.pointsLoading')} />;
  if (profile.isError) return <Notice kind="error">{t('panel.loadFailed', { message: loyaltyProblemText(t, profile.error) })}</Notice>;

  const { points: balance, pointValue } = profile.data;
  const max = maxPointsFor({ balance, pointValue, due });
  const shownText = text ?? (max > 0 ? String(max) : '');
  const points = parsePoints(shownText);
  const isOver = points !== null && points > max;

  const pay = () => {
    if (points === null || isOver) return;
    redeem.mutate(
      { orderId: order.id, checkIndex, points, customerId: guest.id, idempotencyKey: key },
      {
        onSuccess: () => {
          setPaid({ points, amount: pointsValue(points, pointValue) });
          setText(null);
          setKey(newIntentKey());
        },
      },
    );
  };

  return (
    <div ref={self} className={styles.tender} data-testid="loyalty-points-tender">
      {max === 0 ? (
        <Notice kind="neutral" testId="loyalty-points-none">
          {t('tender.pointsNone')}
        </Notice>
      ) : (
        <div className={styles.payRow}>
          <Field
            label={t('tender.pointsLabel', { name: guest.name })}
            error={isOver ? t('tender.pointsMax', { points: format.points(max) }) : undefined}
            hint={points !== null ? t('tender.pointsWorth', { points: format.points(points), money: format.money(pointsValue(points, pointValue)) }) : undefined}
            addon={
              <Button onClick={() => setText(String(max))} data-testid="loyalty-points-all">
                {t('spend.all', { points: format.points(max) })}
              </Button>
            }
          >
            {(control) => (
              <input
                {...control}
                className={inputClass}
                inputMode="numeric"
                value={shownText}
                onChange={(e) => setText(e.target.value)}
                onFocus={(e) => e.target.select()}
                data-testid="loyalty-points-amount"
              />
            )}
          </Field>
          <Button
            size="large"
            variant="primary"
            disabled={points === null || isOver || redeem.isPending}
            aria-busy={redeem.isPending || undefined}
            onClick={pay}
            data-testid="loyalty-points-pay"
          >
            {t('tender.payPoints', { money: format.money(pointsValue(points !== null && !isOver ? points : max, pointValue)) })}
          </Button>
        </div>
      )}
      {redeem.isError && (
        <Notice kind="error" testId="loyalty-points-problem">
          {loyaltyProblemText(t, redeem.error)}
        </Notice>
      )}
      {paid && (
        <Notice kind="info" testId="loyalty-points-paid">
          {t('tender.paidPoints', { points: format.points(paid.points), money: format.money(paid.amount) })}
        </Notice>
      )}
    </div>
  );
}
