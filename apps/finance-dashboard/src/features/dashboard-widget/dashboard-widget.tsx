import type { Dashboard, DashboardQuery } from '@pos/contracts';
import { problemText, useTranslation } from '@pos/i18n';
import { type SlotProps, useConnectivity, useHost } from '@pos/plugin-sdk';
import { Segmented, Spinner } from '@pos/ui';
import { useState } from 'react';
import { isNoShift, useFinanceDashboard } from '../../api/get-finance-dashboard';
import { clockTime, deviationOf, figure, hourBars } from '../../model/figures';
import styles from './dashboard-widget.module.css';
import { HourChart } from './hour-chart';
import { useLiveRefresh } from './use-live-refresh';
import { usePendingPayments } from './use-pending-payments';

type View = 'shift' | 'day';
const QUERIES: Record<View, DashboardQuery> = { shift: {}, day: { scope: 'day' } };

/**
 * The home screen's revenue at a glance (`home.widgets`): a cashier's open shift, a supervisor's
 * day (or their shift), a waiter's own checks (the server narrows it). Live on payment events,
 * every 30 s otherwise; offline the last figures stay, greyed, with this tablet's unsent payments.
 */
export function DashboardWidget(props: SlotProps<'home.widgets'>) {
  const host = useHost();
  // The dashboard's route needs orders.view: without it there is nothing to show, not an error.
  return host.can('orders.view') ? <LiveDashboard {...props} /> : null;
}

function LiveDashboard(_props: SlotProps<'home.widgets'>) {
  const { t, i18n } = useTranslation('finance-dashboard');
  const host = useHost();
  // A supervisor (may override a shift close) sees the venue's day, and may switch to their shift.
  const isSupervisor = host.can('shifts.close.override');
  const [view, setView] = useState<View>(isSupervisor ? 'day' : 'shift');
  const isOffline = useConnectivity().state === 'offline';
  const dashboard = useFinanceDashboard(QUERIES[view], isOffline);
  const pending = usePendingPayments();
  useLiveRefresh(() => void dashboard.refetch());

  const toggle = isSupervisor ? (
    <Segmented<View>
      aria-label={t('widget.title')}
      options={[
        { value: 'day', label: t('widget.day'), testId: 'fd-view-day' },
        { value: 'shift', label: t('widget.shift'), testId: 'fd-view-shift' },
      ]}
      value={view}
      onChange={setView}
    />
  ) : null;

  let body;
  if (dashboard.data) body = <Figures data={dashboard.data} isStale={isOffline} language={i18n.language} />;
  else if (dashboard.error && isNoShift(dashboard.error)) body = <p className={styles.quiet} data-testid="fd-no-shift">{t('widget.noShift')}</p>;
  else if (dashboard.error) body = <p className={styles.quiet} data-testid="fd-failed">{t('widget.failed', { message: problemText(t, dashboard.error) })}</p>;
  else
    body = (
      <p className={styles.quiet}>
        <Spinner /> {t('widget.loading')}
      </p>
    );

  return (
    <section className={styles.widget} aria-label={t(titleKey(view, dashboard.data))} data-testid="fd-widget" data-offline={isOffline || undefined}>
      <header className={styles.head}>
        <h2 className={styles.title}>{t(titleKey(view, dashboard.data))}</h2>
        {toggle}
      </header>
      {body}
      {pending && pending.count > 0 && (
        <p className={styles.unsent} data-testid="fd-unsent">
          {t('widget.unsent', { amount: figure(pending.amount, host.session.venue.currency, i18n.language), count: pending.count })}
        </p>
      )}
    </section>
  );
}

const titleKey = (view: View, data: Dashboard | undefined) => (data?.waiterId ? 'widget.titleOwn' : view === 'day' ? 'widget.titleDay' : 'widget.title');

function Figures({ data, isStale, language }: { data: Dashboard; isStale: boolean; language: string }) {
  const { t } = useTranslation('finance-dashboard');
  const money = (minor: number) => figure(minor, data.currency, language);
  const time = clockTime(data.updatedAt, data.timeZone, language);
  const deviation = data.plan ? deviationOf(data.plan, data.currency, language) : null;
  return (
    <div className={styles.body} data-stale={isStale || undefined} data-testid="fd-figures">
      <dl className={styles.figures}>
        <div className={styles.main}>
          <dt>{t('widget.net')}</dt>
          <dd data-testid="fd-net">{money(data.net)}</dd>
        </div>
        <div>
          <dt>{t('widget.checks')}</dt>
          <dd data-testid="fd-checks">{data.checks}</dd>
        </div>
        <div>
          <dt>{t('widget.averageCheck')}</dt>
          <dd data-testid="fd-average">{money(data.averageCheck)}</dd>
        </div>
        <div>
          <dt>{t('widget.tips')}</dt>
          <dd data-testid="fd-tips">{money(data.tips.total)}</dd>
        </div>
      </dl>
      <div className={styles.side}>
        {deviation && data.plan ? (
          <p className={styles.deviation} data-tone={deviation.tone} data-status={deviation.status} data-testid="fd-plan">
            <strong>{t(`widget.status.${deviation.status}`)}</strong>{' '}
            {deviation.percent === null ? t('widget.plan', { amount: money(data.plan.target) }) : t('widget.deviation', { amount: deviation.amount, percent: deviation.percent })}
          </p>
        ) : (
          <p className={styles.muted}>{t('widget.noPlan')}</p>
        )}
        <HourChart bars={hourBars(data.byHour, data.plan?.hours ?? null)} label={t('widget.chart')} currency={data.currency} language={language} />
        <p className={styles.muted} data-testid="fd-updated">
          {data.guests > 0 && <span>{t('widget.guests', { count: data.guests, amount: money(data.averagePerGuest) })} · </span>}
          {isStale ? t('widget.asOf', { time }) : t('widget.updated', { time })}
        </p>
      </div>
    </div>
  );
}
