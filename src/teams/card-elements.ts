import { splitCodeSpans } from '../render/code-spans.js';
import type { CardAction } from './card-action.js';
import { neutraliseTeamsText } from './escape.js';

/** One Adaptive Card element or action, as plain JSON. */
export type CardNode = { type: string } & Record<string, unknown>;

/** A TextRun inside a RichTextBlock; TextRuns are never markdown-processed. */
export type TextRun = CardNode;

/** Bold title at the top of a card. */
export function heading(text: string): CardNode {
  return { type: 'TextBlock', text, size: 'Large', weight: 'Bolder', wrap: true };
}

/** Bold section label with a little space above it. */
export function sectionLabel(text: string): CardNode {
  return { type: 'TextBlock', text, weight: 'Bolder', wrap: true, spacing: 'Medium' };
}

/** Fixed or knowledge text as a wrapped TextBlock. */
export function paragraph(text: string, extra: Record<string, unknown> = {}): CardNode {
  return { type: 'TextBlock', text, wrap: true, ...extra };
}

/** Label/value pairs, e.g. confidence and scope. */
export function facts(pairs: ReadonlyArray<readonly [string, string]>): CardNode {
  return { type: 'FactSet', facts: pairs.map(([title, value]) => ({ title, value })) };
}

/** Plain text inside a RichTextBlock. */
export function run(text: string, extra: Record<string, unknown> = {}): TextRun {
  return { type: 'TextRun', text, ...extra };
}

/** Text a user typed, shown literally and unable to mention anyone or inject a link. */
export function userRun(text: string, extra: Record<string, unknown> = {}): TextRun {
  return run(neutraliseTeamsText(text), extra);
}

/** Text an engineer copies: commands, paths, module ids. */
export function monospaceRun(text: string, extra: Record<string, unknown> = {}): TextRun {
  return run(text, { fontType: 'Monospace', ...extra });
}

/** Knowledge prose with its `code spans` in monospace. */
export function knowledgeRuns(text: string, extra: Record<string, unknown> = {}): TextRun[] {
  return splitCodeSpans(text).map((span) => (span.code ? monospaceRun(span.text, extra) : run(span.text, extra)));
}

/** A paragraph made of TextRuns, so parts can be monospace or bold without markdown. */
export function richText(inlines: TextRun[], extra: Record<string, unknown> = {}): CardNode {
  return { type: 'RichTextBlock', inlines, ...extra };
}

/** A numbered list that renders the same everywhere: number column, text column. */
export function numberedList(items: ReadonlyArray<TextRun[]>): CardNode[] {
  return items.map((inlines, index) => ({
    type: 'ColumnSet',
    spacing: 'Small',
    columns: [
      { type: 'Column', width: 'auto', items: [{ type: 'TextBlock', text: `${index + 1}.`, weight: 'Bolder' }] },
      { type: 'Column', width: 'stretch', items: [richText(inlines)] },
    ],
  }));
}

/** `nodes` when the card carries buttons that come back to the bot, else nothing. */
export function ifSubmitButtons(submitButtons: boolean, nodes: CardNode[]): CardNode[] {
  return submitButtons ? nodes : [];
}

/** A button whose data comes back to the bot as `activity.value`. */
export function submit(title: string, data: CardAction): CardNode {
  return { type: 'Action.Submit', title, data };
}

/** A button that opens a page in the browser. */
export function openUrl(title: string, url: string): CardNode {
  return { type: 'Action.OpenUrl', title, url };
}

/** A row of buttons placed in the body, so each group sits under its own label. */
export function actionSet(actions: CardNode[]): CardNode {
  return { type: 'ActionSet', actions };
}
