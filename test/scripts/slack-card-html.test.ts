import { describe, expect, it } from 'vitest';
import { mrkdwnToHtml, slackCardHtml } from '../../scripts/slack-card-html.js';
import type { Block } from '../../src/slack/block-kit.js';

describe('the Slack-like page behind npm run pictures', () => {
  it.each([
    ['code spans', 'run `nlserver pdump` now', 'run <code>nlserver pdump</code> now'],
    ['bold and italic', '*Logs* _mono-instance_', '<b>Logs</b> <i>mono-instance</i>'],
    ['a code block', '```\nnlserver pdump\n```', '<pre>nlserver pdump\n</pre>'],
    ['line breaks', 'one\ntwo', 'one<br>two'],
    ['text Slack already escaped', 'a &lt;b&gt; &amp; c', 'a &lt;b&gt; &amp; c'],
    ['a link', '<https://example.com/a|the docs>', '<a>the docs</a>'],
  ])('turns mrkdwn %s into HTML', (_name, mrkdwn, html) => {
    expect(mrkdwnToHtml(mrkdwn)).toBe(html);
  });

  it('shows every block, and a block type it does not know as its JSON instead of dropping it', () => {
    const blocks = [{ type: 'header', text: { type: 'plain_text', text: 'Likely module: <mta>' } }, { type: 'divider' }, { type: 'rich_text', elements: [] }] as unknown as Block[];
    const html = slackCardHtml(blocks, 'emails & more', 'en');
    expect(html).toContain('<div class="header">Likely module: &lt;mta&gt;</div>');
    expect(html).toContain('<hr>');
    expect(html).toMatch(/<pre class="unknown">[^<]*"type": "rich_text"/);
    expect(html).toContain('/campaign-module emails &amp; more');
    expect(slackCardHtml(blocks, 'x', 'en', 'Home <tab>')).toContain('<div class="user">Home &lt;tab&gt;</div>');
  });
});
