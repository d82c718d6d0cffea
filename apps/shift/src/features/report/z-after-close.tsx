import { problemText, useTranslation } from '@pos/i18n';
import { type SlotProps, useApi, useHost } from '@pos/plugin-sdk';
import { Button, Spinner } from '@pos/ui';
import { useState } from 'react';
import { downloadShiftReportPdf, reportLang, useShiftZReport, zFilename } from '../../api/reports';
import styles from './report.module.css';
import { ReportViewer } from './report-viewer';

/**
 * The Z-report of the shift just closed (slot `shift.close`, stage 'after'): its number, to open
 * or download. The first print is the original; later prints say «КОПИЯ».
 */
export function ZAfterClose({ context }: SlotProps<'shift.close'>) {
  if (context.stage !== 'after') return null;
  return <ZReportCard shiftId={context.shift.id} />;
}

function ZReportCard({ shiftId }: { shiftId: string }) {
  const { t, i18n } = useTranslation('shift');
  const host = useHost();
  const api = useApi();
  const z = useShiftZReport(shiftId);
  const [isOpen, setOpen] = useState(false);
  const number = z.data?.zReport?.number ?? null;

  const download = async () => {
    try {
      await downloadShiftReportPdf(api, shiftId, reportLang(i18n.language), zFilename(number, shiftId));
    } catch (error) {
      host.notify('error', t('report.failed', { message: problemText(t, error) }));
    }
  };

  return (
    <section className={styles.card} aria-labelledby="shift-z-title" data-testid="shift-z-card">
      <h2 id="shift-z-title" className={styles.title}>
        {number ? t('report.zTitle', { number: String(number).padStart(4, '0') }) : t('report.zPending')}
      </h2>
      {z.isPending && (
        <p className={styles.muted}>
          <Spinner /> {t('report.loading')}
        </p>
      )}
      {z.isError && (
        <p role="alert" className={styles.error}>
          {t('report.failed', { message: problemText(t, z.error) })}
        </p>
      )}
      {number && (
        <>
          <p className={styles.hint} data-testid="shift-z-number">
            {t('report.zIssued', { number: String(number).padStart(4, '0') })}
          </p>
          <div className={styles.actions}>
            <Button size="large" variant="primary" onClick={() => setOpen(true)} data-testid="shift-z-open">
              {t('report.open')}
            </Button>
            <Button size="large" onClick={() => void download()} data-testid="shift-z-pdf">
              {t('report.pdfShort')}
            </Button>
          </div>
        </>
      )}
      {isOpen && <ReportViewer shiftId={shiftId} zNumber={number} onClose={() => setOpen(false)} />}
    </section>
  );
}
