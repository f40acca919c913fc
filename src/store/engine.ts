import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { StoreConfig } from '../config.js';
import type { Database } from './schema.js';

export type Engine = 'sqlite' | 'postgres';

/** The SQLite file inside DATA_DIR. */
export const SQLITE_FILE = 'campaign-module.sqlite';

/** The store cannot be opened at start-up; the message starts with the variable to fix. */
export class StoreUnreachableError extends Error {
  readonly code = 'STORE_UNREACHABLE';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnreachableError';
  }
}

export interface OpenDatabase {
  db: Kysely<Database>;
  engine: Engine;
}

const PG_INT8 = 20;

function postgres(url: string, onIdleError: (error: Error) => void): Kysely<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    // A lost server must fail a call in seconds, so the answer goes out without it.
    connectionTimeoutMillis: 3_000,
    query_timeout: 5_000,
    // Times are bigint milliseconds: well inside a double, so read them as numbers.
    types: { getTypeParser: ((oid: number, format?: 'text') => (oid === PG_INT8 ? Number : pg.types.getTypeParser(oid, format))) as typeof pg.types.getTypeParser },
  });
  // A server that goes away errors the idle connections; unhandled, that would end the process.
  pool.on('error', onIdleError);
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

function sqlite(dataDir: string): Kysely<Database> {
  mkdirSync(dataDir, { recursive: true });
  const file = new SQLite(path.join(dataDir, SQLITE_FILE));
  // The CLI reads while the server writes: WAL lets both, and a writer waits instead of failing.
  file.pragma('journal_mode = WAL');
  file.pragma('busy_timeout = 5000');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: file }) });
}

/** Opens the configured engine and checks it answers; throws StoreUnreachableError naming DATABASE_URL or DATA_DIR. */
export async function openDatabase(config: Pick<StoreConfig, 'databaseUrl' | 'dataDir'>, onIdleError: (error: Error) => void = () => undefined): Promise<OpenDatabase> {
  const engine: Engine = config.databaseUrl ? 'postgres' : 'sqlite';
  let db: Kysely<Database> | undefined;
  try {
    db = config.databaseUrl ? postgres(config.databaseUrl, onIdleError) : sqlite(config.dataDir);
    await sql`select 1`.execute(db);
    return { db, engine };
  } catch (error) {
    await db?.destroy().catch(() => undefined);
    const reason = (error as Error).message.split('\n')[0];
    if (engine === 'postgres') throw new StoreUnreachableError(`DATABASE_URL: PostgreSQL could not be reached (${reason})`, { cause: error });
    throw new StoreUnreachableError(`DATA_DIR: cannot open ${path.join(config.dataDir, SQLITE_FILE)} (${reason})`, { cause: error });
  }
}
