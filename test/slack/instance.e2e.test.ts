import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeShowModule } from '../../src/slack/actions.js';
import { startBot, type RunningBot } from './bot-harness.js';
import { appMention, blockActions, eventCallback, postSigned, slashCommand } from './requests.js';

// People run what the card says: in Slack too, the commands use the instance the message names,
// over CAMPAIGN_INSTANCE, and a candidate clicked from that card keeps it.
let bot: RunningBot;
beforeAll(async () => {
  bot = await startBot({ CAMPAIGN_INSTANCE: 'prod' });
});
afterAll(async () => {
  await bot.stop();
});

type Body = { text: string; blocks: Array<Record<string, any>> };
const buttonsOf = (body: Body) =>
  body.blocks.flatMap((b) => (b.type === 'actions' ? b.elements : b.accessory ? [b.accessory] : [])) as Array<{ action_id: string; value?: string }>;

describe('Slack: the instance the message names', () => {
  it('fills mkt into a slash-command answer although prod is configured, and says why', async () => {
    const res = await postSigned(bot.eventsUrl, slashCommand('mails are no longer sent on the mkt instance', bot.api.responseUrl('cmd')));
    const body = (await res.json()) as Body;
    const text = JSON.stringify(body);
    expect(text).toContain('nlserver restart mta@mkt');
    expect(text).not.toContain('mta@prod');
    expect(text).toContain('Instance mkt, from your message.');

    const candidate = buttonsOf(body).find((b) => b.action_id.startsWith('show_module') && decodeShowModule(b.value)?.module !== 'mta');
    expect(decodeShowModule(candidate?.value)).toMatchObject({ instance: 'mkt' });
    await postSigned(bot.eventsUrl, blockActions({ action_id: candidate?.action_id ?? '', value: candidate?.value ?? '' }, bot.api.responseUrl('click'), body));
    const [clicked] = await bot.api.waitFor('response_url', 1);
    const card = JSON.stringify(clicked?.body);
    expect(card).toContain('@mkt');
    expect(card).not.toContain('@prod');
  });

  it('uses the configured instance in a mention that names none', async () => {
    bot.api.reset();
    await postSigned(bot.eventsUrl, eventCallback(appMention('<@UBOT> emails stuck in pending since 9')));
    const [post] = await bot.api.waitFor('chat.postMessage', 1);
    const text = JSON.stringify(post?.body);
    expect(text).toContain('nlserver restart mta@prod');
    expect(text).toContain('Instance prod, the configured default.');
  });
});
