import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/core/normalize.js';

describe('normalizeText', () => {
  it.each([
    ['<@U012ABC> emails stuck', 'emails stuck'],
    ['<!channel> mta down <!here|here>', 'mta down'],
    ['see <https://example.com/runbook|the runbook>', 'see the runbook'],
    ['see <https://example.com/x>', 'see https://example.com/x'],
    ['<at>Campaign Bot</at> workflows stuck', 'workflows stuck'],
    ['```\nmta@prod\nstat@prod\n```', 'mta@prod\nstat@prod'],
    ['```bash\nnlserver pdump\n```', 'nlserver pdump'],
    ['```mta@prod keeps crashing every 10 minutes```', 'mta@prod keeps crashing every 10 minutes'],
    ['\u202Emta is down\u202C, \u2067see\u2069', 'mta is down , see'],
    ['a &amp; b &lt;tag&gt; &#39;q&#39;', "a & b <tag> 'q'"],
    ['ＭＴＡ　ｄｏｗｎ', 'MTA down'],
    ['bell\u0007 and\u0000 nul', 'bell and nul'],
    ['\u001B[31mmta@prod\u001B[0m missing', 'mta@prod missing'],
    ['\u001B]0;pwned\u0007mta down', 'mta down'],
    ['see \u001B]8;;https://x.example\u001B\\the log\u001B]8;;\u001B\\ now', 'see the log now'],
    ['  lots   of\t\tspace  ', 'lots of space'],
    ['<p>logon.jsp</p> <b>blank</b>', 'logon.jsp blank'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});
