/**
 * Removes every mention of the bot (`<@U123>` or the older `<@U123|name>`) wherever it stands,
 * so "fix this <@U123> please" reads as "fix this please". Without a known bot id, only a leading
 * mention is removed: that one is how Slack addresses the bot.
 */
export function stripSlackMention(text: string, botUserId?: string): string {
  const pattern = botUserId ? new RegExp(`<@${escapeRegExp(botUserId)}(?:\\|[^>]*)?>`, 'g') : /^\s*<@[A-Z0-9]+(?:\|[^>]*)?>/;
  return text
    .replace(pattern, ' ')
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
