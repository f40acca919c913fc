import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LABELS } from '../../src/render/labels.js';
import { channelMention, personalMessage } from './activities.js';
import { logged, post, startBot, START_TIMEOUT_MS, type Bot } from './bot-harness.js';
import { startConnectorRecorder, type ConnectorRecorder } from './connector-recorder.js';

describe('Teams activities that are malformed or carry no text', () => {
  let connector: ConnectorRecorder;
  let bot: Bot;
  beforeAll(async () => {
    connector = await startConnectorRecorder();
    bot = await startBot();
  }, START_TIMEOUT_MS);
  afterAll(async () => {
    await bot.close();
    await connector.close();
  });
  afterEach(() => {
    connector.reset();
    bot.lines.length = 0;
  });

  const summaries = () => connector.calls.map((call) => String(call.body.summary ?? call.body.text));

  it.each([
    ['an empty object', () => ({})],
    ['a message without serviceUrl or conversation', () => ({ type: 'message', text: 'help' })],
    ['a type that is not a string', () => ({ ...personalMessage(connector.url, 'help'), type: 5 })],
    ['a conversation id that is not a string', () => ({ ...personalMessage(connector.url, 'help'), conversation: { id: 7 } })],
    ['entities that are not a list', () => ({ ...personalMessage(connector.url, 'help'), entities: { type: 'mention' } })],
    ['a locale that is not a string', () => ({ ...personalMessage(connector.url, 'help'), locale: 5 })],
    ['membersAdded that is not a list', () => ({ ...personalMessage(connector.url, 'help'), type: 'conversationUpdate', membersAdded: 'everyone' })],
  ])('answers %s with 400 and a neutral JSON body, and sends nothing', async (_name, activity) => {
    const res = await post(bot.url, activity());
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'invalid activity' });
    expect(connector.received).toEqual([]);
    expect(logged(bot, 'teams: request refused').at(-1)).toMatchObject({ status: 400, code: 'ACTIVITY_SHAPE_INVALID' });
  });

  it('answers a text that is not a string with the "could not read" sentence, not a 500', async () => {
    const res = await post(bot.url, { ...personalMessage(connector.url, ''), text: 5 });
    expect(res.status).toBe(200);
    expect(summaries()).toEqual([LABELS.en.noText]);
    expect(logged(bot, 'teams: turn failed')).toEqual([]);
  });

  it('answers an attachment-only message (a pasted screenshot) in the language of the client', async () => {
    const screenshot: Record<string, unknown> = {
      ...personalMessage(connector.url, '', 'ko-KR'),
      attachments: [{ contentType: 'image/png', contentUrl: 'https://smba.trafficmanager.net/apac/v3/attachments/0-abc/views/original' }],
    };
    delete screenshot.text;
    const res = await post(bot.url, screenshot);
    expect(res.status).toBe(200);
    expect(summaries()).toEqual([LABELS.ko.noText]);
  });

  it('answers a channel mention with nothing after the mention with the help card', async () => {
    await post(bot.url, channelMention(connector.url, ''));
    expect(summaries()).toEqual([expect.stringContaining(LABELS.en.helpTitle)]);
  });

  it('still apologises once when the answer to a non-string text is refused: the error handler cannot throw', async () => {
    connector.failNext(1, 400);
    const res = await post(bot.url, { ...personalMessage(connector.url, ''), text: ['not', 'text'], locale: 'ko-KR' });
    expect(res.status).toBe(200);
    expect(connector.received).toHaveLength(2);
    expect(summaries()).toEqual([LABELS.ko.error]);
    expect(logged(bot, 'teams: turn failed')).toHaveLength(1);
  });
});
