import { ANALYTICS_EXPORT_DATASETS, ANALYTICS_EXPORT_FORMATS, type AnalyticsExport, type AnalyticsExportDataset, type AnalyticsExportFormat, type AnalyticsExportStatus, businessDate, businessDayBounds, isCalendarDate } from '@pos/contracts';
import { problemText } from '@pos/i18n';
import { useApi, useHost } from '@pos/plugin-sdk';
import { Badge, type BadgeTone, Button, ChoiceGroup, EmptyState, Notice, TextField } from '@pos/ui';
import { useState } from 'react';
import { newRequestId } from '../../api/request-id';
import { useFormat } from '../../format';
import { downloadExportFile, isExportActive, useAnalyticsExport, useAnalyticsExports, useStartAnalyticsExport } from './api/analytics-exports';
import { readFailure } from './failure';
import styles from './integrations-admin.module.css';
import { QueryPending } from './query-state';

const STATUS_TONE: Record<AnalyticsExportStatus, BadgeTone> = { queued: 'info', running: 'warning', done: 'success', failed: 'danger' };
const RANGES = ['period', 'since_last'] as const;
type Range = (typeof RANGES)[number];
const MAX_DAYS = 366;
const DAY_MS = 86_400_000;

/** BI export (`admin.analytics`): a form to start one, and the recent ones with their progress and files. */
export function AnalyticsExportPanel() {
  const { t } = useFormat();
  const list = useAnalyticsExports();
  return (
    <div className={styles.panel} data-testid="exports-panel">
      <ExportForm />
      <h3 className={styles.subTitle}>{t('admin.exports.recent')}</h3>
      {list.data ? (
        list.data.exports.length === 0 ? (
          <EmptyState>{t('admin.exports.empty')}</EmptyState>
        ) : (
          <ul className={styles.rows}>
            {list.data.exports.map((e) => (
              <ExportRow key={e.id} initial={e} />
            ))}
          </ul>
        )
      ) : (
        <QueryPending error={list.error} />
      )}
    </div>
  );
}

/** Datasets, format, and a period of whole days in the venue's zone or the changes since the last export. */
function ExportForm() {
  const { t } = useFormat();
  const host = useHost();
  const zone = host.session.venue.timezone;
  const start = useStartAnalyticsExport();
  const today = businessDate(Date.now(), zone);
  // One id per attempt: a retried start is done once; a new one after success.
  const [requestId, setRequestId] = useState(newRequestId);
  const [datasets, setDatasets] = useState<AnalyticsExportDataset[]>(['orders']);
  const [format, setFormat] = useState<AnalyticsExportFormat>('csv');
  const [range, setRange] = useState<Range>('period');
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(today);
  const [errors, setErrors] = useState<{ datasets?: string; period?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);

  const submit = () => {
    const found: typeof errors = {};
    if (datasets.length === 0) found.datasets = t('admin.exports.datasetsError');
    const days = isCalendarDate(from) && isCalendarDate(to) ? (Date.parse(to) - Date.parse(from)) / DAY_MS + 1 : 0;
    if (range === 'period' && (days < 1 || days > MAX_DAYS)) found.period = t('admin.exports.periodError');
    setErrors(found);
    setFailure(null);
    if (found.datasets || found.period) return;
    const period = { from: businessDayBounds(from, zone).from, to: businessDayBounds(to, zone).to };
    start.mutate(
      {
        // In the order the server lists them, whatever order they were ticked in.
        datasets: ANALYTICS_EXPORT_DATASETS.filter((d) => datasets.includes(d)),
        format,
        ...(range === 'period' ? { period } : { mode: 'since_last' as const }),
        clientRequestId: requestId,
      },
      {
        onSuccess: () => {
          host.notify('success', t('admin.exports.started'));
          setRequestId(newRequestId());
        },
        onError: (e) => {
          const f = readFailure(t, e);
          if (f.kind === 'fields') {
            const atFields: typeof errors = {};
            const rest: string[] = [];
            for (const [path, message] of Object.entries(f.fields)) {
              if (path.startsWith('datasets')) atFields.datasets = message;
              else if (path.startsWith('period') || path === 'mode') atFields.period = message;
              else rest.push(`${path}: ${message}`);
            }
            setErrors(atFields);
            setFailure(rest.length ? rest.join('; ') : null);
          } else setFailure(problemText(t, e));
        },
      },
    );
  };

  return (
    <form
      className={`${styles.row} ${styles.form}`}
      aria-label={t('admin.exports.title')}
      data-testid="export-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h3 className={styles.subTitle}>{t('admin.exports.title')}</h3>
      <fieldset className={styles.fieldset}>
        <legend className={styles.label}>{t('admin.exports.datasets')}</legend>
        <div className={styles.checkRow}>
          {ANALYTICS_EXPORT_DATASETS.map((d) => (
            <label key={d} className={styles.check}>
              <input
                type="checkbox"
                checked={datasets.includes(d)}
                onChange={(e) => {
                  const isOn = e.target.checked;
                  setDatasets((list) => (isOn ? [...list, d] : list.filter((x) => x !== d)));
                  setErrors(({ datasets: _dropped, ...rest }) => rest);
                }}
                data-testid={`export-dataset-${d}`}
              />
              {t(`admin.exports.datasetNames.${d}`)}
            </label>
          ))}
        </div>
        {errors.datasets && (
          <span className={styles.fieldError} role="alert" data-testid="export-datasets-error">
            {errors.datasets}
          </span>
        )}
      </fieldset>
      <div className={styles.filters}>
        <ChoiceGroup<AnalyticsExportFormat>
          label={t('admin.exports.format')}
          options={ANALYTICS_EXPORT_FORMATS.map((f) => ({ value: f, label: t(`admin.exports.formats.${f}`), testId: `export-format-${f}` }))}
          value={format}
          onChange={setFormat}
        />
        <ChoiceGroup<Range>
          label={t('admin.exports.range')}
          options={RANGES.map((r) => ({ value: r, label: t(`admin.exports.ranges.${r}`), testId: `export-range-${r}` }))}
          value={range}
          onChange={(r) => {
            setRange(r);
            setErrors(({ period: _dropped, ...rest }) => rest);
          }}
        />
      </div>
      {range === 'period' && (
        <div className={styles.dates}>
          <TextField
            label={t('admin.exports.from')}
            type="date"
            value={from}
            onChange={(e) => {
              setFrom(e.target.value);
              setErrors(({ period: _dropped, ...rest }) => rest);
            }}
            data-testid="export-from"
          />
          <TextField
            label={t('admin.exports.to')}
            type="date"
            value={to}
            error={errors.period}
            hint={t('admin.exports.periodHint', { zone })}
            onChange={(e) => {
              setTo(e.target.value);
              setErrors(({ period: _dropped, ...rest }) => rest);
            }}
            data-testid="export-to"
          />
        </div>
      )}
      {range === 'since_last' && errors.period && (
        <Notice kind="error" testId="export-mode-error">
          {errors.period}
        </Notice>
      )}
      {failure && (
        <Notice kind="error" testId="export-form-failure">
          {failure}
        </Notice>
      )}
      <div className={styles.rowActions}>
        <Button type="submit" variant="primary" size="large" disabled={start.isPending} data-testid="export-start">
          {t('admin.exports.start')}
        </Button>
      </div>
    </form>
  );
}

/** One export: its status polled while it is queued or running, a progress bar, and its files once done. */
function ExportRow({ initial }: { initial: AnalyticsExport }) {
  const { t, dateTime } = useFormat();
  const api = useApi();
  const host = useHost();
  const zone = host.session.venue.timezone;
  const { data } = useAnalyticsExport(initial);
  const e = data ?? initial;
  const percent = e.status === 'done' ? 100 : e.progress.percent;
  const datasets = e.datasets.map((d) => t(`admin.exports.datasetNames.${d}`)).join(', ');
  const period = e.period ? `${businessDate(e.period.from, zone)} — ${businessDate(Date.parse(e.period.to) - 1, zone)}` : t('admin.exports.sinceLast');
  const download = (dataset: AnalyticsExportDataset) =>
    downloadExportFile(api, e, dataset).catch((error: unknown) => host.notify('error', t('admin.exports.downloadFailed', { message: problemText(t, error) })));
  return (
    <li className={styles.row} data-testid="export-row" data-export-id={e.id} data-status={e.status}>
      <div className={styles.rowHead}>
        <Badge tone={STATUS_TONE[e.status]}>
          <span data-testid="export-status">{t(`admin.exports.statuses.${e.status}`)}</span>
        </Badge>
        <span className={styles.name}>{datasets}</span>
        <span className={styles.muted}>
          {t(`admin.exports.formats.${e.format}`)} · {period}
        </span>
        <span className={styles.grow} />
        <span className={styles.muted}>{t('admin.exports.by', { name: e.requestedBy.name, time: dateTime(e.createdAt) })}</span>
      </div>
      <div className={styles.progress} role="progressbar" aria-label={t('admin.exports.progress')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} data-testid="export-progress">
        <span className={`${styles.progressFill} ${isExportActive(e) ? styles.progressActive : ''}`} style={{ width: `${percent}%` }} />
      </div>
      <span className={styles.muted} data-testid="export-rows">
        {percent}% · {e.status === 'done' ? t('admin.exports.rowsDone', { rows: e.progress.rows }) : t('admin.exports.rows', { rows: e.progress.rows, total: e.progress.totalRows })}
      </span>
      {e.error && (
        <Notice kind="error" testId="export-error">
          {e.error}
        </Notice>
      )}
      {e.status === 'done' && e.files.length > 0 && (
        <div className={styles.rowActions}>
          {e.files.map((f) => (
            <Button key={f.dataset} onClick={() => void download(f.dataset)} data-testid={`export-download-${f.dataset}`}>
              {t('admin.exports.download', { dataset: t(`admin.exports.datasetNames.${f.dataset}`), count: f.rows })}
            </Button>
          ))}
        </div>
      )}
    </li>
  );
}
