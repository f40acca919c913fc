import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSlackApiStandIn, type SlackApiStandIn } from './slack/api-stand-in.js';
import { appMention, BOT_TOKEN, eventCallback, postSigned, SIGNING_SECRET } from './slack/requests.js';
import { personalMessage } from './teams/activities.js';
import { SPAWN_TIMEOUT_MS, waitUntil } from './wait.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SERVER = path.join(REPO, 'bin/server.js');
const SLACK_QUESTION = 'emails stopped going out since this morning';
const TEAMS_QUESTION = 'the workflow is stuck and nothing runs';

interface Run {
  child: ChildProcess;
  stderr: () => string;
  exited: Promise<number | null>;
  url: string;
}

let cwd: string;
beforeAll(() => {
  // An empty working directory, so a developer's own .env cannot leak into these runs.
  cwd = mkdtempSync(path.join(tmpdir(), 'bot-shutdown-'));
});
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

const children: ChildProcess[] = [];
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** `npm start` with Slack (HTTP mode) and local-mode Teams, resolved once the start-up line names the port. */
async function start(env: Record<string, string>): Promise<Run> {
  const child = spawn(process.execPath, [SERVER], { cwd, env: { PATH: process.env.PATH ?? '', PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const match = await waitUntil(() => out.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/) ?? (child.exitCode !== null ? new Error(err) : null), { what: 'the start-up line' });
  if (match instanceof Error) throw match;
  return { child, stderr: () => err, exited, url: match[1] ?? '' };
}

/** A Bot Framework connector that answers every reply after `delayMs`, recording which answers it finished. */
async function slowConnector(delayMs: number): Promise<{ url: string; received: number; delivered: number }> {
  const state = { url: '', received: 0, delivered: 0 };
  const server: Server = createServer((req, res) => {
    req.resume();
    state.received += 1;
    res.once('finish', () => (state.delivered += 1));
    setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"bot-activity-1"}'), delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())).then(() => undefined));
  closers.push(async () => server.closeAllConnections());
  return state;
}

async function slowSlack(delayMs: number): Promise<SlackApiStandIn> {
  const api = await startSlackApiStandIn();
  api.delay('chat.postMessage', delayMs);
  closers.push(() => api.close());
  return api;
}

function slackEnv(api: SlackApiStandIn): Record<string, string> {
  return { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: api.apiUrl };
}

function jsonLines(text: string): Array<Record<string, unknown>> {
  return text
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('SIGTERM while answers are being posted', () => {
  it(
    'waits for the Slack and Teams answers in flight, delivers both, refuses new requests, exits 0',
    async () => {
      // Long enough that the first answer is still held when the second arrives on a loaded machine.
      const api = await slowSlack(5000);
      const connector = await slowConnector(5000);
      const run = await start(slackEnv(api));
      const mention = await postSigned(`${run.url}/slack/events`, eventCallback(appMention(`<@UBOT> ${SLACK_QUESTION}`)));
      expect(mention.status).toBe(200);
      // Teams holds the request open for the whole turn, so this resolves only once the reply is out.
      const teams = fetch(`${run.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(personalMessage(connector.url, TEAMS_QUESTION)),
      });
      await waitUntil(() => api.callsTo('chat.postMessage').length === 1 && connector.received === 1, { what: 'both answers to reach the slow APIs' });

      run.child.kill('SIGTERM');
      await waitUntil(() => run.stderr().includes('"msg":"shutting down"'), { what: 'the shutdown line' });
      const refused = await fetch(`${run.url}/healthz`).then(
        (res) => res.status,
        () => 'refused',
      );
      expect([503, 'refused']).toContain(refused);

      expect(await run.exited).toBe(0);
      expect(api.callsTo('chat.postMessage')[0]?.delivered).toBe(true);
      expect(connector.delivered).toBe(1);
      expect((await teams).status).toBe(200);
      const lines = jsonLines(run.stderr());
      expect(lines.find((l) => l.msg === 'shutting down')).toMatchObject({ signal: 'SIGTERM', inFlight: 2, graceMs: 10_000 });
      expect(lines.filter((l) => l.msg === 'shutdown: answer dropped')).toEqual([]);
    },
    2 * SPAWN_TIMEOUT_MS,
  );

  it(
    'gives up after SHUTDOWN_GRACE_SECONDS and logs each dropped answer without the question',
    async () => {
      const api = await slowSlack(8000);
      const run = await start({ ...slackEnv(api), SHUTDOWN_GRACE_SECONDS: '1' });
      await postSigned(`${run.url}/slack/events`, eventCallback(appMention(`<@UBOT> ${SLACK_QUESTION}`)));
      await api.waitFor('chat.postMessage', 1);

      const signalled = Date.now();
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
      // The bound holds: the stand-in would have answered only after 8 s.
      expect(Date.now() - signalled).toBeLessThan(6000);
      const dropped = jsonLines(run.stderr()).filter((l) => l.msg === 'shutdown: answer dropped');
      expect(dropped).toEqual([expect.objectContaining({ level: 'warn', platform: 'slack', kind: 'event_callback', ageMs: expect.any(Number) })]);
      expect(run.stderr()).not.toContain(SLACK_QUESTION);
      expect(api.callsTo('chat.postMessage')[0]?.delivered).not.toBe(true);
    },
    2 * SPAWN_TIMEOUT_MS,
  );

  it(
    'logs an answer Slack did not take within its call timeout during the grace period, before exiting',
    async () => {
      const api = await slowSlack(30_000);
      const run = await start({ ...slackEnv(api), SHUTDOWN_GRACE_SECONDS: '15' });
      await postSigned(`${run.url}/slack/events`, eventCallback(appMention(`<@UBOT> ${SLACK_QUESTION}`)));
      await api.waitFor('chat.postMessage', 1);
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
      const lines = jsonLines(run.stderr());
      expect(lines.filter((l) => l.msg === 'slack: gave up waiting for Slack; the answer may still appear')).toHaveLength(1);
      expect(run.stderr()).not.toContain(SLACK_QUESTION);
    },
    2 * SPAWN_TIMEOUT_MS,
  );
});
