import { describe, expect, it } from 'vitest';
import { botForFile, settle } from './bot-harness.js';
import { INCIDENT_CHANNEL, personMessage } from './incident-requests.js';
import { appMention, eventCallback, postSigned } from './requests.js';
import { LABELS } from '../../src/render/labels.js';

const running = botForFile({ CAMPAIGN_INSTANCE: 'prod' });

/** Puts a thread in the stand-in (as conversations.replies returns it) and returns its ts. */
function thread(...messages: Array<Record<string, unknown>>): string {
  const threadTs = String(messages[0]?.ts);
  const replies = messages.map((m, i) => (i === 0 ? { ...m, thread_ts: threadTs, reply_count: messages.length - 1 } : { ...m, thread_ts: threadTs, parent_user_id: 'U0HUMAN1' }));
  running().api.threads.set(`${INCIDENT_CHANNEL}:${threadTs}`, replies);
  return threadTs;
}

/** A thread the bot has answered: the report, its card (posted at `answerTs`), then what someone wrote since. */
function answeredThread(since: string, answerTs: string): string {
  return thread(
    personMessage('mta@mkt is stuck, nothing leaves'),
    { type: 'message', bot_id: 'BBOT', user: 'UBOT', ts: answerTs, text: 'Likely module: MTA. nlserver restart mta@mkt' },
    personMessage(since),
  );
}

async function mention(text: string, threadTs?: string): Promise<Record<string, unknown>> {
  const event = appMention(text, threadTs ? { thread_ts: threadTs } : {});
  const res = await postSigned(running().eventsUrl, eventCallback(event));
  expect(res.status).toBe(200);
  return event;
}

describe('a bare mention in a thread reads the thread (conversations.replies on the loopback Web API)', () => {
  it.each(['<@UBOT>', '<@UBOT> ^', '<@UBOT> what do you think?'])('%j diagnoses the thread’s first message and answers in the thread', async (text) => {
    const threadTs = thread(personMessage('mails stuck since 9, anyone?'), personMessage('same here'));
    await mention(text, threadTs);
    const [post] = await running().api.waitFor('chat.postMessage', 1);
    expect(post?.body).toMatchObject({ channel: INCIDENT_CHANNEL, thread_ts: threadTs });
    expect(JSON.stringify(post?.body)).toContain('nlserver restart mta@prod');
    expect(running().api.callsTo('conversations.replies')[0]?.body).toMatchObject({ channel: INCIDENT_CHANNEL, ts: threadTs });
  });

  it('skips what in a thread read is no message (a null) instead of apologising', async () => {
    const threadTs = thread(personMessage('mails stuck since 9, anyone?'), personMessage('same here'));
    const key = `${INCIDENT_CHANNEL}:${threadTs}`;
    running().api.threads.set(key, [...(running().api.threads.get(key) ?? []), null as unknown as Record<string, unknown>]);
    await mention('<@UBOT>', threadTs);
    const [post] = await running().api.waitFor('chat.postMessage', 1);
    expect(JSON.stringify(post?.body)).toContain('nlserver restart mta@prod');
  });

  it('reads the latest messages when the first one is not about Campaign, leaving out its own answers', async () => {
    const threadTs = thread(
      personMessage('morning all, release notes for today are in the wiki'),
      { type: 'message', bot_id: 'BBOT', user: 'UBOT', ts: '1700000001.000001', text: 'Likely module: MTA. nlserver restart mta@prod' },
      personMessage('workflows stuck in Start in progress since the restart'),
      personMessage('yes, the nightly import workflow has not started either'),
    );
    await mention('<@UBOT>', threadTs);
    const [post] = await running().api.waitFor('chat.postMessage', 1);
    expect(post?.body.thread_ts).toBe(threadTs);
    expect(JSON.stringify(post?.body)).toContain('wfserver');
  });

  it('does not take its own card for the question: under a card it posted, it reads what people wrote since', async () => {
    const threadTs = thread(
      { type: 'message', bot_id: 'BBOT', user: 'UBOT', ts: '1700000002.000001', text: 'Likely module: mta (100%). nlserver restart mta@mkt' },
      personMessage('restarted, still stuck'),
      personMessage('the stat server log says it refuses connections'),
    );
    await mention('<@UBOT> what now?', threadTs);
    const [post] = await running().api.waitFor('chat.postMessage', 1);
    expect(post?.body.thread_ts).toBe(threadTs);
    const json = JSON.stringify(post?.body);
    expect(json).toContain('refuses connections');
    expect(json).not.toContain('Likely module: mta (100%)');
  });

  it.each(['how do I restart the workflow server?', 'what about trackinglogd on mkt?', 'that worked. separate issue: tracking logs are 2 hours behind'])(
    'answers a new question written under an answer it already gave: %j',
    async (question) => {
      const threadTs = answeredThread(question, '1700000004.000001');
      await mention('<@UBOT>', threadTs);
      const [post] = await running().api.waitFor('chat.postMessage', 1);
      expect(post?.body.thread_ts).toBe(threadTs);
      expect(running().api.callsTo('chat.postEphemeral')).toEqual([]);
    },
  );

  it.each(['thanks, no more errors now', 'merci, plus aucune erreur', 'ありがとう、エラーはもう出ていません'])(
    'takes %j under an answer for thanks, not a new question',
    async (text) => {
      const threadTs = answeredThread(text, '1700000005.000001');
      await mention('<@UBOT>', threadTs);
      await running().api.waitFor('chat.postEphemeral', 1);
      await settle();
      expect(running().api.callsTo('chat.postMessage')).toEqual([]);
    },
  );

  it.each(['<@UBOT> thanks!', '<@UBOT> 감사합니다', '<@UBOT>'])(
    'answers %j under an answer it already gave, with nothing new since, with one private sentence, not a second card',
    async (text) => {
      const threadTs = answeredThread('restarted, it works now', '1700000003.000001');
      await mention(text, threadTs);
      const [reply] = await running().api.waitFor('chat.postEphemeral', 1);
      expect(reply?.body).toMatchObject({ channel: INCIDENT_CHANNEL, thread_ts: threadTs });
      expect([LABELS.en.threadAnswered, LABELS.ko.threadAnswered]).toContain(reply?.body.text);
      await settle();
      expect(running().api.callsTo('chat.postMessage')).toEqual([]);
    },
  );

  it.each(['<@UBOT> and on acc?', '<@UBOT> same on acc now', '<@UBOT> acc 도 그래요'])(
    'asks the question it answered again for the instance %j names, in the thread',
    async (text) => {
      const threadTs = answeredThread('restarted, it works now', '1700000006.000001');
      await mention(text, threadTs);
      const [post] = await running().api.waitFor('chat.postMessage', 1);
      expect(post?.body.thread_ts).toBe(threadTs);
      const json = JSON.stringify(post?.body);
      expect(json).toContain('nlserver restart mta@acc');
      expect(json).not.toContain('restart mta@mkt');
      expect(running().api.callsTo('chat.postEphemeral')).toEqual([]);
    },
  );

  it('does not answer again for the instance it already answered for ("still on acc?")', async () => {
    const threadTs = thread(
      personMessage('mta@acc is stuck, nothing leaves'),
      { type: 'message', bot_id: 'BBOT', user: 'UBOT', ts: '1700000007.000001', text: 'Likely module: MTA. nlserver restart mta@acc' },
      personMessage('restarted, it works now'),
    );
    await mention('<@UBOT> still on acc?', threadTs);
    const [reply] = await running().api.waitFor('chat.postEphemeral', 1);
    expect(reply?.body.text).toBe(LABELS.en.threadAnswered);
    await settle();
    expect(running().api.callsTo('chat.postMessage')).toEqual([]);
  });

  it('takes the instance a bare mention names for the thread it reads ("this is on acc")', async () => {
    const threadTs = thread(personMessage('mails stuck since 9, anyone?'), personMessage('same here'));
    await mention('<@UBOT> this is on acc', threadTs);
    const [post] = await running().api.waitFor('chat.postMessage', 1);
    expect(post?.body.thread_ts).toBe(threadTs);
    expect(JSON.stringify(post?.body)).toContain('nlserver restart mta@acc');
  });

  it('answers with one sentence naming the missing scope when the workspace did not grant it', async () => {
    running().api.fail('conversations.replies', {
      status: 200,
      error: 'missing_scope',
      fields: { needed: 'channels:history', provided: 'app_mentions:read,chat:write,commands,im:history' },
    });
    const threadTs = thread(personMessage('mails stuck since 9, anyone?'));
    await mention('<@UBOT>', threadTs);
    const [reply] = await running().api.waitFor('chat.postEphemeral', 1);
    expect(reply?.body).toMatchObject({ channel: INCIDENT_CHANNEL, user: 'U0HUMAN1', thread_ts: threadTs });
    expect(String(reply?.body.text)).toContain('`channels:history`');
    expect(String(reply?.body.text).split('. ').length).toBeLessThanOrEqual(2);
    await settle();
    expect(running().api.callsTo('chat.postMessage')).toEqual([]);
    expect(running().logs.join('\n')).not.toContain('handler failed');
  });

  it('does not read the thread when the mention asks something itself', async () => {
    const threadTs = thread(personMessage('mails stuck since 9, anyone?'));
    await mention('<@UBOT> workflows stuck in Start in progress', threadTs);
    const [post] = await running().api.waitFor('chat.postMessage', 1);
    expect(JSON.stringify(post?.body)).toContain('wfserver');
    expect(running().api.callsTo('conversations.replies')).toEqual([]);
  });

  it('answers a bare mention outside a thread with usage, as before, without reading anything', async () => {
    await mention('<@UBOT>');
    await running().api.waitFor('chat.postEphemeral', 1);
    expect(running().api.callsTo('conversations.replies')).toEqual([]);
  });

  it('answers a mention once though Slack also sends it as a channel message', async () => {
    const event = appMention('<@UBOT> emails stuck in pending');
    const asChannelMessage = { ...event, type: 'message', channel_type: 'channel' };
    await postSigned(running().eventsUrl, eventCallback(asChannelMessage));
    await postSigned(running().eventsUrl, eventCallback(event));
    await running().api.waitFor('chat.postMessage', 1);
    await settle(300);
    expect(running().api.callsTo('chat.postMessage')).toHaveLength(1);
  });
});
