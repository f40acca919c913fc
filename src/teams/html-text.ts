// An attribute value may hold `>` when quoted.
const ATTRIBUTES = `(?:\\s(?:"[^"]*"|'[^']*'|[^'">])*)?`;
const tag = (names: string): RegExp => new RegExp(`<\\/?(?:${names})${ATTRIBUTES}\\/?>`, 'gi');

// Only the elements Teams writes are markup: in `activity.text` a typed `<instance>` or a pasted
// `<serverConf>` is the writer's text, and Teams leaves it unescaped there.
const HIDDEN = /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const CELL_END = new RegExp(`[ \\t\\r\\n]*${tag('td|th').source}[ \\t\\r\\n]*`, 'gi');
// Consecutive block edges (`</td></tr><tr>`, `</div><div>`) make one line break, not a blank line each.
const BLOCK_EDGES = new RegExp(
  `(?:[ \\t\\r\\n]*${tag('p|div|pre|codeblock|blockquote|h[1-6]|hr|ul|ol|li|dl|dt|dd|table|thead|tbody|tfoot|tr|caption|section|article|header|footer').source})+[ \\t\\r\\n]*`,
  'gi',
);
const LINE_BREAK = tag('br');
const INLINE = tag(
  'a|abbr|at|attachment|b|big|cite|code|col|colgroup|customemoji|del|em|emoji|font|i|img|ins|kbd|mark|q|s|samp|small|span|strike|strong|sub|sup|systemeventmessage|u|var|wbr',
);

/**
 * A Teams message as plain text, its lines kept: table cells apart, rows, list items and blocks on
 * lines of their own, runs of spaces made one and at most one blank line in a row. Entities are
 * left for the triage core, which decodes them.
 */
export function htmlToText(html: string): string {
  return html
    .replace(HIDDEN, ' ')
    .replace(CELL_END, ' ')
    .replace(BLOCK_EDGES, '\n')
    .replace(LINE_BREAK, '\n')
    .replace(INLINE, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
