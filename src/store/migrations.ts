import { type Kysely, type Migration, Migrator, sql } from 'kysely';
import { MigrationError } from './errors.js';

/**
 * Every schema change, in order, applied at start-up and by `campaign-module db migrate`.
 * A published migration is never edited: a change is a new entry.
 */
const MIGRATIONS: Record<string, Migration> = {
  '0001_feedback': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('answers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('platform', 'text', (c) => c.notNull())
        .addColumn('module', 'text')
        .addColumn('confidence', 'double precision', (c) => c.notNull())
        .addColumn('lang', 'text', (c) => c.notNull())
        .addColumn('question', 'text')
        .execute();
      await db.schema.createIndex('answers_at').on('answers').column('at').execute();
      await db.schema
        .createTable('verdicts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('verdict', 'text', (c) => c.notNull())
        .addColumn('module', 'text')
        .addColumn('confidence', 'double precision')
        .addColumn('lang', 'text', (c) => c.notNull())
        .addColumn('platform', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text')
        .addColumn('question', 'text')
        .addColumn('correct_module', 'text')
        .addColumn('corrected_at', 'bigint')
        .execute();
      await db.schema.createIndex('verdicts_at').on('verdicts').column('at').execute();
      await db.schema
        .createTable('seen_events')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('seen_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('seen_events_seen_at').on('seen_events').column('seen_at').execute();
    },
  },
};

/** Brings the schema up to date; returns the names applied now (empty when it already was). Safe for replicas starting together: Kysely holds a lock. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    // After a rollback the store holds a migration this version does not know: say so, not Kysely's "corrupted migrations".
    const newer = error instanceof Error ? /previously executed migration (\S+) is missing/.exec(error.message)?.[1] : undefined;
    if (newer) throw newerStoreError(newer, error);
    const failed = results.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new MigrationError(`store: migration ${failed} failed (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** The migrations a store still lacks, read without changing it (for commands that only read). */
export async function pendingMigrations(db: Kysely<unknown>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
  return (await migrator.getMigrations()).filter((m) => m.executedAt === undefined).map((m) => m.name);
}

/** The first migration the store has applied that this version does not know: it was written by a newer one. */
export async function unknownMigration(db: Kysely<unknown>): Promise<string | undefined> {
  const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return applied.rows.map((row) => row.name).find((name) => !(name in MIGRATIONS));
}

export function newerStoreError(migration: string, cause?: unknown): MigrationError {
  return new MigrationError(`store: written by a newer campaign-module (its migration ${migration} is unknown to this version): run that version, or use another store`, {
    cause,
  });
}
