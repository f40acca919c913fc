import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FeedbackSink } from '../../src/core/feedback.js';
import { labelled, LABELS } from '../../src/render/labels.js';
import { startConnectorRecorder, type ConnectorRecorder } from './connector-recorder.js';
import { BOT, USER, botAddedToTeam, cardSubmit, channelMention, personalMessage, userAddedToTeam } from './activities.js';
import { APP_ID, APP_PASSWORD, post, startBot, START_TIMEOUT_MS, type Bot } from './bot-harness.js';

const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';

type Card = { version: string; body: unknown[]; msteams: unknown };

let connector: ConnectorRecorder;

function cardOf(body: Record<string, unknown>): Card {
  const attachments = body.attachments as Array<{ contentType: string; content: Card }> | undefined;
  const first = attachments?.[0];
  expect(first?.contentType).toBe(ADAPTIVE);
  if (!first) throw new Error('no card attachment');
  return first.content;
}

const cardText = (card: Card): string => JSON.stringify(card);

/** `nlserver pdump` on a server whose mta, inMail and trackinglogd are gone. */
const PDUMP = [
  'nlserver pdump',
  '12:00:01 > Application server for Adobe Campaign Classic (7.3.5 build 9182) of 22/09/2023',
  'syslogd@default (1234) - 9.1 MB',
  'web@default (2345) - 250 MB',
  'wfserver@prod (3456) - 40 MB',
  'stat@prod (3457) - 12 MB',
  'watchdog (1000) - 5 MB',
].join('\n');

/** The card's note on the processes the pasted pdump lacks, mta@prod among them. */
function lacking(lang: 'en' | 'ko'): RegExp {
  return new RegExp(`${LABELS[lang].listingMissing('').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^"]*mta@prod`);
}

/** The data of every Action.Submit on a card. */
function submitsOf(node: unknown): Array<Record<string, unknown>> {
  if (Array.isArray(node)) return node.flatMap(submitsOf);
  if (typeof node !== 'object' || node === null) return [];
  const { type, data } = node as { type?: unknown; data?: unknown };
  const own = type === 'Action.Submit' && typeof data === 'object' && data !== null ? [data as Record<string, unknown>] : [];
  return [...own, ...Object.values(node).flatMap(submitsOf)];
}

describe('Teams bot over HTTP, local mode (no app id)', () => {
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
  });

  it('uses the instance the message names over CAMPAIGN_INSTANCE, says why, and carries it on the candidate buttons', async () => {
    await post(bot.url, channelMention(connector.url, 'mails are no longer sent on the mkt instance'));
    const [call] = connector.calls;
    if (!call) throw new Error('no reply');
    const text = cardText(cardOf(call.body));
    expect(text).toContain('nlserver restart mta@mkt');
    expect(text).not.toContain('mta@prod');
    expect(text).toContain('Instance mkt, from your message.');
    expect(text).toMatch(/"action":"show-module","module":"\w+","lang":"en","instance":"mkt"/);
  });

  it('answers an English channel mention in the thread with a diagnosis card', async () => {
    const activity = channelMention(connector.url, 'emails stopped going out, deliveries stuck in Pending');
    const res = await post(bot.url, activity);
    expect(res.status).toBe(200);
    expect(connector.calls).toHaveLength(1);
    const [call] = connector.calls;
    if (!call) throw new Error('no reply');
    // Threaded: POST /v3/conversations/{thread}/activities/{the mention's id}
    expect(call.method).toBe('POST');
    expect(call.activityId).toBe(activity.id);
    expect(call.conversationId).toBe((activity.conversation as { id: string }).id);
    expect(call.body.replyToId).toBe(activity.id);
    expect(call.body.from).toMatchObject({ id: BOT.id });
    const card = cardOf(call.body);
    expect(card.version).toBe('1.4');
    expect(card.msteams).toEqual({ width: 'Full' });
    expect(cardText(card)).toContain('Likely module: mta');
    expect(cardText(card)).toContain('nlserver restart mta@prod');
    // The bot's own mention never reaches the echo.
    expect(cardText(card)).not.toContain('<at>');
    expect(cardText(card)).not.toContain(BOT.name);
    expect(String(call.body.summary)).toMatch(/^Likely module: mta \(\d+%\)/);
  });

  it('answers a Korean channel mention with a Korean card', async () => {
    const activity = channelMention(connector.url, '메일이 전혀 발송되지 않아요. 게재가 보류 중에서 멈췄어요', 'ko-KR');
    await post(bot.url, activity);
    const [call] = connector.calls;
    if (!call) throw new Error('no reply');
    const text = cardText(cardOf(call.body));
    expect(text).toContain('의심 모듈: mta');
    expect(text).toContain(LABELS.ko.steps);
    expect(text).toContain(LABELS.ko.helpful);
    expect(text).toContain('?lang=ko');
  });

  it.each([
    ['ja', 'ワークフローが「開始中」のまま止まっています', 'ja-JP'],
    ['de', "Unsere Workflows bleiben seit heute früh auf 'Start wird ausgeführt' stehen", 'de-DE'],
    ['fr', 'les workflows restent bloqués en « Démarrage en cours » depuis ce matin', 'fr-FR'],
  ] as const)('answers a %s channel mention with a card in that language', async (lang, message, locale) => {
    await post(bot.url, channelMention(connector.url, message, locale));
    const [call] = connector.calls;
    if (!call) throw new Error('no reply');
    const text = cardText(cardOf(call.body));
    expect(text).toContain(`${labelled(LABELS[lang].likelyModule, lang)} wfserver`);
    expect(text).toContain(LABELS[lang].steps);
    expect(text).toContain(LABELS[lang].helpful);
    expect(text).toContain(`?lang=${lang}`);
    expect(text).toContain('nlserver pdump');
  });

  it('answers a message in a language it does not read in English, naming the five it reads', async () => {
    await post(bot.url, channelMention(connector.url, 'los correos no salen desde ayer, el mta no funciona', 'es-ES'));
    const [call] = connector.calls;
    if (!call) throw new Error('no reply');
    expect(JSON.stringify(call.body)).toContain('English, Korean (한국어), Japanese (日本語), German (Deutsch) and French (français)');
  });

  it('answers a how-to question in the thread with a docs search, naming no module', async () => {
    const activity = channelMention(connector.url, 'how do I give a new operator rights to only one folder of deliveries?');
    await post(bot.url, activity);
    const [call] = connector.calls;
    if (!call) throw new Error('no reply');
    expect(call.body.replyToId).toBe(activity.id);
    const text = cardText(cardOf(call.body));
    expect(text).toContain(LABELS.en.howToTitle);
    expect(text).toContain('https://experienceleague.adobe.com/search.html?lang=en#q=');
    expect(text).not.toContain('Likely module');
  });

  it('answers a question about which module does something with the module card and a docs search', async () => {
    await post(bot.url, channelMention(connector.url, 'who serves the console logins, web or wfserver?'));
    const [call] = connector.calls;
    if (!call) throw new Error('no reply');
    const card = JSON.stringify(cardOf(call.body));
    expect(cardText(cardOf(call.body))).toContain('Likely module: web');
    expect(card).toContain(LABELS.en.askedDocs);
    expect(card).toContain('https://experienceleague.adobe.com/search.html?lang=en#q=who%20serves%20the%20console');
  });

  it('answers a database failure in Korean, saying no nlserver module comes first', async () => {
    await post(bot.url, channelMention(connector.url, 'DB 서버 디스크가 꽉 차서 오라클이 멈췄대요. 캠페인 전체가 에러예요'));
    const [call] = connector.calls;
    if (!call) throw new Error('no reply');
    const text = cardText(cardOf(call.body));
    expect(text).toContain('nlserver 모듈이 아니라 데이터베이스 문제');
    expect(text).toContain(LABELS.ko.outsideDependent(''));
    expect(text).not.toContain(LABELS.ko.likelyModule);
  });

  it('removes every mention of the bot, not only the first', async () => {
    const activity = channelMention(connector.url, 'mta');
    const mention = `<at>${BOT.name}</at>`;
    activity.text = `${mention} wfserver ${mention}`;
    activity.entities = [...(activity.entities as unknown[]), { type: 'mention', text: mention, mentioned: BOT }];
    await post(bot.url, activity);
    const [call] = connector.calls;
    if (!call) throw new Error('no reply');
    // Only "wfserver" is left, so the bot answers with that module's card rather than a diagnosis.
    expect(String(call.body.summary)).toMatch(/^wfserver - /);
  });

  it('reads a pdump pasted after the mention as pasted output, its lines kept: the card names the processes it lacks', async () => {
    await post(bot.url, channelMention(connector.url, `pdump says:\n\`\`\`\n${PDUMP}\n\`\`\``));
    const [call] = connector.calls;
    if (!call) throw new Error('no reply');
    const text = cardText(cardOf(call.body));
    expect(call.body.summary).not.toBe('No Campaign module matched');
    expect(text).toMatch(lacking('en'));
    expect(text).toContain('wfserver@prod (3456) - 40 MB\\nstat@prod (3457) - 12 MB');
  });

  it('reads a pdump pasted in personal chat as pasted output', async () => {
    await post(bot.url, personalMessage(connector.url, PDUMP.replace(/\n/g, '\r\n')));
    const [call] = connector.calls;
    if (!call) throw new Error('no reply');
    expect(call.body.summary).not.toBe('No Campaign module matched');
    expect(cardText(cardOf(call.body))).toMatch(lacking('en'));
  });

  it("answers a bare pasted pdump in the sender's client language, as it holds no word of their own", async () => {
    await post(bot.url, personalMessage(connector.url, PDUMP, 'ko-KR'));
    const [call] = connector.calls;
    if (!call) throw new Error('no reply');
    const text = cardText(cardOf(call.body));
    expect(text).toMatch(lacking('ko'));
    expect(text).toContain(LABELS.ko.wasThisHelpful);
    expect(text).not.toContain(LABELS.en.wasThisHelpful);
  });

  it('reads a pdump whose lines arrive joined into one as pasted output', async () => {
    await post(bot.url, personalMessage(connector.url, PDUMP.replace(/\n/g, ' ')));
    const [call] = connector.calls;
    if (!call) throw new Error('no reply');
    expect(cardText(cardOf(call.body))).toMatch(lacking('en'));
  });

  it('answers `help` in personal chat directly, not as a reply', async () => {
    const activity = personalMessage(connector.url, 'help');
    await post(bot.url, activity);
    expect(connector.calls).toHaveLength(1);
    const [call] = connector.calls;
    if (!call) throw new Error('no reply');
    expect(call.activityId).toBeUndefined();
    expect(call.path).toBe(`/v3/conversations/${encodeURIComponent((activity.conversation as { id: string }).id)}/activities`);
    expect(call.body.replyToId).toBeUndefined();
    const text = cardText(cardOf(call.body));
    expect(text).toContain(LABELS.en.helpTitle);
    expect(text).toContain(LABELS.en.helpExamples[0]);
  });

  it('records a Helpful click with the Teams user id and acknowledges it', async () => {
    await post(bot.url, cardSubmit(connector.url, 'bot-activity-41', { action: 'feedback', verdict: 'helpful', module: 'mta', lang: 'en' }));
    expect(bot.feedback).toHaveLength(1);
    expect(bot.feedback[0]).toMatchObject({ verdict: 'helpful', module: 'mta', lang: 'en', platform: 'teams', user: USER.aadObjectId });
    expect(bot.feedback[0]?.at).toBeInstanceOf(Date);
    expect(connector.calls).toHaveLength(1);
    expect(connector.calls[0]?.body.text).toBe(LABELS.en.thanksHelpful);
  });

  it('swaps a voted card’s buttons for the thanks line, as Slack does, and posts nothing else', async () => {
    await post(bot.url, personalMessage(connector.url, 'the mta on prod keeps crashing since the patch'));
    const [answer] = connector.calls;
    if (!answer) throw new Error('no answer');
    const feedback = submitsOf(cardOf(answer.body)).find((data) => data.action === 'feedback' && data.verdict === 'helpful');
    if (!feedback) throw new Error('no Helpful button on the answer');
    connector.reset();
    await post(bot.url, cardSubmit(connector.url, answer.answeredId, feedback));
    expect(connector.calls.map((c) => [c.method, c.activityId])).toEqual([['PUT', answer.answeredId]]);
    const voted = cardOf(connector.calls[0]?.body ?? {});
    expect(submitsOf(voted).filter((data) => data.action === 'feedback')).toEqual([]);
    expect(cardText(voted)).toContain(LABELS.en.thanksHelpful);
    expect(cardText(voted)).not.toContain(LABELS.en.wasThisHelpful);
    // The rest of the card is as it was.
    expect(cardText(voted)).toContain('mta@prod');
    expect(connector.calls[0]?.body.summary).toBe(answer.body.summary);
  });

  it('in a channel thread, Not it swaps the buttons for everyone and posts the correction card below', async () => {
    const mention = channelMention(connector.url, '워크플로가 아침부터 전부 멈춰 있어요', 'ko-KR');
    await post(bot.url, mention);
    const [answer] = connector.calls;
    if (!answer) throw new Error('no answer');
    const notIt = submitsOf(cardOf(answer.body)).find((data) => data.action === 'feedback' && data.verdict === 'not_it');
    if (!notIt) throw new Error('no Not it button on the answer');
    connector.reset();
    await post(bot.url, { ...cardSubmit(connector.url, answer.answeredId, notIt, 'channel'), conversation: mention.conversation });
    expect(connector.calls.map((c) => c.method)).toEqual(['PUT', 'POST']);
    expect(connector.calls[0]?.activityId).toBe(answer.answeredId);
    expect(cardText(cardOf(connector.calls[0]?.body ?? {}))).toContain(LABELS.ko.thanksNotIt.split('`')[0]);
    expect(submitsOf(cardOf(connector.calls[0]?.body ?? {})).filter((data) => data.action === 'feedback')).toEqual([]);
    expect(submitsOf(cardOf(connector.calls[1]?.body ?? {})).some((data) => data.action === 'correction')).toBe(true);
  });

  it('thanks in a message of its own when Teams refuses to update the voted card', async () => {
    await post(bot.url, personalMessage(connector.url, 'bounces are not processed on prod, the inMail log is empty'));
    const [answer] = connector.calls;
    const feedback = submitsOf(cardOf(answer?.body ?? {})).find((data) => data.action === 'feedback' && data.verdict === 'helpful');
    if (!answer || !feedback) throw new Error('no Helpful button on the answer');
    connector.reset();
    connector.failNext(1, 400);
    await post(bot.url, cardSubmit(connector.url, answer.answeredId, feedback));
    expect(connector.received.map((r) => r.split(' ')[0])).toEqual(['PUT', 'POST']);
    expect(connector.calls.map((c) => c.body.text)).toEqual([LABELS.en.thanksHelpful]);
    expect(bot.lines.some((l) => l.includes('teams: vote recorded, but the card could not be updated'))).toBe(true);
  });

  it('counts one vote a person a card: a double click records one verdict, another card or person still counts', async () => {
    bot.feedback.length = 0;
    const vote = (card: string, from?: { id: string; aadObjectId: string }) => {
      const activity = cardSubmit(connector.url, card, { action: 'feedback', verdict: 'helpful', module: 'mta', lang: 'en' });
      return post(bot.url, { ...activity, id: randomUUID(), ...(from && { from: { ...USER, ...from } }) });
    };
    await Promise.all([vote('bot-activity-43'), vote('bot-activity-43')]);
    expect(bot.feedback).toHaveLength(1);
    await vote('bot-activity-44');
    await vote('bot-activity-43', { id: '29:other-person', aadObjectId: 'other-person-aad' });
    expect(bot.feedback.map((f) => f.user)).toEqual([USER.aadObjectId, USER.aadObjectId, 'other-person-aad']);
  });

  it('counts a double click once when Teams does not say which card was clicked (the Emulator may leave replyToId out)', async () => {
    bot.feedback.length = 0;
    const { replyToId: _card, ...vote } = cardSubmit(connector.url, 'bot-activity-45', {
      action: 'feedback',
      verdict: 'helpful',
      module: 'web',
      lang: 'en',
      question: 'console login spins',
    });
    await Promise.all([post(bot.url, { ...vote, id: randomUUID() }), post(bot.url, { ...vote, id: randomUUID() })]);
    expect(bot.feedback).toHaveLength(1);
    expect(bot.lines.filter((l) => l.includes('teams: dropped a second vote on a card'))).not.toHaveLength(0);
  });

  it('says a recorded vote was noted when the thanks could not be posted, instead of asking for a vote it would drop', async () => {
    bot.feedback.length = 0;
    connector.failNext(1, 500);
    await post(bot.url, cardSubmit(connector.url, 'bot-activity-74', { action: 'feedback', verdict: 'helpful', module: 'mta', lang: 'de' }, 'channel'));
    expect(bot.feedback).toHaveLength(1);
    expect(connector.received).toHaveLength(2);
    expect(connector.calls.map((c) => c.body.text)).toEqual([LABELS.de.thanksHelpful]);
  });

  it('records Not it for a card that named no module, in Korean', async () => {
    bot.feedback.length = 0;
    await post(bot.url, cardSubmit(connector.url, 'bot-activity-42', { action: 'feedback', verdict: 'not_it', module: null, lang: 'ko' }));
    expect(bot.feedback[0]).toMatchObject({ verdict: 'not_it', module: null, lang: 'ko' });
    // The thanks comes with a choice of every module, so the asker can say which one it was.
    expect(connector.calls[0]?.body.summary).toContain(LABELS.ko.thanksNotIt);
    const choice = JSON.stringify(cardOf(connector.calls[0]?.body ?? {}));
    expect(choice).toContain('"Input.ChoiceSet"');
    expect(choice).toContain(LABELS.ko.whichModule);
    expect(choice).toContain('"action":"correction"');
  });

  it('in a channel, leaves the shared card intact and posts the chosen candidate below it, on the instance of the card', async () => {
    const activity = cardSubmit(connector.url, 'bot-activity-43', { action: 'show-module', module: 'stat', lang: 'en', instance: 'mkt' }, 'channel');
    await post(bot.url, activity);
    expect(connector.calls).toHaveLength(1);
    const [call] = connector.calls;
    if (!call) throw new Error('no post');
    expect(call.method).toBe('POST');
    expect(String(call.body.summary)).toMatch(/^stat - /);
    expect(cardText(cardOf(call.body))).toContain('"text":"stat"');
    expect(cardText(cardOf(call.body))).toContain('stat@mkt');
  });

  it('posts one card for a candidate clicked twice in a channel; another module or person still gets theirs', async () => {
    const click = (module: string, from = USER) =>
      post(bot.url, { ...cardSubmit(connector.url, 'bot-activity-71', { action: 'show-module', module, lang: 'en', instance: 'mkt' }, 'channel'), from });
    await Promise.all([click('stat'), click('stat')]);
    expect(connector.received).toHaveLength(1);
    await click('wfserver');
    await click('stat', { ...USER, id: '29:other-person', aadObjectId: 'other-person-aad' });
    expect(connector.calls.map((c) => String(c.body.summary).split(' ')[0])).toEqual(['stat', 'wfserver', 'stat']);
    expect(bot.lines.filter((l) => l.includes('teams: dropped a repeated module button'))).toHaveLength(1);
  });

  it('takes a correction only from the person who voted Not it, and once, telling anyone else why', async () => {
    const verdict = cardSubmit(connector.url, 'bot-activity-72', { action: 'feedback', verdict: 'not_it', module: 'mta', lang: 'en', candidates: ['stat'] }, 'channel');
    await post(bot.url, verdict);
    const save = submitsOf(cardOf(connector.calls[0]?.body ?? {})).find((data) => data.action === 'correction');
    if (!save) throw new Error('no Save button on the correction card');
    connector.reset();
    bot.corrections.length = 0;
    // The correction card is posted in the shared thread: anyone there can press Save.
    const choose = (module: string, from = USER) => post(bot.url, { ...cardSubmit(connector.url, 'bot-activity-73', { ...save, module }, 'channel'), from });
    await choose('web', { ...USER, id: '29:other-person', aadObjectId: 'other-person-aad' });
    await choose('stat');
    await choose('stat');
    expect(bot.corrections.map((c) => c.module)).toEqual(['stat']);
    expect(connector.calls.map((c) => c.body.text)).toEqual([LABELS.en.correctionNotYours, LABELS.en.correctionThanks('stat')]);
    expect(bot.lines.filter((l) => l.includes('teams: refused a correction from someone who did not vote'))).toHaveLength(1);
    expect(bot.lines.filter((l) => l.includes('teams: dropped a second correction of a verdict'))).toHaveLength(1);
  });

  it('in a personal chat, replaces the card with the chosen candidate module via updateActivity', async () => {
    await post(bot.url, cardSubmit(connector.url, 'bot-activity-46', { action: 'show-module', module: 'stat', lang: 'en' }));
    expect(connector.calls).toHaveLength(1);
    expect(connector.calls[0]?.method).toBe('PUT');
    expect(connector.calls[0]?.activityId).toBe('bot-activity-46');
  });

  it('falls back to a new card when the connector refuses the update', async () => {
    connector.failNext(1, 404);
    await post(bot.url, cardSubmit(connector.url, 'bot-activity-44', { action: 'show-module', module: 'web', lang: 'en' }));
    expect(connector.calls).toHaveLength(1);
    expect(connector.calls[0]?.method).toBe('POST');
    expect(String(connector.calls[0]?.body.summary)).toMatch(/^web - /);
    expect(bot.lines.some((l) => l.includes('could not replace the card'))).toBe(true);
  });

  it('ignores card data it did not write', async () => {
    const res = await post(bot.url, cardSubmit(connector.url, 'bot-activity-45', { action: 'show-module', module: 'rm -rf', lang: 'en' }));
    expect(res.status).toBe(200);
    expect(connector.calls).toHaveLength(0);
  });

  it('sends a welcome card when the bot is added to a team, and nothing when someone else joins', async () => {
    await post(bot.url, userAddedToTeam(connector.url));
    expect(connector.calls).toHaveLength(0);
    await post(bot.url, botAddedToTeam(connector.url, 'ko-KR'));
    expect(connector.calls).toHaveLength(1);
    const [call] = connector.calls;
    if (!call) throw new Error('no welcome');
    expect(call.activityId).toBeUndefined();
    const text = cardText(cardOf(call.body));
    expect(text).toContain(LABELS.ko.welcomeTitle);
    expect(text).toContain(LABELS.ko.helpTitle);
  });

  it('welcomes once when Teams delivers the bot-added update again, under the same id or a new one', async () => {
    const first = botAddedToTeam(connector.url);
    const added = { ...first, conversation: { ...(first.conversation as object), id: '19:welcome-twice@thread.tacv2' } };
    await post(bot.url, added);
    await post(bot.url, added);
    await post(bot.url, { ...added, id: `${String(first.id)}-again` });
    expect(connector.received).toHaveLength(1);
  });

  it('apologises in the language of the card whose button failed, not the client’s', async () => {
    connector.failNext(1, 500);
    await post(bot.url, cardSubmit(connector.url, 'bot-activity-75', { action: 'show-module', module: 'mta', lang: 'ko' }, 'channel'));
    expect(connector.calls.map((c) => c.body.text)).toEqual([LABELS.ko.error]);
  });

  it('escapes user text echoed on the card', async () => {
    await post(bot.url, personalMessage(connector.url, 'emails stuck <at>Boss</at> see [here](https://evil.example/x) **now**'));
    const text = cardText(cardOf(connector.calls[0]?.body ?? {}));
    expect(text).not.toContain('<at>');
    expect(text).not.toContain('https://evil');
    expect(text).toContain('https:\\u200b//evil'.replace('\\u200b', '\u200b'));
  });

  it('rejects a body that is not JSON with 400 and sends nothing', async () => {
    const res = await fetch(bot.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
    expect(res.status).toBe(400);
    expect(connector.calls).toHaveLength(0);
  });
});

describe('Teams bot when a turn fails', () => {
  it(
    'logs the detail, tells the user neutrally and keeps serving',
    async () => {
      connector = await startConnectorRecorder();
      const failing: FeedbackSink = {
        answered: () => undefined,
        correct: async () => undefined,
        record: async () => {
          throw new Error('feedback store unavailable: disk full');
        },
      };
      const bot = await startBot({}, { sink: failing });
      try {
        const res = await post(bot.url, cardSubmit(connector.url, 'bot-activity-46', { action: 'feedback', verdict: 'helpful', module: 'mta', lang: 'en' }));
        expect(res.status).toBe(200);
        expect(connector.calls.map((c) => c.body.text)).toEqual([LABELS.en.error]);
        const errorLine = bot.lines.find((l) => l.includes('teams: turn failed'));
        expect(errorLine).toContain('disk full');
        expect(bot.lines.join('\n')).not.toContain(APP_PASSWORD);

        connector.calls.length = 0;
        await post(bot.url, personalMessage(connector.url, 'list'));
        expect(String(connector.calls[0]?.body.summary)).toContain(LABELS.en.listTitle);
      } finally {
        await bot.close();
        await connector.close();
      }
    },
    START_TIMEOUT_MS,
  );
});

describe('Teams bot with an app id (authenticated)', () => {
  let bot: Bot;
  beforeAll(async () => {
    connector = await startConnectorRecorder();
    bot = await startBot({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: APP_PASSWORD });
  }, START_TIMEOUT_MS);
  afterAll(async () => {
    await bot.close();
    await connector.close();
  });

  it('rejects a request without a token with 401 and no reply', async () => {
    const res = await post(bot.url, personalMessage(connector.url, 'emails stopped going out'));
    expect(res.status).toBe(401);
    expect(connector.calls).toHaveLength(0);
  });

  it('rejects a forged token with 401 and no reply', async () => {
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const forged = [
      b64({ alg: 'RS256', typ: 'JWT', kid: 'forged-key' }),
      b64({ iss: 'https://attacker.example', aud: APP_ID, serviceurl: connector.url, nbf: now, exp: now + 3600 }),
      b64({ sig: 'not a signature' }),
    ].join('.');
    for (const authorization of [`Bearer ${forged}`, 'Bearer not-even-a-jwt']) {
      const res = await post(bot.url, channelMention(connector.url, 'workflows stuck'), { authorization });
      expect(res.status).toBe(401);
    }
    expect(connector.calls).toHaveLength(0);
  });
});

describe('Teams endpoint exposure without an app id', () => {
  it(
    'is not mounted when HOST faces the network, so nobody can make the bot post anywhere',
    async () => {
      connector = await startConnectorRecorder();
      const bot = await startBot({ HOST: '0.0.0.0' });
      try {
        const res = await post(bot.url, personalMessage(connector.url, 'help'));
        expect(res.status).toBe(404);
        expect(connector.calls).toHaveLength(0);
        expect(bot.lines.some((l) => l.includes('/api/messages not mounted'))).toBe(true);
      } finally {
        await bot.close();
        await connector.close();
      }
    },
    START_TIMEOUT_MS,
  );
});
