import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LABELS } from '../../src/render/labels.js';
import { BOT, CHANNEL_ID, channelMention, personalMessage, TENANT, USER } from './activities.js';
import { APP_ID, APP_PASSWORD, logged, post, startBot, START_TIMEOUT_MS, type Bot } from './bot-harness.js';
import { startConnectorRecorder, type ConnectorRecorder } from './connector-recorder.js';
import { channelClaims, rs256, startIdentityStandIn, type IdentityStandIn } from './identity-stand-in.js';
import { waitUntil } from '../wait.js';

const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';

/**
 * "Ask campaign-module" in a message's More actions menu: the `composeExtension/submitAction`
 * invoke Teams sends for an action command with `context: ["message"]`, carrying the message as
 * `messagePayload` (its body as HTML) and the dialog's parameters as `data`.
 */
function submitAction(activity: Record<string, unknown>, html: string, messageId = '1700000012345', replyToId: string | null = null): Record<string, unknown> {
  const { text: _text, textFormat: _format, entities: _entities, ...rest } = activity;
  return {
    ...rest,
    type: 'invoke',
    name: 'composeExtension/submitAction',
    value: {
      commandId: 'askCampaignModule',
      commandContext: 'message',
      context: { theme: 'default' },
      data: { note: '' },
      messagePayload: {
        id: messageId,
        replyToId,
        createdDateTime: '2026-12-06T09:02:11.123Z',
        lastModifiedDateTime: null,
        deleted: false,
        subject: null,
        summary: null,
        importance: 'normal',
        locale: 'en-us',
        linkToMessage: `https://teams.microsoft.com/l/message/${encodeURIComponent(CHANNEL_ID)}/${messageId}`,
        body: { contentType: 'html', content: html },
        from: { user: { id: USER.aadObjectId, displayName: USER.name, userIdentityType: 'aadUser' } },
        attachments: [],
        mentions: [],
        reactions: [],
      },
    },
  };
}

const inChannel = (serviceUrl: string, html: string) => submitAction(channelMention(serviceUrl, ''), html);
const inGroupChat = (serviceUrl: string, html: string) => {
  const chat = { ...personalMessage(serviceUrl, ''), conversation: { tenantId: TENANT.id, isGroup: true, conversationType: 'groupChat', id: '19:meeting_chat@thread.v2' } };
  return submitAction(chat, html);
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** POSTs an activity and says what came back and how long it took. */
async function timedPost(url: string, activity: unknown): Promise<{ status: number; body: string; ms: number }> {
  const started = performance.now();
  const res = await post(url, activity);
  const body = await res.text();
  return { status: res.status, body, ms: performance.now() - started };
}

interface ResultBody {
  composeExtension?: { type: string; attachments: Array<{ contentType: string; content: unknown }> };
}

let connector: ConnectorRecorder;
beforeAll(async () => {
  connector = await startConnectorRecorder();
}, START_TIMEOUT_MS);
afterAll(() => connector.close());
afterEach(() => connector.reset());

describe('Teams message action, local mode (the real botbuilder adapter, connector on loopback)', () => {
  let bot: Bot;
  beforeAll(async () => {
    bot = await startBot();
  }, START_TIMEOUT_MS);
  afterAll(() => bot.close());
  afterEach(() => {
    bot.lines.length = 0;
  });

  it('answers in the message’s thread when the bot is in the team', async () => {
    const res = await post(bot.url, inChannel(connector.url, '<p>emails stopped going out, deliveries stuck in <b>Pending</b></p>'));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    const [call] = connector.calls;
    expect(call?.conversationId).toBe(`${CHANNEL_ID};messageid=1700000012345`);
    const attachment = (call?.body.attachments as Array<{ contentType: string; content: unknown }> | undefined)?.[0];
    expect(attachment?.contentType).toBe(ADAPTIVE);
    expect(JSON.stringify(attachment?.content)).toContain('nlserver restart mta@prod');
    // The bot's own post: its buttons come back as ordinary card actions.
    expect(JSON.stringify(attachment?.content)).toContain('"Action.Submit"');
  });

  it('answers a reply inside a channel thread in that thread, named by its first message', async () => {
    const reply = submitAction(channelMention(connector.url, ''), '<p>still stuck, mta@prod is down</p>', '1700000099999', '1700000012345');
    const res = await post(bot.url, reply);
    expect(res.status).toBe(200);
    expect(connector.calls.map((c) => c.conversationId)).toEqual([`${CHANNEL_ID};messageid=1700000012345`]);
  });

  it('answers with the card as the extension’s result when the bot is not in the team', async () => {
    connector.failNext(1, 403);
    const res = await post(bot.url, inChannel(connector.url, '<div>workflows stuck in Start in progress since 9</div>'));
    expect(res.status).toBe(200);
    const body = (await res.json()) as ResultBody;
    expect(body.composeExtension?.type).toBe('result');
    expect(body.composeExtension?.attachments[0]?.contentType).toBe(ADAPTIVE);
    expect(JSON.stringify(body)).toContain('wfserver');
    expect(connector.received).toHaveLength(1);
  });

  it.each([429, 500])('answers with the card as the result, and no apology, when the thread post gets %i', async (status) => {
    connector.failNext(1, status);
    const res = await post(bot.url, submitAction(channelMention(connector.url, ''), '<p>mails stuck since 9 on mkt</p>', `1700000000${status}`));
    expect(res.status).toBe(200);
    const body = (await res.json()) as ResultBody;
    expect(body.composeExtension?.type).toBe('result');
    expect(JSON.stringify(body)).toContain('nlserver restart mta@mkt');
    expect(connector.received).toHaveLength(1);
    expect(logged(bot, 'teams: could not post in the thread, answering as the extension card')).toEqual([expect.objectContaining({ status })]);
  });

  it('answers within Teams’ 5 s and posts one card when the connector takes 6 s and Teams sends the invoke three times', async () => {
    connector.delayNext(1, 6_000);
    const ask = inChannel(connector.url, '<p>mails stuck since 9</p>');
    // Teams resends an invoke it had no answer to within 5 s, twice; the last one here under another id.
    const deliveries = [ask, ask, { ...ask, id: `${String(ask.id)}-resent` }];
    const answers: Array<Promise<{ status: number; body: string; ms: number }>> = [];
    for (const delivery of deliveries) {
      answers.push(timedPost(bot.url, delivery));
      await sleep(2_500);
    }
    for (const answer of await Promise.all(answers)) {
      expect(answer).toMatchObject({ status: 200, body: '' });
      expect(answer.ms).toBeLessThan(5_000);
    }
    await connector.waitFor(1, 10_000);
    await waitUntil(() => logged(bot, 'teams: message action card posted in the thread after the invoke was answered').length === 1, { what: 'the late post', timeoutMs: 2_000 });
    expect(connector.received).toHaveLength(1);
    expect(connector.calls[0]?.conversationId).toBe(`${CHANNEL_ID};messageid=1700000012345`);
    expect(logged(bot, 'teams: dropped a repeated message action')).toHaveLength(2);
  });

  it('returns the result card without buttons that come back to the bot: the person sends it, where the bot could not answer them', async () => {
    const res = await post(bot.url, inGroupChat(connector.url, '<p>mails stuck since 9, deliveries pending</p>'));
    const json = JSON.stringify(await res.json());
    expect(json).toContain('nlserver restart mta@prod');
    expect(json).not.toContain('Action.Submit');
    expect(json).not.toContain('selectAction');
    expect(json).toContain('](https://experienceleague.adobe.com/');
  });

  it('answers a button pressed on an older result card with a quiet 200, recording and sending nothing', async () => {
    const click = {
      ...inGroupChat(connector.url, ''),
      name: 'composeExtension/onCardButtonClicked',
      value: { action: 'feedback', verdict: 'helpful', module: 'mta', lang: 'en' },
    };
    const res = await post(bot.url, click);
    expect(res.status).toBe(200);
    expect(bot.feedback).toEqual([]);
    expect(connector.received).toEqual([]);
    expect(logged(bot, 'teams: ignored a button on a card sent as Ask campaign-module’s result')).toHaveLength(1);
  });

  it('answers a group chat’s message as the extension’s result: chats have no threads', async () => {
    const res = await post(bot.url, inGroupChat(connector.url, '<p>tracking logs are not coming in since 3am</p>'));
    const body = (await res.json()) as ResultBody;
    expect(JSON.stringify(body)).toContain('tracking');
    expect(connector.received).toEqual([]);
  });

  it('strips the message’s HTML and escapes what it echoes', async () => {
    const html = '<p>&lt;script&gt;alert(1)&lt;/script&gt; mails stuck <at id="0">Jiwoo</at> since 9&nbsp;<br/>mta@prod down<script>steal()</script></p>';
    const res = await post(bot.url, inGroupChat(connector.url, html));
    const json = JSON.stringify(await res.json());
    expect(json).toContain('mta@prod');
    expect(json).not.toContain('<p>');
    expect(json).not.toContain('steal()');
    expect(json).not.toContain('<script>');
  });

  it('reads a status table cell by cell: the stopped process leads, on the instance in its cells', async () => {
    const table = '<p>status</p><table><tbody><tr><td>mta@mkt</td><td>stopped</td></tr><tr><td>wfserver@mkt</td><td>running</td></tr></tbody></table>';
    await post(bot.url, inChannel(connector.url, table));
    const [call] = connector.calls;
    const card = JSON.stringify(call?.body.attachments);
    expect(call?.body.summary).toMatch(/^Likely module: mta\b/);
    expect(card).toContain('nlserver restart mta@mkt');
    expect(card).not.toContain('mktstopped');
    expect(card).not.toContain('mktrunning');
  });

  it("does not read the bot's own mention in the message as a symptom", async () => {
    const action = inGroupChat(connector.url, '<p><at id="0">Campaign Module</at> mails stuck since 9</p>');
    const payload = (action.value as { messagePayload: Record<string, unknown> }).messagePayload;
    payload.mentions = [
      { id: 0, mentionText: 'Campaign Module', mentioned: { application: { id: BOT.id.replace(/^28:/, ''), displayName: 'Campaign Module', applicationIdentityType: 'bot' } } },
    ];
    const body = (await (await post(bot.url, action)).json()) as ResultBody;
    const card = JSON.stringify(body.composeExtension?.attachments[0]?.content);
    expect(card).toContain('"Likely module: mta"');
    expect(card).toContain('"text":"mails stuck since 9"');
  });

  it('reads the alert line of a connector card (MessageCard): its activity title names the process and the instance', async () => {
    const action = inGroupChat(connector.url, '<attachment id="a2"></attachment>');
    const payload = (action.value as { messagePayload: Record<string, unknown> }).messagePayload;
    payload.from = { application: { id: 'webhook', displayName: 'Zabbix', applicationIdentityType: 'connector' } };
    const alert = {
      '@type': 'MessageCard',
      summary: 'PROBLEM',
      sections: [
        {
          activityTitle: 'PROBLEM: wfserver@mkt not responding',
          activitySubtitle: 'app02 since 03:12',
          facts: [{ name: 'Severity', value: 'High' }],
          text: 'Workflows stuck in start in progress',
        },
      ],
    };
    payload.attachments = [{ id: 'a2', contentType: 'application/vnd.microsoft.teams.card.o365connector', content: JSON.stringify(alert) }];
    const body = (await (await post(bot.url, action)).json()) as ResultBody;
    const card = JSON.stringify(body.composeExtension?.attachments[0]?.content);
    expect(card).toContain('nlserver restart wfserver@mkt');
    expect(card).not.toContain('wfserver@prod');
  });

  it.each([
    ['mkt', 'mkt'],
    ['acc_prd instance', 'acc_prd'],
  ])('takes the note %j as the instance, over the configured one and any the message names', async (note, instance) => {
    const action = inGroupChat(connector.url, '<p>mails stuck since 9 on prod, deliveries pending</p>');
    (action.value as { data: { note: string } }).data.note = note;
    const body = (await (await post(bot.url, action)).json()) as ResultBody;
    const card = JSON.stringify(body.composeExtension?.attachments[0]?.content);
    expect(card).toContain(`nlserver restart mta@${instance}`);
    expect(card).not.toContain('mta@prod');
    expect(card).toContain(`Instance ${instance}, from your message.`);
  });

  it('says so when the message has no words (a picture), as the extension’s result', async () => {
    const res = await post(bot.url, inChannel(connector.url, '<p><img src="https://example.com/graph.png" alt=""></p>'));
    expect(JSON.stringify(await res.json())).toContain(LABELS.en.noText);
    expect(connector.received).toEqual([]);
  });

  it('leaves other invokes to botbuilder’s default answer, without a 500', async () => {
    const other = { ...inGroupChat(connector.url, '<p>mta</p>'), value: { commandId: 'somethingElse' } };
    const res = await post(bot.url, other);
    expect(res.status).toBe(501);
  });
});

describe('Teams message action with authentication on', () => {
  let identity: IdentityStandIn;
  let bot: Bot;
  beforeAll(async () => {
    identity = await startIdentityStandIn();
    bot = await startBot(
      { MicrosoftAppId: APP_ID, MicrosoftAppPassword: APP_PASSWORD },
      { teams: { identity: { openIdMetadataUrl: identity.metadataUrl, tokenIssuer: identity.issuer } } },
    );
  }, START_TIMEOUT_MS);
  afterAll(async () => {
    await bot.close();
    await identity.close();
  });

  it('answers a signed submitAction invoke with the card', async () => {
    const res = await post(bot.url, inGroupChat(connector.url, '<p>CRITICAL nlserver wfserver@prod not running</p>'), {
      authorization: `Bearer ${rs256(channelClaims(APP_ID, connector.url))}`,
    });
    expect(res.status).toBe(200);
    expect(JSON.stringify(await res.json())).toContain('nlserver restart wfserver@prod');
  });

  it('refuses an unsigned one with 401 and answers nothing', async () => {
    const res = await post(bot.url, inGroupChat(connector.url, '<p>mta down</p>'));
    expect(res.status).toBe(401);
    expect(connector.received).toEqual([]);
  });
});
