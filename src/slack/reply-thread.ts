/** The fields of a posted message that say where it sits. */
export interface MessagePlace {
  ts?: string;
  thread_ts?: string;
  channel?: string;
  channel_type?: string;
}

/** A conversation between the asker and the bot alone (an app_mention there carries no channel_type, but its id starts with D). */
export function isDirectMessage(event: MessagePlace): boolean {
  return event.channel_type === 'im' || (event.channel?.startsWith('D') ?? false);
}

/**
 * The thread an answer to a message goes in: the thread it was written in, else a new one under it in a channel.
 * A direct message is answered straight in the conversation, whichever of its two events (app_mention, message.im) comes first.
 */
export function replyThreadTs(event: MessagePlace): string | undefined {
  return event.thread_ts ?? (isDirectMessage(event) ? undefined : event.ts);
}
