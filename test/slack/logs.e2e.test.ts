import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitUntil } from '../wait.js';
import { startBot, type RunningBot } from './bot-harness.js';
import { appMention, blockActions, BOT_TOKEN, directMessage, eventCallback, postSigned, SIGNING_SECRET, slashCommand } from './requests.js';

/** A word nobody else would write: if it shows up in a log line, the question leaked into the logs. */
const MARKER = 'zebrafrost';

let bot: RunningBot;
beforeAll(async () => {
  // The harness logs at debug, as LOG_LEVEL=debug does: the level where libraries print payloads.
  bot = await startBot();
});
afterAll(async () => {
  await bot.stop();
});

describe('logs at LOG_LEVEL=debug', () => {
  it('never hold what was asked, nor a token or the signing secret', async () => {
    await postSigned(bot.eventsUrl, eventCallback(appMention(`<@UBOT> ${MARKER} emails stuck in pending`)));
    await postSigned(bot.eventsUrl, eventCallback(appMention(`<@UBOT> ${MARKER} where are we going for lunch?`)));
    await postSigned(bot.eventsUrl, eventCallback(directMessage(`${MARKER} workflows stuck in Start in progress`)));
    const command = await postSigned(bot.eventsUrl, slashCommand(`${MARKER} tracking logs are not coming in`, bot.api.responseUrl()));
    expect(command.status).toBe(200);
    await postSigned(bot.eventsUrl, blockActions({ action_id: 'show_module_0', value: 'stat|en' }, bot.api.responseUrl(), { text: `${MARKER} card`, blocks: [] }));
    await postSigned(bot.eventsUrl, blockActions({ action_id: 'show_module_0', value: `${MARKER}|en` }, bot.api.responseUrl()));
    bot.api.fail('chat.postMessage', { status: 200, error: 'invalid_blocks' });
    await postSigned(bot.eventsUrl, eventCallback(appMention(`<@UBOT> ${MARKER} mta is down`)));
    // Slack's own words about a failed call can quote the blocks it was sent, and so the question.
    const quoting = { response_metadata: { messages: [`[ERROR] bad text: ${MARKER} stat is down`, `[WARN] odd text: ${MARKER}`] } };
    bot.api.fail('chat.postMessage', { status: 200, error: 'invalid_blocks', fields: quoting });
    await postSigned(bot.eventsUrl, eventCallback(appMention(`<@UBOT> ${MARKER} stat is down`)));

    const failures = () => bot.logs.filter((l) => l.includes('slack: handler failed')).length;
    await waitUntil(() => failures() >= 2 && bot.api.calls.length >= 9, { what: 'every answer and both apologies' });
    // Slack's words were logged, without what they quoted.
    expect(bot.logs.some((l) => l.includes('bad text: [detail omitted]'))).toBe(true);
    // The libraries did log at debug, so the check below has something to look at.
    expect(bot.logs.some((l) => l.includes('"level":"debug"') && l.includes('http request body'))).toBe(true);
    for (const line of bot.logs) {
      expect(line).not.toContain(MARKER);
      expect(line).not.toContain(BOT_TOKEN);
      expect(line).not.toContain(SIGNING_SECRET);
    }
  });
});
