import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { SlackStartError } from '../src/slack/start-error.js';
import { loadConfig } from '../src/config.js';
import { createLogFeedbackSink } from '../src/core/feedback.js';
import { createLogger } from '../src/logger.js';
import { createServer, isLoopback, PRELOAD_AFTER_MS, teamsExposure, type BotServer, type ServerDeps } from '../src/server.js';
import { startSlackApiStandIn } from './slack/api-stand-in.js';
import { realTriage, TEST_RETRY } from './slack/bot-harness.js';
import { BOT_TOKEN, postSigned, SIGNING_SECRET, slashCommand } from './slack/requests.js';

const APP_ID = '3f1c9a52-8e0b-4d7e-9a61-2b7c5d4e6f10';
const running: BotServer[] = [];
const standIns: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
  await Promise.all(standIns.splice(0).map((api) => api.close()));
});

/** A loopback stand-in for Slack's Web API, closed after the test. */
async function slackApi() {
  const api = await startSlackApiStandIn();
  standIns.push(api);
  return api;
}

async function serve(env: Record<string, string>, options: Pick<ServerDeps, 'preloadAfterMs' | 'sdkImports' | 'requestTimeoutMs'> = {}) {
  const logs: string[] = [];
  const log = createLogger({ level: 'info', write: (line) => logs.push(line) });
  const server = await createServer({
    config: loadConfig(env),
    triage: realTriage(),
    feedback: createLogFeedbackSink(() => undefined),
    log,
    slackRetry: TEST_RETRY,
    ...options,
  });
  running.push(server);
  const { port } = await server.listen(0, '127.0.0.1');
  return { server, logs, base: `http://127.0.0.1:${port}` };
}

describe('exposure of the Teams endpoint', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['::1', true],
    ['localhost', true],
    ['0.0.0.0', false],
    ['10.0.0.5', false],
    ['::', false],
  ])('isLoopback(%s) is %s', (host, expected) => {
    expect(isLoopback(host)).toBe(expected);
  });

  it('is authenticated with an app id, local on loopback without one, refused on a network without one', () => {
    expect(teamsExposure(loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'pw' }))).toBe('authenticated');
    expect(teamsExposure(loadConfig({}))).toBe('local');
    expect(teamsExposure(loadConfig({ HOST: '0.0.0.0' }))).toBe('refused');
  });
});

describe('createServer', () => {
  it('serves /healthz with the adapters and the knowledge loaded', async () => {
    const { base } = await serve({});
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    const health = (await res.json()) as Record<string, any>;
    expect(health).toMatchObject({ status: 'ok', adapters: ['teams'], slack: null, teams: { authentication: 'off (loopback only)' } });
    expect(health.knowledge.modules).toBe(11);
    expect(health.knowledge.examples).toBeGreaterThan(11 * 50);
  });

  it('mounts the Teams handler at POST /api/messages', async () => {
    const { base } = await serve({});
    const res = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'not json' });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'invalid activity' });
  });

  it('authenticates /api/messages when MicrosoftAppId is set: no token, 401', async () => {
    const { base } = await serve({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'pw-value', HOST: '127.0.0.1' });
    const activity = {
      type: 'message',
      id: 'a1',
      text: 'mta',
      channelId: 'msteams',
      serviceUrl: 'http://127.0.0.1:9/',
      from: { id: 'u1' },
      conversation: { id: 'c1' },
      recipient: { id: 'b1' },
    };
    const res = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: 'unauthorized' });
  });

  it('does not mount /api/messages when HOST faces the network without an app id, and says why', async () => {
    const { base, logs } = await serve({ HOST: '0.0.0.0' });
    const res = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(404);
    const warning = logs.find((l) => l.includes('"level":"warn"') && l.includes('/api/messages not mounted'));
    expect(warning).toContain('MicrosoftAppId');
    // Serving no platform at all, the replica must leave service.
    const res2 = await fetch(`${base}/healthz`);
    expect(res2.status).toBe(503);
    expect(await res2.json()).toMatchObject({ status: 'failing', adapters: [], teams: null });
  });

  it('refuses to listen beyond loopback while /api/messages is unauthenticated', async () => {
    const server = await createServer({
      config: loadConfig({}),
      triage: realTriage(),
      feedback: createLogFeedbackSink(() => undefined),
      log: createLogger({ level: 'error', write: () => undefined }),
    });
    await expect(server.listen(0, '0.0.0.0')).rejects.toThrow(/not loopback/);
  });

  it('answers unknown paths with a JSON 404', async () => {
    const { base } = await serve({});
    const res = await fetch(`${base}/nope`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'not found' });
  });

  it('drops a request whose body stalls, answering 408, and keeps serving', async () => {
    const { base } = await serve({}, { requestTimeoutMs: 500 });
    const { port } = new URL(base);
    const socket = connect(Number(port), '127.0.0.1');
    const answer = new Promise<string>((resolve) => {
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('close', () => resolve(text));
    });
    // Says 100 bytes follow, sends 10, then nothing: a slow-loris upload.
    socket.write('POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"type":"m');
    const started = performance.now();
    expect(await answer).toMatch(/^HTTP\/1\.1 408/);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('closes promptly even with a keep-alive connection open', async () => {
    const { server, base } = await serve({});
    await fetch(`${base}/healthz`, { headers: { connection: 'keep-alive' } });
    const started = performance.now();
    await server.close();
    expect(performance.now() - started).toBeLessThan(1000);
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  });
});

describe('Slack start-up checks', () => {
  it('stops with a message naming SLACK_BOT_TOKEN when Slack refuses the token', async () => {
    const api = await slackApi();
    api.authTest = { ok: false, error: 'invalid_auth' };
    const attempt = serve({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: api.apiUrl });
    await expect(attempt).rejects.toBeInstanceOf(SlackStartError);
    await expect(attempt).rejects.toThrow(/^SLACK_BOT_TOKEN: Slack refused the token \(invalid_auth\)/);
  });

  it('stops with a message naming SLACK_API_URL when the Web API cannot be reached', async () => {
    const api = await startSlackApiStandIn();
    const deadUrl = api.apiUrl;
    await api.close();
    await expect(serve({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: deadUrl })).rejects.toThrow(
      /^SLACK_API_URL: Slack's Web API could not be reached/,
    );
  });
});

describe('platform SDKs load after the server is up', () => {
  const SDK_READY = ['slack: Bolt app ready', 'teams: bot endpoint ready'];
  const bothPlatforms = (apiUrl: string) => ({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: apiUrl,
    MicrosoftAppId: APP_ID,
    MicrosoftAppPassword: 'pw-value',
  });

  it('answers /healthz before Bolt and botbuilder are loaded', async () => {
    const api = await slackApi();
    const { base, logs } = await serve(bothPlatforms(api.apiUrl), { preloadAfterMs: 60_000 });
    const health = await fetch(`${base}/healthz`);
    expect(await health.json()).toMatchObject({
      status: 'ok',
      adapters: ['slack', 'teams'],
      slack: { mode: 'http', sdk: 'not loaded' },
      teams: { authentication: 'on', sdk: 'not loaded' },
    });
    expect(logs.filter((l) => SDK_READY.some((ready) => l.includes(ready)))).toEqual([]);
  });

  it(`loads both SDKs without waiting for a request (after ${PRELOAD_AFTER_MS} ms by default)`, async () => {
    const api = await slackApi();
    const { logs } = await serve(bothPlatforms(api.apiUrl), { preloadAfterMs: 20 });
    const deadline = performance.now() + 20_000;
    while (!SDK_READY.every((ready) => logs.some((l) => l.includes(ready))) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(SDK_READY.filter((ready) => !logs.some((l) => l.includes(ready)))).toEqual([]);
  }, 30_000);

  it('holds a slash command that arrives before Bolt is loaded and answers it', async () => {
    const api = await slackApi();
    const { base, logs } = await serve(bothPlatforms(api.apiUrl), { preloadAfterMs: 60_000 });
    const res = await postSigned(`${base}/slack/events`, slashCommand('mta@prod is down, nothing goes out', api.responseUrl()));
    expect(res.status).toBe(200);
    expect(JSON.stringify(await res.json())).toContain('mta');
    expect(logs.some((l) => l.includes('slack: Bolt app ready'))).toBe(true);
    expect(logs.some((l) => l.includes('teams: bot endpoint ready'))).toBe(false);
    expect(await (await fetch(`${base}/healthz`)).json()).toMatchObject({ slack: { sdk: 'loaded' }, teams: { sdk: 'not loaded' } });
  }, 30_000);

  it('answers 503 when an SDK cannot be loaded, says so once in the log, and /healthz takes the replica out of service', async () => {
    const api = await slackApi();
    const broken = () => Promise.reject(new Error("Cannot find package '@slack/bolt'"));
    const { base, logs } = await serve(bothPlatforms(api.apiUrl), { preloadAfterMs: 60_000, sdkImports: { slack: broken } });
    for (let i = 0; i < 2; i += 1) {
      const res = await postSigned(`${base}/slack/events`, slashCommand('mta@prod is down', api.responseUrl()));
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ error: 'slack is unavailable: Bolt could not be loaded' });
    }
    expect(logs.filter((l) => l.includes('slack: Bolt could not be loaded; reinstall with npm install'))).toHaveLength(1);
    expect(logs.some((l) => l.includes('http: request failed'))).toBe(false);
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'failing', slack: { sdk: 'failed' }, teams: { sdk: 'not loaded' } });
  }, 30_000);

  it('tells an adapter that would not start from a broken install: no advice to reinstall', async () => {
    const api = await slackApi();
    const refusing = async () => ({
      createSlackAdapter: () => {
        throw new Error('signingSecret is required');
      },
    });
    const { base, logs } = await serve(bothPlatforms(api.apiUrl), { preloadAfterMs: 60_000, sdkImports: { slack: refusing as never } });
    const res = await postSigned(`${base}/slack/events`, slashCommand('mta@prod is down', api.responseUrl()));
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ error: 'slack is unavailable: Bolt could not be set up' });
    expect(logs.filter((l) => l.includes('slack: Bolt could not be set up') && l.includes('signingSecret is required'))).toHaveLength(1);
    expect(logs.some((l) => l.includes('reinstall'))).toBe(false);
    expect(await (await fetch(`${base}/healthz`)).json()).toMatchObject({ status: 'failing', slack: { sdk: 'failed' } });
  }, 30_000);

  it('answers a Teams activity with 503 when botbuilder cannot be loaded', async () => {
    const broken = () => Promise.reject(new Error("Cannot find package 'botbuilder'"));
    const { base } = await serve({}, { sdkImports: { teams: broken } });
    const res = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":"message","text":"mta is down"}' });
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ error: 'teams is unavailable: botbuilder could not be loaded' });
    expect((await fetch(`${base}/healthz`)).status).toBe(503);
  });
});
