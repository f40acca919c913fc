import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSlackApiStandIn, type SlackApiStandIn } from '../slack/api-stand-in.js';
import { ALERT_BOT, ALERT_CHANNEL, alertMessage } from '../slack/incident-requests.js';
import { appMention, BOT_TOKEN, eventCallback, postSigned, SIGNING_SECRET } from '../slack/requests.js';
import { personalMessage } from '../teams/activities.js';
import { startConnectorRecorder, type ConnectorRecorder } from '../teams/connector-recorder.js';
import { SPAWN_TIMEOUT_MS, waitUntil } from '../wait.js';
import { startPostgres, type Postgres } from './postgres.js';
import { startServerProcess, type ServerProcess } from './server-process.js';

const QUESTION = 'emails stopped going out since this morning';
let postgres: Postgres;
let api: SlackApiStandIn;
let connector: ConnectorRecorder;
let cwd: string;
const running: ServerProcess[] = [];

beforeAll(async () => {
  postgres = await startPostgres();
  api = await startSlackApiStandIn();
  connector = await startConnectorRecorder();
  // An empty working directory, so a developer's own .env cannot leak into these runs.
  cwd = mkdtempSync(path.join(tmpdir(), 'bot-replicas-'));
}, SPAWN_TIMEOUT_MS);
afterEach(async () => {
  await Promise.all(running.splice(0).map((run) => run.stop()));
  api.reset();
});
afterAll(async () => {
  await api?.close();
  await connector?.close();
  postgres?.stop();
  rmSync(cwd, { recursive: true, force: true });
});

async function replica(databaseUrl: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const run = await startServerProcess(cwd, { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: api.apiUrl, DATABASE_URL: databaseUrl, ...env });
  running.push(run);
  return run;
}

const health = async (run: ServerProcess) => (await fetch(`${run.url}/healthz`)).json() as Promise<Record<string, unknown>>;

describe('two replicas on one PostgreSQL', () => {
  it(
    'answers a Slack event once when its retry lands on the other replica',
    async () => {
      const databaseUrl = await postgres.createDatabase();
      const [first, second] = await Promise.all([replica(databaseUrl), replica(databaseUrl)]);
      const event = eventCallback(appMention(`<@UBOT> ${QUESTION}`));
      expect((await postSigned(`${first?.url}/slack/events`, event)).status).toBe(200);
      const retry = await postSigned(`${second?.url}/slack/events`, event, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
      expect(retry.status).toBe(200);
      await api.waitFor('chat.postMessage', 1);
      // Whichever replica claimed it first answers; the other logs the drop. Wait for that line, then count.
      await waitUntil(() => [first, second].some((run) => run?.stderr().includes('slack: dropped repeated event')), { what: 'one replica to drop the retry' });
      expect(api.callsTo('chat.postMessage')).toHaveLength(1);
      expect(await health(second as ServerProcess)).toMatchObject({ status: 'ok', store: { engine: 'postgres', status: 'ok' } });

      // The same for a Teams activity the channel delivers again, to the other replica.
      const activity = JSON.stringify(personalMessage(connector.url, QUESTION));
      const deliver = (run: ServerProcess | undefined) => fetch(`${run?.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: activity });
      expect((await deliver(first)).status).toBe(200);
      expect((await deliver(second)).status).toBe(200);
      await connector.waitFor(1);
      await waitUntil(() => [first, second].some((run) => run?.stderr().includes('teams: dropped repeated activity')), { what: 'one replica to drop the redelivery' });
      expect(connector.calls).toHaveLength(1);
    },
    2 * SPAWN_TIMEOUT_MS,
  );

  it(
    'answers a storm of alerts once, whichever replica each alert lands on',
    async () => {
      const databaseUrl = await postgres.createDatabase();
      const alerts = { SLACK_ALERT_CHANNELS: ALERT_CHANNEL, SLACK_ALERT_BOTS: ALERT_BOT, CAMPAIGN_INSTANCE: 'prod' };
      const replicas = await Promise.all([replica(databaseUrl, alerts), replica(databaseUrl, alerts)]);
      const storm = Array.from({ length: 12 }, () => eventCallback(alertMessage('CRITICAL nlserver wfserver@prod not running')));
      const statuses = await Promise.all(storm.map((event, i) => postSigned(`${replicas[i % 2]?.url}/slack/events`, event).then((res) => res.status)));
      expect(statuses.every((status) => status === 200)).toBe(true);
      await api.waitFor('chat.postMessage', 1);
      // Both replicas saw the storm: one answered it, the other logs that it stood back.
      await waitUntil(() => replicas.some((run) => run.stderr().includes('slack: alert storm answered by another replica')), { what: 'one replica to stand back' });
      // One card; beside it, the answering replica may post the storm's count as a message of its own.
      const cards = api.callsTo('chat.postMessage').filter((post) => !/^\d+ alerts like this since/.test(String(post.body.text)));
      expect(cards).toHaveLength(1);
    },
    2 * SPAWN_TIMEOUT_MS,
  );

  // Last in the file: it stops the shared server.
  it(
    'keeps answering when PostgreSQL goes away, and /healthz says degraded',
    async () => {
      const run = await replica(await postgres.createDatabase());
      expect(await health(run)).toMatchObject({ status: 'ok' });
      postgres.kill();
      expect((await postSigned(`${run.url}/slack/events`, eventCallback(appMention(`<@UBOT> ${QUESTION}`)))).status).toBe(200);
      const [answer] = await api.waitFor('chat.postMessage', 1);
      expect(JSON.stringify(answer?.body)).toContain('mta');
      expect(await health(run)).toMatchObject({ status: 'degraded', store: { engine: 'postgres', status: 'degraded' } });
      expect(run.stderr()).toContain('store: lost, answering without recording');
      expect(run.stderr()).not.toContain(QUESTION);
      expect(await run.stop()).toBe(0);
    },
    2 * SPAWN_TIMEOUT_MS,
  );
});
