import { describe, expect, it } from 'vitest';
import { splitCodeSpans } from '../../src/render/code-spans.js';

describe('splitCodeSpans', () => {
  it.each([
    ['no code', 'Restart the module.', [{ text: 'Restart the module.', code: false }]],
    [
      'one span',
      'Run `nlserver pdump` now',
      [
        { text: 'Run ', code: false },
        { text: 'nlserver pdump', code: true },
        { text: ' now', code: false },
      ],
    ],
    [
      'span at both ends',
      '`a` and `b`',
      [
        { text: 'a', code: true },
        { text: ' and ', code: false },
        { text: 'b', code: true },
      ],
    ],
    ['an unmatched backtick stays prose', 'odd ` tick', [{ text: 'odd ` tick', code: false }]],
    ['empty backticks stay prose', 'x `` y', [{ text: 'x `` y', code: false }]],
    ['empty text', '', []],
  ])('%s', (_case, input, expected) => {
    expect(splitCodeSpans(input)).toEqual(expected);
    expect(
      splitCodeSpans(input)
        .map((s) => (s.code ? `\`${s.text}\`` : s.text))
        .join(''),
    ).toBe(input);
  });
});
