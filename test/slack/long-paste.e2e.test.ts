import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from './bot-harness.js';
import { appMention, eventCallback, postSigned, slashCommand } from './requests.js';

// Pasting the log is what people do: Slack carries messages of up to 40 000 characters, and the
// bot reads them instead of refusing them.
let bot: RunningBot;
beforeAll(async () => {
  bot = await startBot();
});
afterAll(async () => {
  await bot.stop();
});

function logPaste(chars: number): string {
  const lines = ['nothing leaves since 3am, tail of mta.log:'];
  for (let i = 0; lines.join('\n').length < chars; i += 1) {
    lines.push(`2026-12-06 03:${String(i % 60).padStart(2, '0')}:11 mtachild (${2000 + i}) message ${9000 + i} queued for delivery`);
    if (i === 150) lines.push('2026-12-06 03:12:01 ERROR errno=18, Invalid cross-device link');
  }
  return lines.join('\n').slice(0, chars);
}

describe('Slack: long pastes', () => {
  it('answers a 40 000-character slash command with a diagnosis, not a refusal', async () => {
    const text = logPaste(40_000);
    expect(text.length).toBe(40_000);
    const res = await postSigned(bot.eventsUrl, slashCommand(text, bot.api.responseUrl('cmd')));
    expect(res.status).toBe(200);
    const body = JSON.stringify(await res.json());
    expect(body).toContain('nlserver restart mta@&lt;instance&gt;');
    expect(body).not.toContain('too long');
  });

  it('answers a 40 000-character mention in its thread', async () => {
    bot.api.reset();
    await postSigned(bot.eventsUrl, eventCallback(appMention(`<@UBOT> ${logPaste(39_990)}`)));
    const [post] = await bot.api.waitFor('chat.postMessage', 1);
    expect(JSON.stringify(post?.body)).toContain('nlserver restart mta@&lt;instance&gt;');
  });
});
