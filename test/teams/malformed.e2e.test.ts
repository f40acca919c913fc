import { describe, expect, it } from 'vitest';
import { LABELS } from '../../src/render/labels.js';
import { TEAMS_LIMITS } from '../../src/render/limits.js';
import { channelMention, personalMessage } from './activities.js';
import { postKeptAlive } from '../kept-alive.js';
import { botAndConnectorForFile, logged, post } from './bot-harness.js';

describe('Teams activities that are malformed or carry no text', () => {
  const t = botAndConnectorForFile();

  const summaries = () => t.connector.calls.map((call) => String(call.body.summary ?? call.body.text));

  it.each([
    ['an empty object', () => ({})],
    ['a message without serviceUrl or conversation', () => ({ type: 'message', text: 'help' })],
    ['a type that is not a string', () => ({ ...personalMessage(t.connector.url, 'help'), type: 5 })],
    ['a conversation id that is not a string', () => ({ ...personalMessage(t.connector.url, 'help'), conversation: { id: 7 } })],
    ['entities that are not a list', () => ({ ...personalMessage(t.connector.url, 'help'), entities: { type: 'mention' } })],
    ['an entity that is null', () => ({ ...personalMessage(t.connector.url, 'help'), entities: [null] })],
    ['an entity whose type is a number', () => ({ ...personalMessage(t.connector.url, 'help'), entities: [{ type: 7 }] })],
    ['a locale that is not a string', () => ({ ...personalMessage(t.connector.url, 'help'), locale: 5 })],
    ['membersAdded that is not a list', () => ({ ...personalMessage(t.connector.url, 'help'), type: 'conversationUpdate', membersAdded: 'everyone' })],
    ['a message with no sender (its votes would all count as one user)', () => ({ ...personalMessage(t.connector.url, 'mta is down'), from: undefined })],
    ['a sender without an id', () => ({ ...personalMessage(t.connector.url, 'mta is down'), from: { name: 'x' } })],
    ['a message with no recipient', () => ({ ...personalMessage(t.connector.url, 'mta is down'), recipient: undefined })],
    ['a message with no id (a redelivery would be answered twice)', () => ({ ...personalMessage(t.connector.url, 'mta is down'), id: undefined })],
  ])('answers %s with 400 and a neutral JSON body, and sends nothing', async (_name, activity) => {
    const res = await post(t.bot.url, activity());
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'invalid activity' });
    expect(t.connector.received).toEqual([]);
    expect(logged(t.bot, 'teams: request refused').at(-1)).toMatchObject({ status: 400, code: 'ACTIVITY_SHAPE_INVALID' });
  });

  it('answers a body too large with 413 and closes that connection, which cannot carry another request', async () => {
    const res = await postKeptAlive(t.bot.url, JSON.stringify(personalMessage(t.connector.url, 'x'.repeat(TEAMS_LIMITS.inboundBytes))), 'application/json');
    expect(res.status).toBe(413);
    expect(res.connection).toBe('close');
    expect((await post(t.bot.url, personalMessage(t.connector.url, 'help'))).status).toBe(200);
  });

  it('answers a text that is not a string with the "could not read" sentence, not a 500', async () => {
    const res = await post(t.bot.url, { ...personalMessage(t.connector.url, ''), text: 5 });
    expect(res.status).toBe(200);
    expect(summaries()).toEqual([LABELS.en.noText]);
    expect(logged(t.bot, 'teams: turn failed')).toEqual([]);
  });

  it('answers an attachment-only message (a pasted screenshot) in the language of the client', async () => {
    const screenshot: Record<string, unknown> = {
      ...personalMessage(t.connector.url, '', 'ko-KR'),
      attachments: [{ contentType: 'image/png', contentUrl: 'https://smba.trafficmanager.net/apac/v3/attachments/0-abc/views/original' }],
    };
    delete screenshot.text;
    const res = await post(t.bot.url, screenshot);
    expect(res.status).toBe(200);
    expect(summaries()).toEqual([LABELS.ko.noText]);
  });

  it('answers a channel mention with nothing after the mention with the help card', async () => {
    await post(t.bot.url, channelMention(t.connector.url, ''));
    expect(summaries()).toEqual([expect.stringContaining(LABELS.en.helpTitle)]);
  });

  it('still apologises once when the answer to a non-string text is refused: the error handler cannot throw', async () => {
    t.connector.failNext(1, 400);
    const res = await post(t.bot.url, { ...personalMessage(t.connector.url, ''), text: ['not', 'text'], locale: 'ko-KR' });
    expect(res.status).toBe(200);
    expect(t.connector.received).toHaveLength(2);
    expect(summaries()).toEqual([LABELS.ko.error]);
    expect(logged(t.bot, 'teams: turn failed')).toHaveLength(1);
  });
});
