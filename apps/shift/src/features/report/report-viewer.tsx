import { problemText, useTranslation } from '@pos/i18n';
import { useApi, useHost } from '@pos/plugin-sdk';
import { Button, Dialog, Spinner } from '@pos/ui';
import { useRef, useState } from 'react';
import { downloadShiftReportPdf, reportLang, useShiftReportHtml, zFilename } from '../../api/reports';
import styles from './report.module.css';

interface ReportViewerProps {
  shiftId: string;
  /** The Z's number, for the title and the PDF's name; null for an X-report. */
  zNumber: number | null;
  /** Print as soon as the page is in (the card's «Печать»). */
  printOnLoad?: boolean;
  onClose(): void;
}

/**
 * The server's report page in a sandboxed iframe (`srcdoc`; no scripts run in it, same origin
 * only so that the tablet can print it), fetched afresh each time it opens, with PDF and print.
 */
export function ReportViewer({ shiftId, zNumber, printOnLoad = false, onClose }: ReportViewerProps) {
  const { t, i18n } = useTranslation('shift');
  const api = useApi();
  const host = useHost();
  const lang = reportLang(i18n.language);
  const html = useShiftReportHtml(shiftId, lang, true);
  const frame = useRef<HTMLIFrameElement>(null);
  const [isDownloading, setDownloading] = useState(false);
  const print = () => frame.current?.contentWindow?.print();
  const download = async () => {
    setDownloading(true);
    try {
      await downloadShiftReportPdf(api, shiftId, lang, zFilename(zNumber, shiftId));
    } catch (error) {
      host.notify('error', t('report.failed', { message: problemText(t, error) }));
    } finally {
      setDownloading(false);
    }
  };

  return (
    <Dialog
      title={zNumber ? t('report.zTitle', { number: String(zNumber).padStart(4, '0') }) : t('report.xTitle')}
      size="large"
      onClose={onClose}
      closeLabel={t('report.close')}
      testId="shift-report-dialog"
      footer={
        <div className={styles.actions}>
          <Button onClick={() => void download()} disabled={isDownloading} data-testid="shift-report-dialog-pdf">
            {t('report.pdf')}
          </Button>
          <Button onClick={print} disabled={!html.data} data-testid="shift-report-dialog-print">
            {t('report.print')}
          </Button>
          <Button variant="primary" onClick={onClose}>
            {t('report.close')}
          </Button>
        </div>
      }
    >
      {html.data ? (
        <iframe
          ref={frame}
          className={styles.frame}
          title={t('report.frameTitle')}
          sandbox="allow-same-origin allow-modals"
          srcDoc={html.data}
          onLoad={printOnLoad ? print : undefined}
          data-testid="shift-report-frame"
        />
      ) : html.isError ? (
        <p role="alert" className={styles.error}>
          {t('report.failed', { message: problemText(t, html.error) })}
        </p>
      ) : (
        <p className={styles.muted}>
          <Spinner /> {t('report.loading')}
        </p>
      )}
    </Dialog>
  );
}
