import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { ApiConfig } from '../../config';
import type { Database } from '../../db/schema';
import type { Db } from '../../shared/command';

/** The page cache of an export's own SQLite connection: enough for its index pages, small beside the shared one's 64 MB. */
export const READER_CACHE_KIB = 8_192;

/** Where an export reads its rows from, for the length of one run. */
export interface ExportReader {
  db: Db;
  close(): Promise<void>;
}

/**
 * On SQLite an export reads through a read-only connection of its own with a small page cache:
 * a pass over a million lines would otherwise fill the shared connection's 64 MB cache (the
 * API's RSS grows by it) and evict the pages the dashboard and the tills keep hot. On PostgreSQL
 * (or an in-memory SQLite database, which another connection cannot open) it reads through the
 * pool it is given: each page is one query whose result is bounded by the page size.
 */
export function exportReaders(config: Pick<ApiConfig, 'databaseUrl' | 'sqlitePath'>): (db: Db) => ExportReader {
  if (config.databaseUrl || config.sqlitePath === ':memory:') return (db) => ({ db, close: async () => undefined });
  return () => {
    const sqlite = new SQLite(config.sqlitePath, { readonly: true, fileMustExist: true });
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma(`cache_size = -${READER_CACHE_KIB}`);
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    return { db, close: () => db.destroy() };
  };
}
