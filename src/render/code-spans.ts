/** A piece of knowledge text: prose, or a `code span` an engineer may copy. */
export interface TextSpan {
  text: string;
  code: boolean;
}

/**
 * Splits text on backtick code spans, the one piece of markup knowledge files use.
 * An unmatched backtick is kept as prose so no text is ever lost.
 */
export function splitCodeSpans(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  const pattern = /`([^`]+)`/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const start = match.index;
    if (start > last) spans.push({ text: text.slice(last, start), code: false });
    spans.push({ text: match[1] ?? '', code: true });
    last = start + match[0].length;
  }
  if (last < text.length) spans.push({ text: text.slice(last), code: false });
  return spans;
}
