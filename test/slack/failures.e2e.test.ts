import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LABELS } from '../../src/render/labels.js';
import { waitUntil } from '../wait.js';
import { startBot, settle, type RunningBot } from './bot-harness.js';
import { appMention, blockActions, BOT_TOKEN, directMessage, eventCallback, postSigned, SIGNING_SECRET, USER } from './requests.js';

/** Short enough to keep the test quick, long enough that a loaded machine still answers an ordinary call in time. */
const TIMEOUT_MS = 1_000;
/** The slow Slack answers well after the timeout. */
const SLOW_MS = 2_500;

let bot: RunningBot;
beforeAll(async () => {
  bot = await startBot({}, undefined, { retry: { attemptTimeoutMs: TIMEOUT_MS } });
});
afterAll(async () => {
  await bot.stop();
});
beforeEach(() => {
  bot.api.reset();
  bot.logs.length = 0;
});

/** Every post the bot made to Slack, answers and apologies alike. */
const posts = () => bot.api.calls.filter((c) => c.method !== 'auth.test');

describe('a slow Slack (answers after the timeout)', () => {
  it.each([
    ['a mention answer', 'chat.postMessage', () => eventCallback(appMention('<@UBOT> emails stuck in pending'))],
    ['a private reply to an empty mention (usage)', 'chat.postEphemeral', () => eventCallback(appMention('<@UBOT>'))],
    ['a button reply through response_url', 'response_url', () => blockActions({ action_id: 'show_module_0', value: 'stat|en' }, bot.api.responseUrl())],
  ])('%s is sent once, not repeated, and no apology follows it', async (_name, method, request) => {
    bot.api.delay(method, SLOW_MS);
    const res = await postSigned(bot.eventsUrl, request());
    expect(res.status).toBe(200);
    await waitUntil(() => bot.logs.some((l) => l.includes('gave up waiting for Slack')), { what: 'the bot to give up on the slow call' });
    // Anything the bot would repeat it would send right after the timeout, long before Slack's late answer.
    await waitUntil(() => bot.api.callsTo(method).every((c) => c.answered), { what: "the slow Slack's late answer" });
    await settle();
    expect(posts().map((c) => c.method)).toEqual([method]);
    expect(bot.logs.filter((l) => l.includes('gave up waiting for Slack'))).toHaveLength(1);
  });
});

describe('a vote whose card cannot be updated', () => {
  it('is recorded, and no apology asks to try again (a second click would be dropped as a second vote)', async () => {
    bot.api.fail('response_url', { status: 500 }, { status: 500 }, { status: 500 }, { status: 500 });
    const res = await postSigned(bot.eventsUrl, blockActions({ action_id: 'feedback_helpful', value: 'helpful|mta|en' }, bot.api.responseUrl()));
    expect(res.status).toBe(200);
    await waitUntil(() => bot.logs.some((l) => l.includes('vote recorded, but the card could not be updated')), { what: 'the failed update to be logged' });
    await settle();
    expect(JSON.stringify(bot.api.calls)).not.toContain(LABELS.en.error);
  });
});

describe('a slow thread read', () => {
  it('asks the asker alone for the symptom when conversations.replies does not answer in time, rather than answer "what is this?" in the thread', async () => {
    bot.api.delay('conversations.replies', SLOW_MS);
    const res = await postSigned(bot.eventsUrl, eventCallback(appMention('<@UBOT> what is this?', { thread_ts: '1700000000.000100' })));
    expect(res.status).toBe(200);
    const [note] = await bot.api.waitFor('chat.postEphemeral', 1);
    expect(note?.body.text).toBe(LABELS.en.threadUnreadable);
    expect(bot.api.callsTo('chat.postMessage')).toEqual([]);
    expect(bot.logs.some((l) => l.includes('could not read the thread, asked the asker for the symptom'))).toBe(true);
  });
});

describe('Slack answering with an error', () => {
  it('retries a 429 after Retry-After, then answers', async () => {
    bot.api.fail('chat.postMessage', { status: 429, retryAfter: 0 });
    await postSigned(bot.eventsUrl, eventCallback(appMention('<@UBOT> mta')));
    const attempts = await bot.api.waitFor('chat.postMessage', 2);
    await settle();
    expect(bot.api.callsTo('chat.postMessage')).toHaveLength(2);
    expect(JSON.stringify(attempts.at(-1)?.body)).toContain('mta');
  });

  it('apologises to the asker alone when the channel stays rate-limited past a minute: the apology would meet the same limit', async () => {
    bot.api.fail('chat.postMessage', { status: 429, retryAfter: 120 });
    await postSigned(bot.eventsUrl, eventCallback(appMention('<@UBOT> mta keeps crashing')));
    const [apology] = await bot.api.waitFor('chat.postEphemeral', 1);
    expect(apology?.body).toMatchObject({ channel: 'C0INCIDENT', user: USER });
    expect(JSON.stringify(apology?.body)).toContain(LABELS.en.error.slice(0, 20));
    await settle(300);
    expect(bot.api.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('sends no apology into a channel that refuses the bot (archived, not a member)', async () => {
    bot.api.fail('chat.postMessage', { status: 200, error: 'is_archived' });
    await postSigned(bot.eventsUrl, eventCallback(appMention('<@UBOT> mta keeps crashing')));
    await waitUntil(() => bot.logs.some((l) => l.includes('slack: handler failed')), { what: 'the failure to be logged' });
    await settle(300);
    expect(bot.api.callsTo('chat.postMessage')).toHaveLength(1);
    expect(bot.api.callsTo('chat.postEphemeral')).toEqual([]);
    // An answer Slack refused is not logged as answered (nor counted in the feedback report).
    expect(bot.logs.some((l) => l.includes('slack: answered'))).toBe(false);
  });

  it('logs an answer as answered once Slack took it', async () => {
    await postSigned(bot.eventsUrl, eventCallback(appMention('<@UBOT> mta keeps crashing')));
    await bot.api.waitFor('chat.postMessage', 1);
    await waitUntil(() => bot.logs.some((l) => l.includes('slack: answered')), { what: 'the answer to be logged' });
  });

  it('does not repeat a post answered with a 500 (Slack may have posted it), and apologises once', async () => {
    bot.api.fail('chat.postMessage', { status: 500 });
    const event = appMention('<@UBOT> mta');
    await postSigned(bot.eventsUrl, eventCallback(event));
    const [answer, apology] = await bot.api.waitFor('chat.postMessage', 2);
    await settle(300);
    expect(posts()).toHaveLength(2);
    expect(JSON.stringify(answer?.body)).toContain('mta');
    expect(apology?.body).toMatchObject({ channel: 'C0INCIDENT', thread_ts: event.ts, text: LABELS.en.error });
  });

  it('apologises in a direct message straight in the conversation, where its answers go', async () => {
    bot.api.fail('chat.postMessage', { status: 200, error: 'invalid_blocks' });
    await postSigned(bot.eventsUrl, eventCallback(directMessage('mta keeps crashing')));
    const [, apology] = await bot.api.waitFor('chat.postMessage', 2);
    expect(apology?.body).toMatchObject({ channel: 'D0BOTDM01', text: LABELS.en.error });
    expect(apology?.body.thread_ts).toBeUndefined();
  });

  it('gives up when the apology fails too: two posts in all, the cause logged without the token, still serving', async () => {
    bot.api.fail('chat.postMessage', { status: 500 }, { status: 500 });
    await postSigned(bot.eventsUrl, eventCallback(appMention('<@UBOT> mta')));
    await waitUntil(() => bot.logs.some((l) => l.includes('could not tell the user about the failure')), { what: 'the failed apology to be logged' });
    await settle(300);
    expect(posts()).toHaveLength(2);
    expect(bot.logs.some((l) => l.includes('slack: handler failed'))).toBe(true);
    for (const line of bot.logs) {
      expect(line).not.toContain(BOT_TOKEN);
      expect(line).not.toContain(SIGNING_SECRET);
    }
    expect((await fetch(`${bot.baseUrl}/healthz`)).status).toBe(200);
  });

  it('tells the user in a neutral sentence when Slack refuses the answer', async () => {
    bot.api.fail('chat.postMessage', { status: 200, error: 'invalid_blocks' });
    const event = appMention('<@UBOT> mta');
    await postSigned(bot.eventsUrl, eventCallback(event));
    const [, apology] = await bot.api.waitFor('chat.postMessage', 2);
    expect(apology?.body).toMatchObject({ channel: 'C0INCIDENT', thread_ts: event.ts, text: LABELS.en.error });
    expect(bot.logs.some((l) => l.includes('slack: handler failed') && l.includes('invalid_blocks'))).toBe(true);
  });
});
