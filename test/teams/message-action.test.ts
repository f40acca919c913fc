import { describe, expect, it } from 'vitest';
import { ASK_COMMAND_ID, readMessageAction, threadConversationId } from '../../src/teams/message-action.js';

describe('readMessageAction', () => {
  const payload = (extra: Record<string, unknown>) => ({
    commandId: ASK_COMMAND_ID,
    commandContext: 'message',
    messagePayload: { id: '42', body: { contentType: 'html', content: '<p>mta down</p>' }, ...extra },
  });

  it('reads the message, its cards and the note added in the dialog', () => {
    const value = {
      ...payload({
        attachments: [
          {
            contentType: 'application/vnd.microsoft.card.adaptive',
            content: {
              type: 'AdaptiveCard',
              body: [
                { type: 'TextBlock', text: 'CRITICAL wfserver@prod' },
                { type: 'FactSet', facts: [{ title: 'Host', value: 'camp01' }] },
              ],
            },
          },
        ],
      }),
      data: { note: 'since 9' },
    };
    expect(readMessageAction(value)).toEqual({ text: 'mta down\nCRITICAL wfserver@prod\nHost: camp01\nsince 9', messageId: '42', threadRootId: '42' });
  });

  it('reads a table row by row, its cells apart', () => {
    const table = '<p>status</p><table><tbody><tr><td>mta@mkt</td><td>stopped</td></tr><tr><td>wfserver@mkt</td><td>running</td></tr></tbody></table>';
    expect(readMessageAction(payload({ body: { contentType: 'html', content: table } }))?.text).toBe('status\nmta@mkt stopped\nwfserver@mkt running');
  });

  describe("the bot's own mentions", () => {
    const BOT = { id: '28:6f1c2b4e-93b1-4c4e-9d52-0c8f1e7a2b10', name: 'Campaign Module Bot' };
    const html = '<p><at id="0">Campaign Module</at>, can you look? <at id="1">Min-jun Kim</at> says mta@mkt is down</p>';
    const mentioned = (id: number, who: Record<string, unknown>) => ({ id, mentionText: 'x', mentioned: who });
    const theBot = { application: { id: '6f1c2b4e-93b1-4c4e-9d52-0c8f1e7a2b10', displayName: 'Campaign Module', applicationIdentityType: 'bot' } };
    const minJun = { user: { id: '8d2c1f0a-0000-4000-8000-000000000001', displayName: 'Min-jun Kim', userIdentityType: 'aadUser' } };
    const read = (mentions: unknown[], bot = BOT) => readMessageAction(payload({ body: { contentType: 'html', content: html }, mentions }), { bot })?.text;

    it('are cut, found by the app id of their mention entry; other people stay as plain names', () => {
      expect(read([mentioned(0, theBot), mentioned(1, minJun)])).toBe('can you look? Min-jun Kim says mta@mkt is down');
    });

    it('are found by the name the element shows when the message lists no mentions', () => {
      expect(read([], { ...BOT, name: 'Campaign Module' })).toBe('can you look? Min-jun Kim says mta@mkt is down');
    });

    it('are not confused with a person who has the same name', () => {
      const namesake = { user: { id: '8d2c1f0a-0000-4000-8000-000000000002', displayName: 'Campaign Module' } };
      expect(read([mentioned(0, namesake)], { ...BOT, name: 'Campaign Module' })).toBe('Campaign Module, can you look? Min-jun Kim says mta@mkt is down');
    });
  });

  it.each([
    ['mkt', [], 'mkt'],
    ['MKT', ['prod', 'mkt'], 'mkt'],
    ['  mkt instance ', [], 'mkt'],
    ['acc_prd', [], 'acc_prd'],
  ])('takes the note %j as the instance when it is nothing else, and leaves it out of the words', (note, knownInstances, instance) => {
    expect(readMessageAction({ ...payload({}), data: { note } }, { knownInstances })).toEqual({ text: 'mta down', messageId: '42', threadRootId: '42', instance });
  });

  it.each(['since 9', 'urgent', 'wfserver', 'on mkt since 9'])('keeps the note %j as more words of the message', (note) => {
    expect(readMessageAction({ ...payload({}), data: { note } })).toEqual({ text: `mta down\n${note}`, messageId: '42', threadRootId: '42' });
  });

  it('names the thread of a reply by its first message, which Teams gives as replyToId', () => {
    expect(readMessageAction(payload({ id: '1700000099999', replyToId: '1700000012345' }))).toMatchObject({ messageId: '1700000099999', threadRootId: '1700000012345' });
    expect(readMessageAction(payload({ replyToId: null }))).toMatchObject({ messageId: '42', threadRootId: '42' });
    expect(readMessageAction(payload({ replyToId: '' }))).toMatchObject({ threadRootId: '42' });
  });

  it('reads a card sent as a JSON string, and plain-text bodies as they are', () => {
    const value = payload({ body: { contentType: 'text', content: ' <b> is literal ' }, attachments: [{ content: '{"title":"stat@prod down"}' }, { content: '{not json' }] });
    expect(readMessageAction(value)?.text).toBe('<b> is literal\nstat@prod down');
  });

  it.each([
    ['another command', { commandId: 'other', messagePayload: {} }, undefined],
    ['no value', undefined, undefined],
    ['no message at all', { commandId: ASK_COMMAND_ID }, { text: '', messageId: undefined, threadRootId: undefined }],
    ['a body that is not a string', { commandId: ASK_COMMAND_ID, messagePayload: { id: 7, body: { content: 12 } } }, { text: '', messageId: undefined, threadRootId: undefined }],
  ])('%s', (_name, value, expected) => {
    expect(readMessageAction(value)).toEqual(expected);
  });
});

describe('threadConversationId', () => {
  it('replies to the message in its channel, whatever thread the invoke came from', () => {
    expect(threadConversationId('19:abc@thread.tacv2', '1700')).toBe('19:abc@thread.tacv2;messageid=1700');
    expect(threadConversationId('19:abc@thread.tacv2;messageid=1600', '1700')).toBe('19:abc@thread.tacv2;messageid=1700');
  });
});
