import type { Order } from '@pos/contracts';
import { useTranslation } from '@pos/i18n';
import { useHost } from '@pos/plugin-sdk';
import { Button, Dialog, DialogActions, Field, inputClass, Notice, Spinner } from '@pos/ui';
import { useState } from 'react';
import { useCustomerProfile } from '../../api/get-customer-profile';
import { useRedeemPoints } from '../../api/redeem-points';
import { useFormat } from '../../format';
import { newIntentKey } from '../../model/intent-key';
import { loyaltyProblemText } from '../../model/problem-text';
import { maxPointsFor, parsePoints, pointsValue } from '../../model/tender-amounts';
import styles from './spend-points-dialog.module.css';

/**
 * Spend the order's guest's points on the bill: as many as the cashier types, at most the balance
 * and the whole points the bill still holds. One key for the dialog: a retry is spent once.
 */
export function SpendPointsDialog({ order, customerId, isOffline, onClose }: { order: Order; customerId: string; isOffline: boolean; onClose(): void }) {
  const { t } = useTranslation('loyalty');
  const { notify } = useHost();
  const format = useFormat();
  const profile = useCustomerProfile(customerId, !isOffline);
  const redeem = useRedeemPoints();
  const [key] = useState(newIntentKey);
  const [text, setText] = useState<string | null>(null);

  const data = profile.data;
  const max = data ? maxPointsFor({ balance: data.points, pointValue: data.pointValue, due: order.due }) : 0;
  const shownText = text ?? (max > 0 ? String(max) : '');
  const points = parsePoints(shownText);
  const isOver = points !== null && points > max;
  const canSpend = data !== undefined && points !== null && !isOver && max > 0 && !isOffline;

  const confirm = () => {
    if (!canSpend || !data) return;
    redeem.mutate(
      { orderId: order.id, checkIndex: null, points, customerId, idempotencyKey: key },
      {
        onSuccess: () => {
          notify('success', t('spend.done', { points: format.points(points), money: format.money(pointsValue(points, data.pointValue)) }));
          onClose();
        },
      },
    );
  };

  return (
    <Dialog
      title={t('spend.title')}
      onClose={() => !redeem.isPending && onClose()}
      closeLabel={t('scan.close')}
      size="small"
      testId="loyalty-spend-dialog"
      footer={
        <DialogActions
          onCancel={onClose}
          cancelLabel={t('spend.cancel')}
          onConfirm={confirm}
          confirmLabel={t('spend.confirm', { points: format.points(points ?? 0) })}
          isDisabled={!canSpend}
          isBusy={redeem.isPending}
          confirmTestId="loyalty-spend-confirm"
        />
      }
    >
      {isOffline && <Notice kind="neutral">{t('needsNetwork')}</Notice>}
      {profile.isPending && !isOffline && <Spinner label={t('panel.loading')} />}
      {profile.isError && <Notice kind="error">{t('panel.loadFailed', { message: loyaltyProblemText(t, profile.error) })}</Notice>}
      {data && (
        <>
          <div className={styles.facts}>
            <span data-testid="loyalty-spend-balance">{t('spend.balance', { points: format.points(data.points), money: format.money(pointsValue(data.points, data.pointValue)) })}</span>
            <span>{t('spend.due', { money: format.money(order.due) })}</span>
            <span className={styles.muted}>{t('spend.rate', { money: format.money(data.pointValue) })}</span>
          </div>
          {max === 0 ? (
            <Notice kind="neutral" testId="loyalty-spend-none">
              {t('spend.none')}
            </Notice>
          ) : (
            <Field
              label={t('spend.label')}
              error={isOver ? t('spend.max', { points: format.points(max) }) : undefined}
              hint={points !== null ? t('spend.worth', { money: format.money(pointsValue(points, data.pointValue)) }) : undefined}
              addon={
                <Button onClick={() => setText(String(max))} data-testid="loyalty-spend-all">
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
                  data-testid="loyalty-spend-points"
                />
              )}
            </Field>
          )}
        </>
      )}
      {redeem.isError && (
        <Notice kind="error" testId="loyalty-spend-problem">
          {loyaltyProblemText(t, redeem.error)}
        </Notice>
      )}
    </Dialog>
  );
}
