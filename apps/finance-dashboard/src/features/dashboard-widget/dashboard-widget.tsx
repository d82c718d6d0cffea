import type { Dashboard, DashboardQuery } from '@pos/contracts';
import { problemText, useTranslation } from '@pos/i18n';
import { type HostApi, type SlotProps, useConnectivity, useHost } from '@pos/plugin-sdk';
import { Icon, Segmented, Spinner } from '@pos/ui';
import { useId, useState } from 'react';
import { isNoShift, useFinanceDashboard } from '../../api/get-finance-dashboard';
import { clockTime, deviationOf, figure, hourBars } from '../../model/figures';
import styles from './dashboard-widget.module.css';
import { HourChart, usePrefetchChart } from './hour-chart';
import { useCollapsed } from './use-collapsed';
import { useLiveRefresh } from './use-live-refresh';
import { usePendingPayments } from './use-pending-payments';

type View = 'shift' | 'day';
const QUERIES: Record<View, DashboardQuery> = { shift: {}, day: { scope: 'day' } };

/**
 * The home screen's revenue at a glance (`home.widgets`): a cashier's open shift, a supervisor's
 * day (or their shift), a waiter's own checks (the server narrows it). Live on payment events,
 * every 30 s otherwise; offline the last figures stay, greyed, with this tablet's unsent payments.
 * Staff fold it to one line (net, the plan's deviation) to give the floor map its room: a waiter's
 * starts folded, and each staff member's choice is kept on the tablet. Folded it stays live, and
 * the hour chart (uPlot) is not mounted.
 */
export function DashboardWidget(props: SlotProps<'home.widgets'>) {
  const host = useHost();
  // The dashboard's route needs orders.view: without it there is nothing to show, not an error.
  return host.can('orders.view') ? <LiveDashboard {...props} /> : null;
}

function LiveDashboard(_props: SlotProps<'home.widgets'>) {
  const { t, i18n } = useTranslation('finance-dashboard');
  const host = useHost();
  const viewer = viewerOf(host);
  // A supervisor sees the venue's day, and may switch to their shift.
  const [view, setView] = useState<View>(viewer === 'supervisor' ? 'day' : 'shift');
  // A waiter rarely needs the figures and needs the floor: folded to one line unless they chose otherwise.
  const fold = useCollapsed(viewer === 'waiter');
  const collapsed = fold.collapsed;
  const isOffline = useConnectivity().state === 'offline';
  const dashboard = useFinanceDashboard(QUERIES[view], isOffline);
  const pending = usePendingPayments();
  useLiveRefresh(() => void dashboard.refetch());
  usePrefetchChart(collapsed && !isOffline);
  const contentId = useId();

  const title = t(titleKey(view, dashboard.data));
  const unsent =
    pending && pending.count > 0
      ? t('widget.unsent', { amount: figure(pending.amount, host.session.venue.currency, i18n.language), count: pending.count })
      : null;

  const foldButton = fold.isReady ? (
    <button
      type="button"
      className={styles.fold}
      aria-expanded={!collapsed}
      aria-controls={contentId}
      aria-label={t(collapsed ? 'widget.expand' : 'widget.collapse')}
      title={t(collapsed ? 'widget.expand' : 'widget.collapse')}
      data-testid="fd-fold"
      onClick={() => fold.setCollapsed(!collapsed)}
    >
      <Icon name="back" size={22} className={collapsed ? styles.chevronDown : styles.chevronUp} />
    </button>
  ) : null;

  let body;
  if (!fold.isReady) body = <Loading />;
  else if (dashboard.data)
    body = collapsed ? (
      <Summary data={dashboard.data} isStale={isOffline} language={i18n.language} />
    ) : (
      <Figures data={dashboard.data} isStale={isOffline} language={i18n.language} />
    );
  else if (dashboard.error && isNoShift(dashboard.error)) body = <p className={styles.quiet} data-testid="fd-no-shift">{t('widget.noShift')}</p>;
  else if (dashboard.error) body = <p className={styles.quiet} data-testid="fd-failed">{t('widget.failed', { message: problemText(t, dashboard.error) })}</p>;
  else body = <Loading />;

  const section = { 'aria-label': title, 'data-testid': 'fd-widget', 'data-offline': isOffline || undefined, 'data-collapsed': collapsed || undefined };
  if (collapsed)
    // One line: the title, the figures that matter (net, the plan's deviation), the unsent money, the button.
    return (
      <section className={`${styles.widget} ${styles.line}`} {...section}>
        <h2 className={styles.title}>{title}</h2>
        <div id={contentId} className={styles.lineBody}>
          {body}
          {unsent && (
            <span className={styles.unsent} data-testid="fd-unsent">
              {unsent}
            </span>
          )}
        </div>
        {foldButton}
      </section>
    );

  return (
    <section className={styles.widget} {...section}>
      <header className={styles.head}>
        <h2 className={styles.title}>{title}</h2>
        {viewer === 'supervisor' && (
          <Segmented<View>
            aria-label={t('widget.title')}
            options={[
              { value: 'day', label: t('widget.day'), testId: 'fd-view-day' },
              { value: 'shift', label: t('widget.shift'), testId: 'fd-view-shift' },
            ]}
            value={view}
            onChange={setView}
          />
        )}
        {foldButton}
      </header>
      <div id={contentId} className={styles.content}>
        {body}
        {unsent && (
          <p className={styles.unsent} data-testid="fd-unsent">
            {unsent}
          </p>
        )}
      </div>
    </section>
  );
}

type Viewer = 'supervisor' | 'cashier' | 'waiter';

/** Whose figures these are, as the server decides it: a supervisor's day, a cashier's shift, a waiter's own checks. */
const viewerOf = (host: HostApi): Viewer => (host.can('shifts.close.override') ? 'supervisor' : host.can('shifts.view') ? 'cashier' : 'waiter');

const titleKey = (view: View, data: Dashboard | undefined) => (data?.waiterId ? 'widget.titleOwn' : view === 'day' ? 'widget.titleDay' : 'widget.title');

function Loading() {
  const { t } = useTranslation('finance-dashboard');
  return (
    <p className={styles.quiet}>
      <Spinner /> {t('widget.loading')}
    </p>
  );
}

/** The collapsed line's figures: net revenue and, with a plan, the deviation in its colour; greyed offline. */
function Summary({ data, isStale, language }: { data: Dashboard; isStale: boolean; language: string }) {
  const { t } = useTranslation('finance-dashboard');
  const money = (minor: number) => figure(minor, data.currency, language);
  const deviation = data.plan ? deviationOf(data.plan, data.currency, language) : null;
  return (
    <p className={styles.summary} data-stale={isStale || undefined} data-testid="fd-figures">
      <span className={styles.summaryNet}>
        <span className={styles.hidden}>{t('widget.net')} </span>
        <span data-testid="fd-net">{money(data.net)}</span>
      </span>
      {deviation && data.plan && (
        <span className={`${styles.deviation} ${styles.summaryPlan}`} data-tone={deviation.tone} data-status={deviation.status} data-testid="fd-plan">
          <span className={styles.summaryStatus}>{t(`widget.status.${deviation.status}`)} </span>
          {deviation.percent === null ? t('widget.plan', { amount: money(data.plan.target) }) : t('widget.deviation', { amount: deviation.amount, percent: deviation.percent })}
        </span>
      )}
    </p>
  );
}

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
