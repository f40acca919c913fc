import type { InvokeResponse, TurnContext } from 'botbuilder';
import type { Reply } from '../core/reply.js';
import type { Logger } from '../logger.js';
import type { Triage } from '../core/triage.js';
import { renderTeams, type TeamsMessage } from './card.js';
import { isConnectorTimeout } from './connector-http.js';
import { langFromLocale } from './conversation.js';
import { teamsErrorFields } from './error-fields.js';
import { cardResult, readMessageAction, threadConversationId } from './message-action.js';
import { namedByTheAsker } from './note-instance.js';

export interface MessageActionDeps {
  triage: Triage;
  instance?: string | undefined;
  instances?: readonly string[] | undefined;
  log: Logger;
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
  const message = renderTeams(reply, { instance: deps.instance, knowledge: deps.triage.knowledge });
  const channel = channelOf(context);
  const findings = reply.kind !== 'help' && reply.kind !== 'invalid';
  if (channel && action.threadRootId && findings) {
    const client = context.turnState.get<ThreadPoster>(context.adapter.ConnectorClientKey);
    try {
      await client.conversations.sendToConversation(threadConversationId(channel, action.threadRootId), deps.cardActivity(message));
      deps.log.info('teams: message action answered', { kind: reply.kind, where: 'thread' });
      return { status: 200 };
    } catch (error) {
      // A post that timed out may have landed: answering again as a card would show it twice.
      if (isConnectorTimeout(error)) throw error;
      // Any other refusal means nothing was posted: the card goes back to the person who asked, not an apology to the channel.
      if (isOutsideTeam(error)) deps.log.info('teams: bot not in the team, answering as the extension card', teamsErrorFields(error));
      else deps.log.warn('teams: could not post in the thread, answering as the extension card', teamsErrorFields(error));
    }
  }
  deps.log.info('teams: message action answered', { kind: reply.kind, where: 'card' });
  return { status: 200, body: cardResult(message) };
}
