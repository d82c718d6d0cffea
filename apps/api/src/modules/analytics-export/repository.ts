import type { Db } from '../../shared/command';
import type { AnalyticsExportsTable } from '../../db/schema';

/** The `analytics_exports` table: the export requests and their state (the module's only writes). */

export type ExportRecord = AnalyticsExportsTable & { requested_by_name: string };

const withRequester = (db: Db) => db.selectFrom('analytics_exports as e').innerJoin('staff as s', 's.id', 'e.requested_by').selectAll('e').select('s.name as requested_by_name');

export const insertExport = (db: Db, row: AnalyticsExportsTable) => db.insertInto('analytics_exports').values(row).execute();

export const findExport = (db: Db, venueId: string, id: string): Promise<ExportRecord | undefined> =>
  withRequester(db).where('e.venue_id', '=', venueId).where('e.id', '=', id).executeTakeFirst();

export const exportById = (db: Db, id: string): Promise<ExportRecord | undefined> => withRequester(db).where('e.id', '=', id).executeTakeFirst();

export const recentExports = (db: Db, venueId: string, limit: number): Promise<ExportRecord[]> =>
  withRequester(db).where('e.venue_id', '=', venueId).orderBy('e.created_at', 'desc').orderBy('e.id', 'desc').limit(limit).execute();

/** Exports of the venue not finished yet (queued or running). */
export const countUnfinished = async (db: Db, venueId: string) =>
  Number(
    (
      await db
        .selectFrom('analytics_exports')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('venue_id', '=', venueId)
        .where('status', 'in', ['queued', 'running'])
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Exports waiting to run, oldest first: queued ones, and running ones whose heartbeat stopped before `staleBefore` (their process died). */
export const runnableExports = (db: Db, staleBefore: string, limit: number) =>
  db
    .selectFrom('analytics_exports')
    .select(['id', 'status', 'heartbeat_at'])
    .where((eb) => eb.or([eb('status', '=', 'queued'), eb.and([eb('status', '=', 'running'), eb('heartbeat_at', '<', staleBefore)])]))
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .execute();

/**
 * Takes an export for this process: one conditional UPDATE from the state it was seen in, so of
 * two instances (or two ticks) that saw it, exactly one changes a row.
 */
export async function claimExport(db: Db, seen: { id: string; status: string; heartbeat_at: string | null }, now: string): Promise<boolean> {
  let query = db
    .updateTable('analytics_exports')
    .set({ status: 'running', started_at: now, heartbeat_at: now, rows_done: 0, rows_total: 0, files: '[]', error: null })
    .where('id', '=', seen.id)
    .where('status', '=', seen.status);
  query = seen.heartbeat_at === null ? query.where('heartbeat_at', 'is', null) : query.where('heartbeat_at', '=', seen.heartbeat_at);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The change window of the venue's last completed incremental export (its `cursor_to` is where the next one starts). */
export const lastIncrementalCursor = async (db: Db, venueId: string): Promise<string | null> =>
  (
    await db
      .selectFrom('analytics_exports')
      .select('cursor_to')
      .where('venue_id', '=', venueId)
      .where('mode', '=', 'since_last')
      .where('status', '=', 'done')
      .orderBy('cursor_to', 'desc')
      .limit(1)
      .executeTakeFirst()
  )?.cursor_to ?? null;

/**
 * Writes the state of an export this process runs; `claimedAt` (its `started_at`) tells the run
 * apart from a later one that took it over. False: the export is no longer this run's.
 */
export async function updateClaimedExport(db: Db, id: string, claimedAt: string, patch: Partial<Omit<AnalyticsExportsTable, 'id' | 'venue_id'>>): Promise<boolean> {
  const result = await db.updateTable('analytics_exports').set(patch).where('id', '=', id).where('status', '=', 'running').where('started_at', '=', claimedAt).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
