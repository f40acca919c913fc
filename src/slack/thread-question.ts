import type { App } from '@slack/bolt';
import type { Reply, ReplyOptions } from '../core/reply.js';
import { troubledClauses } from '../core/healthy-mentions.js';
import { asksSomething } from '../core/question-cue.js';
import type { Triage } from '../core/triage.js';
import type { Logger } from '../logger.js';
import { escapeSlack } from '../render/escape.js';
import { labelsFor } from '../render/labels.js';
import { section } from './block-kit.js';
import { renderSentence, type SlackMessage } from './blocks.js';
import { slackMessageText } from './message-text.js';
import { neededScope, slackErrorCode } from './slack-error.js';
import { stripSlackMention } from './strip-mention.js';

/** The thread's most recent messages read when its first message is not about Campaign. */
export const RECENT_THREAD_MESSAGES = 10;
/** conversations.replies pages read at most (200 messages each): enough for any incident thread, bounded for a runaway one. */
const MAX_PAGES = 5;

type Answered = { reply: Reply; message: SlackMessage };

/** What people do after an answer, not trouble in itself. */
const RESTART_WORDS = /\brestart\w*|재시작|재기동/gi;

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
  /** Triage and render one text. */
  answer(text: string, options?: ReplyOptions): Answered;
  /** Logs and records an answer Slack took (see handlers.ts). */
  answered(reply: Reply): void;
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
    // What Slack sends is read as far as it has the shape of a message; anything else in the list is skipped.
    const listed = Array.isArray(result.messages) ? result.messages : [];
    messages.push(...(listed.filter((m) => typeof m === 'object' && m !== null) as ThreadMessage[]));
    cursor = result.response_metadata?.next_cursor;
    if (!result.has_more || !cursor) break;
  }
  return messages;
}

/** What the bot answers in a thread: a text, and the mention the instance is read from when it asks the thread's question again ("and on acc?"). */
export interface ThreadQuestion {
  text: string;
  instanceFrom?: string;
}

/**
 * What the bot reads in a thread: its first message, or when that says nothing about Campaign (or is the bot's own
 * card), the latest messages of people and other bots. Once the bot has answered in the thread, only what was written
 * after its last answer counts: `undefined` when that says nothing new, unless the mention names another instance
 * ("@campaign-module and on acc?"): then the question answered before is asked again for it.
 */
export function threadQuestion(
  messages: readonly ThreadMessage[],
  thread: { threadTs: string; mentionTs: string | undefined; mentionText?: string },
  deps: Pick<ThreadQuestionDeps, 'triage' | 'botUserId' | 'botId'>,
): ThreadQuestion | undefined {
  const isOurs = (m: ThreadMessage) => (deps.botId !== undefined && m.bot_id === deps.botId) || (deps.botUserId !== undefined && m.user === deps.botUserId);
  const textOf = (m: ThreadMessage) => stripSlackMention(slackMessageText(m), deps.botUserId);
  const saysSomething = (text: string) => text !== '' && !asksNothing(deps.triage.reply(text));
  const others = (list: readonly ThreadMessage[]) =>
    list
      .filter((m) => m.ts !== thread.mentionTs && !isOurs(m))
      .slice(-RECENT_THREAD_MESSAGES)
      .map(textOf)
      .filter((t) => t !== '');
  let lastAnswer = -1;
  messages.forEach((m, i) => {
    if (isOurs(m) && m.ts !== thread.threadTs) lastAnswer = i;
  });
  if (lastAnswer !== -1) {
    // "restarted, it works now", "thanks": only trouble or a question written since the answer is a new question.
    const since = others(messages.slice(lastAnswer + 1)).join('\n');
    const isNew = troubledClauses(since.replace(RESTART_WORDS, ' ')).length > 0 || asksSomething(since, false);
    if (isNew && saysSomething(since)) return { text: since };
    const before = threadQuestion(messages.slice(0, lastAnswer), thread, deps);
    return before?.instanceFrom !== undefined && isAnotherInstance(before.text, before.instanceFrom, deps.triage) ? before : undefined;
  }
  const first = messages.find((m) => m.ts === thread.threadTs);
  const firstText = first && !isOurs(first) ? textOf(first) : '';
  const text = saysSomething(firstText) ? firstText : others(messages).join('\n') || firstText;
  // "@campaign-module this is on acc": the instance the mention names is the latest word on it.
  const mention = thread.mentionText ?? '';
  return mention.trim() !== '' && namesInstance(text, mention, deps.triage) ? { text, instanceFrom: mention } : { text };
}

const instanceOf = (reply: Reply) => ('instance' in reply ? reply.instance : undefined);

/** Whether the mention names an instance for the question ("on acc", or "on rt1", which may be a host). */
function namesInstance(question: string, mention: string, triage: Triage): boolean {
  const asked = instanceOf(triage.reply(question, { instanceFrom: mention }));
  return asked !== undefined && (asked.source === 'message' || asked.maybe !== undefined);
}

/** Whether the instance a mention names differs from the one the question was answered for: "and on acc?", not "still on acc". */
function isAnotherInstance(question: string, mention: string, triage: Triage): boolean {
  const asked = instanceOf(triage.reply(question, { instanceFrom: mention }));
  const answered = instanceOf(triage.reply(question));
  return asked?.name !== answered?.name || String(asked?.maybe) !== String(answered?.maybe);
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
    if (code !== 'missing_scope') {
      // Slack refused or did not answer the read (thread_not_found, a deleted parent, a timeout, a rate limit). The mention
      // alone says nothing: answered on its own, "what is this?" would tell the thread publicly that no module fits.
      deps.log.warn('slack: could not read the thread, asked the asker for the symptom', code === undefined ? { cause: error } : { slackError: code });
      await deps.deliver(renderSentence(labelsFor(own.lang).threadUnreadable), true);
      return true;
    }
    // Something for whoever installs the app, not the thread: the asker alone sees it.
    await deps.deliver(missingScopeMessage(error, own), true);
    return true;
  }
  const question = threadQuestion(messages, { threadTs, mentionTs: event.ts, mentionText: stripSlackMention(event.text ?? '', deps.botUserId) }, deps);
  if (question === undefined) {
    // A "thanks" or a bare mention under an answer already given: no second copy of the card for the whole thread.
    await deps.deliver(renderSentence(labelsFor(own.lang).threadAnswered), true);
    return true;
  }
  const { reply, message } = deps.answer(question.text, question.instanceFrom === undefined ? undefined : { instanceFrom: question.instanceFrom });
  await deps.deliver(message, deps.isForAskerOnly(reply));
  deps.answered(reply);
  return true;
}
