import type { App } from '@slack/bolt';
import type { Reply } from '../core/reply.js';
import type { Triage } from '../core/triage.js';
import type { Logger } from '../logger.js';
import { escapeSlack } from '../render/escape.js';
import { labelsFor } from '../render/labels.js';
import { section } from './block-kit.js';
import type { SlackMessage } from './blocks.js';
import { slackMessageText } from './message-text.js';
import { neededScope, slackErrorCode } from './slack-error.js';
import { stripSlackMention } from './strip-mention.js';

/** The thread's most recent messages read when its first message is not about Campaign. */
export const RECENT_THREAD_MESSAGES = 10;
/** conversations.replies pages read at most (200 messages each): enough for any incident thread, bounded for a runaway one. */
const MAX_PAGES = 5;

type Answered = { reply: Reply; message: SlackMessage };

export interface MentionInThread {
  text?: string;
  ts?: string;
  thread_ts?: string;
  channel?: string;
  user?: string;
}

interface ThreadMessage {
  ts?: string;
  user?: string;
  bot_id?: string;
  text?: unknown;
  attachments?: unknown;
  blocks?: unknown;
}

export interface ThreadQuestionDeps {
  triage: Triage;
  client: App['client'];
  botUserId: string | undefined;
  botId: string | undefined;
  log: Logger;
  /** Triage and render one text, logging what was answered (see handlers.ts). */
  answer(text: string): Answered;
  /** Posts in the thread, or to the asker alone in it. */
  deliver(message: SlackMessage, privately: boolean): Promise<void>;
  isForAskerOnly(reply: Reply): boolean;
}

/** A mention that asks nothing itself ("@campaign-module", "^", "what do you think?"): no module, how-to or topic in its own words. */
export function asksNothing(reply: Reply): boolean {
  if (reply.kind === 'help') return true;
  if (reply.kind === 'invalid') return reply.reason !== 'too-long';
  return reply.kind === 'diagnosis' && reply.diagnosis.module === null && (reply.diagnosis.reason === 'off-topic' || reply.diagnosis.reason === 'unsure');
}

async function readThread(client: App['client'], channel: string, threadTs: string): Promise<ThreadMessage[]> {
  const messages: ThreadMessage[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const result = await client.conversations.replies({ channel, ts: threadTs, limit: 200, ...(cursor && { cursor }) });
    messages.push(...((result.messages ?? []) as ThreadMessage[]));
    cursor = result.response_metadata?.next_cursor;
    if (!result.has_more || !cursor) break;
  }
  return messages;
}

/** What the bot reads in a thread: its first message, or when that says nothing about Campaign, the latest messages of people and other bots. */
export function threadQuestion(
  messages: readonly ThreadMessage[],
  thread: { threadTs: string; mentionTs: string | undefined },
  deps: Pick<ThreadQuestionDeps, 'triage' | 'botUserId' | 'botId'>,
): string {
  const isOurs = (m: ThreadMessage) => (deps.botId !== undefined && m.bot_id === deps.botId) || (deps.botUserId !== undefined && m.user === deps.botUserId);
  const first = messages.find((m) => m.ts === thread.threadTs);
  const firstText = first ? stripSlackMention(slackMessageText(first), deps.botUserId) : '';
  if (firstText !== '' && !asksNothing(deps.triage.reply(firstText))) return firstText;
  const recent = messages.filter((m) => m.ts !== thread.mentionTs && !isOurs(m)).slice(-RECENT_THREAD_MESSAGES);
  const recentText = recent.map((m) => stripSlackMention(slackMessageText(m), deps.botUserId)).filter((t) => t !== '');
  return recentText.length > 0 ? recentText.join('\n') : firstText;
}

/** The one sentence a bare mention gets when the workspace did not grant the history scopes. */
function missingScopeMessage(error: unknown, reply: Reply): SlackMessage {
  const scopes = (neededScope(error) ?? 'channels:history,groups:history')
    .split(',')
    .map((scope) => `\`${escapeSlack(scope.trim())}\``)
    .join(', ');
  const text = labelsFor(reply.lang).missingScope(scopes);
  return { text, blocks: [section(text)] };
}

/**
 * A bare mention in a thread asks about the thread: reads it (conversations.replies, which needs
 * channels:history or groups:history) and answers what it says. Returns false when the mention
 * is not one, so it is answered as usual.
 */
export async function answerThreadQuestion(event: MentionInThread, deps: ThreadQuestionDeps): Promise<boolean> {
  const { thread_ts: threadTs, channel } = event;
  if (!threadTs || threadTs === event.ts || !channel) return false;
  const own = deps.triage.reply(stripSlackMention(event.text ?? '', deps.botUserId));
  if (!asksNothing(own)) return false;
  let messages: ThreadMessage[];
  try {
    messages = await readThread(deps.client, channel, threadTs);
  } catch (error) {
    const code = slackErrorCode(error);
    if (code === undefined) throw error;
    if (code !== 'missing_scope') {
      // Slack refused the read (thread_not_found, a deleted parent…): the mention is still answered, as any other.
      deps.log.warn('slack: could not read the thread, answering the mention alone', { slackError: code });
      return false;
    }
    // Something for whoever installs the app, not the thread: the asker alone sees it.
    await deps.deliver(missingScopeMessage(error, own), true);
    return true;
  }
  const { reply, message } = deps.answer(threadQuestion(messages, { threadTs, mentionTs: event.ts }, deps));
  await deps.deliver(message, deps.isForAskerOnly(reply));
  return true;
}
