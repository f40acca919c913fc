import type { Block, Button } from '../src/slack/block-kit.js';

/**
 * A Slack message as an HTML page that approximates Slack's look (Slack's own renderer is not
 * available offline); the content, order and buttons are exactly the blocks given. The card is
 * the element with id `card`.
 */

/** Slack mrkdwn → HTML. The text is already Slack-escaped (&amp; &lt; &gt;), which is also valid HTML. */
export function mrkdwnToHtml(text: string): string {
  return text
    .split(/```([\s\S]*?)```/)
    .map((part, i) =>
      i % 2 === 1
        ? `<pre>${part.replace(/^\n/, '')}</pre>`
        : part
            .replace(/`([^`]+)`/g, '<code>$1</code>')
            .replace(/\*([^*\n]+)\*/g, '<b>$1</b>')
            .replace(/(^|\s)_([^_\n]+)_(?=\s|$)/g, '$1<i>$2</i>')
            .replace(/<(https?:[^|>\s]+)\|([^>]+)>/g, '<a>$2</a>')
            .replace(/\n/g, '<br>'),
    )
    .join('');
}

const plain = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function button(b: Button): string {
  return `<span class="btn ${b.style ?? ''}">${plain(b.text.text)}${b.url ? ' ↗' : ''}</span>`;
}

function block(b: Block): string {
  switch (b.type) {
    case 'header':
      return `<div class="header">${plain(b.text.text)}</div>`;
    case 'section':
      return `<div class="section"><div>${mrkdwnToHtml(b.text.text)}</div>${b.accessory ? button(b.accessory) : ''}</div>`;
    case 'context':
      return `<div class="context">${b.elements.map((e) => `<span>${mrkdwnToHtml(e.text)}</span>`).join('')}</div>`;
    case 'actions':
      return `<div class="actions">${b.elements.map(button).join('')}</div>`;
    case 'divider':
      return '<hr>';
    default: {
      // A block type added to the renderer after this page was written: shown, not silently dropped.
      const unknown: { type: string } = b;
      return `<pre class="unknown">${plain(JSON.stringify(unknown, null, 2))}</pre>`;
    }
  }
}

const SANS = '"Lato", "Liberation Sans", "DejaVu Sans", "Noto Sans CJK KR", Arial, sans-serif';
const MONO = '"Liberation Mono", "DejaVu Sans Mono", "Noto Sans Mono CJK KR", monospace';
const STYLE = `
  body { margin: 0; background: #fff; font: 15px/1.46668 ${SANS}; color: #1d1c1d; }
  .msg { display: flex; gap: 8px; padding: 16px 20px; width: 760px; }
  .avatar { width: 36px; height: 36px; border-radius: 6px; background: #1f3b57; color: #fff; font-weight: bold; display: flex; align-items: center; justify-content: center; flex: none; }
  .name { font-weight: 900; } .app { font-size: 10px; background: #e8e8e8; color: #616061; padding: 1px 3px; border-radius: 2px; margin-left: 4px; } .time { color: #616061; font-size: 12px; margin-left: 6px; }
  .user { color: #616061; font-size: 13px; margin: 2px 0 6px; }
  .header { font-size: 18px; font-weight: 900; margin: 6px 0 4px; }
  .section { display: flex; justify-content: space-between; gap: 12px; margin: 6px 0; }
  .context { color: #616061; font-size: 12.5px; margin: 4px 0; display: flex; gap: 12px; flex-wrap: wrap; }
  .actions { display: flex; gap: 8px; flex-wrap: wrap; margin: 8px 0; }
  .btn { border: 1px solid #c6c6c6; border-radius: 4px; padding: 3px 12px; font-weight: bold; font-size: 13px; white-space: nowrap; align-self: flex-start; }
  .btn.primary { background: #007a5a; border-color: #007a5a; color: #fff; }
  a { color: #1264a3; }
  code { font: 12px ${MONO}; color: #c01343; background: #f6f6f6; border: 1px solid #e0e0e0; border-radius: 3px; padding: 0 3px; }
  pre { font: 12px/1.5 ${MONO}; background: #f8f8f8; border: 1px solid #e0e0e0; border-radius: 4px; padding: 8px; margin: 4px 0; white-space: pre-wrap; }
  pre.unknown { border-color: #e01e5a; }
  hr { border: none; border-top: 1px solid #e0e0e0; margin: 10px 0; }
`;

/** The page: the bot's reply to `/campaign-module <question>` (or to what `caption` says), as Slack would show it in a channel. */
export function slackCardHtml(blocks: readonly Block[], question: string, lang: string, caption = `/campaign-module ${question}`): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><style>${STYLE}</style></head><body>
  <div class="msg" id="card"><div class="avatar">CM</div><div>
    <div><span class="name">campaign-module</span><span class="app">APP</span><span class="time">10:42</span></div>
    <div class="user">${plain(caption)}</div>
    ${blocks.map(block).join('\n')}
  </div></div></body></html>`;
}
