import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { boundedLines, LINE_TOO_LONG } from '../../src/cli/json-lines.js';

async function linesOf(chunks: (string | Buffer)[], maxBytes = 16): Promise<(string | typeof LINE_TOO_LONG)[]> {
  const out: (string | typeof LINE_TOO_LONG)[] = [];
  for await (const line of boundedLines(Readable.from(chunks), maxBytes)) out.push(line);
  return out;
}

describe('boundedLines', () => {
  it('splits on \\n and \\r\\n across chunks, keeps a last line without newline, and drops a leading BOM', async () => {
    expect(await linesOf(['\uFEFFab', 'c\r\nd', 'e\n\nf'])).toEqual(['abc', 'de', '', 'f']);
    expect(await linesOf(['a\n'])).toEqual(['a']);
  });

  it('reads a file holding only a byte-order mark as no line at all, like an empty one', async () => {
    expect(await linesOf(['\uFEFF'])).toEqual([]);
    expect(await linesOf([])).toEqual([]);
    expect(await linesOf(['\uFEFF\n'])).toEqual(['']);
  });

  it('keeps a character split between chunks whole', async () => {
    const bytes = Buffer.from('메일\n');
    expect(await linesOf([bytes.subarray(0, 4), bytes.subarray(4)])).toEqual(['메일']);
  });

  it('skips a line over the limit without holding it, and reads the lines after it', async () => {
    expect(await linesOf(['short\n', 'x'.repeat(10), 'x'.repeat(10), 'x'.repeat(10), '\nafter\n'])).toEqual(['short', LINE_TOO_LONG, 'after']);
    expect(await linesOf([`${'y'.repeat(40)}\nend`])).toEqual([LINE_TOO_LONG, 'end']);
    expect(await linesOf(['z'.repeat(40)])).toEqual([LINE_TOO_LONG]);
  });
});
