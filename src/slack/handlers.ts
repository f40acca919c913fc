import type { App, Middleware, AnyMiddlewareArgs } from '@slack/bolt';
import { answeredOf, type FeedbackSink } from '../core/feedback.js';
import { detectLanguage } from '../core/language.js';
import type { Reply, ReplyOptions } from '../core/reply.js';
import type { Triage } from '../core/triage.js';
import type { SlackConfig } from '../config.js';
import type { Logger } from '../logger.js';
import { renderSlack, renderSlackError, type SlackMessage, type SlackRenderOptions } from './blocks.js';
import { isDirectMessage, replyThreadTs } from './reply-thread.js';
import { registerAlertChannels } from './alert-channels.js';
import { registerAppHome } from './app-home.js';
import { registerButtonHandlers } from './button-handlers.js';
import { createMemoryDedupe, type EventDedupe } from '../event-dedupe.js';
import { registerMessageShortcut } from './message-shortcut.js';
import { answerClaim, releaseAnswerClaim } from './answer-claim.js';
import { answerThreadQuestion } from './thread-question.js';
import { stripSlackMention } from './strip-mention.js';
import { SLASH_COMMAND } from './request-url.js';

export interface SlackHandlerDeps {
  config: SlackConfig;
  instance?: string;
  /** CAMPAIGN_INSTANCES, shown on the Home tab. */
  instances?: string[];
  triage: Triage;
  feedback: FeedbackSink;
  log: Logger;
  /** Which events were already answered; in memory unless a shared store is given. */
  dedupe?: EventDedupe;
}

/** Usage help and refusals: for the asker alone, however they asked. */
export function isForAskerOnly(reply: Reply): boolean {
  return reply.kind === 'help' || reply.kind === 'invalid';
}

/**
 * Where a slash command's answer goes. Findings go where the incident team reads; usage, refusals, how-to
 * answers and "not a module problem" concern the asker alone (a mention's thread is already the asker's).
 */
export function responseTypeFor(reply: Reply, configured: SlackConfig['responseType']): 'in_channel' | 'ephemeral' {
  if (isForAskerOnly(reply) || reply.kind === 'howto') return 'ephemeral';
  if (reply.kind === 'diagnosis' && reply.diagnosis.module === null) return 'ephemeral';
  return configured;
}

interface MessageLike {
  text?: string;
  user?: string;
  ts?: string;
  thread_ts?: string;
  channel?: string;
  channel_type?: string;
  subtype?: string;
  bot_id?: string;
  bot_profile?: unknown;
}

/** Message subtypes a person writes: none, a message with a file or snippet, a thread reply also sent to the conversation. */
export const PERSON_SUBTYPES = new Set([undefined, 'file_share', 'thread_broadcast']);

/** Bots never get answers: two bots answering each other would never stop. */
function isFromBot(event: MessageLike): boolean {
  return event.bot_id !== undefined || event.bot_profile !== undefined || event.subtype === 'bot_message';
}

/** Drops a redelivered event (same event_id), and the second event Slack sends for one message (a mention in a DM arrives as app_mention and message.im). */
function dropRepeats(dedupe: EventDedupe, log: Logger): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const eventId = 'event_id' in body && typeof body.event_id === 'string' ? body.event_id : undefined;
    const event = ('event' in body ? body.event : undefined) as MessageLike | undefined;
    // A channel message is read only as a possible alert; claiming it would drop the app_mention Slack sends for the same message.
    const isChannelMessage = (event as { type?: string } | undefined)?.type === 'message' && event?.channel_type !== 'im';
    const messageKey = event?.channel && event.ts && !isChannelMessage ? `message:${event.channel}:${event.ts}` : undefined;
    const firstSighting = (eventId === undefined || (await dedupe.claim(`event:${eventId}`))) && (messageKey === undefined || (await dedupe.claim(messageKey)));
    if (!firstSighting) {
      log.info('slack: dropped repeated event', { eventId, retryNum: context.retryNum, retryReason: context.retryReason });
      return;
    }
    await next();
  };
}

/** Wires the slash command, mentions, direct messages and buttons onto a Bolt app (errors: see app.ts). */
export function registerSlackHandlers(app: App, deps: SlackHandlerDeps): void {
  const { triage, log } = deps;
  const renderOptions: SlackRenderOptions = { knowledge: triage.knowledge, ...(deps.instance && { instance: deps.instance }) };
  type Via = 'command' | 'mention' | 'dm' | 'shortcut' | 'thread';
  // Logged and recorded once Slack took the answer. The log says what was answered, never what was asked: questions can hold customer data.
  const answered = (reply: Reply, via: Via): void => {
    const diagnosis = reply.kind === 'diagnosis' ? { module: reply.diagnosis.module, confidence: reply.diagnosis.confidence } : {};
    log.info('slack: answered', { via, kind: reply.kind, lang: reply.lang, ...diagnosis });
    const record = answeredOf(reply, 'slack');
    if (record) deps.feedback.answered(record);
  };
  const answer = (text: string, options?: ReplyOptions): { reply: Reply; message: SlackMessage } => {
    const reply = triage.reply(text, options);
    return { reply, message: renderSlack(reply, renderOptions) };
  };

  const dedupe = deps.dedupe ?? createMemoryDedupe({ onOverflow: (info) => log.warn('slack: event dedupe is full, forgetting the oldest events early', info) });
  app.use(dropRepeats(dedupe, log));

  // Slack shows an error unless the command is acknowledged within 3 s, so the answer travels in the ack itself.
  app.command(SLASH_COMMAND, async ({ command, ack }) => {
    let reply: Reply;
    let message: SlackMessage;
    try {
      ({ reply, message } = answer(command.text ?? ''));
    } catch (error) {
      // The user still gets an answer in time; Bolt's error handler logs the cause.
      await ack({ response_type: 'ephemeral', ...renderSlackError(detectLanguage(command.text ?? '')) });
      throw error;
    }
    await ack({ response_type: responseTypeFor(reply, deps.config.responseType), ...message });
    answered(reply, 'command');
  });

  const deliver = async (event: MessageLike, message: SlackMessage, privately: boolean, threadTs: string | undefined, client: App['client']) => {
    if (!event.channel) return;
    const post = { channel: event.channel, ...message, unfurl_links: false, unfurl_media: false };
    // A direct message is already private; in a channel, usage and refusals go to the asker alone, the rest in the thread.
    if (privately && !isDirectMessage(event) && event.user) {
      // Slack shows an ephemeral reply in a thread only if that thread already exists.
      await client.chat.postEphemeral({ ...post, user: event.user, ...(event.thread_ts && { thread_ts: event.thread_ts }) });
      return;
    }
    await client.chat.postMessage({ ...post, ...(threadTs && { thread_ts: threadTs }) });
  };

  const answerMessage = async (event: MessageLike, botUserId: string | undefined, threadTs: string | undefined, client: App['client']) => {
    if (isFromBot(event) || !event.channel) return;
    const { reply, message } = answer(stripSlackMention(event.text ?? '', botUserId));
    const privately = isForAskerOnly(reply);
    // A card in the mention's thread answers that message: the shortcut run on it later says so instead of posting another.
    const claim = !privately && !isDirectMessage(event) && event.ts ? answerClaim(event.channel, event.ts) : undefined;
    if (claim) await dedupe.claim(claim);
    try {
      await deliver(event, message, privately, threadTs, client);
    } catch (error) {
      if (claim) await releaseAnswerClaim(dedupe, claim, error);
      throw error;
    }
    answered(reply, isDirectMessage(event) ? 'dm' : 'mention');
  };

  app.event('app_mention', async ({ event, context, client }) => {
    const threadTs = replyThreadTs(event);
    const thread = {
      triage,
      client,
      botUserId: context.botUserId,
      botId: context.botId,
      log,
      answer,
      answered: (reply: Reply) => answered(reply, 'thread'),
      deliver: (message: SlackMessage, privately: boolean) => deliver(event, message, privately, threadTs, client),
      isForAskerOnly,
    };
    if (!isFromBot(event) && (await answerThreadQuestion(event, thread))) return;
    await answerMessage(event, context.botUserId, threadTs, client);
  });

  app.event('message', async ({ event, context, client }) => {
    const message = event as MessageLike;
    // Only a person's messages in a DM with the bot (with a file or snippet attached, or also sent to the conversation, too); edits, joins and channel chatter are not questions.
    if (message.channel_type !== 'im' || !PERSON_SUBTYPES.has(message.subtype)) return;
    await answerMessage(message, context.botUserId, message.thread_ts, client);
  });

  registerButtonHandlers(app, { triage, feedback: deps.feedback, log, renderOptions, dedupe });
  registerMessageShortcut(app, { triage, answered, isForAskerOnly, renderOptions, dedupe });
  registerAlertChannels(app, { config: deps.config, triage, renderOptions, log, dedupe });
  registerAppHome(app, { modules: triage.knowledge.modules, instance: deps.instance, instances: deps.instances, alertChannels: deps.config.alertChannels });
}
