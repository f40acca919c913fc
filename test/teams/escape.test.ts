import { describe, expect, it } from 'vitest';
import { neutraliseTeamsText } from '../../src/teams/escape.js';

const ZWSP = '\u200B';

describe('neutraliseTeamsText', () => {
  it.each([
    ['plain text is unchanged', 'emails stopped going out', 'emails stopped going out'],
    ['Korean is unchanged', '메일이 발송되지 않아요', '메일이 발송되지 않아요'],
    ['mentions cannot be forged', '<at>Team</at> help', '\u2039at\u203ATeam\u2039/at\u203A help'],
    ['URLs do not auto-link', 'see https://evil.example/x', `see https:${ZWSP}//evil.example/x`],
    ['other schemes do not either', 'ftp://host and HTTP://HOST', `ftp:${ZWSP}//host and HTTP:${ZWSP}//HOST`],
    ['bare www hosts do not link', 'www.evil.example', `www${ZWSP}.evil.example`],
    ['control characters are dropped', 'a\u0000b\u0007c\u001Bd', 'abcd'],
    ['newlines and tabs are kept', 'line 1\n\tline 2', 'line 1\n\tline 2'],
    ['markdown is left literal (TextRuns never render it)', '**bold** [x](y)', '**bold** [x](y)'],
  ])('%s', (_case, input, expected) => {
    expect(neutraliseTeamsText(input)).toBe(expected);
  });
});
