const HTML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/**
 * Turns a chat message into plain text the matcher can read: Unicode NFKC, platform markup
 * (Slack `<@U…>`, `<!channel>`, `<url|label>`, Teams `<at>…</at>`), code fences, HTML entities,
 * terminal colour codes and control characters removed. Case is kept; tokenizers lower-case.
 */
export function normalizeText(raw: string): string {
  let text = raw.normalize('NFKC');
  // Most messages hold no markup, entity or code span: those passes are skipped for them.
  if (text.includes('<')) {
    text = text
      .replace(/<at\b[^>]*>[\s\S]*?<\/at>/gi, ' ')
      .replace(/<[@#!][^<>]*>/g, ' ')
      .replace(/<((?:https?|mailto):[^<>|]*)\|([^<>]*)>/gi, '$2')
      .replace(/<((?:https?|mailto):[^<>]*)>/gi, '$1')
      .replace(/<\/?(?:p|div|span|br|b|i|strong|em|code|pre)\b[^>]*>/gi, ' ');
  }
  if (text.includes('&')) text = text.replace(/&(#?\w+);/g, (entity, name: string) => HTML_ENTITIES[name.toLowerCase()] ?? decodeNumeric(name) ?? entity);
  // A fence's language tag ends its line: in "```mta@prod keeps crashing```" (Slack's inline code block) the first word is the message.
  if (text.includes('`')) text = text.replace(/```[a-z]*\n|```|`/gi, ' ');
  return (
    text
      .replace(/\u001B\[[0-9;?]*[A-Za-z]/g, '')
      // A terminal title or hyperlink sequence (ESC ] … BEL): its words are the terminal's, not the writer's.
      .replace(/\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)?/g, '')
      .replace(/\r\n?/g, '\n')
      // Bidirectional overrides and isolates too: echoed, they would show the text reversed.
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200B-\u200F\u2028-\u202E\u2066-\u2069\uFEFF]/g, ' ')
      .replace(/[ \t]+/g, ' ')
      .replace(/ *\n */g, '\n')
      .trim()
  );
}

function decodeNumeric(name: string): string | undefined {
  const match = /^#(x[0-9a-f]+|\d+)$/i.exec(name);
  if (!match?.[1]) return undefined;
  const code = match[1].startsWith('x') || match[1].startsWith('X') ? Number.parseInt(match[1].slice(1), 16) : Number(match[1]);
  return code > 0x1f && code < 0x110000 ? String.fromCodePoint(code) : ' ';
}

/** The first `max` UTF-16 units of `text`, one fewer when the cut would split a surrogate pair (half an emoji is invalid text). */
export function sliceWhole(text: string, max: number): string {
  const cut = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}
