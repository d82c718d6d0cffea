import { addDays, businessDate } from '@pos/contracts';
import { formatMoney } from '@pos/i18n';
import { Button, SearchInput, Spinner, Tabs, VisuallyHidden } from '@pos/ui';
import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../core/router';
import { useServices, useSubject } from '../../core/services-context';
import { filterOrders, indexOrders, type ListParams, listPath, readListParams, STATUS_TABS, type StatusTab, sumOrders } from './order-list';
import { OrderRow, type RowLabels } from './order-row';
import styles from './orders-screen.module.css';
import { useDayOrders } from './use-day-orders';
import { problemText } from '@pos/i18n';

/**
 * The venue's orders of one business day (today by default, in the venue's time zone): by status,
 * searchable by number, table or waiter, live. Remotes add per-row actions (refunds).
 */
export function OrdersScreen() {
  const { t, i18n } = useTranslation('orders');
  const { host, pluginHost } = useServices();
  const { venue } = host().session;
  const today = businessDate(Date.now(), venue.timezone);
  const [params, setParams] = useState<ListParams>(() => readListParams(window.location.search, today));
  const [search, setSearch] = useState('');
  const deferredSearch = useDeferredValue(search);
  useSubject(pluginHost.remotes$);
  const hasActions = pluginHost.slot('orders.row-actions').length > 0;

  const orders = useDayOrders({ date: params.date, ...(params.tab === 'all' ? {} : { status: params.tab }) });
  const index = useMemo(() => indexOrders(orders.data ?? []), [orders.data]);
  const shown = useMemo(() => filterOrders(index, deferredSearch), [index, deferredSearch]);
  const sums = useMemo(() => sumOrders(shown), [shown]);

  const show = (next: ListParams) => {
    setParams(next);
    navigate(listPath(next, today), true);
  };
  const labels: RowLabels = useMemo(
    () => ({ noTable: t('noTable'), delivery: (partner: string) => t('delivery', { partner }), status: { open: t('status.open'), paid: t('status.paid'), void: t('status.void') } }),
    [t, i18n.language],
  );
  const money = (v: number) => formatMoney(v, venue.currency, i18n.language);
  const isToday = params.date === today;

  let body;
  if (orders.isPending) {
    body = (
      <div className={styles.state} data-testid="orders-loading">
        <Spinner label={t('common:loading')} />
      </div>
    );
  } else if (orders.isError && !orders.data) {
    body = (
      <div className={styles.state} role="alert" data-testid="orders-error">
        <p>{t('loadError', { message: problemText(t, orders.error) })}</p>
        <Button variant="primary" size="large" onClick={() => void orders.refetch()} data-testid="orders-retry">
          {t('common:retry')}
        </Button>
      </div>
    );
  } else if (shown.length === 0) {
    body = (
      <div className={styles.state} data-testid="orders-empty">
        <p>{deferredSearch.trim() && index.length > 0 ? t('empty.search', { query: deferredSearch.trim() }) : params.tab === 'all' ? t('empty.day') : t('empty.status')}</p>
      </div>
    );
  } else {
    body = (
      <ul className={`${styles.list} ${hasActions ? styles.withActions : ''}`} data-testid="orders-list" aria-busy={orders.isFetching}>
        <li className={`${styles.row} ${styles.head}`} aria-hidden="true">
          <span className={styles.rowMain}>
            <span>{t('columns.number')}</span>
            <span>{t('columns.table')}</span>
            <span>{t('columns.waiter')}</span>
            <span className={styles.time}>{t('columns.openedAt')}</span>
            <span className={styles.amount}>{t('columns.total')}</span>
            <span className={styles.amount}>{t('columns.paid')}</span>
            <span className={styles.amount}>{t('columns.due')}</span>
            <span>{t('columns.status')}</span>
          </span>
          {hasActions && <span className={styles.actions} />}
        </li>
        {shown.map((order) => (
          <OrderRow key={order.id} order={order} currency={venue.currency} timeZone={venue.timezone} language={i18n.language} labels={labels} hasActions={hasActions} />
        ))}
      </ul>
    );
  }

  return (
    <div className={styles.screen} data-testid="orders-screen">
      <VisuallyHidden as="h1">{t('title')}</VisuallyHidden>
      <div className={styles.toolbar}>
        <div className={styles.day}>
          <Button size="large" onClick={() => show({ ...params, date: addDays(params.date, -1) })} aria-label={t('day.previous')} data-testid="orders-day-previous">
            <span className={styles.arrow} aria-hidden="true">
              ‹
            </span>
          </Button>
          <div className={styles.dayLabel} data-testid="orders-day" data-date={params.date}>
            <b>{isToday ? t('day.today') : params.date === addDays(today, -1) ? t('day.yesterday') : weekday(params.date, i18n.language)}</b>
            <span>{calendarDay(params.date, i18n.language)}</span>
          </div>
          <Button size="large" onClick={() => show({ ...params, date: addDays(params.date, 1) })} disabled={isToday} aria-label={t('day.next')} data-testid="orders-day-next">
            <span className={styles.arrow} aria-hidden="true">
              ›
            </span>
          </Button>
          {!isToday && (
            <Button size="large" variant="ghost" onClick={() => show({ ...params, date: today })} data-testid="orders-day-today">
              {t('day.backToToday')}
            </Button>
          )}
        </div>
        <div className={styles.search}>
          <SearchInput value={search} onChange={setSearch} placeholder={t('search')} clearLabel={t('clearSearch')} testId="orders-search" />
        </div>
      </div>
      <Tabs<StatusTab>
        aria-label={t('tabs.label')}
        items={STATUS_TABS.map((tab) => ({ id: tab, label: t(`tabs.${tab}`), testId: `orders-tab-${tab}` }))}
        value={params.tab}
        onChange={(tab) => show({ ...params, tab })}
      />
      <div className={styles.card}>{body}</div>
      {shown.length > 0 && (
        <div className={styles.summary} data-testid="orders-summary">
          {t('summary', { count: shown.length, total: money(sums.total), paid: money(sums.paid) })}
        </div>
      )}
    </div>
  );
}

/** A calendar date (no time zone involved) in words: "2 марта 2026". */
function calendarDay(date: string, language: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'ru-RU', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.parse(`${date}T00:00:00Z`));
}

function weekday(date: string, language: string): string {
  const name = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'ru-RU', { weekday: 'long', timeZone: 'UTC' }).format(Date.parse(`${date}T00:00:00Z`));
  return name.charAt(0).toUpperCase() + name.slice(1);
}
