import type { App, MessageShortcut } from '@slack/bolt';
import { detectLanguage } from '../core/language.js';
import type { Reply } from '../core/reply.js';
import type { Triage } from '../core/triage.js';
import type { EventDedupe } from '../event-dedupe.js';
import { escapeSlack } from '../render/escape.js';
import { labelsFor } from '../render/labels.js';
import { fitBlocks, section } from './block-kit.js';
import { renderSentence, renderSlack, type SlackMessage, type SlackRenderOptions } from './blocks.js';
import { isAllClear } from './all-clear.js';
import { answerClaim, releaseAnswerClaim } from './answer-claim.js';
import { slackMessageText } from './message-text.js';
import { isOutsideChannel } from './slack-error.js';

/** The callback id of "Ask campaign-module" in manifest.json's shortcuts. */
export const ASK_SHORTCUT_CALLBACK_ID = 'ask_campaign_module';

export interface MessageShortcutDeps {
  triage: Pick<Triage, 'reply'>;
  /** Logs and records an answer Slack took (see handlers.ts). */
  answered(reply: Reply, via: 'shortcut'): void;
  /** Usage and refusals go to the clicker alone. */
  isForAskerOnly(reply: Reply): boolean;
  renderOptions: SlackRenderOptions;
  /** Shared with the alert channels (and the replicas): one card per message. */
  dedupe: EventDedupe;
}

/** The answer for the clicker alone, saying why it is not in the thread and how to fix that. */
function withInviteNote(message: SlackMessage, reply: Reply): SlackMessage {
  return { text: message.text, blocks: fitBlocks([section(escapeSlack(labelsFor(reply.lang).notInChannel)), ...message.blocks]) };
}

/**
 * "Ask campaign-module" on any message: diagnoses that message (alerts' attachments and blocks
 * included) and answers in its thread. Needs only the `commands` scope; where the bot may not
 * post, the clicker gets the answer through the shortcut's response_url, which works anywhere.
 */
export function registerMessageShortcut(app: App, deps: MessageShortcutDeps): void {
  app.shortcut<MessageShortcut>({ callback_id: ASK_SHORTCUT_CALLBACK_ID, type: 'message_action' }, async ({ shortcut, ack, client, respond, context }) => {
    // Slack shows an error unless the shortcut is acknowledged within 3 s.
    await ack();
    // Bolt does not check the payload's shape: a message or channel may be missing from a malformed one.
    const source = (shortcut.message ?? {}) as Partial<MessageShortcut['message']>;
    const text = slackMessageText(source);
    const privately = (shown: SlackMessage) => respond({ response_type: 'ephemeral', replace_original: false, ...shown });
    // Run on the bot's own card, the triage would read the card and post a second one under it.
    if ((source.bot_id !== undefined && source.bot_id === context.botId) || (source.user !== undefined && source.user === context.botUserId)) {
      await privately(renderSentence(labelsFor(detectLanguage(text)).ownAnswer));
      return;
    }
    if (isAllClear(text)) {
      // A recovery's "OK - mta@prod is running" would otherwise read as a module to start.
      await privately(renderSentence(labelsFor(detectLanguage(text)).allClear));
      return;
    }
    // A picture or a file alone: there is nothing to read, and usage help would not say so.
    if (text === '') {
      await privately(renderSlack({ kind: 'invalid', lang: 'en', reason: 'no-text' }, deps.renderOptions));
      return;
    }
    const reply = deps.triage.reply(text);
    const channel = (shortcut.channel as { id?: unknown } | undefined)?.id;
    const message = renderSlack(reply, deps.renderOptions);
    if (deps.isForAskerOnly(reply) || typeof channel !== 'string' || typeof source.ts !== 'string') {
      await privately(message);
      deps.answered(reply, 'shortcut');
      return;
    }
    const claim = answerClaim(channel, source.ts);
    if (!(await deps.dedupe.claim(claim))) {
      await privately(renderSentence(labelsFor(reply.lang).alreadyAnswered));
      return;
    }
    try {
      await client.chat.postMessage({
        channel,
        thread_ts: typeof source.thread_ts === 'string' ? source.thread_ts : source.ts,
        ...message,
        unfurl_links: false,
        unfurl_media: false,
      });
    } catch (error) {
      await releaseAnswerClaim(deps.dedupe, claim, error);
      if (!isOutsideChannel(error)) throw error;
      await privately(withInviteNote(message, reply));
    }
    deps.answered(reply, 'shortcut');
  });
}
