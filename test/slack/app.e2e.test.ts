import { describe, expect, it } from 'vitest';
import { LABELS } from '../../src/render/labels.js';
import { decodeFeedback, decodeShowModule, FEEDBACK_BLOCK_ID } from '../../src/slack/actions.js';
import { botForFile, settle, startBot } from './bot-harness.js';
import { appMention, blockActions, BOT_TOKEN, directMessage, eventCallback, postSigned, slashCommand } from './requests.js';

interface SlackBody {
  response_type?: string;
  replace_original?: boolean;
  text: string;
  blocks?: Array<Record<string, any>>;
  thread_ts?: string;
  channel?: string;
  user?: string;
}

const bot = botForFile();

const headerOf = (body: SlackBody) => String(body.blocks?.[0]?.text?.text ?? '');
const buttonsOf = (body: SlackBody) =>
  (body.blocks ?? []).flatMap((b) => (b.type === 'actions' ? b.elements : b.accessory ? [b.accessory] : [])) as Array<{ action_id: string; value?: string; url?: string }>;

async function command(text: string): Promise<{ status: number; body: SlackBody; ms: number }> {
  const started = performance.now();
  const res = await postSigned(bot().eventsUrl, slashCommand(text, bot().api.responseUrl('cmd')));
  const body = (await res.json()) as SlackBody;
  return { status: res.status, body, ms: performance.now() - started };
}

describe('/campaign-module over signed HTTP', () => {
  it('answers a symptom with the diagnosis card in the ack, visible in the channel', async () => {
    const { status, body, ms } = await command('emails stuck in pending');
    expect(status).toBe(200);
    expect(ms).toBeLessThan(3000);
    expect(body.response_type).toBe('in_channel');
    expect(headerOf(body)).toContain(LABELS.en.likelyModule);
    expect(headerOf(body)).toContain('MTA');
    expect(body.text).toContain('mta');
    expect(JSON.stringify(body)).toContain('nlserver pdump');
    expect(buttonsOf(body).map((b) => b.action_id)).toEqual(expect.arrayContaining(['feedback_helpful', 'feedback_not_it']));
    // The answer went in the ack: nothing was posted through the Web API or response_url.
    await settle(50);
    expect(bot().api.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
  });

  it('answers a module name, even misspelled, with that module card', async () => {
    const { body } = await command('sylogd');
    expect(body.response_type).toBe('in_channel');
    expect(JSON.stringify(body)).toContain('syslogd');
    expect(buttonsOf(body).some((b) => b.action_id.startsWith('feedback'))).toBe(false);
  });

  it('lists every module for `list`', async () => {
    const { body } = await command('list');
    expect(headerOf(body)).toBe(LABELS.en.listTitle);
    expect(buttonsOf(body).map((b) => decodeShowModule(b.value)?.module)).toHaveLength(11);
  });

  it.each(['help', ''])('shows usage privately for %j', async (text) => {
    const { body } = await command(text);
    expect(body.response_type).toBe('ephemeral');
    expect(headerOf(body)).toBe(LABELS.en.helpTitle);
  });

  it('answers a how-to question privately, with a search of the docs', async () => {
    const { body } = await command('how do I set up a typology rule that caps mails at two a week per recipient?');
    expect(body.response_type).toBe('ephemeral');
    expect(headerOf(body)).toContain(LABELS.en.howToTitle);
    expect(buttonsOf(body).some((b) => b.url?.startsWith('https://experienceleague.adobe.com/search.html?lang=en#q='))).toBe(true);
  });

  it.each([
    ['fr', 'comment créer un opérateur qui ne voit que les diffusions de son équipe ?'],
    ['de', 'Wie lege ich eine Typologieregel für den Newsletter an?'],
  ] as const)('answers a %s how-to question privately, with a search of the docs in that language', async (lang, question) => {
    const { body } = await command(question);
    expect(body.response_type).toBe('ephemeral');
    expect(headerOf(body)).toContain(LABELS[lang].howToTitle);
    expect(buttonsOf(body).some((b) => b.url?.startsWith(`https://experienceleague.adobe.com/search.html?lang=${lang}#q=`))).toBe(true);
  });

  it('answers a question about which module does something in the channel with the module card and a docs search', async () => {
    const { body } = await command('who serves the console logins, web or wfserver?');
    expect(body.response_type).toBe('in_channel');
    expect(headerOf(body)).toContain(LABELS.en.likelyModule);
    expect(JSON.stringify(body)).toContain(LABELS.en.askedDocs);
    expect(buttonsOf(body).some((b) => b.url?.startsWith('https://experienceleague.adobe.com/search.html?lang=en#q=who%20serves%20the%20console'))).toBe(true);
  });

  it("answers a question about a module's settings privately as how-to, with the module to check if it hides a failure", async () => {
    const { body } = await command('where do I add an office IP range to the security zone in serverConf?');
    expect(body.response_type).toBe('ephemeral');
    expect(headerOf(body)).toContain(LABELS.en.howToTitle);
    expect(JSON.stringify(body)).toContain(LABELS.en.howToFits('web'));
    expect(buttonsOf(body).some((b) => b.url?.startsWith('https://experienceleague.adobe.com/search.html?lang=en#q=where%20do%20I%20add'))).toBe(true);
  });

  it('answers a database failure in the channel: the team needs to see it', async () => {
    const { body } = await command('PGS-220000 PostgreSQL error: FATAL: the database system is shutting down, every process logs it');
    expect(body.response_type).toBe('in_channel');
    expect(JSON.stringify(body)).toContain(LABELS.en.outsideDependent('web'));
    expect(headerOf(body)).not.toContain(LABELS.en.likelyModule);
  });

  it('escapes what the user typed: no channel ping, no disguised link', async () => {
    // Slack sends a literally typed `<` as `&lt;`; the core decodes entities, so the renderer must escape again.
    const { body } = await command('&lt;!channel&gt; emails stuck in pending &lt;https://evil.example|docs.adobe.com&gt;');
    const json = JSON.stringify(body);
    expect(json).not.toContain('<!channel>');
    expect(json).not.toContain('<https://evil.example');
    expect(json).toContain('&lt;!channel&gt;');
  });
});

describe('@mentions and direct messages', () => {
  it('answers an app_mention in the thread with blocks and fallback text, mention stripped', async () => {
    const event = appMention('<@UBOT> emails stuck in pending since 10:00');
    const res = await postSigned(bot().eventsUrl, eventCallback(event));
    expect(res.status).toBe(200);
    const [post] = await bot().api.waitFor('chat.postMessage', 1);
    const body = post?.body as unknown as SlackBody;
    expect(body.channel).toBe('C0INCIDENT');
    expect(body.thread_ts).toBe(event.ts);
    expect(body.text).toContain('mta');
    expect(headerOf(body)).toContain('MTA');
    expect(JSON.stringify(body)).not.toContain('UBOT');
    expect(post?.authorization).toBe(`Bearer ${BOT_TOKEN}`);
  });

  it('stays in an existing thread when mentioned inside it', async () => {
    const event = appMention('workflows stuck, <@UBOT> any idea?', { thread_ts: '1700000000.000001' });
    await postSigned(bot().eventsUrl, eventCallback(event));
    const [post] = await bot().api.waitFor('chat.postMessage', 1);
    expect(post?.body.thread_ts).toBe('1700000000.000001');
    expect(JSON.stringify(post?.body)).toContain('wfserver');
  });

  it('answers a Korean mention in Korean', async () => {
    await postSigned(bot().eventsUrl, eventCallback(appMention('<@UBOT> 워크플로가 시작되지 않아요')));
    const [post] = await bot().api.waitFor('chat.postMessage', 1);
    const body = post?.body as unknown as SlackBody;
    expect(headerOf(body)).toContain(LABELS.ko.likelyModule);
    expect(JSON.stringify(body)).toContain(LABELS.ko.steps);
    expect(JSON.stringify(body)).toContain('lang=ko');
  });

  it.each([
    ['ja', '<@UBOT> prodのワークフローが「開始中」のまま止まっています'],
    ['de', "<@UBOT> Unsere Workflows auf prod bleiben seit heute früh auf 'Start wird ausgeführt' stehen"],
    ['fr', '<@UBOT> sur prod les workflows restent bloqués en « Démarrage en cours » depuis ce matin'],
  ] as const)('answers a %s mention in that language, with the instance in the commands', async (lang, message) => {
    await postSigned(bot().eventsUrl, eventCallback(appMention(message)));
    const [post] = await bot().api.waitFor('chat.postMessage', 1);
    const body = post?.body as unknown as SlackBody;
    expect(headerOf(body)).toContain(LABELS[lang].likelyModule);
    expect(headerOf(body)).toContain('wfserver');
    expect(JSON.stringify(body)).toContain(LABELS[lang].steps);
    expect(JSON.stringify(body)).toContain('nlserver start wfserver@prod');
    expect(JSON.stringify(body)).toContain(`lang=${lang}`);
  });

  it('answers an off-topic mention in its thread', async () => {
    const event = appMention('<@UBOT> where are we going for lunch?', { thread_ts: '1700000000.000001' });
    bot().api.threads.set('C0INCIDENT:1700000000.000001', [
      { type: 'message', user: 'U0PERSON', text: 'team lunch on friday, who is in?', ts: '1700000000.000001' },
      { type: 'message', user: 'U0ASKER', text: event.text, ts: event.ts },
    ]);
    await postSigned(bot().eventsUrl, eventCallback(event));
    const [reply] = await bot().api.waitFor('chat.postMessage', 1);
    expect(reply?.body).toMatchObject({ channel: 'C0INCIDENT', thread_ts: '1700000000.000001' });
    expect(JSON.stringify(reply?.body)).toContain(LABELS.en.notCampaign.slice(0, 30));
    await settle();
    expect(bot().api.callsTo('chat.postEphemeral')).toEqual([]);
  });

  it('answers a how-to mention in a new thread under the question, in Korean', async () => {
    const event = appMention('<@UBOT> 시드 주소를 딜리버리에 넣으려면 어디서 설정해요?');
    await postSigned(bot().eventsUrl, eventCallback(event));
    const [reply] = await bot().api.waitFor('chat.postMessage', 1);
    const body = reply?.body as unknown as SlackBody;
    expect(body.thread_ts).toBe(event.ts);
    expect(headerOf(body)).toContain(LABELS.ko.howToTitle);
    expect(JSON.stringify(body)).toContain('search.html?lang=ko');
  });

  it('shows usage privately for an empty mention, in the channel when there is no thread yet', async () => {
    // Slack shows an ephemeral reply in a thread only once the thread exists.
    await postSigned(bot().eventsUrl, eventCallback(appMention('<@UBOT>')));
    const [reply] = await bot().api.waitFor('chat.postEphemeral', 1);
    expect(reply?.body).toMatchObject({ channel: 'C0INCIDENT', user: 'U0HUMAN1' });
    expect(reply?.body.thread_ts).toBeUndefined();
    expect(headerOf(reply?.body as unknown as SlackBody)).toBe(LABELS.en.helpTitle);
    await settle();
    expect(bot().api.callsTo('chat.postMessage')).toEqual([]);
  });

  it('answers an off-topic direct message in the conversation, which is private already', async () => {
    await postSigned(bot().eventsUrl, eventCallback(directMessage('where are we going for lunch?')));
    const [reply] = await bot().api.waitFor('chat.postMessage', 1);
    expect(reply?.body.channel).toBe('D0BOTDM01');
    expect(bot().api.callsTo('chat.postEphemeral')).toEqual([]);
  });

  it('answers a redelivered event once', async () => {
    const post = eventCallback(appMention('<@UBOT> mta'), 'Ev0REDELIVERED');
    const first = await postSigned(bot().eventsUrl, post);
    const retry = await postSigned(bot().eventsUrl, post, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    expect([first.status, retry.status]).toEqual([200, 200]);
    await bot().api.waitFor('chat.postMessage', 1);
    await settle();
    expect(bot().api.callsTo('chat.postMessage')).toHaveLength(1);
    expect(bot().logs.some((l) => l.includes('dropped repeated event') && l.includes('"retryNum":1'))).toBe(true);
  });

  it('answers a direct message in the conversation, and one message only once even when Slack sends two events for it', async () => {
    const dm = directMessage('<@UBOT> tracking logs are not coming in');
    await postSigned(bot().eventsUrl, eventCallback(dm));
    await postSigned(bot().eventsUrl, eventCallback({ ...dm, type: 'app_mention' }));
    const [post] = await bot().api.waitFor('chat.postMessage', 1);
    await settle();
    expect(bot().api.callsTo('chat.postMessage')).toHaveLength(1);
    expect(post?.body.channel).toBe('D0BOTDM01');
    expect(post?.body.thread_ts).toBeUndefined();
  });

  it('answers a direct message in the conversation when its app_mention event comes first, too', async () => {
    const { channel_type: _im, ...mention } = directMessage('<@UBOT> bounces are not processed on prod');
    await postSigned(bot().eventsUrl, eventCallback({ ...mention, type: 'app_mention' }));
    await postSigned(bot().eventsUrl, eventCallback(directMessage(String(mention.text), { ts: mention.ts })));
    const [post] = await bot().api.waitFor('chat.postMessage', 1);
    await settle();
    expect(bot().api.callsTo('chat.postMessage')).toHaveLength(1);
    expect(post?.body.channel).toBe('D0BOTDM01');
    expect(post?.body.thread_ts).toBeUndefined();
  });

  it('answers a direct message with a file or snippet attached, or also sent to the conversation', async () => {
    await postSigned(bot().eventsUrl, eventCallback(directMessage('mta is down since 9, log attached', { subtype: 'file_share', files: [{ id: 'F0LOG', name: 'mta.log' }] })));
    await postSigned(bot().eventsUrl, eventCallback(directMessage('workflows stuck in Start in progress', { subtype: 'thread_broadcast', thread_ts: '1700000000.000100' })));
    const posts = await bot().api.waitFor('chat.postMessage', 2);
    expect(posts.map((p) => p.body.text)).toEqual([expect.stringContaining('mta'), expect.stringContaining('wfserver')]);
  });

  it('never answers bots, edits, or its own messages', async () => {
    await postSigned(bot().eventsUrl, eventCallback(directMessage('mta is down', { bot_id: 'B0OTHER', subtype: 'bot_message', user: undefined })));
    await postSigned(bot().eventsUrl, eventCallback(directMessage('mta is down', { bot_id: 'BBOT', user: 'UBOT' })));
    await postSigned(bot().eventsUrl, eventCallback(appMention('<@UBOT> mta is down', { bot_id: 'B0OTHER', user: 'U0OTHERBOT' })));
    await postSigned(bot().eventsUrl, eventCallback(directMessage('mta is down', { subtype: 'message_changed' })));
    await postSigned(bot().eventsUrl, eventCallback({ ...directMessage('mta is down'), channel_type: 'channel', channel: 'C0RANDOM' }));
    await settle(300);
    expect(bot().api.callsTo('chat.postMessage')).toEqual([]);
  });
});

describe('buttons (block_actions)', () => {
  it('records "Helpful" and replaces the buttons with a visible thank-you naming the voter', async () => {
    const { body: card } = await command('emails stuck in pending');
    const helpful = buttonsOf(card).find((b) => b.action_id === 'feedback_helpful');
    const responseUrl = bot().api.responseUrl('click');
    const res = await postSigned(
      bot().eventsUrl,
      blockActions({ action_id: 'feedback_helpful', value: helpful?.value, block_id: FEEDBACK_BLOCK_ID }, responseUrl, { text: card.text, blocks: card.blocks ?? [] }),
    );
    expect(res.status).toBe(200);
    const [reply] = await bot().api.waitFor('response_url', 1);
    const body = reply?.body as unknown as SlackBody;
    expect(reply?.path).toBe(new URL(responseUrl).pathname);
    expect(body.replace_original).toBe(true);
    expect(JSON.stringify(body)).toContain(LABELS.en.thanksHelpful);
    expect(JSON.stringify(body)).toContain('<@U0HUMAN1>');
    expect(buttonsOf(body).some((b) => b.action_id.startsWith('feedback'))).toBe(false);
    expect(headerOf(body)).toBe(headerOf(card));
    expect(bot().verdicts.at(-1)).toMatchObject({ event: 'feedback', verdict: 'helpful', module: 'mta', lang: 'en', platform: 'slack', user: 'U0HUMAN1' });
  });

  it('counts one vote a card: the same click sent twice at once (a double click, a replay) records one verdict', async () => {
    const before = bot().verdicts.length;
    const { body: card } = await command('emails stuck in pending');
    const helpful = buttonsOf(card).find((b) => b.action_id === 'feedback_helpful');
    const click = blockActions({ action_id: 'feedback_helpful', value: helpful?.value, block_id: FEEDBACK_BLOCK_ID }, bot().api.responseUrl('twice'), {
      text: card.text,
      blocks: card.blocks ?? [],
    });
    const answers = await Promise.all([postSigned(bot().eventsUrl, click), postSigned(bot().eventsUrl, click)]);
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    await bot().api.waitFor('response_url', 1);
    await settle();
    expect(
      bot()
        .verdicts.slice(before)
        .filter((v) => v.event === 'feedback'),
    ).toHaveLength(1);
    expect(bot().api.callsTo('response_url')).toHaveLength(1);
    expect(bot().logs.some((l) => l.includes('slack: dropped a second vote on a card'))).toBe(true);
  });

  it('thanks privately for "Not it" on an ephemeral card, where Slack sends no message', async () => {
    const value = 'not_it|-|ko';
    expect(decodeFeedback(value)).toBeDefined();
    await postSigned(bot().eventsUrl, blockActions({ action_id: 'feedback_not_it', value }, bot().api.responseUrl()));
    const [reply] = await bot().api.waitFor('response_url', 1);
    expect(reply?.body).toMatchObject({ response_type: 'ephemeral', replace_original: false, text: LABELS.ko.thanksNotIt });
    expect(JSON.stringify(reply?.body.blocks)).toContain('<@U0HUMAN1>');
    expect(bot().verdicts.at(-1)).toMatchObject({ verdict: 'not_it', module: null, lang: 'ko' });
  });

  it('takes which module it was from the person who voted "Not it" alone, and once', async () => {
    const before = bot().verdicts.length;
    await postSigned(bot().eventsUrl, blockActions({ action_id: 'feedback_not_it', value: 'not_it|mta|en' }, bot().api.responseUrl()));
    const [menu] = await bot().api.waitFor('response_url', 1);
    const option = /"value":"([0-9a-f-]{36}\|stat\|en\|U0HUMAN1)"/.exec(JSON.stringify(menu?.body))?.[1];
    expect(option).toBeDefined();
    const pick = (user?: string) => blockActions({ action_id: 'correct_module', selected: option, ...(user && { user }) }, bot().api.responseUrl());
    await postSigned(bot().eventsUrl, pick('U0SOMEONE2'));
    const [, refused] = await bot().api.waitFor('response_url', 2);
    expect(refused?.body).toMatchObject({ response_type: 'ephemeral', text: LABELS.en.correctionNotYours });
    await postSigned(bot().eventsUrl, pick());
    await postSigned(bot().eventsUrl, pick());
    await settle();
    const corrections = bot()
      .verdicts.slice(before)
      .filter((v) => v.event === 'correction');
    expect(corrections).toEqual([expect.objectContaining({ module: 'stat' })]);
  });

  it('shows another candidate to the clicker alone, in the card’s thread, leaving the shared card as it is', async () => {
    const shared = { text: 'Likely module: mta', blocks: [], thread_ts: '1700000000.000001' };
    await postSigned(bot().eventsUrl, blockActions({ action_id: 'show_module_1', value: 'stat|ko', block_id: 'candidates' }, bot().api.responseUrl(), shared));
    const [reply] = await bot().api.waitFor('response_url', 1);
    const body = reply?.body as unknown as SlackBody;
    expect(body).toMatchObject({ response_type: 'ephemeral', replace_original: false, thread_ts: '1700000000.000001' });
    expect(JSON.stringify(body)).toContain(LABELS.ko.steps);
    expect(JSON.stringify(body)).toContain('stat');
    await settle();
    expect(bot().api.calls.filter((c) => c.method !== 'auth.test')).toHaveLength(1);
  });

  it('replaces a card only the clicker can see with the other module’s card', async () => {
    await postSigned(bot().eventsUrl, blockActions({ action_id: 'show_module_0', value: 'stat|en', block_id: 'related' }, bot().api.responseUrl()));
    const [reply] = await bot().api.waitFor('response_url', 1);
    expect(reply?.body).toMatchObject({ replace_original: true });
    expect(JSON.stringify(reply?.body)).toContain('stat');
  });

  it('acknowledges docs link clicks and ignores values it did not write', async () => {
    const docs = await postSigned(bot().eventsUrl, blockActions({ action_id: 'open_docs_0' }, bot().api.responseUrl()));
    const junk = await postSigned(bot().eventsUrl, blockActions({ action_id: 'show_module_0', value: 'rm -rf|en' }, bot().api.responseUrl()));
    expect([docs.status, junk.status]).toEqual([200, 200]);
    await settle();
    expect(bot().api.callsTo('response_url')).toEqual([]);
  });
});

describe('configuration', () => {
  it('answers diagnoses privately when SLACK_RESPONSE_TYPE=ephemeral', async () => {
    const privateBot = await startBot({ SLACK_RESPONSE_TYPE: 'ephemeral' });
    try {
      const res = await postSigned(privateBot.eventsUrl, slashCommand('emails stuck in pending', privateBot.api.responseUrl()));
      expect(((await res.json()) as SlackBody).response_type).toBe('ephemeral');
    } finally {
      await privateBot.stop();
    }
  });

  it('fills commands with CAMPAIGN_INSTANCE', async () => {
    const prodBot = await startBot({ CAMPAIGN_INSTANCE: 'prod' });
    try {
      const res = await postSigned(prodBot.eventsUrl, slashCommand('mta', prodBot.api.responseUrl()));
      const json = JSON.stringify(await res.json());
      expect(json).toContain('mta@prod');
      expect(json).not.toContain('&lt;instance&gt;');
    } finally {
      await prodBot.stop();
    }
  });
});
