import fs from 'node:fs';
import path from 'node:path';
import type { AnalyticsExport, AnalyticsExportDataset, AnalyticsExportFormat, AnalyticsExportList, StartAnalyticsExportInput } from '@pos/contracts';
import { addMs, nowIso } from '../../shared/clock';
import { type Actor, type Db, type Outcome, outcome } from '../../shared/command';
import { conflict, notFound } from '../../shared/errors';
import { newId } from '../../shared/ids';
import { datasetSource, type ExportPage } from './datasets';
import { ExportFile } from './export-file';
import { fileHead, formatRow } from './format';
import type { ExportReader } from './reader';
import type { ExportScope } from './read-model';
import { venueCurrency } from './read-model';
import * as repo from './repository';

/**
 * An incremental export covers changes up to the moment it started minus this lag. A row is
 * stamped when its command starts and becomes visible when the command commits; a command that
 * commits within the lag is still read by the export that covers its time, so the watermark
 * never passes a row that is about to appear.
 */
export const CURSOR_LAG_MS = 10_000;
/** A running export whose heartbeat (every page) is older than this lost its process: another takes it over. */
export const STALE_RUN_MS = 5 * 60_000;
/** Exports a venue may have queued or running at once. */
export const MAX_UNFINISHED_EXPORTS = 5;
/** Rows formatted into one string and written at once. */
const ROWS_PER_WRITE = 50;
/** How many exports the list answers with. */
export const RECENT_EXPORTS = 50;

const CONTENT_TYPES: Record<AnalyticsExportFormat, string> = { csv: 'text/csv; charset=utf-8', ndjson: 'application/x-ndjson; charset=utf-8' };

/** The request as stored: the contract's input with the period in UTC. */
interface StoredRequest {
  datasets: AnalyticsExportDataset[];
  format: AnalyticsExportFormat;
  period: { from: string; to: string } | null;
}

interface StoredFile {
  dataset: AnalyticsExportDataset;
  file: string;
  bytes: number;
  rows: number;
}

export interface ExportDownload {
  path: string;
  bytes: number;
  contentType: string;
  filename: string;
}

/** The export stopped because the process is closing: it goes back to the queue. */
class Interrupted extends Error {}
/** Another run took the export over (this one was thought dead): this run leaves it alone. */
class ClaimLost extends Error {}

/**
 * BI export: an admin asks for datasets of a period or of what changed since the last incremental
 * export; a background run (`runPending`) writes one file per dataset page by page, with its
 * progress in the export's row; the files are downloaded from disk. A read model above finance:
 * it reads orders, lines, the ledger, shifts and applied promotions, and writes only its own table.
 */
export class AnalyticsExportService {
  private running: Promise<number> | null = null;
  private readonly closing = new AbortController();

  /**
   * `exportDir`: where the files go (`<dir>/<venue>/<export>/<dataset>.<format>`); `reader`: the
   * connection an export reads its rows through (its own on SQLite, see `exportReaders`).
   */
  constructor(
    private readonly exportDir: string,
    private readonly reader: (db: Db) => ExportReader = (db) => ({ db, close: async () => undefined }),
  ) {}

  async start(db: Db, actor: Actor, input: StartAnalyticsExportInput): Promise<Outcome<AnalyticsExport>> {
    if ((await repo.countUnfinished(db, actor.venueId)) >= MAX_UNFINISHED_EXPORTS) {
      throw conflict('analytics_export.too_many', `At most ${MAX_UNFINISHED_EXPORTS} exports may wait or run at once; wait for one to finish`);
    }
    const request: StoredRequest = {
      datasets: input.datasets,
      format: input.format,
      period: input.period ? { from: new Date(input.period.from).toISOString(), to: new Date(input.period.to).toISOString() } : null,
    };
    const row = {
      id: newId(),
      venue_id: actor.venueId,
      requested_by: actor.staffId,
      request: JSON.stringify(request),
      mode: request.period ? 'period' : 'since_last',
      status: 'queued',
      rows_done: 0,
      rows_total: 0,
      cursor_from: request.period?.from ?? null,
      cursor_to: request.period?.to ?? null,
      files: '[]',
      error: null,
      created_at: nowIso(),
      started_at: null,
      heartbeat_at: null,
      finished_at: null,
    };
    await repo.insertExport(db, row);
    return outcome(exportView({ ...row, requested_by_name: actor.staffName }));
  }

  async status(db: Db, actor: Actor, id: string): Promise<AnalyticsExport> {
    const record = await repo.findExport(db, actor.venueId, id);
    if (!record) throw notFound('analytics_export', id);
    return exportView(record);
  }

  async list(db: Db, actor: Actor): Promise<AnalyticsExportList> {
    return { exports: (await repo.recentExports(db, actor.venueId, RECENT_EXPORTS)).map(exportView) };
  }

  /** A finished export's file of one dataset, to stream from disk. */
  async download(db: Db, actor: Actor, id: string, dataset: AnalyticsExportDataset): Promise<ExportDownload> {
    const record = await repo.findExport(db, actor.venueId, id);
    if (!record) throw notFound('analytics_export', id);
    if (record.status !== 'done') throw conflict('analytics_export.not_ready', `Export ${id} is ${record.status}; its files are there once it is done`, { exportStatus: record.status });
    const file = (JSON.parse(record.files) as StoredFile[]).find((f) => f.dataset === dataset);
    if (!file) throw notFound('analytics_export_file', dataset);
    const { format } = JSON.parse(record.request) as StoredRequest;
    const filePath = path.join(this.exportDir, record.venue_id, record.id, file.file);
    // Removed from disk since (a cleanup, another EXPORT_DIR): gone, not a server error.
    if (!(await fs.promises.stat(filePath).catch(() => null))) throw notFound('analytics_export_file', dataset);
    return {
      path: filePath,
      bytes: file.bytes,
      contentType: CONTENT_TYPES[format],
      filename: `export-${record.created_at.slice(0, 10)}-${record.id.slice(0, 8)}-${file.file}`,
    };
  }

  /**
   * Runs every export waiting (queued, or running with a dead heartbeat), one at a time, until
   * none is left; answers how many this call ran. Each is claimed with a conditional UPDATE, so
   * instances that call it together never run the same export.
   */
  async runPending(db: Db): Promise<number> {
    let ran = 0;
    while (!this.closing.signal.aborted) {
      const candidates = await repo.runnableExports(db, addMs(nowIso(), -STALE_RUN_MS), 10);
      let claimed: string | null = null;
      let claimedAt = '';
      for (const seen of candidates) {
        claimedAt = nowIso();
        if (await repo.claimExport(db, seen, claimedAt)) {
          claimed = seen.id;
          break;
        }
      }
      const record = claimed ? await repo.exportById(db, claimed) : undefined;
      if (!record) return ran;
      await this.run(db, record, claimedAt);
      ran++;
    }
    return ran;
  }

  /** For the periodic job: runs the waiting exports in the background unless a run is already going in this process. */
  kick(db: Db, onError: (error: unknown) => void): void {
    if (this.running || this.closing.signal.aborted) return;
    this.running = this.runPending(db)
      .catch((error: unknown) => {
        onError(error);
        return 0;
      })
      .finally(() => {
        this.running = null;
      });
  }

  /** On shutdown: the export being written stops after its page and goes back to the queue. */
  async stop(): Promise<void> {
    this.closing.abort();
    await this.running;
  }

  private async run(db: Db, record: repo.ExportRecord, claimedAt: string): Promise<void> {
    const request = JSON.parse(record.request) as StoredRequest;
    const update = async (patch: Parameters<typeof repo.updateClaimedExport>[3]) => {
      if (!(await repo.updateClaimedExport(db, record.id, claimedAt, { ...patch, heartbeat_at: nowIso() }))) throw new ClaimLost();
    };
    const dir = path.join(this.exportDir, record.venue_id, record.id);
    let current: ExportFile | null = null;
    let reader: ExportReader | null = null;
    try {
      const scope = await this.scopeOf(db, record, request, claimedAt);
      reader = this.reader(db);
      const currency = await venueCurrency(db, record.venue_id);
      const readDb = reader.db;
      const sources = request.datasets.map((dataset) => ({ dataset, source: datasetSource(dataset, readDb, record.venue_id, scope, currency) }));
      let total = 0;
      for (const { source } of sources) total += await source.count();
      await update({ rows_total: total, cursor_from: scope.from, cursor_to: scope.to });
      await fs.promises.mkdir(dir, { recursive: true });

      const files: StoredFile[] = [];
      let done = 0;
      for (const { dataset, source } of sources) {
        const name = `${dataset}.${request.format}`;
        const file: ExportFile = await ExportFile.open(path.join(dir, name));
        current = file;
        await file.write(fileHead(request.format, source.columns));
        const nextPage = source.pages();
        let page: ExportPage | null;
        while ((page = await nextPage())) {
          // A few dozen KB per write: text past ~128 KB would be a large object, kept until a full GC.
          let text = '';
          let pending = 0;
          for (let i = 0; i < page.size; i++) {
            text += formatRow(request.format, source.columns, page.rowAt(i));
            if (++pending === ROWS_PER_WRITE) {
              await file.write(text, pending);
              text = '';
              pending = 0;
            }
          }
          await file.write(text, pending);
          done += page.size;
          // Let go of the page before the next one is read (see ExportPage).
          page = null;
          if (this.closing.signal.aborted) throw new Interrupted();
          await update({ rows_done: done, rows_total: Math.max(total, done) });
        }
        await file.close();
        current = null;
        files.push({ dataset, file: name, bytes: file.bytes, rows: file.rows });
      }
      await update({ status: 'done', rows_done: done, rows_total: done, files: JSON.stringify(files), finished_at: nowIso() });
    } catch (error) {
      await (current as ExportFile | null)?.discard();
      if (error instanceof ClaimLost) return;
      if (error instanceof Interrupted) {
        await repo.updateClaimedExport(db, record.id, claimedAt, { status: 'queued', started_at: null, heartbeat_at: null, rows_done: 0 });
        return;
      }
      await fs.promises.rm(dir, { recursive: true, force: true });
      await repo.updateClaimedExport(db, record.id, claimedAt, { status: 'failed', error: String((error as Error)?.message ?? error).slice(0, 500), finished_at: nowIso() });
    } finally {
      await (reader as ExportReader | null)?.close();
    }
  }

  /**
   * The rows an export covers. A period: what was created in it. Incremental: what changed from the
   * venue's last completed incremental export's `cursor_to` (the beginning, for the first) up to
   * this run's start minus CURSOR_LAG_MS; the next one starts where this one ends, so consecutive
   * exports neither skip nor repeat a change.
   */
  private async scopeOf(db: Db, record: repo.ExportRecord, request: StoredRequest, claimedAt: string): Promise<ExportScope> {
    if (request.period) return { by: 'created', from: request.period.from, to: request.period.to };
    const from = await repo.lastIncrementalCursor(db, record.venue_id);
    const upTo = addMs(claimedAt, -CURSOR_LAG_MS);
    return { by: 'changed', from, to: from !== null && upTo < from ? from : upTo };
  }
}

function exportView(r: repo.ExportRecord): AnalyticsExport {
  const request = JSON.parse(r.request) as StoredRequest;
  const files = JSON.parse(r.files) as StoredFile[];
  const rows = Number(r.rows_done);
  const totalRows = Number(r.rows_total);
  const status = r.status as AnalyticsExport['status'];
  return {
    id: r.id,
    status,
    datasets: request.datasets,
    format: request.format,
    mode: r.mode === 'period' ? 'period' : 'since_last',
    period: request.period,
    progress: { rows, totalRows, percent: status === 'done' ? 100 : totalRows === 0 ? 0 : Math.min(99, Math.floor((rows * 100) / totalRows)) },
    files: files.map((f) => ({ dataset: f.dataset, bytes: f.bytes, rows: f.rows, url: `/admin/analytics/export/${r.id}/files/${f.dataset}` })),
    cursor: r.cursor_to === null ? null : { from: r.cursor_from, to: r.cursor_to },
    requestedBy: { id: r.requested_by, name: r.requested_by_name },
    createdAt: r.created_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    error: r.error,
  };
}
