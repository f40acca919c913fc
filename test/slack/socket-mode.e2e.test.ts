import type { AddressInfo } from 'node:net';
// ws arrives with botbuilder; it plays Slack's Socket Mode endpoint here.
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LABELS } from '../../src/render/labels.js';
import { startSlackApiStandIn, type SlackApiStandIn } from './api-stand-in.js';
import { startBot, type RunningBot } from './bot-harness.js';
import { appMention, BOT_TOKEN, eventCallback, slashCommand } from './requests.js';

interface SocketStandIn {
  url: string;
  /** Sends an envelope to the connected bot and resolves with its acknowledgement. */
  deliver(type: string, payload: unknown): Promise<{ envelope_id: string; payload?: Record<string, any> }>;
  close(): Promise<void>;
}

/** Slack's side of a Socket Mode connection: says hello, pushes envelopes, collects acks. */
async function startSocketStandIn(): Promise<SocketStandIn> {
  const server = new WebSocket.Server({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  let socket: WebSocket | undefined;
  const acks = new Map<string, (ack: { envelope_id: string; payload?: Record<string, any> }) => void>();
  const connected = new Promise<void>((resolve) => {
    server.on('connection', (ws) => {
      socket = ws;
      ws.on('message', (data) => {
        const ack = JSON.parse(String(data)) as { envelope_id: string };
        acks.get(ack.envelope_id)?.(ack);
      });
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'stand-in' }, connection_info: { app_id: 'A0CAMPAIGN' } }));
      resolve();
    });
  });
  let envelopes = 0;
  return {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/link`,
    async deliver(type, payload) {
      await connected;
      const envelopeId = `env-${(envelopes += 1)}`;
      const acked = new Promise<{ envelope_id: string; payload?: Record<string, any> }>((resolve) => acks.set(envelopeId, resolve));
      socket?.send(JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: type !== 'events_api', retry_attempt: 0, retry_reason: '' }));
      return acked;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}

const APP_TOKEN = 'xapp-1-A0CAMPAIGN-1234-abcdef';

describe('Socket Mode (SLACK_APP_TOKEN set)', () => {
  let api: SlackApiStandIn;
  let socket: SocketStandIn;
  let bot: RunningBot;

  beforeAll(async () => {
    api = await startSlackApiStandIn();
    socket = await startSocketStandIn();
    api.answers['apps.connections.open'] = { ok: true, url: socket.url };
    bot = await startBot({ SLACK_APP_TOKEN: APP_TOKEN }, api);
  });
  afterAll(async () => {
    await bot.stop();
    await socket.close();
    await api.close();
  });

  it('opens the connection with the app-level token and reports socket mode', async () => {
    const open = api.callsTo('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]?.authorization).toBe(`Bearer ${APP_TOKEN}`);
    const health = (await (await fetch(`${bot.baseUrl}/healthz`)).json()) as { slack: { mode: string } };
    expect(health.slack.mode).toBe('socket');
  });

  it('does not serve /slack/events over HTTP', async () => {
    const res = await fetch(bot.eventsUrl, { method: 'POST', body: '{}' });
    expect(res.status).toBe(404);
  });

  it('answers a slash command in the envelope acknowledgement', async () => {
    const fields = Object.fromEntries(new URLSearchParams(slashCommand('emails stuck in pending', api.responseUrl()).body));
    const ack = await socket.deliver('slash_commands', fields);
    expect(ack.payload?.response_type).toBe('in_channel');
    expect(JSON.stringify(ack.payload)).toContain(LABELS.en.likelyModule);
  });

  it('answers a mention through the Web API', async () => {
    const event = appMention('<@UBOT> 워크플로가 시작되지 않아요');
    const ack = await socket.deliver('events_api', JSON.parse(eventCallback(event).body));
    expect(ack.envelope_id).toMatch(/^env-/);
    const [post] = await api.waitFor('chat.postMessage', 1);
    expect(post?.body.thread_ts).toBe(event.ts);
    expect(JSON.stringify(post?.body)).toContain(LABELS.ko.likelyModule);
  });

  it('logs at debug neither what was asked (the socket carries it in every envelope) nor a token', async () => {
    const marker = 'zebrafrost';
    api.reset();
    await socket.deliver('slash_commands', Object.fromEntries(new URLSearchParams(slashCommand(`${marker} emails stuck in pending`, api.responseUrl()).body)));
    await socket.deliver('events_api', JSON.parse(eventCallback(appMention(`<@UBOT> ${marker} workflows are stuck`)).body));
    await api.waitFor('chat.postMessage', 1);
    expect(bot.logs.some((l) => l.includes('"level":"debug"') && l.includes('WebSocket'))).toBe(true);
    for (const line of bot.logs) {
      expect(line).not.toContain(marker);
      expect(line).not.toContain(APP_TOKEN);
      expect(line).not.toContain(BOT_TOKEN);
    }
  });
});
