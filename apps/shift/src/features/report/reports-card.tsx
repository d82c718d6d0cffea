import { problemText, useTranslation } from '@pos/i18n';
import { type SlotProps, useApi, useConnectivity, useHost } from '@pos/plugin-sdk';
import { Button } from '@pos/ui';
import { useState } from 'react';
import { downloadShiftReportPdf, reportLang, zFilename } from '../../api/reports';
import styles from './report.module.css';
import { ReportViewer } from './report-viewer';

/**
 * "Отчёты" on the shift screen (slot `shift.panel`, while a shift is open): the live X-report —
 * interim, not numbered — to read, download as PDF or print. Reports need the network.
 */
export function ReportsCard({ context }: SlotProps<'shift.panel'>) {
  const { t, i18n } = useTranslation('shift');
  const host = useHost();
  const api = useApi();
  const isOffline = useConnectivity().state === 'offline';
  const [viewer, setViewer] = useState<'read' | 'print' | null>(null);
  const [isDownloading, setDownloading] = useState(false);
  if (!host.can('shifts.view')) return null;
  const shiftId = context.shift.id;

  const download = async () => {
    setDownloading(true);
    try {
      await downloadShiftReportPdf(api, shiftId, reportLang(i18n.language), zFilename(null, shiftId));
    } catch (error) {
      host.notify('error', t('report.failed', { message: problemText(t, error) }));
    } finally {
      setDownloading(false);
    }
  };

  return (
    <section className={`${styles.card} ${styles.panelCard}`} aria-labelledby="shift-reports-title" data-testid="shift-reports-card">
      <div className={styles.head}>
        <h2 id="shift-reports-title" className={styles.title}>
          {t('report.title')}
        </h2>
        {isOffline && <span className={styles.muted}>{t('report.needsNetwork')}</span>}
      </div>
      <p className={styles.hint}>{t('report.xHint')}</p>
      <div className={styles.actions}>
        <Button size="large" variant="primary" disabled={isOffline} onClick={() => setViewer('read')} data-testid="shift-report-x">
          {t('report.x')}
        </Button>
        <Button size="large" disabled={isOffline || isDownloading} onClick={() => void download()} data-testid="shift-report-pdf">
          {t('report.pdf')}
        </Button>
        <Button size="large" disabled={isOffline} onClick={() => setViewer('print')} data-testid="shift-report-print">
          {t('report.print')}
        </Button>
      </div>
      {viewer && <ReportViewer shiftId={shiftId} zNumber={null} printOnLoad={viewer === 'print'} onClose={() => setViewer(null)} />}
    </section>
  );
}
