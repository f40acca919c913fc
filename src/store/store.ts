import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Answered, Correction, Feedback } from '../core/feedback.js';
import type { StoreConfig } from '../config.js';
import { type Engine, openDatabase, SQLITE_FILE } from './engine.js';
import { MigrationError, StoreUnreachableError } from './errors.js';
import { migrateToLatest, newerStoreError, pendingMigrations, unknownMigration } from './migrations.js';
import type { Database } from './schema.js';

const DAY_MS = 24 * 60 * 60_000;

/** The queries the bot and the CLI run; every method may throw when the engine is gone. */
export interface Store {
  readonly engine: Engine;
  readonly db: Kysely<Database>;
  /** Several answers in one insert: a burst of questions costs one round trip, not one each. */
  recordAnswers(answers: readonly Answered[]): Promise<void>;
  /** Returns the verdict's id. */
  recordVerdict(feedback: Feedback): Promise<string>;
  /** False when no verdict has that id. */
  recordCorrection(correction: Correction): Promise<boolean>;
  /** True the first time `key` is seen within `windowMs` (answer it); false for a repeat. Atomic across replicas. */
  claim(key: string, windowMs: number, now?: number): Promise<boolean>;
  /** Forgets `key`, so the next claim of it is first again, on any replica. */
  release(key: string): Promise<void>;
  /** Drops question texts older than the retention and event ids older than `eventWindowMs`. */
  purge(now: number, eventWindowMs: number): Promise<{ questions: number; events: number }>;
  /** Writes one row: a store that only reads fails it. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

type QuestionPolicy = Pick<StoreConfig, 'questions' | 'questionRetentionDays'>;

/** The question as it may be stored: none at all when the policy says so. */
function keptQuestion(question: string | undefined, keep: boolean): string | null {
  const text = question?.trim();
  return keep && text ? text : null;
}

export function createStore(db: Kysely<Database>, engine: Engine, policy: QuestionPolicy & { dataDir?: string }): Store {
  const sqliteFile = engine === 'sqlite' && policy.dataDir ? path.join(policy.dataDir, SQLITE_FILE) : undefined;
  return {
    engine,
    db,
    async recordAnswers(answers) {
      if (answers.length === 0) return;
      await db
        .insertInto('answers')
        .values(
          answers.map((answer) => ({
            id: randomUUID(),
            at: answer.at.getTime(),
            platform: answer.platform,
            module: answer.module,
            confidence: answer.confidence,
            lang: answer.lang,
            question: keptQuestion(answer.question, policy.questions === 'all'),
          })),
        )
        .execute();
    },
    async recordVerdict(feedback) {
      const id = randomUUID();
      await db
        .insertInto('verdicts')
        .values({
          id,
          at: feedback.at.getTime(),
          verdict: feedback.verdict,
          module: feedback.module,
          confidence: feedback.confidence ?? null,
          lang: feedback.lang,
          platform: feedback.platform,
          user_id: feedback.user ?? null,
          question: keptQuestion(feedback.question, policy.questions !== 'none'),
          correct_module: null,
          corrected_at: null,
        })
        .execute();
      return id;
    },
    async recordCorrection(correction) {
      const result = await db
        .updateTable('verdicts')
        .set({ correct_module: correction.module, corrected_at: correction.at.getTime() })
        .where('id', '=', correction.verdictId)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    async claim(key, windowMs, now = Date.now()) {
      // Inserted, or an expired row taken over: either way this caller is first. A fresh row is left alone.
      const result = await db
        .insertInto('seen_events')
        .values({ key, seen_at: now })
        .onConflict((conflict) =>
          conflict
            .column('key')
            .doUpdateSet({ seen_at: now })
            .where('seen_events.seen_at', '<=', now - windowMs),
        )
        .executeTakeFirst();
      return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
    },
    async release(key) {
      await db.deleteFrom('seen_events').where('key', '=', key).execute();
    },
    async purge(now, eventWindowMs) {
      const cutoff = now - policy.questionRetentionDays * DAY_MS;
      const answers = await db.updateTable('answers').set({ question: null }).where('question', 'is not', null).where('at', '<', cutoff).executeTakeFirst();
      const verdicts = await db.updateTable('verdicts').set({ question: null }).where('question', 'is not', null).where('at', '<', cutoff).executeTakeFirst();
      const events = await db
        .deleteFrom('seen_events')
        .where('seen_at', '<=', now - eventWindowMs)
        .executeTakeFirst();
      return { questions: Number(answers.numUpdatedRows + verdicts.numUpdatedRows), events: Number(events.numDeletedRows) };
    },
    async ping() {
      // A SQLite file deleted under the running server still takes writes, into an inode no one will ever read again.
      if (sqliteFile && !existsSync(sqliteFile)) throw new Error(`${sqliteFile} was removed while the server ran`);
      // A write, not a select: a read-only SQLite file or a PostgreSQL standby answers selects but records nothing.
      await db
        .insertInto('seen_events')
        .values({ key: HEALTH_KEY, seen_at: 0 })
        .onConflict((conflict) => conflict.column('key').doUpdateSet({ seen_at: 0 }))
        .execute();
    },
    close: () => db.destroy(),
  };
}

/** The store as the variable that sets it, so an operator knows what to repair: "DATA_DIR: /srv/bot/data/campaign-module.sqlite". */
function storeNamed(config: Pick<StoreConfig, 'databaseUrl' | 'dataDir'>): string {
  return config.databaseUrl ? 'DATABASE_URL: PostgreSQL' : `DATA_DIR: ${path.join(config.dataDir, SQLITE_FILE)}`;
}

/** The row /healthz writes; its time of 0 lets the purge drop it like any expired event id. */
const HEALTH_KEY = 'store-health';

/**
 * Throws StoreUnreachableError, naming the variable to fix, when the store reads but takes no writes (a file the
 * server's user cannot write, a database user without rights, a standby): the bot would lose every verdict.
 */
export async function checkWritable(store: Store, config: Pick<StoreConfig, 'databaseUrl' | 'dataDir'>): Promise<void> {
  try {
    await store.ping();
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0];
    const where = storeNamed(config);
    throw new StoreUnreachableError(`${where} takes no writes (${reason})`, { cause: error });
  }
}

/**
 * Opens the store only to read it, as `feedback report` and `export` do: the reader may lack write rights, and a store
 * that needs migrations is not changed behind the server's back (the message says what to run).
 */
export async function openStoreToRead(config: StoreConfig): Promise<Store> {
  const { db, engine } = await openDatabase(config, undefined, true);
  const where = storeNamed(config);
  try {
    const pending = await pendingMigrations(db as Kysely<unknown>);
    // A newer schema may keep what this version reads elsewhere: a report from it could be wrong without a word.
    const newer = pending.length === 0 ? await unknownMigration(db as Kysely<unknown>) : undefined;
    if (newer) throw newerStoreError(newer);
    if (pending.length > 0)
      throw new MigrationError(
        `${where}: the schema is older than this version (missing ${pending.join(', ')}): run "campaign-module db migrate" as the server's user, or start the server`,
      );
    return createStore(db, engine, config);
  } catch (error) {
    await db.destroy();
    if (error instanceof MigrationError) throw error;
    throw new StoreUnreachableError(`${where}: cannot be read (${(error as Error).message.split('\n')[0]})`, { cause: error });
  }
}

/** Opens the configured engine, applies pending migrations, and returns the store. */
export async function openStore(config: StoreConfig, onIdleError?: (error: Error) => void): Promise<Store & { migrated: string[] }> {
  const { db, engine } = await openDatabase(config, onIdleError);
  try {
    const migrated = await migrateToLatest(db as Kysely<unknown>);
    return Object.assign(createStore(db, engine, config), { migrated });
  } catch (error) {
    await db.destroy();
    // Which store, so the operator knows what to repair or restore: "database disk image is malformed" alone does not say.
    const where = storeNamed(config);
    throw error instanceof Error ? Object.assign(error, { message: `${where}: ${error.message}` }) : error;
  }
}
