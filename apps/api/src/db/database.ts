import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, type LimitNode, type Migration, Migrator, type OffsetNode, type OperationNode, PostgresDialect, SqliteDialect, SqliteQueryCompiler, ValueNode } from 'kysely';
import pg from 'pg';
import type { DialectName } from './dialect';
import * as m001 from './migrations/001-initial';
import * as m002 from './migrations/002-menu-changes';
import * as m003 from './migrations/003-reservations';
import * as m005 from './migrations/005-offline-verifiers';
import * as m004 from './migrations/004-upsell';
import * as m006 from './migrations/006-payment-states';
import * as m007 from './migrations/007-payment-settings-admin';
import * as m008 from './migrations/008-devices';
import * as m009 from './migrations/009-remote-integrity';
import * as m010 from './migrations/010-shift-booking';
import * as m011 from './migrations/011-approvals';
import * as m012 from './migrations/012-dashboard-index';
import * as m013 from './migrations/013-revenue-plans';
import * as m014 from './migrations/014-orders-shift-index';
import * as m015 from './migrations/015-cash-movements';
import * as m016 from './migrations/016-tills';
import * as m017 from './migrations/017-z-reports';
import * as m018 from './migrations/018-shift-settings';
import * as m019 from './migrations/019-customers';
import * as m020 from './migrations/020-ledger-shift-order';
import * as m021 from './migrations/021-loyalty-settings';
import * as m022 from './migrations/022-gift-cards';
import * as m023 from './migrations/023-loyalty-points';
import * as m024 from './migrations/024-promotions';
import * as m025 from './migrations/025-outbox-integrations';
import * as m026 from './migrations/026-notifications';
import * as m027 from './migrations/027-analytics-exports';
import * as m028 from './migrations/028-menu-changes-kinds';
import type { Database } from './schema';

export interface DatabaseOptions {
  /** postgres://… selects PostgreSQL; otherwise SQLite at `sqlitePath`. */
  databaseUrl?: string;
  /** File path, or ':memory:'. */
  sqlitePath: string;
  /** PostgreSQL schema to work in (tests give each run its own). */
  pgSchema?: string;
}

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: DialectName;
  close(): Promise<void>;
}

export function openDatabase(options: DatabaseOptions): DatabaseHandle {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: 10,
      ...(options.pgSchema ? { options: `-c search_path=${options.pgSchema}` } : {}),
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  if (options.sqlitePath !== ':memory:') fs.mkdirSync(path.dirname(options.sqlitePath), { recursive: true });
  const sqlite = new SQLite(options.sqlitePath);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // 64 MB of page cache instead of SQLite's 2 MB: a day's ledger, orders and lines stay in memory
  // once read, however much history the file holds (the dashboard bench: a computed day got
  // slower as history grew past 100 MB of file).
  sqlite.pragma('cache_size = -65536');
  const db = new Kysely<Database>({ dialect: new InlineLimitSqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

/**
 * SQLite (3.47+) reads a bound LIMIT or OFFSET while planning, and marks the statement to be
 * prepared again whenever that parameter is bound anew — every run of `… limit ?`, so the
 * statement cache below saved nothing for them (the order path's open-shift read: 70 µs a run
 * instead of 8). Safe integers are written into the SQL instead; anything else stays a parameter.
 */
export class InlineLimitSqliteCompiler extends SqliteQueryCompiler {
  protected override visitLimit(node: LimitNode): void {
    this.append('limit ');
    this.inlineInteger(node.limit);
  }

  protected override visitOffset(node: OffsetNode): void {
    this.append('offset ');
    this.inlineInteger(node.offset);
  }

  private inlineInteger(node: OperationNode): void {
    if (ValueNode.is(node) && Number.isSafeInteger(node.value)) this.append(String(node.value));
    else this.visitNode(node);
  }
}

class InlineLimitSqliteDialect extends SqliteDialect {
  override createQueryCompiler() {
    return new InlineLimitSqliteCompiler();
  }
}

/**
 * Kysely prepares every query afresh; preparing was the largest single cost of a command on
 * SQLite (a profile of the offline replay bench). The same SQL text reuses its statement —
 * better-sqlite3 statements are safe to reuse, the driver binds new parameters each run.
 */
function withStatementCache(sqlite: SQLite.Database, limit = 500): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  return new Proxy(sqlite, {
    get(target, name, receiver) {
      if (name !== 'prepare') {
        const value = Reflect.get(target, name, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return (sql: string) => {
        let stmt = cache.get(sql);
        if (stmt) {
          // Most recently used last: the first entry is the one to evict.
          cache.delete(sql);
        } else {
          stmt = target.prepare(sql);
          if (cache.size >= limit) cache.delete(cache.keys().next().value!);
        }
        cache.set(sql, stmt);
        return stmt;
      };
    },
  });
}

/** Migrations are listed here (not read from disk) so the bundled server carries them. */
const MIGRATIONS: Record<string, Migration> = {
  '001-initial': m001,
  '002-menu-changes': m002,
  '003-reservations': m003,
  '004-upsell': m004,
  '005-offline-verifiers': m005,
  '006-payment-states': m006,
  '007-payment-settings-admin': m007,
  '008-devices': m008,
  '009-remote-integrity': m009,
  '010-shift-booking': m010,
  '011-approvals': m011,
  '012-dashboard-index': m012,
  '013-revenue-plans': m013,
  '014-orders-shift-index': m014,
  '015-cash-movements': m015,
  '016-tills': m016,
  '017-z-reports': m017,
  '018-shift-settings': m018,
  '019-customers': m019,
  '020-ledger-shift-order': m020,
  '021-loyalty-settings': m021,
  '022-gift-cards': m022,
  '023-loyalty-points': m023,
  '024-promotions': m024,
  '025-outbox-integrations': m025,
  '026-notifications': m026,
  '027-analytics-exports': m027,
  '028-menu-changes-kinds': m028,
};

/**
 * `schema` keeps Kysely's bookkeeping tables in the working PostgreSQL schema: without it the
 * migrator looks for them across every schema and trips over another run's tables.
 */
export async function migrateToLatest(db: Kysely<Database>, schema?: string): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS }, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, { cause: error });
  }
}

/** Creates a PostgreSQL schema (used by tests to get a clean database per run). */
export async function createPgSchema(databaseUrl: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.query(`CREATE SCHEMA "${schema}"`);
  } finally {
    await client.end();
  }
}

export async function dropPgSchema(databaseUrl: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
