import { NOTIFICATION_STATUSES, type Notification, type NotificationListQuery, type NotificationStatus } from '@pos/contracts';
import { problemText } from '@pos/i18n';
import { useHost } from '@pos/plugin-sdk';
import { Badge, type BadgeTone, Button, ChoiceGroup, EmptyState, Icon, Notice } from '@pos/ui';
import { useState } from 'react';
import { useFormat } from '../../format';
import { useNotifications, useResendNotification } from './api/guest-notifications';
import styles from './integrations-admin.module.css';
import { QueryPending } from './query-state';
import { SendNotificationDialog } from './send-notification-dialog';

const STATUS_TONE: Record<NotificationStatus, BadgeTone> = { queued: 'info', sent: 'success', failed: 'warning', dead: 'danger' };
const PAGE_SIZE = 25;

/**
 * Guest SMS / email (`notifications.send`): the log newest first, filtered by status, a page at a
 * time (`after` the last id of the page before); a dead one can be sent again; a new message from
 * a template.
 */
export function NotificationsPanel() {
  const { t, dateTime } = useFormat();
  const [status, setStatus] = useState<NotificationStatus | 'all'>('all');
  // The `after` of each page up to this one (the first page has none).
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [isSending, setSending] = useState(false);
  const after = cursors[cursors.length - 1];
  const query: Partial<NotificationListQuery> = { ...(status === 'all' ? {} : { status }), ...(after ? { after } : {}), limit: PAGE_SIZE };
  const page = useNotifications(query);

  return (
    <div className={styles.panel} data-testid="notifications-panel">
      <div className={styles.panelActions}>
        <Button variant="primary" size="large" onClick={() => setSending(true)} data-testid="notification-send">
          <Icon name="plus" size={18} />
          {t('admin.notifications.send')}
        </Button>
      </div>
      <div className={styles.filters}>
        <ChoiceGroup
          label={t('admin.log.status')}
          options={[
            { value: 'all' as const, label: t('admin.log.all'), testId: 'notification-status-all' },
            ...NOTIFICATION_STATUSES.map((s) => ({ value: s, label: t(`admin.notifications.statuses.${s}`), testId: `notification-status-${s}` })),
          ]}
          value={status}
          onChange={(s) => {
            setStatus(s);
            setCursors([undefined]);
          }}
        />
      </div>
      {page.data ? (
        page.data.notifications.length === 0 ? (
          <EmptyState>{t('admin.notifications.empty')}</EmptyState>
        ) : (
          <div className={styles.tableWrap}>
            <table className={styles.table} data-testid="notification-table">
              <thead>
                <tr>
                  <th>{t('admin.notifications.columns.channel')}</th>
                  <th>{t('admin.notifications.columns.template')}</th>
                  <th>{t('admin.notifications.columns.to')}</th>
                  <th>{t('admin.notifications.columns.status')}</th>
                  <th className={styles.num}>{t('admin.notifications.columns.attempts')}</th>
                  <th>{t('admin.notifications.columns.error')}</th>
                  <th>{t('admin.notifications.columns.created')}</th>
                  <th>{t('admin.notifications.columns.sentAt')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {page.data.notifications.map((n) => (
                  <NotificationRow key={n.id} notification={n} dateTime={dateTime} />
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : (
        <QueryPending error={page.error} />
      )}
      <div className={styles.pager}>
        <Button disabled={cursors.length <= 1} onClick={() => setCursors((c) => c.slice(0, -1))} data-testid="notification-prev">
          {t('admin.log.prev')}
        </Button>
        <span className={styles.muted} data-testid="notification-page">
          {t('admin.log.page', { n: cursors.length })}
        </span>
        <Button disabled={!page.data?.next || page.isPlaceholderData} onClick={() => setCursors((c) => [...c, page.data?.next ?? undefined])} data-testid="notification-next">
          {t('admin.log.next')}
        </Button>
      </div>
      {isSending && <SendNotificationDialog onClose={() => setSending(false)} />}
    </div>
  );
}

function NotificationRow({ notification: n, dateTime }: { notification: Notification; dateTime(at: string): string }) {
  const { t } = useFormat();
  const host = useHost();
  const resend = useResendNotification();
  const [failure, setFailure] = useState<string | null>(null);
  return (
    <tr data-testid="notification-row" data-notification-id={n.id} data-status={n.status}>
      <td>{t(`admin.notifications.channels.${n.channel}`)}</td>
      <td>{t(`admin.notifications.templates.${n.template}`)}</td>
      <td className={styles.nowrap} data-testid="notification-to">
        {n.to}
      </td>
      <td>
        <Badge tone={STATUS_TONE[n.status]}>{t(`admin.notifications.statuses.${n.status}`)}</Badge>
      </td>
      <td className={styles.num}>{n.attempts}</td>
      <td className={styles.lastCell} title={n.lastError ?? undefined} data-testid="notification-error">
        {n.lastError ?? '—'}
      </td>
      <td className={styles.nowrap}>{dateTime(n.createdAt)}</td>
      <td className={styles.nowrap}>{n.sentAt ? dateTime(n.sentAt) : '—'}</td>
      <td>
        {n.status === 'dead' && (
          <Button
            disabled={resend.isPending}
            onClick={() => {
              setFailure(null);
              resend.mutate(n.id, {
                onSuccess: () => host.notify('success', t('admin.notifications.resent')),
                onError: (e) => setFailure(problemText(t, e)),
              });
            }}
            data-testid="notification-resend"
          >
            {t('admin.notifications.resend')}
          </Button>
        )}
        {failure && (
          <Notice kind="error" testId="notification-resend-failure">
            {failure}
          </Notice>
        )}
      </td>
    </tr>
  );
}
