import { describe, expect, it } from 'vitest';
import { SPAWN_TIMEOUT_MS, waitUntil } from '../wait.js';
import { botForFile, settle } from './bot-harness.js';
import { appMention, directMessage, eventCallback, nowSeconds, postSigned, slashCommand } from './requests.js';

/** The old dedupe forgot a key after 10 000 others; one more than that must not be enough. */
const OTHER_EVENTS = 10_001;
const CONCURRENCY = 16;

const bot = botForFile();

describe('request verification', () => {
  it('rejects a forged signature with 401 and does nothing', async () => {
    const res = await postSigned(bot().eventsUrl, slashCommand('mta', bot().api.responseUrl()), { secret: 'f'.repeat(32) });
    expect(res.status).toBe(401);
    expect(await res.text()).toBe('');
    const event = await postSigned(bot().eventsUrl, eventCallback(appMention('<@UBOT> mta')), { secret: 'f'.repeat(32) });
    expect(event.status).toBe(401);
    await settle();
    expect(bot().api.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
  });

  it('rejects a correctly signed request older than 5 minutes', async () => {
    const res = await postSigned(bot().eventsUrl, eventCallback(appMention('<@UBOT> mta')), { timestamp: nowSeconds() - 6 * 60 });
    expect(res.status).toBe(401);
    await settle();
    expect(bot().api.callsTo('chat.postMessage')).toEqual([]);
  });

  it.each([
    ['6 minutes', 6 * 60],
    ['a day', 86_400],
    ['a year', 365 * 86_400],
  ])('rejects a correctly signed request dated %s in the future', async (_label, aheadSeconds) => {
    const res = await postSigned(bot().eventsUrl, eventCallback(appMention('<@UBOT> mta')), { timestamp: nowSeconds() + aheadSeconds });
    expect(res.status).toBe(401);
    const command = await postSigned(bot().eventsUrl, slashCommand('mta', bot().api.responseUrl()), { timestamp: nowSeconds() + aheadSeconds });
    expect(command.status).toBe(401);
    await settle();
    expect(bot().api.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
    expect(bot().logs.some((l) => l.includes('slack: refused a request') && l.includes('in the future'))).toBe(true);
  });

  it('accepts a request dated a little ahead, as a clock a few minutes off would', async () => {
    const res = await postSigned(bot().eventsUrl, slashCommand('mta', bot().api.responseUrl()), { timestamp: nowSeconds() + 4 * 60 });
    expect(res.status).toBe(200);
  });

  it('rejects a request without signature headers', async () => {
    const res = await fetch(bot().eventsUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":"event_callback"}' });
    expect(res.status).toBe(401);
  });

  it('answers Slack’s url_verification challenge when signed', async () => {
    const body = JSON.stringify({ token: 'x', challenge: 'c-123', type: 'url_verification' });
    const res = await postSigned(bot().eventsUrl, { body, contentType: 'application/json' });
    expect(await res.json()).toEqual({ challenge: 'c-123' });
  });
});

describe('a replayed event inside the signature window', () => {
  it(
    `is not answered again after ${OTHER_EVENTS} other events`,
    async () => {
      const original = eventCallback(appMention('<@UBOT> mta'), 'Ev0REPLAYED');
      const signedAt = nowSeconds();
      await postSigned(bot().eventsUrl, original, { timestamp: signedAt });
      await bot().api.waitFor('chat.postMessage', 1);

      // Channel chatter the bot is subscribed to but never answers: each one is remembered all the same.
      let next = 0;
      const worker = async () => {
        while (next < OTHER_EVENTS) {
          next += 1;
          const res = await postSigned(bot().eventsUrl, eventCallback({ ...directMessage('hello'), channel: 'C0RANDOM', channel_type: 'channel' }));
          await res.arrayBuffer();
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));

      // The captured request byte for byte, signature and timestamp included, still inside the 5 minutes.
      const replay = await postSigned(bot().eventsUrl, original, { timestamp: signedAt });
      expect(replay.status).toBe(200);
      await waitUntil(() => bot().logs.some((l) => l.includes('dropped repeated event') && l.includes('Ev0REPLAYED')), { what: 'the replay to be dropped' });
      await settle();
      expect(bot().api.callsTo('chat.postMessage')).toHaveLength(1);
    },
    3 * SPAWN_TIMEOUT_MS,
  );
});
