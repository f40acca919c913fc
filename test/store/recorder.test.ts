import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import SQLite from 'better-sqlite3';
import { SQLITE_FILE } from '../../src/store/engine.js';
import { createRecorder } from '../../src/store/recorder.js';
import { openStore } from '../../src/store/store.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function recorderOnSqlite() {
  const dir = mkdtempSync(path.join(tmpdir(), 'bot-recorder-'));
  dirs.push(dir);
  const store = await openStore({ dataDir: dir, questions: 'feedback', questionRetentionDays: 30 });
  const lines: string[] = [];
  const recorder = createRecorder(store, createLogger({ level: 'debug', write: (line) => lines.push(line) }));
  return { dir, store, recorder, lines };
}

const verdict = { verdict: 'not_it', module: 'web', lang: 'en', platform: 'slack', question: 'pages are blank for everyone', at: new Date() } as const;

describe('the recorder over a real SQLite store', () => {
  it('records, shares the dedupe through the store, and flushes waiting answers on close', async () => {
    const { dir, store, recorder } = await recorderOnSqlite();
    const id = await recorder.feedback.record(verdict);
    await recorder.feedback.correct({ verdictId: id, module: 'tracking', at: new Date() });
    recorder.feedback.answered({ platform: 'teams', module: 'mta', confidence: 0.8, lang: 'ko', question: '메일이 안 나가요', at: new Date() });
    expect(await recorder.dedupe.claim('event:Ev1')).toBe(true);
    expect(await recorder.dedupe.claim('event:Ev1')).toBe(false);
    // An alert storm is claimed for its own window: once within it, again once it has passed.
    expect(await recorder.dedupe.claimFor?.('alert-storm:mta@prod', 50)).toBe(true);
    expect(await recorder.dedupe.claimFor?.('alert-storm:mta@prod', 50)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(await recorder.dedupe.claimFor?.('alert-storm:mta@prod', 50)).toBe(true);
    // A claim whose answer could not be posted is given up: the next claim is first again.
    expect(await recorder.dedupe.claimFor?.('alert-storm:wfserver@prod', 60_000)).toBe(true);
    await recorder.dedupe.release('alert-storm:wfserver@prod');
    expect(await recorder.dedupe.claimFor?.('alert-storm:wfserver@prod', 60_000)).toBe(true);
    await recorder.dedupe.release('alert-storm:wfserver@prod');
    expect(await recorder.health()).toEqual({ engine: 'sqlite', status: 'ok' });
    const { db } = store;
    // The health check's own row beside them: it proved the store takes writes.
    expect(await db.selectFrom('seen_events').select('key').orderBy('key').execute()).toEqual([{ key: 'alert-storm:mta@prod' }, { key: 'event:Ev1' }, { key: 'store-health' }]);
    expect(await db.selectFrom('verdicts').select(['correct_module', 'question']).execute()).toEqual([{ correct_module: 'tracking', question: 'pages are blank for everyone' }]);
    // Closing writes the answer still waiting for its batch.
    await recorder.close();
    const again = await openStore({ dataDir: dir, questions: 'feedback', questionRetentionDays: 30 });
    expect(await again.db.selectFrom('answers').select(['module', 'question']).execute()).toEqual([{ module: 'mta', question: null }]);
    await again.close();
  });

  it('gives up quickly on a SQLite file another process has locked, and still drops the redelivery that comes meanwhile or after', async () => {
    const { dir, recorder } = await recorderOnSqlite();
    const other = new SQLite(path.join(dir, SQLITE_FILE));
    other.exec('BEGIN EXCLUSIVE');
    const started = performance.now();
    expect(await recorder.dedupe.claim('event:Ev9')).toBe(true);
    expect(await recorder.dedupe.claim('event:Ev9')).toBe(false);
    // The driver is synchronous: a long wait for the lock would have stopped every request of the process.
    expect(performance.now() - started).toBeLessThan(4_000);
    other.exec('COMMIT');
    other.close();
    expect(await recorder.dedupe.claim('event:Ev9')).toBe(false);
    await recorder.close();
  });

  it('reads as degraded once the SQLite file is deleted under it, instead of recording into a file no one will read', async () => {
    const { dir, recorder } = await recorderOnSqlite();
    expect(await recorder.health()).toEqual({ engine: 'sqlite', status: 'ok' });
    for (const suffix of ['', '-wal', '-shm']) rmSync(path.join(dir, `${SQLITE_FILE}${suffix}`), { force: true });
    expect(await recorder.health()).toEqual({ engine: 'sqlite', status: 'degraded' });
    await recorder.close();
  });

  it('answers on when the store is gone: verdicts get an id, dedupe falls back to memory, /healthz is degraded, nothing asked is logged', async () => {
    const { store, recorder, lines } = await recorderOnSqlite();
    await store.close();
    const id = await recorder.feedback.record(verdict);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await recorder.feedback.correct({ verdictId: id, module: 'tracking', at: new Date() });
    expect(await recorder.dedupe.claim('event:Ev2')).toBe(true);
    expect(await recorder.dedupe.claim('event:Ev2')).toBe(false);
    await recorder.dedupe.release('event:Ev2');
    expect(await recorder.dedupe.claim('event:Ev2')).toBe(true);
    // Each replica then answers a storm on its own: one answer too many rather than none.
    expect(await recorder.dedupe.claimFor?.('alert-storm:mta@prod', 60_000)).toBe(true);
    expect(await recorder.dedupe.claimFor?.('alert-storm:mta@prod', 60_000)).toBe(true);
    expect(await recorder.health()).toEqual({ engine: 'sqlite', status: 'degraded' });
    const logged = lines.map((line) => JSON.parse(line) as { msg: string; level: string });
    expect(logged.filter((l) => l.msg === 'store: lost, answering without recording')).toHaveLength(1);
    expect(logged.map((l) => l.msg)).toEqual(
      expect.arrayContaining([
        'store: could not record a verdict',
        'store: could not record a correction',
        'store: could not record an event id',
        'store: could not record an alert storm',
        'store: could not record the release of a claim',
      ]),
    );
    expect(lines.join('\n')).not.toContain('pages are blank');
  });
});
