import { z } from 'zod';
import { ClientRequestIdSchema, IdSchema, InputInstantSchema, IsoDateTimeSchema } from './common';

/**
 * BI export (`/admin/analytics/export`, `admin.analytics`): a background job writes the venue's
 * orders, lines, money movements, shifts and applied promotions to one file per dataset, as CSV or
 * NDJSON, for a period or incrementally since the venue's last incremental export.
 */

export const ANALYTICS_EXPORT_DATASETS = ['orders', 'lines', 'payments', 'shifts', 'promotions'] as const;
export const AnalyticsExportDatasetSchema = z.enum(ANALYTICS_EXPORT_DATASETS);
export type AnalyticsExportDataset = z.infer<typeof AnalyticsExportDatasetSchema>;

export const ANALYTICS_EXPORT_FORMATS = ['csv', 'ndjson'] as const;
export const AnalyticsExportFormatSchema = z.enum(ANALYTICS_EXPORT_FORMATS);
export type AnalyticsExportFormat = z.infer<typeof AnalyticsExportFormatSchema>;

/** The longest period one export may cover (a leap year). */
export const ANALYTICS_EXPORT_MAX_PERIOD_DAYS = 366;
const DAY_MS = 86_400_000;

/** A half-open period [from, to) of instants, at most a year long. */
export const AnalyticsExportPeriodSchema = z
  .strictObject({ from: InputInstantSchema, to: InputInstantSchema })
  .refine((p) => Date.parse(p.to) > Date.parse(p.from), { path: ['to'], message: '`to` must be after `from`' })
  .refine((p) => Date.parse(p.to) - Date.parse(p.from) <= ANALYTICS_EXPORT_MAX_PERIOD_DAYS * DAY_MS, {
    path: ['to'],
    message: `A period of at most ${ANALYTICS_EXPORT_MAX_PERIOD_DAYS} days`,
  });
export type AnalyticsExportPeriod = z.infer<typeof AnalyticsExportPeriodSchema>;

/**
 * `POST /admin/analytics/export`: which datasets, which format, and either a `period` or
 * `mode: 'since_last'` (what changed since the venue's last completed incremental export; the
 * first one exports everything) — exactly one of the two.
 */
export const StartAnalyticsExportInputSchema = z
  .strictObject({
    datasets: z
      .array(AnalyticsExportDatasetSchema)
      .min(1)
      .max(ANALYTICS_EXPORT_DATASETS.length)
      .refine((list) => new Set(list).size === list.length, 'Each dataset at most once'),
    format: AnalyticsExportFormatSchema,
    period: AnalyticsExportPeriodSchema.optional(),
    mode: z.enum(['since_last']).optional(),
    clientRequestId: ClientRequestIdSchema.optional(),
  })
  .refine((input) => !(input.period && input.mode), { path: ['mode'], message: 'Give a period or mode=since_last, not both' })
  .refine((input) => Boolean(input.period || input.mode), { path: ['period'], message: 'Give a period or mode=since_last' });
export type StartAnalyticsExportInput = z.infer<typeof StartAnalyticsExportInputSchema>;

export const ANALYTICS_EXPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export const AnalyticsExportStatusSchema = z.enum(ANALYTICS_EXPORT_STATUSES);
export type AnalyticsExportStatus = z.infer<typeof AnalyticsExportStatusSchema>;

/** Row counts of an export (a venue's whole history of lines fits many times over). */
const RowCountSchema = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const AnalyticsExportFileSchema = z.object({
  dataset: AnalyticsExportDatasetSchema,
  bytes: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  rows: RowCountSchema,
  /** Where to download it (`GET`, same authorization). */
  url: z.string().max(200),
});
export type AnalyticsExportFile = z.infer<typeof AnalyticsExportFileSchema>;

export const AnalyticsExportSchema = z.object({
  id: IdSchema,
  status: AnalyticsExportStatusSchema,
  datasets: z.array(AnalyticsExportDatasetSchema).min(1).max(ANALYTICS_EXPORT_DATASETS.length),
  format: AnalyticsExportFormatSchema,
  mode: z.enum(['period', 'since_last']),
  /** The period asked for (null for an incremental export). */
  period: z.object({ from: IsoDateTimeSchema, to: IsoDateTimeSchema }).nullable(),
  progress: z.object({
    rows: RowCountSchema,
    /** Counted before the first row is written: an estimate, since rows keep coming. */
    totalRows: RowCountSchema,
    percent: z.number().int().min(0).max(100),
  }),
  files: z.array(AnalyticsExportFileSchema).max(ANALYTICS_EXPORT_DATASETS.length),
  /**
   * The change window the export covered, set when it starts: [from, to) of change times (`from`
   * null: from the beginning). For a period export it is the period.
   */
  cursor: z.object({ from: IsoDateTimeSchema.nullable(), to: IsoDateTimeSchema }).nullable(),
  requestedBy: z.object({ id: IdSchema, name: z.string().max(200) }),
  createdAt: IsoDateTimeSchema,
  startedAt: IsoDateTimeSchema.nullable(),
  finishedAt: IsoDateTimeSchema.nullable(),
  error: z.string().max(500).nullable(),
});
export type AnalyticsExport = z.infer<typeof AnalyticsExportSchema>;

/** `GET /admin/analytics/exports`: the venue's most recent exports, newest first. */
export const AnalyticsExportListSchema = z.object({ exports: z.array(AnalyticsExportSchema).max(100) });
export type AnalyticsExportList = z.infer<typeof AnalyticsExportListSchema>;

export const AnalyticsExportFileParamsSchema = z.strictObject({ id: IdSchema, dataset: AnalyticsExportDatasetSchema });
export type AnalyticsExportFileParams = z.infer<typeof AnalyticsExportFileParamsSchema>;
