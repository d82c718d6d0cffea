import { problemText } from '@pos/i18n';
import { useHost } from '@pos/plugin-sdk';
import { Badge, Button, Dialog } from '@pos/ui';
import { useFormat } from '../../format';
import { useDelivery, useRedeliver } from './api/admin-integrations';
import { STATUS_TONE } from './delivery-log';
import styles from './integrations-admin.module.css';
import { QueryPending } from './query-state';

/** One message: its facts, every attempt, what it carries; «Отправить снова» for a dead one. */
export function DeliveryDetails({ id, onClose }: { id: string; onClose(): void }) {
  const { t, dateTime } = useFormat();
  const host = useHost();
  const detail = useDelivery(id);
  const redeliver = useRedeliver();
  const d = detail.data;
  const send = () =>
    redeliver.mutate(id, {
      onSuccess: () => host.notify('success', t('admin.log.redelivered')),
      onError: (e) => host.notify('error', t('admin.failed', { message: problemText(t, e) })),
    });
  return (
    <Dialog title={t('admin.log.detailTitle', { event: d?.eventType ?? '…' })} onClose={onClose} closeLabel={t('admin.log.close')} size="large" testId="delivery-details">
      {d ? (
        <div className={styles.details}>
          <dl className={styles.facts2}>
            <dt>{t('admin.log.columns.status')}</dt>
            <dd>
              <Badge tone={STATUS_TONE[d.status]} data-testid="delivery-details-status">
                {t(`admin.log.statuses.${d.status}`)}
              </Badge>
            </dd>
            <dt>{t('admin.log.eventId')}</dt>
            <dd>
              <code>{d.eventId}</code>
            </dd>
            <dt>{t('admin.log.columns.created')}</dt>
            <dd>{dateTime(d.createdAt)}</dd>
            {d.nextAttemptAt && (
              <>
                <dt>{t('admin.log.nextAttempt')}</dt>
                <dd>{dateTime(d.nextAttemptAt)}</dd>
              </>
            )}
            {d.deliveredAt && (
              <>
                <dt>{t('admin.log.deliveredAt')}</dt>
                <dd>{dateTime(d.deliveredAt)}</dd>
              </>
            )}
          </dl>
          {d.status === 'dead' && (
            <div>
              <Button variant="primary" size="large" disabled={redeliver.isPending} onClick={send} data-testid="delivery-redeliver">
                {t('admin.log.redeliver')}
              </Button>
            </div>
          )}
          <h3 className={styles.subTitle}>{t('admin.log.attemptsTitle')}</h3>
          {d.log.length === 0 ? (
            <p className={styles.muted}>{t('admin.log.noAttempts')}</p>
          ) : (
            <div className={styles.tableWrap}>
              <table className={styles.table} data-testid="delivery-attempts">
                <thead>
                  <tr>
                    <th className={styles.num}>{t('admin.log.attempt')}</th>
                    <th>{t('admin.log.at')}</th>
                    <th className={styles.num}>{t('admin.log.code')}</th>
                    <th>{t('admin.log.error')}</th>
                    <th className={styles.num}>{t('admin.log.duration')}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.log.map((a) => (
                    <tr key={a.attempt} data-testid="delivery-attempt">
                      <td className={styles.num}>{a.attempt}</td>
                      <td className={styles.nowrap}>{dateTime(a.at)}</td>
                      <td className={styles.num}>{a.statusCode ?? t('admin.log.noAnswer')}</td>
                      <td>{a.error ?? '—'}</td>
                      <td className={styles.num}>{a.durationMs}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <h3 className={styles.subTitle}>{t('admin.log.payload')}</h3>
          <pre className={styles.payload} data-testid="delivery-payload">
            {JSON.stringify(d.payload, null, 2)}
          </pre>
        </div>
      ) : (
        <QueryPending error={detail.error} />
      )}
    </Dialog>
  );
}
