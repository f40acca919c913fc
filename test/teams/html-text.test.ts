import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../src/teams/html-text.js';

describe('htmlToText', () => {
  it.each([
    ['<p>mails stuck</p>', 'mails stuck'],
    ['<div>line one</div><div>line two</div>', 'line one\nline two'],
    ['a<br>b<br/>c', 'a\nb\nc'],
    ['<p><at id="0">Campaign Module</at> mta is down</p>', 'Campaign Module mta is down'],
    ['<p>x &lt;b&gt; y</p>', 'x &lt;b&gt; y'],
    ['<style>p{color:red}</style><p>ok</p><script>alert(1)</script>', 'ok'],
    ['<ul><li>one</li><li>two</li></ul>', 'one\ntwo'],
    ['plain text, no tags', 'plain text, no tags'],
    ['<p><img src="x.png"></p>', ''],
    ['<p><img alt="a > b" src="x.png">ok</p>', 'ok'],
  ])('%j → %j', (html, text) => {
    expect(htmlToText(html)).toBe(text);
  });

  it('keeps table cells apart and each row on its own line', () => {
    const table = '<p>status</p><table><tbody><tr><td>mta@mkt</td><td>stopped</td></tr><tr><td>wfserver@mkt</td><td>running</td></tr></tbody></table>';
    expect(htmlToText(table)).toBe('status\nmta@mkt stopped\nwfserver@mkt running');
  });

  it('keeps header cells apart, with the whitespace Teams puts between cells', () => {
    const table = 'status<table>\n<tr>\n<th>process</th>\n<th>state</th>\n</tr>\n<tr><td>mta@prod</td> <td>stopped</td></tr></table>';
    expect(htmlToText(table)).toBe('status\nprocess state\nmta@prod stopped');
  });

  it.each([
    ['a code block', '<pre><code>nlserver pdump\nweb@default (2345) - 250 MB\nwfserver@prod (3456) - 40 MB</code></pre>'],
    ['a Teams code block', '<codeblock class="PlainText"><code>nlserver pdump<br>web@default (2345) - 250 MB<br>wfserver@prod (3456) - 40 MB</code></codeblock>'],
    ['paragraphs', '<p>nlserver pdump</p><p>web@default (2345) - 250 MB</p><p>wfserver@prod (3456) - 40 MB</p>'],
    ['nested divs', '<div><div>nlserver pdump</div>\r\n<div>web@default (2345) - 250 MB</div><div>wfserver@prod (3456) - 40 MB</div></div>'],
    ['plain lines', 'nlserver pdump\r\nweb@default (2345)   -  250 MB\nwfserver@prod (3456) - 40 MB\n'],
  ])('keeps the lines of %s', (_case, html) => {
    expect(htmlToText(html)).toBe('nlserver pdump\nweb@default (2345) - 250 MB\nwfserver@prod (3456) - 40 MB');
  });

  it('keeps one blank line of several, and no spaces at the ends of lines', () => {
    expect(htmlToText('mta is down  \n\n\n\n  log:\t here')).toBe('mta is down\n\nlog: here');
  });

  it('leaves angle brackets that are not HTML Teams writes: a typed placeholder or pasted XML', () => {
    expect(htmlToText('nlserver restart mta@<instance>\n<mta autoStart="false"/>')).toBe('nlserver restart mta@<instance>\n<mta autoStart="false"/>');
  });
});
