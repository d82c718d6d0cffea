import { type Delivery, type DeliveriesQuery, OUTBOX_STATUSES, type OutboxStatus } from '@pos/contracts';
import { useTranslation } from '@pos/i18n';
import { Badge, type BadgeTone, Button, ChoiceGroup, EmptyState } from '@pos/ui';
import { useState } from 'react';
import { useFormat } from '../../format';
import { useDeliveries } from './api/admin-integrations';
import { DeliveryDetails } from './delivery-details';
import styles from './integrations-admin.module.css';
import { QueryPending } from './query-state';

export const STATUS_TONE: Record<OutboxStatus, BadgeTone> = { pending: 'warning', sending: 'info', delivered: 'success', dead: 'danger' };
const KINDS = ['webhook', 'notification'] as const;
const PAGE_SIZE = 25;

/** A filter of the log from elsewhere on the page (an endpoint's "show undelivered"). */
export interface LogFilter {
  status?: OutboxStatus;
  target?: { id: string; url: string };
}

/**
 * The delivery log: outgoing webhooks and guest notifications, newest first, filtered by status
 * and kind (and by an endpoint), a page at a time by cursor; a message opens with its attempts and
 * payload, and a dead one can be sent again.
 */
export function DeliveryLog({ initial }: { initial: LogFilter }) {
  const { t, dateTime } = useFormat();
  const [status, setStatus] = useState<OutboxStatus | 'all'>(initial.status ?? 'all');
  const [kind, setKind] = useState<(typeof KINDS)[number] | 'all'>('all');
  const [target, setTarget] = useState(initial.target ?? null);
  // The cursors of the pages before this one (the first page has none).
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [openId, setOpenId] = useState<string | null>(null);
  const query: Partial<DeliveriesQuery> = {
    ...(status === 'all' ? {} : { status }),
    ...(kind === 'all' ? {} : { kind }),
    ...(target ? { targetId: target.id } : {}),
    ...(cursors[cursors.length - 1] ? { cursor: cursors[cursors.length - 1] } : {}),
    limit: PAGE_SIZE,
  };
  const page = useDeliveries(query);
  const restart = () => setCursors([undefined]);

  return (
    <div className={styles.panel} data-testid="delivery-log">
      <div className={styles.filters}>
        <ChoiceGroup
          label={t('admin.log.status')}
          options={[{ value: 'all' as const, label: t('admin.log.all'), testId: 'log-status-all' }, ...OUTBOX_STATUSES.map((s) => ({ value: s, label: t(`admin.log.statuses.${s}`), testId: `log-status-${s}` }))]}
          value={status}
          onChange={(s) => {
            setStatus(s);
            restart();
          }}
        />
        <ChoiceGroup
          label={t('admin.log.kind')}
          options={[{ value: 'all' as const, label: t('admin.log.all'), testId: 'log-kind-all' }, ...KINDS.map((k) => ({ value: k, label: t(`admin.log.kinds.${k}`), testId: `log-kind-${k}` }))]}
          value={kind}
          onChange={(k) => {
            setKind(k);
            restart();
          }}
        />
        {target && (
          <div className={styles.targetFilter}>
            <span data-testid="log-target">{t('admin.log.target', { url: target.url })}</span>
            <Button
              variant="ghost"
              onClick={() => {
                setTarget(null);
                restart();
              }}
              data-testid="log-target-clear"
            >
              {t('admin.log.clearTarget')}
            </Button>
          </div>
        )}
      </div>
      {page.data ? (
        page.data.items.length === 0 ? (
          <EmptyState>{t('admin.log.empty')}</EmptyState>
        ) : (
          <div className={styles.tableWrap}>
            <table className={styles.table} data-testid="log-table">
              <thead>
                <tr>
                  <th>{t('admin.log.columns.kind')}</th>
                  <th>{t('admin.log.columns.event')}</th>
                  <th>{t('admin.log.columns.status')}</th>
                  <th className={styles.num}>{t('admin.log.columns.attempts')}</th>
                  <th>{t('admin.log.columns.last')}</th>
                  <th>{t('admin.log.columns.created')}</th>
                </tr>
              </thead>
              <tbody>
                {page.data.items.map((d) => (
                  <LogRow key={d.id} delivery={d} onOpen={() => setOpenId(d.id)} dateTime={dateTime} />
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : (
        <QueryPending error={page.error} />
      )}
      <div className={styles.pager}>
        <Button disabled={cursors.length <= 1} onClick={() => setCursors((c) => c.slice(0, -1))} data-testid="log-prev">
          {t('admin.log.prev')}
        </Button>
        <span className={styles.muted} data-testid="log-page">
          {t('admin.log.page', { n: cursors.length })}
        </span>
        <Button disabled={!page.data?.next || page.isPlaceholderData} onClick={() => setCursors((c) => [...c, page.data?.next ?? undefined])} data-testid="log-next">
          {t('admin.log.next')}
        </Button>
      </div>
      {openId && <DeliveryDetails id={openId} onClose={() => setOpenId(null)} />}
    </div>
  );
}

function LogRow({ delivery: d, onOpen, dateTime }: { delivery: Delivery; onOpen(): void; dateTime(at: string): string }) {
  const { t } = useTranslation('integrations');
  const last = d.lastStatusCode !== null ? String(d.lastStatusCode) : '';
  return (
    <tr data-testid="log-row" data-delivery-id={d.id} data-status={d.status}>
      <td>{KINDS.includes(d.kind as (typeof KINDS)[number]) ? t(`admin.log.kinds.${d.kind}`) : d.kind}</td>
      <td>
        <button type="button" className={styles.linkButton} onClick={onOpen} aria-label={t('admin.log.open', { event: d.eventType })} data-testid="log-open">
          {d.eventType}
        </button>
      </td>
      <td>
        <Badge tone={STATUS_TONE[d.status]}>{t(`admin.log.statuses.${d.status}`)}</Badge>
      </td>
      <td className={styles.num}>{d.attempts}</td>
      <td className={styles.lastCell} title={d.lastError ?? undefined}>
        {[last, d.lastError].filter(Boolean).join(' · ') || '—'}
      </td>
      <td className={styles.nowrap}>{dateTime(d.createdAt)}</td>
    </tr>
  );
}
