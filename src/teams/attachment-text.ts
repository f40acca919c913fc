import { htmlToText } from './html-text.js';

// In the order a reader meets them. `activityTitle` and `activitySubtitle` are where an O365 connector
// card (MessageCard: Zabbix, Nagios, Grafana's legacy webhook) puts the alert line and the host.
const TEXT_KEYS = ['title', 'activityTitle', 'activitySubtitle', 'subtitle', 'activityText', 'text', 'value'];
const CHILD_KEYS = ['body', 'items', 'columns', 'sections'];
const MAX_DEPTH = 12;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function textOf(value: unknown): string {
  return typeof value === 'string' ? htmlToText(value) : '';
}

/** A fact as one line, "Host: app01": an Adaptive Card fact has a title, a MessageCard fact a name. */
function factLine(fact: unknown): string {
  if (!isRecord(fact)) return '';
  const label = textOf(fact.title) || textOf(fact.name);
  const value = textOf(fact.value);
  return label && value ? `${label}: ${value}` : label || value;
}

/**
 * The text of a card another app posted, line by line: an Adaptive Card's TextBlocks and facts, a hero
 * card's title and text, or a connector card's title, activity title and subtitle, text and facts.
 */
export function attachmentText(attachment: unknown): string[] {
  if (!isRecord(attachment)) return [];
  const content = typeof attachment.content === 'string' ? safeJson(attachment.content) : attachment.content;
  const texts: string[] = [];
  const walk = (node: unknown, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    if (Array.isArray(node)) for (const child of node) walk(child, depth + 1);
    if (!isRecord(node)) return;
    for (const key of TEXT_KEYS) texts.push(textOf(node[key]));
    if (Array.isArray(node.facts)) texts.push(...node.facts.map(factLine));
    for (const key of CHILD_KEYS) walk(node[key], depth + 1);
  };
  walk(content, 0);
  return texts.filter((text) => text !== '');
}
