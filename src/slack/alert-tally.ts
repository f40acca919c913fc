import type { App } from '@slack/bolt';
import type { Lang } from '../core/types.js';
import { escapeSlack } from '../render/escape.js';
import { labelsFor } from '../render/labels.js';
import { context } from './block-kit.js';
import type { SlackMessage } from './blocks.js';

/** Where a storm's answer stands: the first alert's thread. */
export interface AlertThread {
  channel: string;
  threadTs: string;
}

/** "50 alerts like this since 09:02 UTC, answered once here." */
export function renderTally(count: number, since: number, lang: Lang): SlackMessage {
  const text = escapeSlack(labelsFor(lang).alertStorm(count, new Date(since).toISOString().slice(11, 16)));
  return { text, blocks: [context([text])] };
}

/**
 * Shows a storm's count as its own small message in the answer's thread: posted at the first tally
 * point, edited at the later ones. The answer card is never edited, so a vote or a correction people
 * made on it stays. Returns the tally message's ts, for the next edit.
 */
export async function showTally(client: App['client'], thread: AlertThread, tallyTs: string | undefined, tally: SlackMessage): Promise<string | undefined> {
  if (tallyTs) {
    await client.chat.update({ channel: thread.channel, ts: tallyTs, ...tally });
    return tallyTs;
  }
  const posted = await client.chat.postMessage({ channel: thread.channel, thread_ts: thread.threadTs, ...tally, unfurl_links: false, unfurl_media: false });
  return posted.ts;
}
