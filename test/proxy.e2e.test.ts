import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startProxyStandIn, type ProxyStandIn } from './proxy-stand-in.js';
import { startSlackApiStandIn, type SlackApiStandIn } from './slack/api-stand-in.js';
import { startConnectorRecorder, type ConnectorRecorder } from './teams/connector-recorder.js';
import { personalMessage } from './teams/activities.js';
import { appMention, BOT_TOKEN, eventCallback, postSigned, SIGNING_SECRET, slashCommand } from './slack/requests.js';
import { startSocketStandIn } from './slack/socket-stand-in.js';
import { startServerProcess, type ServerProcess } from './store/server-process.js';

let cwd: string;
let api: SlackApiStandIn;
let proxy: ProxyStandIn;
let connector: ConnectorRecorder;
let run: ServerProcess | undefined;

beforeAll(async () => {
  cwd = mkdtempSync(path.join(tmpdir(), 'bot-proxy-'));
  api = await startSlackApiStandIn();
  proxy = await startProxyStandIn();
  connector = await startConnectorRecorder();
});
afterEach(async () => {
  await run?.stop();
  run = undefined;
  api.reset();
  connector.reset();
  proxy.relayed.length = 0;
});
afterAll(async () => {
  await api.close();
  await proxy.close();
  await connector.close();
  rmSync(cwd, { recursive: true, force: true });
});

const slackEnv = () => ({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: api.apiUrl, DATA_DIR: path.join(cwd, 'state') });
const apiHost = () => new URL(api.apiUrl).host;

describe('npm start behind a corporate proxy', () => {
  it('posts the answer to Slack through the proxy (lower-case https_proxy read too) with its credentials, and never shows them', async () => {
    const withCredentials = proxy.url.replace('http://', 'http://oncall:Pr0xyS3cret@');
    run = await startServerProcess(cwd, { ...slackEnv(), https_proxy: withCredentials, HTTP_PROXY: withCredentials, LOG_LEVEL: 'debug' });
    expect(run.stdout()).toContain(`proxy: ${proxy.url}`);

    await postSigned(`${run.url}/slack/events`, eventCallback(appMention('<@UBOT> emails stopped going out since this morning')));
    const [answer] = await api.waitFor('chat.postMessage', 1);
    expect(JSON.stringify(answer?.body)).toContain('mta');
    // Every call to Slack's Web API went through the proxy, each with the proxy's credentials.
    const toSlack = proxy.relayed.filter((r) => r.line.includes(apiHost()));
    expect(toSlack.length).toBeGreaterThanOrEqual(1);
    for (const call of toSlack) expect(call.proxyAuthorization).toBe(`Basic ${Buffer.from('oncall:Pr0xyS3cret').toString('base64')}`);

    await run.stop();
    expect(`${run.stdout()}${run.stderr()}`).not.toContain('Pr0xyS3cret');
  });

  it('replies to Teams through the proxy: the connector call goes through it', async () => {
    run = await startServerProcess(cwd, { HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url, DATA_DIR: path.join(cwd, 'state') });
    const sent = await fetch(`${run.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(personalMessage(connector.url, 'the workflow is stuck and nothing runs')),
    });
    expect(sent.status).toBe(200);
    const [reply] = await connector.waitFor(1);
    expect(JSON.stringify(reply?.body)).toContain('wfserver');
    expect(proxy.relayed.some((r) => r.line.includes(new URL(connector.url).host))).toBe(true);
  });

  it('dials the Socket Mode WebSocket through the proxy too', async () => {
    const socket = await startSocketStandIn();
    try {
      api.answers['apps.connections.open'] = { ok: true, url: socket.url };
      run = await startServerProcess(cwd, { ...slackEnv(), SLACK_APP_TOKEN: 'xapp-1-A0CAMPAIGN-1234-abcdef', HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url });
      const fields = Object.fromEntries(new URLSearchParams(slashCommand('emails stuck in pending', api.responseUrl()).body));
      const ack = await socket.deliver('slash_commands', fields);
      expect(JSON.stringify(ack.payload)).toContain('mta');
      expect(proxy.relayed.map((r) => r.line)).toContain(`CONNECT ${new URL(socket.url).host}`);
    } finally {
      delete api.answers['apps.connections.open'];
      await run?.stop();
      await socket.close();
    }
  });

  it('goes direct to hosts in NO_PROXY', async () => {
    run = await startServerProcess(cwd, { ...slackEnv(), HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' });
    await postSigned(`${run.url}/slack/events`, eventCallback(appMention('<@UBOT> emails stopped going out since this morning')));
    await api.waitFor('chat.postMessage', 1);
    expect(proxy.relayed).toEqual([]);
  });

  it('refuses a proxy that is not a URL, naming the variable and not repeating the value', async () => {
    const started = startServerProcess(cwd, { ...slackEnv(), HTTPS_PROXY: 'proxy.corp:3128 with-secret-Zq9' });
    await expect(started).rejects.toThrow(/HTTPS_PROXY: expected a proxy URL such as http:\/\/proxy\.example\.com:3128/);
    await expect(started).rejects.not.toThrow(/Zq9/);
  });
});
