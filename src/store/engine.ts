import { chmodSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import type { StoreConfig } from '../config.js';
import { StoreUnreachableError } from './errors.js';
import type { Database } from './schema.js';

export type Engine = 'sqlite' | 'postgres';

/** The SQLite file inside DATA_DIR. */
export const SQLITE_FILE = 'campaign-module.sqlite';

export interface OpenDatabase {
  db: Kysely<Database>;
  engine: Engine;
}

const PG_INT8 = 20;
const SQLITE_BUSY_MS = 250;

// Each engine's driver is loaded only when that engine is used: pg alone takes about 60 ms to load.
async function postgres(url: string, onIdleError: (error: Error) => void): Promise<Kysely<Database>> {
  const { default: pg } = await import('pg');
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

async function sqlite(dataDir: string, readOnly: boolean): Promise<Kysely<Database>> {
  const { default: SQLite } = await import('better-sqlite3');
  const filePath = path.join(dataDir, SQLITE_FILE);
  // SQLite itself says only "disk I/O error".
  if (statSync(filePath, { throwIfNoEntry: false })?.isDirectory()) throw new Error('it is a folder, not a SQLite file');
  if (readOnly) return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqliteToRead(SQLite, filePath) }) });
  // Node's recursive mkdir never returns under /proc or /sys, and nothing could be stored there anyway.
  if (/^\/(?:proc|sys)(?:\/|$)/.test(path.resolve(dataDir))) throw new Error('a kernel folder (/proc, /sys) cannot hold the store');
  // The store holds user ids and, as STORE_QUESTIONS allows, questions: only the server's user reads it.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const created = !existsSync(filePath);
  const file = new SQLite(filePath);
  // A file made here is the server's alone; one that was there keeps the permissions its owner chose.
  if (created) chmodSync(filePath, 0o600);
  // The CLI reads while the server writes: WAL lets both. A writer waits for another's lock, but briefly: the driver is
  // synchronous, so a wait stops every request of the process; past it the store counts as lost and the bot answers without it.
  file.pragma('journal_mode = WAL');
  file.pragma(`busy_timeout = ${SQLITE_BUSY_MS}`);
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: file }) });
}

/**
 * The store's file opened only to read it: a report may be run by someone who can read the server's file but not write
 * it, or on a backup on a read-only mount. WAL needs a `-shm` file beside the store, which a folder that takes no writes
 * cannot get; with no `-wal` file either (the server is stopped), every row is in the file, and a copy in memory reads it.
 */
function sqliteToRead(SQLite: typeof import('better-sqlite3'), filePath: string): import('better-sqlite3').Database {
  const file = new SQLite(filePath, { readonly: true, fileMustExist: true });
  try {
    file.pragma(`busy_timeout = ${SQLITE_BUSY_MS}`);
    file.prepare('select 1').get();
    return file;
  } catch (error) {
    file.close();
    if ((error as { code?: string }).code !== 'SQLITE_READONLY_DIRECTORY' || existsSync(`${filePath}-wal`)) throw error;
    const copy = readFileSync(filePath);
    // Bytes 18 and 19 of the header say WAL (2); a copy in memory has no -wal to read, so it reads as a rollback-journal file (1).
    copy[18] = 1;
    copy[19] = 1;
    return new SQLite(copy, { readonly: true });
  }
}

/**
 * Opens the configured engine and checks it answers; throws StoreUnreachableError naming DATABASE_URL or DATA_DIR.
 * `readOnly` opens an existing SQLite file only to read it (PostgreSQL's rights are the role's).
 */
export async function openDatabase(
  config: Pick<StoreConfig, 'databaseUrl' | 'dataDir'>,
  onIdleError: (error: Error) => void = () => undefined,
  readOnly = false,
): Promise<OpenDatabase> {
  const engine: Engine = config.databaseUrl ? 'postgres' : 'sqlite';
  let db: Kysely<Database> | undefined;
  try {
    db = config.databaseUrl ? await postgres(config.databaseUrl, onIdleError) : await sqlite(config.dataDir, readOnly);
    await sql`select 1`.execute(db);
    return { db, engine };
  } catch (error) {
    await db?.destroy().catch(() => undefined);
    const reason = (error as Error).message.split('\n')[0];
    if (engine === 'postgres') throw new StoreUnreachableError(`DATABASE_URL: PostgreSQL could not be reached (${reason})`, { cause: error });
    throw new StoreUnreachableError(`DATA_DIR: cannot open ${path.join(config.dataDir, SQLITE_FILE)} (${reason})`, { cause: error });
  }
}
