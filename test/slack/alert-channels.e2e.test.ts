import { describe, expect, it } from 'vitest';
import { LABELS } from '../../src/render/labels.js';
import { FEEDBACK_BLOCK_ID } from '../../src/slack/actions.js';
import type { Failure, RecordedCall } from './api-stand-in.js';
import { botForFile, settle } from './bot-harness.js';
import { ALERT_BOT, ALERT_CHANNEL, alertMessage, INCIDENT_CHANNEL, messageAction, personMessage } from './incident-requests.js';
import { blockActions, eventCallback, postSigned } from './requests.js';
import { waitUntil } from '../wait.js';

const running = botForFile({ SLACK_ALERT_CHANNELS: `${ALERT_CHANNEL},G0PRIVATE1`, SLACK_ALERT_BOTS: `${ALERT_BOT},B0DATADOG`, CAMPAIGN_INSTANCE: 'prod' });

/** The storm's count, a message of its own in the answer's thread. */
function isTally(call: RecordedCall): boolean {
  return /^\d+ alerts like this since \d\d:\d\d UTC/.test(String(call.body.text));
}

/** An alert posted as plain `text`, as a webhook integration sends it: its first line is the alert itself. */
function textAlert(text: string): Record<string, unknown> {
  return { ...alertMessage(''), text, attachments: [] };
}

async function deliver(event: Record<string, unknown>): Promise<void> {
  const res = await postSigned(running().eventsUrl, eventCallback(event));
  expect(res.status).toBe(200);
}

describe('monitoring alerts in SLACK_ALERT_CHANNELS, through the real Bolt app with signatures on', () => {
  it('answers an allowed bot’s alert in a watched channel, in the alert’s thread', async () => {
    const alert = alertMessage('CRITICAL nlserver wfserver@prod not running');
    await deliver(alert);
    const [post] = await running().api.waitFor('chat.postMessage', 1);
    expect(post?.body).toMatchObject({ channel: ALERT_CHANNEL, thread_ts: alert.ts });
    expect(JSON.stringify(post?.body)).toContain('nlserver restart wfserver@prod');
  });

  it('reads a Block Kit alert from an app bot (no subtype), in a private channel', async () => {
    const ts = '1700000100.000100';
    await deliver({
      type: 'message',
      bot_id: 'B0DATADOG',
      app_id: 'A0DATADOG',
      text: 'Alert fired',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*stat@prod* process count is 0, host camp01' } }],
      ts,
      channel: 'G0PRIVATE1',
      event_ts: ts,
      channel_type: 'group',
    });
    const [post] = await running().api.waitFor('chat.postMessage', 1);
    expect(post?.body).toMatchObject({ channel: 'G0PRIVATE1', thread_ts: ts });
    expect(JSON.stringify(post?.body)).toContain('stat');
  });

  it.each([
    ['an unlisted bot', alertMessage('CRITICAL nlserver inMail@prod not running', { botId: 'B0UNLISTED' })],
    ['a channel that is not watched', alertMessage('CRITICAL nlserver inMail@prod not running', { channel: INCIDENT_CHANNEL })],
    ['its own message', alertMessage('CRITICAL nlserver inMail@prod not running', { botId: 'BBOT' })],
    ['a person', { ...personMessage('CRITICAL nlserver inMail@prod not running'), channel: ALERT_CHANNEL, channel_type: 'channel' }],
    ['a bot’s reply inside a thread', { ...alertMessage('CRITICAL nlserver inMail@prod not running'), thread_ts: '1700000000.000001' }],
    ['an alert about something outside the modules', alertMessage('Disk /var usage 41% on camp01 - OK')],
    ['an alert that names a module below "likely"', alertMessage('WARNING: tracking logs not received for 30 minutes on prod')],
    ['an edited alert', { ...alertMessage('CRITICAL nlserver inMail@prod not running'), subtype: 'message_changed' }],
    ['an alert over 1 MB', alertMessage(`CRITICAL nlserver inMail@prod not running ${'x'.repeat(1_050_000)}`)],
    ['an alert with no words', { ...alertMessage(''), attachments: [{ id: 1, image_url: 'https://example.com/graph.png' }] }],
    ['a recovery', alertMessage('nlserver mta@prod is OK', { title: 'RECOVERY Service Alert' })],
    ['a resolved alert that repeats the problem', alertMessage('CRITICAL nlserver wfserver@prod not running', { title: '[RESOLVED] NlserverProcessDown' })],
  ])('stays silent for %s', async (_name, event) => {
    await deliver(event);
    await settle(400);
    expect(running().api.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
  });

  it.each([
    ['OK, so syslogd@prod is dead again: no log written since 09:00', 'nlserver restart syslogd'],
    ['Closed connection to stat server: mta@mkt cannot get sending tokens', 'mta@mkt'],
  ])('answers %j: its opening word is a sentence, not an all-clear', async (text, expected) => {
    const alert = textAlert(text);
    await deliver(alert);
    const [post] = await running().api.waitFor('chat.postMessage', 1);
    expect(post?.body).toMatchObject({ channel: ALERT_CHANNEL, thread_ts: alert.ts });
    expect(JSON.stringify(post?.body)).toContain(expected);
  });

  it.each(['[OK] nlserver syslogd@prod running', 'OK - mta@mkt running (pid 2231)', 'Cleared: stat@prod process count back to 1', '[해결] mta@mkt 발송 중단'])(
    'stays silent for the all-clear %j',
    async (text) => {
      await deliver(textAlert(text));
      await settle(400);
      expect(running().api.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
    },
  );

  it('posts no apology in the alert thread when its answer fails', async () => {
    running().api.fail('chat.postMessage', { status: 200, error: 'not_in_channel' });
    await deliver(alertMessage('CRITICAL nlserver inMail@prod not running'));
    await waitUntil(() => running().logs.some((l) => l.includes('slack: could not answer the alert')), { what: 'the failure to be logged' });
    await settle(300);
    expect(running().api.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it.each([
    ['not_in_channel: the bot was not invited yet', 'mkt', [{ status: 200, error: 'not_in_channel' }]],
    ['a 500', 'dev', [{ status: 500 }]],
    ['429 until the retries ran out', 'qa', Array(3).fill({ status: 429, retryAfter: 0 })],
  ] as Array<[string, string, Failure[]]>)('answers the next alert of a storm whose first answer failed (%s)', async (_name, instance, failures) => {
    const alert = `CRITICAL nlserver inMail@${instance} not running`;
    const failed = () => running().logs.filter((l) => l.includes('slack: could not answer the alert')).length;
    const failedBefore = failed();
    running().api.fail('chat.postMessage', ...failures);
    await deliver(alertMessage(alert));
    await waitUntil(() => failed() > failedBefore, { what: 'the failure to be logged' });
    const next = alertMessage(alert);
    await deliver(next);
    const posts = await running().api.waitFor('chat.postMessage', failures.length + 1, 10_000);
    expect(posts.at(-1)?.body).toMatchObject({ channel: ALERT_CHANNEL, thread_ts: next.ts });
    expect(JSON.stringify(posts.at(-1)?.body)).toContain(`inMail@${instance}`);
  });

  it('posts no second card when on-call runs the shortcut on an alert it answered; the clicker alone hears why', async () => {
    const alert = alertMessage('CRITICAL nlserver wfserver@qa not running');
    await deliver(alert);
    await running().api.waitFor('chat.postMessage', 1);
    await postSigned(running().eventsUrl, messageAction(alert, running().api.responseUrl('shortcut'), ALERT_CHANNEL));
    const [note] = await running().api.waitFor('response_url', 1);
    expect(note?.body).toMatchObject({ response_type: 'ephemeral', replace_original: false, text: LABELS.en.alreadyAnswered });
    await settle(300);
    expect(running().api.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('lets the shortcut answer an alert whose own answer could not be posted', async () => {
    const failed = () => running().logs.filter((l) => l.includes('slack: could not answer the alert')).length;
    const failedBefore = failed();
    running().api.fail('chat.postMessage', { status: 200, error: 'not_in_channel' });
    const alert = alertMessage('CRITICAL nlserver wfserver@uat not running');
    await deliver(alert);
    await waitUntil(() => failed() > failedBefore, { what: 'the failure to be logged' });
    await postSigned(running().eventsUrl, messageAction(alert, running().api.responseUrl('shortcut'), ALERT_CHANNEL));
    const posts = await running().api.waitFor('chat.postMessage', 2);
    expect(posts[1]?.body).toMatchObject({ channel: ALERT_CHANNEL, thread_ts: alert.ts });
    expect(JSON.stringify(posts[1]?.body)).toContain('wfserver@uat');
  });

  it('answers a storm of 50 alerts once per module and instance, and counts it in one message of the thread', async () => {
    const storm = Array.from({ length: 50 }, () => alertMessage('PROBLEM Service Alert: CRITICAL nlserver mta@prod not running'));
    const other = alertMessage('CRITICAL nlserver mta@dev not running');
    await Promise.all([...storm.map(deliver), deliver(other)]);
    const shown = () => [...running().api.callsTo('chat.postMessage').filter(isTally), ...running().api.callsTo('chat.update')].map((c) => String(c.body.text));
    await waitUntil(() => shown().some((text) => text.startsWith('50 alerts')), { what: 'the tally to reach 50' });
    await settle(400);
    const posts = running().api.callsTo('chat.postMessage');
    const cards = posts.filter((p) => !isTally(p));
    expect(cards.map((p) => JSON.stringify(p.body).match(/nlserver restart mta@(\w+)/)?.[1]).sort()).toEqual(['dev', 'prod']);
    const answered = cards.find((p) => JSON.stringify(p.body).includes('mta@prod'));
    expect(storm.map((a) => a.ts)).toContain(answered?.body.thread_ts);
    // Tallies at 2, 5, 10, 20 and 50 alerts: one message in the answer's thread, then at most four edits of it, none
    // repeating what it already shows (tallies queued behind a slow one find the count already shown).
    const [tally, ...more] = posts.filter(isTally);
    expect(more).toEqual([]);
    expect(tally?.body).toMatchObject({ channel: ALERT_CHANNEL, thread_ts: answered?.body.thread_ts });
    const updates = running().api.callsTo('chat.update');
    expect(updates.length).toBeLessThanOrEqual(4);
    expect(updates.every((u) => u.body.ts === tally?.response?.ts)).toBe(true);
    const texts = shown();
    expect(texts.filter((text, i) => text === texts[i - 1])).toEqual([]);
    expect(texts.at(-1)).toBe(LABELS.en.alertStorm(50, texts.at(-1)?.match(/\d\d:\d\d/)?.[0] ?? ''));
  });

  it('answers the same storm once in each watched channel: each is a team of its own', async () => {
    const cards = () =>
      running()
        .api.callsTo('chat.postMessage')
        .filter((p) => JSON.stringify(p.body).includes('nlserver restart stat@eu2'));
    await deliver(alertMessage('CRITICAL nlserver stat@eu2 not running'));
    await waitUntil(() => cards().length === 1, { what: 'the card in the first channel' });
    await deliver(alertMessage('CRITICAL nlserver stat@eu2 not running', { channel: 'G0PRIVATE1' }));
    await deliver(alertMessage('CRITICAL nlserver stat@eu2 not running', { channel: 'G0PRIVATE1' }));
    await waitUntil(() => cards().length === 2, { what: 'the card in the second channel' });
    await settle(300);
    expect(cards().map((p) => p.body.channel)).toEqual([ALERT_CHANNEL, 'G0PRIVATE1']);
  });

  it('never edits the answer card during a storm, so a vote on it and its correction menu stay', async () => {
    const alert = 'CRITICAL nlserver wfserver@mkt not running';
    await deliver(alertMessage(alert));
    const [post] = await running().api.waitFor('chat.postMessage', 1);
    const card = post?.body as { text: string; blocks: Array<{ type: string; elements?: Array<{ action_id?: string; value?: string }> }>; thread_ts: string };
    const cardTs = String(post?.response?.ts);
    const notIt = card.blocks.flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : [])).find((e) => e.action_id === 'feedback_not_it');
    const click = blockActions({ action_id: 'feedback_not_it', value: notIt?.value, block_id: FEEDBACK_BLOCK_ID }, running().api.responseUrl('vote'), card, {
      channel: ALERT_CHANNEL,
      name: 'alerts',
      ts: cardTs,
    });
    expect((await postSigned(running().eventsUrl, click)).status).toBe(200);
    const [vote] = await running().api.waitFor('response_url', 1);
    expect(JSON.stringify(vote?.body)).toContain(LABELS.en.whichModule);
    // The storm goes on: tally points 2 and 5.
    for (let i = 0; i < 4; i += 1) await deliver(alertMessage(alert));
    await running().api.waitFor('chat.update', 1);
    await settle(400);
    const sinceVote = running().api.calls.filter((c) => c.method.startsWith('chat.') && c !== post);
    expect(sinceVote.map((c) => c.method)).toEqual(['chat.postMessage', 'chat.update']);
    expect(sinceVote.every(isTally)).toBe(true);
    expect(sinceVote.some((c) => c.body.ts === cardTs || JSON.stringify(c.body).includes('feedback_'))).toBe(false);
    expect(running().api.callsTo('response_url')).toHaveLength(1);
  });
});
