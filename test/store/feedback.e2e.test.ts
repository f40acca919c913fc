import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLabelledJsonl } from '../../src/core/evaluate.js';
import { loadKnowledge } from '../../src/core/knowledge.js';
import type { Knowledge, ModuleId } from '../../src/core/types.js';
import { LABELS } from '../../src/render/labels.js';
import { nearCopies } from '../core/near-copies.js';
import { startSlackApiStandIn, type SlackApiStandIn } from '../slack/api-stand-in.js';
import { appMention, BOT_TOKEN, blockActions, eventCallback, postSigned, SIGNING_SECRET } from '../slack/requests.js';
import { cardSubmit, personalMessage } from '../teams/activities.js';
import { startConnectorRecorder, type ConnectorRecorder } from '../teams/connector-recorder.js';
import { SPAWN_TIMEOUT_MS } from '../wait.js';
import { runCliProcess, startServerProcess, type ServerProcess } from './server-process.js';

const ROOT = path.join(import.meta.dirname, '../..');
const SLACK_QUESTION = 'landing pages and mirror pages return HTTP 500 since the deploy';
const TEAMS_QUESTION = 'the newsletter is going out very slowly today, mta has sent half and the rest waits in the queue';

type Json = Record<string, unknown>;
let api: SlackApiStandIn;
let connector: ConnectorRecorder;
let cwd: string;
let dataDir: string;

beforeAll(async () => {
  api = await startSlackApiStandIn();
  connector = await startConnectorRecorder();
  cwd = mkdtempSync(path.join(tmpdir(), 'bot-feedback-'));
  dataDir = path.join(cwd, 'state');
});
afterAll(async () => {
  await api?.close();
  await connector?.close();
  rmSync(cwd, { recursive: true, force: true });
});

const env = () => ({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: api.apiUrl, DATA_DIR: dataDir, CAMPAIGN_INSTANCE: 'prod' });

/** Every element of every actions block, buttons and menus alike. */
function elementsOf(message: Json): Json[] {
  const blocks = (message.blocks ?? []) as Json[];
  return blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements as Json[]);
}

/** Every Action.Submit's data on a card the connector received. */
function submitsOf(body: Json): Json[] {
  const found: Json[] = [];
  JSON.stringify(body, (key, value: unknown) => {
    if (key === 'data' && typeof value === 'object' && value !== null && 'action' in value) found.push(value as Json);
    return value;
  });
  return found;
}

async function slackNotItThenCorrect(run: ServerProcess, correct: ModuleId): Promise<void> {
  await postSigned(`${run.url}/slack/events`, eventCallback(appMention(`<@UBOT> ${SLACK_QUESTION}`)));
  const [answer] = await api.waitFor('chat.postMessage', 1);
  const card = answer?.body as Json;
  const notIt = elementsOf(card).find((e) => e.action_id === 'feedback_not_it');
  await postSigned(
    `${run.url}/slack/events`,
    blockActions({ action_id: 'feedback_not_it', value: String(notIt?.value), block_id: 'feedback' }, api.responseUrl('not-it'), {
      text: String(card.text),
      blocks: card.blocks as unknown[],
    }),
  );
  const [thanked] = await api.waitFor('response_url', 1);
  const menu = elementsOf(thanked?.body as Json).find((e) => e.type === 'static_select') as
    | { option_groups: Array<{ options: Array<{ value: string; text: { text: string } }> }> }
    | undefined;
  const option = menu?.option_groups.flatMap((g) => g.options).find((o) => o.text.text === correct);
  expect(option).toBeDefined();
  await postSigned(
    `${run.url}/slack/events`,
    blockActions({ action_id: 'correct_module', selected: option?.value, block_id: 'correction' }, api.responseUrl('correct'), thanked?.body as never),
  );
  const [, noted] = await api.waitFor('response_url', 2);
  expect(JSON.stringify(noted?.body)).toContain(`noted that it was ${correct}`);
}

async function teamsNotItThenCorrect(run: ServerProcess, correct: ModuleId): Promise<void> {
  await fetch(`${run.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(personalMessage(connector.url, TEAMS_QUESTION)) });
  const [answer] = await connector.waitFor(1);
  const notIt = submitsOf(answer?.body ?? {}).find((d) => d.verdict === 'not_it');
  await fetch(`${run.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(cardSubmit(connector.url, 'bot-card-1', notIt)) });
  const [, choice] = await connector.waitFor(2);
  const submit = submitsOf(choice?.body ?? {}).find((d) => d.action === 'correction');
  // Teams puts the ChoiceSet's value into the submitted data, under the input's id.
  await fetch(`${run.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(cardSubmit(connector.url, 'bot-card-2', { ...submit, module: correct })),
  });
  const [, , noted] = await connector.waitFor(3);
  expect(noted?.body.text).toBe(LABELS.en.correctionThanks(correct));
}

async function report(): Promise<Json> {
  const result = await runCliProcess(cwd, ['feedback', 'report', '--format', 'json'], { DATA_DIR: dataDir });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Json;
}

describe('verdicts and corrections, clicked in Slack and Teams, in the SQLite store', () => {
  it(
    'shows in feedback report, survives a restart, and exports as examples that copy no dev-set line',
    async () => {
      const first = await startServerProcess(cwd, env());
      await slackNotItThenCorrect(first, 'tracking');
      await teamsNotItThenCorrect(first, 'stat');
      expect(first.stdout()).toContain(`store: sqlite (${dataDir})`);
      expect(await first.stop()).toBe(0);
      expect(first.stderr()).not.toContain(SLACK_QUESTION);
      expect(first.stderr()).not.toContain(TEAMS_QUESTION);

      const before = await report();
      expect(before).toMatchObject({ answers: 2, verdicts: { helpful: 0, not_it: 2 } });
      expect(before.corrections).toEqual(
        expect.arrayContaining([
          { answered: 'web', correct: 'tracking', count: 1 },
          { answered: 'mta', correct: 'stat', count: 1 },
        ]),
      );
      expect(JSON.stringify(before.recentNotIt)).toContain('mirror pages');
      expect(before.byModule).toMatchObject({ web: { answers: 1, not_it: 1 }, mta: { answers: 1, not_it: 1 } });

      const second = await startServerProcess(cwd, env());
      expect(await second.stop()).toBe(0);
      expect((await report()).verdicts).toEqual(before.verdicts);

      const exported = await runCliProcess(cwd, ['feedback', 'export', '--jsonl'], { DATA_DIR: dataDir });
      const examples = exported.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { text: string; module: ModuleId; lang: 'en' | 'ko' });
      expect(examples).toEqual(
        expect.arrayContaining([
          { text: SLACK_QUESTION, module: 'tracking', lang: 'en' },
          { text: TEAMS_QUESTION, module: 'stat', lang: 'en' },
        ]),
      );
      // Pasted into knowledge/, they must not turn a held-out dev line into a training example.
      const devSet = ['dev-set', 'dev-reports-2'].flatMap((name) => {
        const file = path.join(ROOT, `test/data/${name}.jsonl`);
        return parseLabelledJsonl(readFileSync(file, 'utf8'), file);
      });
      const knowledge = loadKnowledge(path.join(ROOT, 'knowledge'));
      const withExamples = (texts: string[]): Knowledge => ({
        ...knowledge,
        modules: knowledge.modules.map((m, i) => (i === 0 ? { ...m, examples: { ...m.examples, en: [...m.examples.en, ...texts] } } : m)),
      });
      expect(nearCopies(devSet, withExamples(examples.map((e) => e.text)))).toEqual([]);
      // The check would catch an exported question that copies a dev line.
      expect(nearCopies(devSet, withExamples([devSet[0]?.text ?? '']))).not.toEqual([]);
    },
    4 * SPAWN_TIMEOUT_MS,
  );

  it(
    'reads the store where its reader cannot write (a backup on a read-only mount, a reporting user), with the rows the server recorded',
    async () => {
      // The store the test above filled, copied where this process's user cannot write: root ignores permissions, so the CLI runs as nobody then.
      const parent = mkdtempSync(path.join(tmpdir(), 'bot-read-only-'));
      const folder = path.join(parent, 'backup');
      try {
        mkdirSync(folder);
        copyFileSync(path.join(dataDir, 'campaign-module.sqlite'), path.join(folder, 'campaign-module.sqlite'));
        chmodSync(path.join(folder, 'campaign-module.sqlite'), 0o444);
        chmodSync(folder, 0o555);
        chmodSync(parent, 0o755);
        const asReader = process.getuid?.() === 0 ? { uid: 65_534 } : {};
        const result = await runCliProcess(parent, ['feedback', 'report', '--format', 'json'], { DATA_DIR: folder }, asReader);
        expect(result.stderr).toBe('');
        expect(JSON.parse(result.stdout)).toMatchObject({ answers: 2, verdicts: { helpful: 0, not_it: 2 } });
        const exported = await runCliProcess(parent, ['feedback', 'export', '--jsonl'], { DATA_DIR: folder }, asReader);
        expect(exported.stdout).toContain(SLACK_QUESTION);
        expect(readdirSync(folder)).toEqual(['campaign-module.sqlite']);
      } finally {
        chmodSync(folder, 0o755);
        rmSync(parent, { recursive: true, force: true });
      }
    },
    4 * SPAWN_TIMEOUT_MS,
  );

  it(
    'db migrate says what it applied, then that the store is up to date; an unreachable DATABASE_URL is one line and exit 1',
    async () => {
      const dir = path.join(cwd, 'migrate-only');
      const first = await runCliProcess(cwd, ['db', 'migrate'], { DATA_DIR: dir });
      expect(first).toEqual({ code: 0, stdout: 'sqlite: applied 0001_feedback\n', stderr: '' });
      const again = await runCliProcess(cwd, ['db', 'migrate'], { DATA_DIR: dir });
      expect(again.stdout).toBe('sqlite: already up to date\n');
      const text = await runCliProcess(cwd, ['feedback', 'report'], { DATA_DIR: dir });
      expect(text.stdout).toContain('0 answers · 0 helpful · 0 not it · helpful rate —');
      expect(text.stdout.split('\n')[0]).toMatch(/, store: sqlite \/.*migrate-only\/campaign-module\.sqlite$/);
      // A report does not migrate a store behind the server's back: it says what to run.
      const older = path.join(cwd, 'older-schema');
      mkdirSync(older);
      writeFileSync(path.join(older, 'campaign-module.sqlite'), '');
      const outdated = await runCliProcess(cwd, ['feedback', 'report'], { DATA_DIR: older });
      expect(outdated).toMatchObject({ code: 1, stdout: '' });
      expect(outdated.stderr).toMatch(
        /^campaign-module: DATA_DIR: .*older-schema\/campaign-module\.sqlite: the schema is older than this version \(missing 0001_feedback\): run "campaign-module db migrate"/,
      );
      expect(readFileSync(path.join(older, 'campaign-module.sqlite'), 'utf8')).toBe('');
      // A report run where nothing was recorded says so, and creates no empty store there.
      const elsewhere = path.join(cwd, 'never-used');
      const nothing = await runCliProcess(cwd, ['feedback', 'report'], { DATA_DIR: elsewhere });
      expect(nothing).toMatchObject({ code: 1, stdout: '' });
      expect(nothing.stderr).toMatch(/^campaign-module: DATA_DIR: no store at \/.*never-used\/campaign-module\.sqlite: nothing was recorded there/);
      expect(existsSync(elsewhere)).toBe(false);
      for (const since of ['2026-02-30', '2999-01-01']) {
        const refusedSince = await runCliProcess(cwd, ['feedback', 'report', '--since', since], { DATA_DIR: dir });
        expect(refusedSince.code).toBe(64);
        expect(refusedSince.stderr).toContain('--since');
      }
      const refused = await runCliProcess(cwd, ['feedback', 'report'], { DATABASE_URL: 'postgres://bot:n0t-said@127.0.0.1:1/campaign' });
      expect(refused).toEqual({ code: 1, stdout: '', stderr: 'campaign-module: DATABASE_URL: PostgreSQL could not be reached (connect ECONNREFUSED 127.0.0.1:1)\n' });
      // pg warns about sslmode=require, the usual setting of a hosted PostgreSQL: one line of its own, not Node's ten.
      const withSsl = await runCliProcess(cwd, ['feedback', 'report'], { DATABASE_URL: 'postgres://bot:n0t-said@127.0.0.1:1/campaign?sslmode=require' });
      expect(withSsl.code).toBe(1);
      expect(withSsl.stderr.split('\n').filter(Boolean)).toEqual([
        expect.stringMatching(/^campaign-module: warning: SECURITY WARNING: The SSL modes/),
        'campaign-module: DATABASE_URL: PostgreSQL could not be reached (connect ECONNREFUSED 127.0.0.1:1)',
      ]);
    },
    4 * SPAWN_TIMEOUT_MS,
  );
});
