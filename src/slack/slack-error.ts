/** What Slack's Web API said when it refused a call (`not_in_channel`, `missing_scope` …), or undefined for any other failure. */
export function slackErrorCode(error: unknown): string | undefined {
  const code = (error as { data?: { error?: unknown } } | undefined)?.data?.error;
  return typeof code === 'string' ? code : undefined;
}

/** The scope a `missing_scope` refusal says the call needed, when Slack names it. */
export function neededScope(error: unknown): string | undefined {
  const needed = (error as { data?: { needed?: unknown } } | undefined)?.data?.needed;
  return typeof needed === 'string' && needed !== '' ? needed : undefined;
}

/** The bot may not post in a channel it was not invited to (public: not_in_channel; private or a DM between others: channel_not_found). */
export function isOutsideChannel(error: unknown): boolean {
  const code = slackErrorCode(error);
  return code === 'not_in_channel' || code === 'channel_not_found';
}
