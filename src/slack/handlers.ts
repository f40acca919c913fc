import type { App, BlockAction, ButtonAction, Middleware, AnyMiddlewareArgs, RespondFn } from '@slack/bolt';
import type { FeedbackSink } from '../core/feedback.js';
import { detectLanguage } from '../core/language.js';
import type { Reply } from '../core/reply.js';
import type { Triage } from '../core/triage.js';
import type { SlackConfig } from '../config.js';
import type { Logger } from '../logger.js';
import { escapeSlack } from '../render/escape.js';
import { labelsFor } from '../render/labels.js';
import { actionPattern, decodeFeedback, decodeShowModule, SLACK_ACTIONS } from './actions.js';
import { renderSlack, renderSlackError, type SlackMessage } from './blocks.js';
import { acknowledgeFeedback, type ReturnedBlock } from './feedback-ack.js';
import { createEventDedupe, type EventDedupe } from './event-dedupe.js';
import { stripSlackMention } from './strip-mention.js';

export const SLASH_COMMAND = '/campaign-module';

export interface SlackHandlerDeps {
  config: SlackConfig;
  instance?: string;
  triage: Triage;
  feedback: FeedbackSink;
  log: Logger;
  dedupe?: EventDedupe;
}

/** Usage and refusals are for the asker only; real answers go where the incident team reads. */
export function responseTypeFor(reply: Reply, configured: SlackConfig['responseType']): 'in_channel' | 'ephemeral' {
  if (reply.kind === 'help' || reply.kind === 'invalid') return 'ephemeral';
  if (reply.kind === 'diagnosis' && reply.diagnosis.module === null) return 'ephemeral';
  return configured;
}

interface MessageLike {
  text?: string;
  ts?: string;
  thread_ts?: string;
  channel?: string;
  channel_type?: string;
  subtype?: string;
  bot_id?: string;
  bot_profile?: unknown;
}

/** Bots never get answers: two bots answering each other would never stop. */
export function isFromBot(event: MessageLike): boolean {
  return event.bot_id !== undefined || event.bot_profile !== undefined || event.subtype === 'bot_message';
}

/** Drops a redelivered event (same event_id), and the second event Slack sends for one message (a mention in a DM arrives as app_mention and message.im). */
function dropRepeats(dedupe: EventDedupe, log: Logger): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const eventId = 'event_id' in body && typeof body.event_id === 'string' ? body.event_id : undefined;
    const event = ('event' in body ? body.event : undefined) as MessageLike | undefined;
    const messageKey = event?.channel && event.ts ? `message:${event.channel}:${event.ts}` : undefined;
    const repeatedEvent = eventId !== undefined && dedupe.seen(`event:${eventId}`);
    const repeatedMessage = !repeatedEvent && messageKey !== undefined && dedupe.seen(messageKey);
    if (repeatedEvent || repeatedMessage) {
      log.info('slack: dropped repeated event', { eventId, retryNum: context.retryNum, retryReason: context.retryReason });
      return;
    }
    await next();
  };
}

/** Wires the slash command, mentions, direct messages and buttons onto a Bolt app (errors: see slack.ts). */
export function registerSlackHandlers(app: App, deps: SlackHandlerDeps): void {
  const { triage, log } = deps;
  const renderOptions = { knowledge: triage.knowledge, ...(deps.instance && { instance: deps.instance }) };
  // The log says what was answered, never what was asked: questions can hold customer data.
  const answer = (text: string, via: 'command' | 'mention' | 'dm'): { reply: Reply; message: SlackMessage } => {
    const reply = triage.reply(text);
    const diagnosis = reply.kind === 'diagnosis' ? { module: reply.diagnosis.module, confidence: reply.diagnosis.confidence } : {};
    log.info('slack: answered', { via, kind: reply.kind, lang: reply.lang, ...diagnosis });
    return { reply, message: renderSlack(reply, renderOptions) };
  };

  app.use(dropRepeats(deps.dedupe ?? createEventDedupe(), log));

  // Slack shows an error unless the command is acknowledged within 3 s, so the answer travels in the ack itself.
  app.command(SLASH_COMMAND, async ({ command, ack }) => {
    let response: SlackMessage & { response_type: 'in_channel' | 'ephemeral' };
    try {
      const { reply, message } = answer(command.text ?? '', 'command');
      response = { response_type: responseTypeFor(reply, deps.config.responseType), ...message };
    } catch (error) {
      // The user still gets an answer in time; Bolt's error handler logs the cause.
      await ack({ response_type: 'ephemeral', ...renderSlackError(detectLanguage(command.text ?? '')) });
      throw error;
    }
    await ack(response);
  });

  const answerMessage = async (event: MessageLike, botUserId: string | undefined, threadTs: string | undefined, post: App['client']['chat']['postMessage']) => {
    if (isFromBot(event) || !event.channel) return;
    const { message } = answer(stripSlackMention(event.text ?? '', botUserId), event.channel_type === 'im' ? 'dm' : 'mention');
    await post({ channel: event.channel, ...(threadTs && { thread_ts: threadTs }), ...message, unfurl_links: false, unfurl_media: false });
  };

  app.event('app_mention', async ({ event, context, client }) => {
    await answerMessage(event, context.botUserId, event.thread_ts ?? event.ts, client.chat.postMessage.bind(client.chat));
  });

  app.event('message', async ({ event, context, client }) => {
    const message = event as MessageLike;
    // Only plain messages in a DM with the bot; edits, joins and channel chatter are not questions.
    if (message.channel_type !== 'im' || message.subtype !== undefined) return;
    await answerMessage(message, context.botUserId, message.thread_ts, client.chat.postMessage.bind(client.chat));
  });

  app.action<BlockAction<ButtonAction>>(actionPattern(SLACK_ACTIONS.showModule), async ({ ack, action, respond }) => {
    await ack();
    const value = decodeShowModule(action.value);
    const module = value && triage.knowledge.byId.get(value.module);
    if (!value || !module) {
      log.warn('slack: ignored a show-module click with an unknown value', { value: action.value });
      return;
    }
    await respond({ replace_original: true, ...renderSlack({ kind: 'module', lang: value.lang, module }, renderOptions) });
  });

  const onFeedback = async ({ ack, action, body, respond }: { ack: () => Promise<void>; action: ButtonAction; body: BlockAction; respond: RespondFn }) => {
    await ack();
    const value = decodeFeedback(action.value);
    if (!value) {
      log.warn('slack: ignored a feedback click with an unknown value', { value: action.value });
      return;
    }
    await deps.feedback.record({ ...value, platform: 'slack', user: body.user.id, at: new Date() });
    const labels = labelsFor(value.lang);
    const thanks = value.verdict === 'helpful' ? labels.thanksHelpful : labels.thanksNotIt;
    const blocks = acknowledgeFeedback(body.message?.blocks as ReturnedBlock[] | undefined, value.verdict, value.lang, body.user.id);
    if (blocks) await respond({ replace_original: true, text: String(body.message?.text ?? thanks), blocks });
    else await respond({ response_type: 'ephemeral', replace_original: false, text: escapeSlack(thanks) });
  };
  app.action<BlockAction<ButtonAction>>(actionPattern(SLACK_ACTIONS.feedbackHelpful), onFeedback);
  app.action<BlockAction<ButtonAction>>(actionPattern(SLACK_ACTIONS.feedbackNotIt), onFeedback);
  // Link buttons open in the browser, but Slack still posts the click and wants it acknowledged.
  app.action(actionPattern(SLACK_ACTIONS.openDocs), async ({ ack }) => ack());
}
