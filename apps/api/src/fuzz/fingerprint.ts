import { createHash } from 'node:crypto';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../db/database';

/**
 * A cheap fingerprint of the whole database: per table, the row count and a hash of every row.
 * Two fingerprints differ exactly when some row was added, removed or changed. PostgreSQL
 * computes it in one query (md5 of the ordered row texts); SQLite reads the rows (a few thousand
 * at most here) and hashes them — the rows are kept so a difference can be shown.
 */
export interface TableState {
  count: number;
  hash: string;
  /** SQLite only: the sorted row texts, to tell what changed. */
  rows?: string[];
}
export type Fingerprint = Map<string, TableState>;

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function userTables(handle: DatabaseHandle): Promise<string[]> {
  const tables = await handle.db.introspection.getTables();
  return tables.map((t) => t.name).filter((name) => !name.startsWith('kysely_')).sort();
}

export interface Fingerprinter {
  /**
   * Changes whenever anything was committed (SQLite: `PRAGMA data_version` of a reader connection;
   * PostgreSQL: the WAL insert position). Equal versions mean an equal database — the fast path
   * that spares a full fingerprint after most rejected requests. Unequal ones prove nothing.
   */
  version(): Promise<string>;
  take(): Promise<Fingerprint>;
  close(): void;
}

/**
 * SQLite reads through its own read-only connection (WAL: it sees every committed write) with
 * better-sqlite3's raw rows, which costs a fraction of going through Kysely.
 */
export function fingerprinter(handle: DatabaseHandle, tables: string[], sqlitePath: string): Fingerprinter {
  if (handle.dialect === 'postgres') {
    const query = tables
      .map((t) => `select '${t}' as t, count(*)::int as n, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from ${quote(t)} x`)
      .join(' union all ');
    return {
      version: async () => (await sql<{ v: string }>`select pg_current_wal_insert_lsn()::text as v`.execute(handle.db)).rows[0].v,
      async take() {
        const { rows } = await sql.raw<{ t: string; n: number; h: string }>(query).execute(handle.db);
        return new Map(rows.map((r) => [r.t, { count: Number(r.n), hash: r.h }]));
      },
      close: () => undefined,
    };
  }
  const reader = new SQLite(sqlitePath, { readonly: true });
  const statements = tables.map((t) => [t, reader.prepare(`select * from ${quote(t)}`).raw(true)] as const);
  const dataVersion = reader.prepare('pragma data_version').pluck();
  return {
    version: async () => String(dataVersion.get()),
    async take() {
      const out: Fingerprint = new Map();
      // One read transaction: every table from the same snapshot.
      reader.transaction(() => {
        for (const [t, stmt] of statements) {
          const texts = (stmt.all() as unknown[][]).map((r) => JSON.stringify(r)).sort();
          out.set(t, { count: texts.length, hash: createHash('sha1').update(texts.join('\n')).digest('hex'), rows: texts });
        }
      })();
      return out;
    },
    close: () => reader.close(),
  };
}

export interface TableChange {
  table: string;
  before: number;
  after: number;
  /** SQLite: a few rows that appeared (+) or went away (−). */
  sample: string[];
}

/** Tables whose rows differ, leaving out `ignore`. */
export function changes(before: Fingerprint, after: Fingerprint, ignore: ReadonlySet<string>): TableChange[] {
  const out: TableChange[] = [];
  for (const [table, a] of after) {
    if (ignore.has(table)) continue;
    const b = before.get(table);
    if (b && b.hash === a.hash) continue;
    const sample: string[] = [];
    if (b?.rows && a.rows) {
      const was = new Set(b.rows);
      const now = new Set(a.rows);
      for (const r of a.rows) if (!was.has(r) && sample.length < 3) sample.push(`+ ${r.slice(0, 300)}`);
      for (const r of b.rows) if (!now.has(r) && sample.length < 6) sample.push(`- ${r.slice(0, 300)}`);
    }
    out.push({ table, before: b?.count ?? 0, after: a.count, sample });
  }
  return out;
}
