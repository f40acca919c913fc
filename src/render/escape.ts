/** Escapes text for Slack mrkdwn/plain_text: Slack only treats &, < and > as control characters. */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
