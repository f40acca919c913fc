import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LABELS } from '../../src/render/labels.js';
import { startSlackApiStandIn, type SlackApiStandIn } from './api-stand-in.js';
import { startBot, type RunningBot } from './bot-harness.js';
import { appMention, BOT_TOKEN, eventCallback, slashCommand } from './requests.js';
import { startSocketStandIn, type SocketStandIn } from './socket-stand-in.js';

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
