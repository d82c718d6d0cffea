import type { ZReportSummary } from '@pos/contracts';
import { formatMoney, problemText, useTranslation } from '@pos/i18n';
import { type HostProps, useApi, useHost } from '@pos/plugin-sdk';
import { Badge, Button, Notice, Section, Spinner, VisuallyHidden } from '@pos/ui';
import { useState } from 'react';
import { downloadShiftReportPdf, reportLang, useRefreshZReports, useZChainCheck, useZReports, zFilename } from '../../api/reports';
import styles from './z-archive.module.css';

/**
 * "Z-отчёты" (a page of Admin, /x/admin/z-reports; permission shifts.reports.all): the venue's
 * Z archive, newest first, each reprintable as PDF — a reprint is marked as a copy — and whether
 * the Z hash chain still holds.
 */
export function ZArchivePage(_props: HostProps) {
  const { t } = useTranslation('shift');
  const list = useZReports();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Section title={t('archive.title')} description={t('archive.description')} notice={<ChainCheck />} testId="z-archive-page">
      {list.isError ? (
        <Notice kind="error">{t('archive.failed', { message: problemText(t, list.error) })}</Notice>
      ) : list.isPending ? (
        <p className={styles.muted}>
          <Spinner /> {t('archive.loading')}
        </p>
      ) : items.length === 0 ? (
        <p className={styles.muted} data-testid="z-archive-empty">
          {t('archive.empty')}
        </p>
      ) : (
        <div className={styles.scroll}>
          <table className={styles.table} data-testid="z-archive-table">
            <thead>
              <tr>
                <th scope="col">{t('archive.number')}</th>
                <th scope="col">{t('archive.closed')}</th>
                <th scope="col">{t('archive.cashier')}</th>
                <th scope="col" className={styles.figure}>
                  {t('archive.net')}
                </th>
                <th scope="col" className={styles.figure}>
                  {t('archive.difference')}
                </th>
                <th scope="col">{t('archive.mode')}</th>
                <th scope="col" className={styles.figure}>
                  {t('archive.prints')}
                </th>
                <th scope="col">
                  <VisuallyHidden>{t('archive.actions')}</VisuallyHidden>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((z) => (
                <ArchiveRow key={z.number} z={z} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.hasNextPage && (
        <Button onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage} data-testid="z-archive-more">
          {t('archive.more')}
        </Button>
      )}
    </Section>
  );
}

function ArchiveRow({ z }: { z: ZReportSummary }) {
  const { t, i18n } = useTranslation('shift');
  const host = useHost();
  const api = useApi();
  const refresh = useRefreshZReports();
  const [isBusy, setBusy] = useState(false);
  const money = (minor: number) => formatMoney(minor, z.currency, i18n.language);
  const when = new Intl.DateTimeFormat(i18n.language, { timeZone: host.session.venue.timezone, dateStyle: 'short', timeStyle: 'short' });
  const label = String(z.number).padStart(4, '0');
  const reprint = async () => {
    setBusy(true);
    try {
      await downloadShiftReportPdf(api, z.shiftId, reportLang(i18n.language), zFilename(z.number, z.shiftId));
      await refresh();
    } catch (error) {
      host.notify('error', t('archive.failed', { message: problemText(t, error) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <tr data-testid="z-archive-row" data-number={z.number}>
      <td className={styles.number}>№ {label}</td>
      <td data-label={t('archive.closed')}>{when.format(new Date(z.closedAt))}</td>
      <td data-label={t('archive.cashier')}>
        {z.cashierName}
        {z.tillName && <span className={styles.till}> · {z.tillName}</span>}
      </td>
      <td className={styles.figure} data-label={t('archive.net')} data-testid="z-archive-net">
        {money(z.netRevenue)}
      </td>
      <td className={`${styles.figure} ${z.cashDifference && z.cashDifference < 0 ? styles.short : ''}`} data-label={t('archive.difference')}>{z.cashDifference === null ? '—' : money(z.cashDifference)}</td>
      <td data-label={t('archive.mode')}>{z.closeMode ? t(`archive.modes.${z.closeMode}`) : '—'}</td>
      <td className={styles.figure} data-label={t('archive.prints')} data-testid="z-archive-prints">
        {z.prints}
      </td>
      <td className={styles.action}>
        <Button onClick={() => void reprint()} disabled={isBusy} data-testid="z-archive-reprint">
          {z.prints > 0 ? t('archive.reprint') : t('archive.print')}
        </Button>
      </td>
    </tr>
  );
}

/** Whether every Z still hashes to its chain; where it breaks, if it does. */
function ChainCheck() {
  const { t } = useTranslation('shift');
  const check = useZChainCheck();
  if (check.isPending) return <Notice kind="neutral">{t('archive.chain.checking')}</Notice>;
  if (check.isError) return <Notice kind="error">{t('archive.failed', { message: problemText(t, check.error) })}</Notice>;
  const { ok, checked, brokenAt } = check.data;
  return (
    <Notice
      kind={ok ? 'info' : 'error'}
      testId="z-chain-check"
      action={
        <Button onClick={() => void check.refetch()} disabled={check.isFetching} data-testid="z-chain-recheck">
          {t('archive.chain.recheck')}
        </Button>
      }
    >
      <Badge tone={ok ? 'success' : 'danger'}>{ok ? '✓' : '✗'}</Badge>{' '}
      {ok ? t('archive.chain.ok', { count: checked }) : t('archive.chain.broken', { number: String(brokenAt).padStart(4, '0'), count: checked })}
    </Notice>
  );
}
