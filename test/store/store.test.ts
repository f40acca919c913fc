import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreConfig } from '../../src/config.js';
import { StoreUnreachableError } from '../../src/store/errors.js';
import { correctedExamples, feedbackReport } from '../../src/store/report.js';
import { checkWritable, openStore, openStoreToRead } from '../../src/store/store.js';
import { startPostgres, type Postgres } from './postgres.js';

const DAY = 24 * 60 * 60_000;
let postgres: Postgres;
const dirs: string[] = [];
beforeAll(async () => {
  postgres = await startPostgres();
});
afterAll(() => {
  postgres?.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bot-store-'));
  dirs.push(dir);
  return dir;
}

type Policy = Pick<StoreConfig, 'questions' | 'questionRetentionDays'>;
const ENGINES = {
  sqlite: async (policy: Policy): Promise<StoreConfig> => ({ dataDir: tempDir(), ...policy }),
  postgres: async (policy: Policy): Promise<StoreConfig> => ({ dataDir: tempDir(), databaseUrl: await postgres.createDatabase(), ...policy }),
};

const verdict = (at: Date, question = 'emails stopped going out') =>
  ({ verdict: 'not_it', module: 'web', confidence: 0.41, lang: 'en', platform: 'slack', user: 'U0HUMAN1', question, at }) as const;

describe.each(Object.entries(ENGINES))('store on %s', (engine, configFor) => {
  const open = async (policy: Policy = { questions: 'feedback', questionRetentionDays: 30 }) => openStore(await configFor(policy));

  it('applies the migrations once, and again finds nothing to do', async () => {
    const config = await configFor({ questions: 'feedback', questionRetentionDays: 30 });
    const first = await openStore(config);
    expect(first.engine).toBe(engine);
    expect(first.migrated).toEqual(['0001_feedback']);
    await first.close();
    const second = await openStore(config);
    expect(second.migrated).toEqual([]);
    await second.close();
  });

  it('says a store written by a newer version is one, after a rollback', async () => {
    const config = await configFor({ questions: 'feedback', questionRetentionDays: 30 });
    const store = await openStore(config);
    await sql`insert into kysely_migration (name, timestamp) values ('9999_future', ${new Date().toISOString()})`.execute(store.db);
    await store.close();
    await expect(openStore(config)).rejects.toThrow(/: store: written by a newer campaign-module \(its migration 9999_future is unknown to this version\)/);
    // A report read from it could be wrong without a word: the reading commands refuse it too.
    await expect(openStoreToRead(config)).rejects.toThrow(/^store: written by a newer campaign-module \(its migration 9999_future is unknown to this version\)/);
  });

  it('records a verdict with what it judged, and the correction with it', async () => {
    const store = await open();
    try {
      const id = await store.recordVerdict(verdict(new Date()));
      expect(await store.recordCorrection({ verdictId: id, module: 'mta', at: new Date() })).toBe(true);
      expect(await store.recordCorrection({ verdictId: '00000000-0000-0000-0000-000000000000', module: 'mta', at: new Date() })).toBe(false);
      const row = await store.db.selectFrom('verdicts').selectAll().executeTakeFirstOrThrow();
      expect(row).toMatchObject({ id, verdict: 'not_it', module: 'web', confidence: 0.41, lang: 'en', platform: 'slack', user_id: 'U0HUMAN1', correct_module: 'mta' });
      expect(typeof row.at).toBe('number');
    } finally {
      await store.close();
    }
  });

  it.each([
    ['none', null, null],
    ['feedback', 'emails stopped going out', null],
    ['all', 'emails stopped going out', 'pages are blank'],
  ] as const)('STORE_QUESTIONS=%s keeps the verdict text %j and the answer text %j', async (questions, verdictText, answerText) => {
    const store = await open({ questions, questionRetentionDays: 30 });
    try {
      await store.recordVerdict(verdict(new Date()));
      await store.recordAnswers([{ platform: 'teams', module: 'web', confidence: 0.9, lang: 'en', question: 'pages are blank', at: new Date() }]);
      expect((await store.db.selectFrom('verdicts').select('question').executeTakeFirstOrThrow()).question).toBe(verdictText);
      expect((await store.db.selectFrom('answers').select('question').executeTakeFirstOrThrow()).question).toBe(answerText);
    } finally {
      await store.close();
    }
  });

  it('purges question texts past the retention and event ids past their window, and keeps the verdicts', async () => {
    const store = await open({ questions: 'all', questionRetentionDays: 30 });
    try {
      const now = Date.now();
      await store.recordVerdict(verdict(new Date(now - 31 * DAY), 'old question'));
      await store.recordVerdict(verdict(new Date(now - 29 * DAY), 'recent question'));
      await store.claim('event:old', 60_000, now - 120_000);
      await store.claim('event:new', 60_000, now);
      expect(await store.purge(now, 60_000)).toEqual({ questions: 1, events: 1 });
      const texts = await store.db.selectFrom('verdicts').select('question').orderBy('at').execute();
      expect(texts.map((r) => r.question)).toEqual([null, 'recent question']);
    } finally {
      await store.close();
    }
  });

  it('fails its health write, naming the variable, once the store only reads', async () => {
    const config = await configFor({ questions: 'feedback', questionRetentionDays: 30 });
    const store = await openStore(config);
    await checkWritable(store, config);
    // SQLite: the connection refuses writes, as a file the server's user cannot write does. PostgreSQL: new sessions
    // are read-only, as on a standby after a failover.
    const readOnly =
      engine === 'sqlite' ? sql`pragma query_only = on` : sql`alter database ${sql.id(new URL(config.databaseUrl ?? '').pathname.slice(1))} set default_transaction_read_only = on`;
    await readOnly.execute(store.db);
    const reading = engine === 'sqlite' ? store : await openStore(config);
    try {
      const error = await checkWritable(reading, config).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreUnreachableError);
      expect((error as Error).message).toMatch(engine === 'sqlite' ? /^DATA_DIR: .*campaign-module\.sqlite takes no writes \(/ : /^DATABASE_URL: PostgreSQL takes no writes \(/);
    } finally {
      if (reading !== store) await reading.close();
      await store.close();
    }
  });

  it('claims an event id once within its window, then again once it has expired', async () => {
    const store = await open();
    try {
      const now = Date.now();
      const claims = await Promise.all(Array.from({ length: 8 }, () => store.claim('event:Ev1', 60_000, now)));
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await store.claim('event:Ev1', 60_000, now + 59_000)).toBe(false);
      expect(await store.claim('event:Ev1', 60_000, now + 61_000)).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('releases a claim: the key is claimed again within its window, by any caller; an unknown key is no error', async () => {
    const store = await open();
    try {
      const now = Date.now();
      expect(await store.claim('alert-storm:mta@prod', 600_000, now)).toBe(true);
      await store.release('alert-storm:mta@prod');
      await store.release('alert-storm:never-claimed');
      const claims = await Promise.all(Array.from({ length: 4 }, () => store.claim('alert-storm:mta@prod', 600_000, now + 1_000)));
      expect(claims.filter(Boolean)).toHaveLength(1);
    } finally {
      await store.close();
    }
  });
});

describe('a SQLite store made by the bot', () => {
  it('is readable by the server’s user alone: folder 0700, file 0600', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const store = await openStore({ dataDir, questions: 'feedback', questionRetentionDays: 30 });
    await store.close();
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(dataDir, 'campaign-module.sqlite')).mode & 0o777).toBe(0o600);
  });
});

describe('a store that cannot be opened', () => {
  it('names DATA_DIR under /proc at once instead of hanging in mkdir', async () => {
    const error = await openStore({ dataDir: '/proc/campaign-module-data', questions: 'feedback', questionRetentionDays: 30 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnreachableError);
    expect((error as Error).message).toMatch(/^DATA_DIR: cannot open \/proc\/campaign-module-data\/campaign-module\.sqlite \(a kernel folder/);
  });

  it('names DATABASE_URL when PostgreSQL does not answer, without its password', async () => {
    const error = await openStore({ dataDir: tempDir(), databaseUrl: 'postgres://bot:s3cretpw@127.0.0.1:1/none', questions: 'feedback', questionRetentionDays: 30 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StoreUnreachableError);
    expect((error as Error).message).toMatch(/^DATABASE_URL: PostgreSQL could not be reached \(/);
    expect((error as Error).message).not.toContain('s3cretpw');
  });

  it('names DATA_DIR and the file when the SQLite file is damaged', async () => {
    const dir = tempDir();
    await (await openStore({ dataDir: dir, questions: 'feedback', questionRetentionDays: 30 })).close();
    // The first page intact, the tables' pages not: what a disk fault or a half-copied backup leaves.
    const file = path.join(dir, 'campaign-module.sqlite');
    const bytes = readFileSync(file);
    bytes.fill(7, 4096);
    writeFileSync(file, bytes);
    const error = await openStore({ dataDir: dir, questions: 'feedback', questionRetentionDays: 30 }).catch((e: unknown) => e);
    expect((error as Error).message).toContain(`DATA_DIR: ${path.join(dir, 'campaign-module.sqlite')}`);
  });

  it('says the store file is a folder, where SQLite says "disk I/O error"', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'campaign-module.sqlite'), { recursive: true });
    const error = await openStore({ dataDir: dir, questions: 'feedback', questionRetentionDays: 30 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnreachableError);
    expect((error as Error).message).toMatch(/^DATA_DIR: cannot open .*campaign-module\.sqlite \(it is a folder, not a SQLite file\)$/);
  });

  it('names DATA_DIR when the folder cannot be created', async () => {
    // A file where the folder should be: refused whoever runs the test (root may write anywhere else).
    const file = path.join(tempDir(), 'a-file');
    writeFileSync(file, '');
    const error = await openStore({ dataDir: path.join(file, 'data'), questions: 'feedback', questionRetentionDays: 30 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnreachableError);
    expect((error as Error).message).toMatch(/^DATA_DIR: cannot open .*a-file\/data\/campaign-module.sqlite \(ENOTDIR/);
  });
});

describe.each(Object.entries(ENGINES))('feedback report and export on %s', (_engine, configFor) => {
  it('counts answers and verdicts per module and language, ranks corrections, and exports corrected questions once', async () => {
    const store = await openStore(await configFor({ questions: 'feedback', questionRetentionDays: 30 }));
    try {
      const now = new Date();
      const answer = (module: 'mta' | 'web' | null, lang: 'en' | 'ko') => ({ platform: 'slack', module, confidence: 0.7, lang, question: 'q', at: now }) as const;
      await store.recordAnswers([answer('mta', 'en'), answer('mta', 'ko'), answer('web', 'en'), answer(null, 'en')]);
      await store.recordVerdict({ verdict: 'helpful', module: 'mta', confidence: 0.9, lang: 'en', platform: 'teams', at: now });
      const wrong = [
        await store.recordVerdict({ verdict: 'not_it', module: 'web', lang: 'en', platform: 'slack', question: 'landing pages &amp;amp; forms 500', at: now }),
        await store.recordVerdict({ verdict: 'not_it', module: 'web', lang: 'en', platform: 'teams', question: 'landing pages & forms 500', at: now }),
        await store.recordVerdict({ verdict: 'not_it', module: null, lang: 'ko', platform: 'slack', question: '워크플로가 멈췄어요', at: now }),
      ];
      await store.recordVerdict({ verdict: 'not_it', module: 'mta', lang: 'en', platform: 'slack', question: 'too old', at: new Date(now.getTime() - 10 * DAY) });
      const corrected = ['tracking', 'tracking', 'wfserver'] as const;
      for (const [i, verdictId] of wrong.entries()) await store.recordCorrection({ verdictId, module: corrected[i] ?? 'mta', at: now });

      const report = await feedbackReport(store, new Date(now.getTime() - 7 * DAY));
      expect(report).toMatchObject({
        answers: 4,
        verdicts: { helpful: 1, not_it: 3 },
        helpfulRate: 0.25,
        corrections: [
          { answered: 'web', correct: 'tracking', count: 2 },
          { answered: null, correct: 'wfserver', count: 1 },
        ],
        byModule: { mta: { answers: 2, helpful: 1, not_it: 0, helpfulRate: 1 }, web: { answers: 1, not_it: 2, helpfulRate: 0 }, none: { answers: 1, not_it: 1 } },
        byLang: { en: { answers: 3, helpful: 1, not_it: 2 }, ko: { answers: 1, not_it: 1 } },
        abstentionsCorrected: 1,
      });
      expect(report.recentNotIt).toHaveLength(3);

      expect(await correctedExamples(store, new Date(0))).toEqual([
        { text: 'landing pages & forms 500', module: 'tracking', lang: 'en' },
        { text: '워크플로가 멈췄어요', module: 'wfserver', lang: 'ko' },
      ]);
    } finally {
      await store.close();
    }
  });
});
