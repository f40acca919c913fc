import { describe, expect, it } from 'vitest';
import { LABELS } from '../../src/render/labels.js';
import { waitUntil } from '../wait.js';
import { botForFile, settle } from './bot-harness.js';
import { alertMessage, INCIDENT_CHANNEL, messageAction, personMessage } from './incident-requests.js';
import { appMention, eventCallback, postSigned } from './requests.js';

const running = botForFile({ CAMPAIGN_INSTANCE: 'prod' });

async function shortcut(message: Record<string, unknown>): Promise<Response> {
  const res = await postSigned(running().eventsUrl, messageAction(message, running().api.responseUrl('shortcut')));
  expect(res.status).toBe(200);
  return res;
}

describe('"Ask campaign-module" message shortcut, through the real Bolt app with signatures on', () => {
  it('diagnoses the message and answers in its thread', async () => {
    const message = personMessage('mails stuck since 9, anyone?');
    await shortcut(message);
    const [post] = await running().api.waitFor('chat.postMessage', 1);
    expect(post?.body).toMatchObject({ channel: INCIDENT_CHANNEL, thread_ts: message.ts });
    expect(JSON.stringify(post?.body)).toContain('nlserver restart mta@prod');
    expect(running().api.callsTo('response_url')).toEqual([]);
  });

  it('answers a reply inside a thread in that thread', async () => {
    await shortcut(personMessage('workflows stuck in Start in progress', { thread_ts: '1700000000.000001' }));
    const [post] = await running().api.waitFor('chat.postMessage', 1);
    expect(post?.body.thread_ts).toBe('1700000000.000001');
    expect(JSON.stringify(post?.body)).toContain('wfserver');
  });

  it("reads an alert bot's attachments when its text is empty", async () => {
    const alert = alertMessage('CRITICAL nlserver wfserver@prod not running', { channel: INCIDENT_CHANNEL });
    await shortcut(alert);
    const [post] = await running().api.waitFor('chat.postMessage', 1);
    expect(post?.body.thread_ts).toBe(alert.ts);
    expect(JSON.stringify(post?.body)).toContain('nlserver restart wfserver@prod');
  });

  it('answers the clicker alone, saying how to invite the bot, where it may not post', async () => {
    running().api.fail('chat.postMessage', { status: 200, error: 'not_in_channel' });
    await shortcut(personMessage('emails stuck in pending'));
    const [reply] = await running().api.waitFor('response_url', 1);
    expect(reply?.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    const json = JSON.stringify(reply?.body);
    expect(json).toContain('/invite @campaign-module');
    expect(json).toContain('mta');
    expect(running().logs.join('\n')).not.toContain('handler failed');
  });

  it('answers in the thread once invited, though an earlier run could answer the clicker alone', async () => {
    running().api.fail('chat.postMessage', { status: 200, error: 'not_in_channel' });
    const message = personMessage('emails stuck in pending since the deployment');
    await shortcut(message);
    await running().api.waitFor('response_url', 1);
    await shortcut(message);
    const posts = await running().api.waitFor('chat.postMessage', 2);
    expect(posts[1]?.body).toMatchObject({ channel: INCIDENT_CHANNEL, thread_ts: message.ts });
    expect(running().api.callsTo('response_url')).toHaveLength(1);
  });

  it("tells the clicker alone that a message is the bot's own card, rather than posting a second card under it", async () => {
    await shortcut(alertMessage('Likely module: mta (100%)\nnlserver restart mta@prod', { channel: INCIDENT_CHANNEL, botId: 'BBOT' }));
    await shortcut(personMessage('Likely module: wfserver (97%)', { user: 'UBOT' }));
    const notes = await running().api.waitFor('response_url', 2);
    for (const note of notes) expect(note?.body).toMatchObject({ response_type: 'ephemeral', replace_original: false, text: LABELS.en.ownAnswer });
    await settle(300);
    expect(running().api.callsTo('chat.postMessage')).toEqual([]);
  });

  it('posts one card when two people run it on the same message at once; the other gets a private note', async () => {
    const message = personMessage('mails stuck since 9, anyone?');
    await Promise.all([shortcut(message), shortcut(message)]);
    const [note] = await running().api.waitFor('response_url', 1);
    expect(note?.body).toMatchObject({ response_type: 'ephemeral', replace_original: false, text: LABELS.en.alreadyAnswered });
    await settle(300);
    expect(running().api.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('says the answer is already in the thread in the message’s language, when run again later', async () => {
    const message = personMessage('메일이 발송되지 않고 대기 중에 멈춰 있어요');
    await shortcut(message);
    await running().api.waitFor('chat.postMessage', 1);
    await shortcut(message);
    const [note] = await running().api.waitFor('response_url', 1);
    expect(note?.body.text).toBe(LABELS.ko.alreadyAnswered);
    expect(running().api.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('posts no second card on a mention the bot has already answered in its thread', async () => {
    const mention = appMention('<@UBOT> emails stuck in pending since 9');
    await postSigned(running().eventsUrl, eventCallback(mention));
    await running().api.waitFor('chat.postMessage', 1);
    await shortcut({ ...mention, type: 'message' });
    const [note] = await running().api.waitFor('response_url', 1);
    expect(note?.body.text).toBe(LABELS.en.alreadyAnswered);
    expect(running().api.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('answers a mention whose own card could not be posted', async () => {
    running().api.fail('chat.postMessage', ...Array.from({ length: 8 }, () => ({ status: 500 }) as const));
    const mention = appMention('<@UBOT> emails stuck in pending since 10');
    await postSigned(running().eventsUrl, eventCallback(mention));
    await waitUntil(() => running().logs.some((l) => l.includes('handler failed')), { what: 'the failed mention answer' });
    running().api.reset();
    await shortcut({ ...mention, type: 'message' });
    const [post] = await running().api.waitFor('chat.postMessage', 1);
    expect(post?.body.thread_ts).toBe(mention.ts);
    expect(JSON.stringify(post?.body)).toContain('mta');
    // The failure this test caused is not the next test's.
    running().logs.length = 0;
  });

  it('says so, to the clicker alone, when the message has no words (a picture)', async () => {
    await shortcut({ type: 'message', user: 'U0HUMAN2', ts: '1700000000.000300', text: '', files: [{ id: 'F1', name: 'screenshot.png' }] });
    const [reply] = await running().api.waitFor('response_url', 1);
    expect(JSON.stringify(reply?.body)).toContain(LABELS.en.noText);
    expect(running().api.callsTo('chat.postMessage')).toEqual([]);
  });

  it.each([
    ['a Nagios recovery', alertMessage('OK - mta@prod is running', { channel: INCIDENT_CHANNEL, title: 'RECOVERY Service Alert' }), 'en'],
    ['a Korean all-clear', personMessage('[복구] mta@prod 프로세스 정상'), 'ko'],
    ['a German all-clear', personMessage('Behoben: wfserver@prod läuft wieder'), 'de'],
  ] as const)('says privately that %s needs no triage, in its language, and posts no card', async (_name, message, lang) => {
    await shortcut(message);
    const [reply] = await running().api.waitFor('response_url', 1);
    expect(reply?.body).toMatchObject({ response_type: 'ephemeral', replace_original: false, text: LABELS[lang].allClear });
    await settle(200);
    expect(running().api.callsTo('chat.postMessage')).toEqual([]);
  });

  it('escapes what the message said when it echoes it', async () => {
    await shortcut(personMessage('&lt;!channel&gt; emails stuck in pending'));
    const [post] = await running().api.waitFor('chat.postMessage', 1);
    expect(JSON.stringify(post?.body)).not.toContain('<!channel>');
  });

  it('answers a message over 1 MB privately with why, without a crash', async () => {
    const res = await postSigned(running().eventsUrl, messageAction(personMessage(`mta down ${'x'.repeat(1_050_000)}`), running().api.responseUrl('shortcut')));
    expect(res.status).toBeLessThan(500);
    const [reply] = await running().api.waitFor('response_url', 1);
    expect(JSON.stringify(reply?.body)).toContain('1 MB');
    expect(running().api.callsTo('chat.postMessage')).toEqual([]);
  });

  it('answers a malformed shortcut (no message, no channel) privately instead of failing', async () => {
    const post = messageAction(personMessage('mta down'), running().api.responseUrl('shortcut'));
    const payload = JSON.parse(String(new URLSearchParams(post.body).get('payload'))) as Record<string, unknown>;
    const { message: _message, channel: _channel, ...rest } = payload;
    const res = await postSigned(running().eventsUrl, { ...post, body: new URLSearchParams({ payload: JSON.stringify(rest) }).toString() });
    expect(res.status).toBe(200);
    const [reply] = await running().api.waitFor('response_url', 1);
    expect(JSON.stringify(reply?.body)).toContain(LABELS.en.noText);
    expect(running().logs.join('\n')).not.toContain('handler failed');
  });

  it('refuses a shortcut with a wrong signature', async () => {
    const res = await postSigned(running().eventsUrl, messageAction(personMessage('mta down'), running().api.responseUrl('shortcut')), {
      secret: 'another-secret-0123456789abcdef',
    });
    expect(res.status).toBe(401);
  });
});
