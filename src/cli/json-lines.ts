/** A line too long to keep: its bytes were skipped up to the next newline. */
export const LINE_TOO_LONG = Symbol('line too long');

const NEWLINE = 0x0a;
const BOM = '\uFEFF';

/**
 * The lines of a stream, decoded as UTF-8 without their `\n` or `\r\n`, and without a byte-order
 * mark at the very start (Windows editors write one). A line over `maxBytes` is not held in
 * memory: it is skipped to its end and reported as LINE_TOO_LONG, so a 700 MB line costs no more
 * memory than a short one and the lines after it are still read.
 */
export async function* boundedLines(input: AsyncIterable<Buffer | string>, maxBytes: number): AsyncGenerator<string | typeof LINE_TOO_LONG> {
  let parts: Buffer[] = [];
  let size = 0;
  let skipping = false;
  let first = true;
  const finish = (): string | typeof LINE_TOO_LONG => {
    const line = skipping ? LINE_TOO_LONG : Buffer.concat(parts, size).toString('utf8').replace(/\r$/, '');
    parts = [];
    size = 0;
    skipping = false;
    if (first && typeof line === 'string' && line.startsWith(BOM)) {
      first = false;
      return line.slice(BOM.length);
    }
    first = false;
    return line;
  };
  for await (const chunk of input) {
    let buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    for (let end = buffer.indexOf(NEWLINE); end !== -1; end = buffer.indexOf(NEWLINE)) {
      if (!skipping) parts.push(buffer.subarray(0, end));
      size += end;
      if (size > maxBytes) skipping = true;
      yield finish();
      buffer = buffer.subarray(end + 1);
    }
    if (skipping || buffer.length === 0) continue;
    if (size + buffer.length > maxBytes) {
      skipping = true;
      parts = [];
      continue;
    }
    parts.push(buffer);
    size += buffer.length;
  }
  if (skipping || size > 0) {
    // An unterminated last line empty once read: a file holding only a byte-order mark, which is no line at all.
    const last = finish();
    if (last !== '') yield last;
  }
}
