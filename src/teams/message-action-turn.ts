import type { InvokeResponse, TurnContext } from 'botbuilder';
import type { Reply } from '../core/reply.js';
import type { Logger } from '../logger.js';
import type { Triage } from '../core/triage.js';
import type { EventDedupe } from '../event-dedupe.js';
import { timeLeft } from './answer-deadline.js';
import { renderTeams, type TeamsMessage } from './card.js';
import { isConnectorTimeout } from './connector-http.js';
import { langFromLocale } from './conversation.js';
import { teamsErrorFields } from './error-fields.js';
import { cardResult, readMessageAction, threadConversationId, type MessageAction } from './message-action.js';
import { namedByTheAsker } from './note-instance.js';
import { type Settled, settleWithin } from './settle-within.js';
import { logDroppedAnswer } from './turn-error.js';
import { userIdOf } from './user-id.js';
import { shortDigest } from './short-digest.js';

export interface MessageActionDeps {
  triage: Triage;
  instance?: string | undefined;
  instances?: readonly string[] | undefined;
  log: Logger;
  /** Activity ids already answered, shared by replicas. */
  dedupe: EventDedupe;
  /** Claims a key for a short while (repeat-guard.ts). */
  claimRepeat(key: string): Promise<boolean>;
  /** Builds the message activity for a card (bot.ts owns the botbuilder values). */
  cardActivity(message: TeamsMessage): object;
}

/** The part of botbuilder's connector client (in the turn's state) used to post in a thread. */
interface ThreadPoster {
  conversations: { sendToConversation(conversationId: string, activity: object): Promise<unknown> };
}

/** Teams answers a post to a conversation the bot is not a member of with 403 (BotNotInConversationRoster) or 404. */
function isOutsideTeam(error: unknown): boolean {
  const status = (error as { statusCode?: unknown }).statusCode;
  return status === 403 || status === 404;
}

/** The channel a message action came from, when it came from a channel (chats have no threads). */
function channelOf(context: TurnContext): string | undefined {
  const { activity } = context;
  if (activity.conversation?.conversationType !== 'channel') return undefined;
  const fromData = (activity.channelData as { channel?: { id?: unknown } } | undefined)?.channel?.id;
  return typeof fromData === 'string' && fromData !== '' ? fromData : activity.conversation.id;
}

/**
 * False when this ask was already taken: the same activity, or the same person asking about the
 * same message with the same words (Teams may resend an invoke under a new id).
 */
async function isFirstAsk(context: TurnContext, deps: MessageActionDeps, channel: string, action: MessageAction): Promise<boolean> {
  const { id } = context.activity;
  if (id && !(await deps.dedupe.claim(`teams:${id}`))) return false;
  const words = shortDigest(action.text);
  return deps.claimRepeat(`teams:ask:${channel.split(';')[0]}:${action.messageId}:${userIdOf(context.activity) ?? '-'}:${words}`);
}

function logLatePost(log: Logger, post: Settled): void {
  if (post.kind === 'done') log.info('teams: message action card posted in the thread after the invoke was answered');
  else if (isConnectorTimeout(post.error)) logDroppedAnswer(log, post.error, 'invoke');
  else log.warn('teams: message action card not posted in the thread after the invoke was answered', teamsErrorFields(post.error));
}

/**
 * "Ask campaign-module" on a message (`composeExtension/submitAction`): diagnoses the message and
 * answers in its thread when the bot is in the team; otherwise (not a member, or the post refused),
 * and in chats, the card comes back as the extension's result for the person to send. Undefined:
 * not this command.
 */
export async function answerMessageAction(context: TurnContext, deps: MessageActionDeps): Promise<InvokeResponse | undefined> {
  const knownInstances = [...(deps.instances ?? []), ...(deps.instance ? [deps.instance] : [])];
  const action = readMessageAction(context.activity.value, { bot: context.activity.recipient, knownInstances });
  if (!action) return undefined;
  const reply: Reply =
    action.text === ''
      ? { kind: 'invalid', lang: langFromLocale(context.activity.locale), reason: 'no-text' }
      : namedByTheAsker(deps.triage.reply(action.text, action.instance ? { instances: { flag: action.instance } } : {}));
  const render = (submitButtons: boolean): TeamsMessage => renderTeams(reply, { instance: deps.instance, knowledge: deps.triage.knowledge, submitButtons });
  const channel = channelOf(context);
  const findings = reply.kind !== 'help' && reply.kind !== 'invalid';
  if (channel && action.threadRootId && findings) {
    // A result card posts nothing, so only the thread post needs guarding against a repeat.
    if (!(await isFirstAsk(context, deps, channel, action))) {
      deps.log.info('teams: dropped a repeated message action');
      return { status: 200 };
    }
    const client = context.turnState.get<ThreadPoster>(context.adapter.ConnectorClientKey);
    const post = client.conversations.sendToConversation(threadConversationId(channel, action.threadRootId), deps.cardActivity(render(true)));
    const outcome = await settleWithin(post, timeLeft(context));
    if (outcome.kind === 'done') {
      deps.log.info('teams: message action answered', { kind: reply.kind, where: 'thread' });
      return { status: 200 };
    }
    if (outcome.kind === 'still-running') {
      // Teams resends an invoke it has no answer to within 5 s. The post may yet land, so the card is
      // not also returned as the result: the dialog closes and the post finishes on its own.
      void outcome.settled.then((late) => logLatePost(deps.log, late));
      deps.log.info('teams: message action answered before its thread post finished', { kind: reply.kind });
      return { status: 200 };
    }
    // A post that timed out may have landed: answering again as a card would show it twice.
    if (isConnectorTimeout(outcome.error)) throw outcome.error;
    // Any other refusal means nothing was posted: the card goes back to the person who asked, not an apology to the channel.
    if (isOutsideTeam(outcome.error)) deps.log.info('teams: bot not in the team, answering as the extension card', teamsErrorFields(outcome.error));
    else deps.log.warn('teams: could not post in the thread, answering as the extension card', teamsErrorFields(outcome.error));
  }
  deps.log.info('teams: message action answered', { kind: reply.kind, where: 'card' });
  // The person sends this card as their own message: its buttons would come back as invokes the bot cannot answer in that conversation.
  return { status: 200, body: cardResult(render(false)) };
}
