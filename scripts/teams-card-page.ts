import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';

/**
 * Shows an Adaptive Card in a page the way Microsoft's own renderer (the `adaptivecards` package,
 * browser build: its Node entry does not load on Node 20) draws it, in a Teams-like frame. The
 * card is the element with id `card`.
 */

const DIST = dirname(createRequire(import.meta.url).resolve('adaptivecards/dist/adaptivecards.js'));
const FONTS = '"Segoe UI", "Liberation Sans", "DejaVu Sans", "Noto Sans CJK KR", sans-serif';
const FRAME = `<!doctype html><html><head><meta charset="utf-8"><style>
  body { margin: 0; background: #f5f5f5; font-family: ${FONTS}; }
  #card { width: 560px; padding: 16px; }
  .bot { font-size: 12px; color: #616161; margin: 0 0 4px 2px; }
  .bubble { background: #fff; border: 1px solid #e0e0e0; border-radius: 6px; overflow: hidden; }
  .ac-pushButton { font-family: ${FONTS}; }
</style></head><body><div id="card"><div class="bot">campaign-module</div><div class="bubble" id="holder"></div></div></body></html>`;

/** Renders `card` into the page; returns the renderer's parse and validation messages (none for a card Teams accepts). */
export async function showTeamsCard(page: Page, card: object, lang: string): Promise<string[]> {
  await page.setContent(FRAME.replace('<html>', `<html lang="${lang}">`));
  await page.addStyleTag({ content: readFileSync(join(DIST, 'adaptivecards.css'), 'utf8') });
  await page.addScriptTag({ content: readFileSync(join(DIST, 'adaptivecards.js'), 'utf8') });
  return page.evaluate(
    ({ card, fonts }) => {
      // biome-ignore lint/suspicious/noExplicitAny: the renderer runs inside the page, untyped, as a script tag loads it
      const AC = (window as unknown as { AdaptiveCards: any }).AdaptiveCards;
      // Teams renders a markdown subset in TextBlocks (links, bold, italic, lists); the renderer
      // leaves markdown to its host, so this is that host's part.
      AC.AdaptiveCard.onProcessMarkdown = (text: string, result: { outputHtml?: string; didProcess: boolean }) => {
        // No named helpers in here: tsx would wrap them in a __name() the page does not have.
        const lines = text
          .replace(/&/g, '&amp;')
          .replace(/</g, '&lt;')
          .replace(/>/g, '&gt;')
          .replace(/\[([^\]\n]+)\]\(([^)\s]+)\)/g, '<a href="$2">$1</a>')
          .replace(/\*\*([^*\n]+)\*\*/g, '<strong>$1</strong>')
          .replace(/(^|\s)_([^_\n]+)_(?=\s|$)/gm, '$1<em>$2</em>')
          .split(/\r?\n/);
        result.outputHtml = lines.every((line) => line.startsWith('- '))
          ? `<ul style="margin:0;padding-left:20px">${lines.map((line) => `<li>${line.slice(2)}</li>`).join('')}</ul>`
          : lines.join('<br>');
        result.didProcess = true;
      };
      const context = new AC.SerializationContext(AC.Versions.v1_4);
      const adaptiveCard = new AC.AdaptiveCard();
      adaptiveCard.hostConfig = new AC.HostConfig({ fontFamily: fonts });
      adaptiveCard.parse(card, context);
      const events: string[] = [];
      for (let i = 0; i < context.eventCount; i++) events.push(`parse: ${context.getEventAt(i).message}`);
      for (const e of adaptiveCard.validateProperties().validationEvents) events.push(`validate: ${e.message}`);
      const element = adaptiveCard.render();
      if (element) document.getElementById('holder')?.appendChild(element);
      else events.push('render: no element');
      return events;
    },
    { card, fonts: FONTS },
  );
}
