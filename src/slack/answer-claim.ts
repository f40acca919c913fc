import type { EventDedupe } from '../event-dedupe.js';
import { isSlackCallTimeout } from './slack-fetch.js';

/**
 * The dedupe key of the card that answers one message in its thread. The alert channels and the
 * message shortcut both claim it before posting, so a message gets one card however it was asked
 * about: an alert the bot answered, or two people running the shortcut on the same message.
 */
export function answerClaim(channel: string, ts: string): string {
  return `answer:${channel}:${ts}`;
}

/** After a failed post, frees the message for the next request; not after a timeout, when the card may still appear. */
export async function releaseAnswerClaim(dedupe: EventDedupe, claim: string, failure: unknown): Promise<void> {
  if (!isSlackCallTimeout(failure)) await dedupe.release(claim);
}
