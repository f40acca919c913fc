import { SLACK_LIMITS, truncate } from '../render/limits.js';

/** The slice of Block Kit this bot sends; shapes follow Slack's Block Kit reference. */
export interface PlainText {
  type: 'plain_text';
  text: string;
  emoji?: boolean;
}
export interface Mrkdwn {
  type: 'mrkdwn';
  text: string;
}
export interface Button {
  type: 'button';
  action_id: string;
  text: PlainText;
  value?: string;
  url?: string;
  style?: 'primary' | 'danger';
}
export interface SelectOption {
  text: PlainText;
  value: string;
}
export interface StaticSelect {
  type: 'static_select';
  action_id: string;
  placeholder: PlainText;
  option_groups: Array<{ label: PlainText; options: SelectOption[] }>;
}
export interface HeaderBlock {
  type: 'header';
  text: PlainText;
}
export interface SectionBlock {
  type: 'section';
  block_id?: string;
  text: Mrkdwn;
  accessory?: Button;
}
export interface ContextBlock {
  type: 'context';
  block_id?: string;
  elements: Mrkdwn[];
}
export interface ActionsBlock {
  type: 'actions';
  block_id?: string;
  elements: Button[];
}
/** An actions block holding one menu: added to a card after a click, never part of a first answer. */
export interface MenuBlock {
  type: 'actions';
  block_id: string;
  elements: [StaticSelect];
}
export interface DividerBlock {
  type: 'divider';
}
export type Block = HeaderBlock | SectionBlock | ContextBlock | ActionsBlock | DividerBlock;

/** Header text is plain text: Slack renders it literally, so it is cut, not escaped. */
export function header(text: string): HeaderBlock {
  return { type: 'header', text: { type: 'plain_text', text: truncate(text, SLACK_LIMITS.headerText), emoji: true } };
}

/** A mrkdwn section; the caller has already escaped anything that came from outside. */
export function section(text: string, accessory?: Button): SectionBlock {
  const block: SectionBlock = { type: 'section', text: { type: 'mrkdwn', text: truncate(text, SLACK_LIMITS.sectionText) } };
  return accessory ? { ...block, accessory } : block;
}

export function context(texts: string[], blockId?: string): ContextBlock {
  const elements = texts.slice(0, SLACK_LIMITS.contextElements).map((text): Mrkdwn => ({ type: 'mrkdwn', text: truncate(text, SLACK_LIMITS.sectionText) }));
  return blockId ? { type: 'context', block_id: blockId, elements } : { type: 'context', elements };
}

export function actions(elements: Button[], blockId?: string): ActionsBlock {
  const kept = elements.slice(0, SLACK_LIMITS.actionElements);
  return blockId ? { type: 'actions', block_id: blockId, elements: kept } : { type: 'actions', elements: kept };
}

export function divider(): DividerBlock {
  return { type: 'divider' };
}

const plain = (text: string, max: number): PlainText => ({ type: 'plain_text', text: truncate(text, max), emoji: true });

/** An actions block with one menu whose options come in labelled groups; empty groups are left out, as Slack refuses them. */
export function menu(blockId: string, actionId: string, placeholder: string, groups: Array<{ label: string; options: Array<{ text: string; value: string }> }>): MenuBlock {
  const select: StaticSelect = {
    type: 'static_select',
    action_id: actionId,
    placeholder: plain(placeholder, SLACK_LIMITS.buttonText),
    option_groups: groups
      .filter((group) => group.options.length > 0)
      .map((group) => ({
        label: plain(group.label, SLACK_LIMITS.buttonText),
        options: group.options.map((option) => ({ text: plain(option.text, SLACK_LIMITS.buttonText), value: truncate(option.value, SLACK_LIMITS.optionValue) })),
      })),
  };
  return { type: 'actions', block_id: blockId, elements: [select] };
}

export interface ButtonOptions {
  value?: string;
  url?: string;
  style?: 'primary' | 'danger';
}

export function button(actionId: string, text: string, options: ButtonOptions = {}): Button {
  const b: Button = {
    type: 'button',
    action_id: actionId,
    text: { type: 'plain_text', text: truncate(text, SLACK_LIMITS.buttonText), emoji: true },
  };
  if (options.value !== undefined) b.value = truncate(options.value, SLACK_LIMITS.actionValue);
  if (options.url !== undefined) b.url = options.url;
  if (options.style !== undefined) b.style = options.style;
  return b;
}

/**
 * Packs lines into as few section texts as possible, each within Slack's section limit;
 * a single line longer than the limit is cut.
 */
export function packLines(lines: readonly string[], max: number = SLACK_LIMITS.sectionText): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const raw of lines) {
    const line = truncate(raw, max);
    if (current && current.length + 1 + line.length > max) {
      chunks.push(current);
      current = line;
    } else {
      current = current ? `${current}\n${line}` : line;
    }
  }
  if (current) chunks.push(current);
  return chunks;
}

/** Keeps `tail` (the feedback row) whole and cuts the body so the message stays within Slack's block limit. */
export function fitBlocks(body: Block[], tail: Block[] = []): Block[] {
  const room = Math.max(0, SLACK_LIMITS.blocks - tail.length);
  return [...body.slice(0, room), ...tail];
}
