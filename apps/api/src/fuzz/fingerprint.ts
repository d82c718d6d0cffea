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

/** The app's tables (on PostgreSQL: of the test's own schema — introspection lists every schema). */
export async function appTables(handle: DatabaseHandle) {
  const tables = await handle.db.introspection.getTables();
  if (handle.dialect !== 'postgres') return tables.filter((t) => !t.name.startsWith('kysely_'));
  const { rows } = await sql<{ s: string }>`select current_schema() as s`.execute(handle.db);
  return tables.filter((t) => t.schema === rows[0].s && !t.name.startsWith('kysely_'));
}

export async function userTables(handle: DatabaseHandle): Promise<string[]> {
  return (await appTables(handle)).map((t) => t.name).sort();
}

export interface Fingerprinter {
  /**
   * Changes whenever anything may have been written: SQLite's `PRAGMA data_version` of a reader
   * connection; on PostgreSQL a sequence bumped by a statement trigger on every table (a
   * sequence is not rolled back, so a rolled-back write bumps it too — it can only err towards a
   * full fingerprint). Equal versions mean an equal database: the fast path that spares a full
   * fingerprint after most rejected requests.
   */
  version(): Promise<string>;
  take(): Promise<Fingerprint>;
  close(): void;
}

/**
 * SQLite reads through its own read-only connection (WAL: it sees every committed write) with
 * better-sqlite3's raw rows, which costs a fraction of going through Kysely. PostgreSQL hashes in
 * one query; the write counter is test instrumentation in the test's own schema (dropped with it).
 */
export async function fingerprinter(handle: DatabaseHandle, tables: string[], sqlitePath: string): Promise<Fingerprinter> {
  if (handle.dialect === 'postgres') {
    await sql.raw('create sequence if not exists fuzz_writes').execute(handle.db);
    await sql.raw(`create or replace function fuzz_count_write() returns trigger language plpgsql as $$ begin perform nextval('fuzz_writes'); return null; end $$`).execute(handle.db);
    for (const t of tables) {
      await sql.raw(`drop trigger if exists fuzz_count_write on ${quote(t)}`).execute(handle.db);
      await sql.raw(`create trigger fuzz_count_write after insert or update or delete or truncate on ${quote(t)} for each statement execute function fuzz_count_write()`).execute(handle.db);
    }
    const query = tables
      .map((t) => `select '${t}' as t, count(*)::int as n, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from ${quote(t)} x`)
      .join(' union all ');
    return {
      version: async () => {
        const { rows } = await sql<{ v: string; c: boolean }>`select last_value::text as v, is_called as c from fuzz_writes`.execute(handle.db);
        return `${rows[0].v}/${rows[0].c}`;
      },
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
