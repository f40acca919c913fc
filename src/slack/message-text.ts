/**
 * The words a Slack message carries, wherever the poster put them: `text`, legacy attachments
 * (what Nagios, Datadog or a webhook integration post), Block Kit blocks, and shared files' titles and previews. Alert bots often
 * leave `text` empty or put only a summary there.
 */
export interface SlackMessageContent {
  text?: unknown;
  attachments?: unknown;
  blocks?: unknown;
  files?: unknown;
}

/** Attachment fields that hold words, in the order a reader sees them; `fallback` only stands in when nothing else does. */
const ATTACHMENT_FIELDS = ['pretext', 'author_name', 'title', 'text', 'footer'] as const;
/** Block Kit text objects and rich-text leaves whose `text` is words. */
const TEXT_TYPES = new Set(['plain_text', 'mrkdwn', 'text', 'link']);
/** Guards the walk against a hostile payload nested without end. */
const MAX_DEPTH = 12;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringsOf(value: unknown): string[] {
  return typeof value === 'string' && value.trim() !== '' ? [value] : [];
}

/** Every text in a block tree, depth first. */
function blockTexts(node: unknown, depth = 0): string[] {
  if (depth > MAX_DEPTH) return [];
  if (Array.isArray(node)) return node.flatMap((child) => blockTexts(child, depth + 1));
  if (!isRecord(node)) return [];
  const own = typeof node.type === 'string' && TEXT_TYPES.has(node.type) ? stringsOf(node.text ?? node.url) : [];
  const children = Object.entries(node)
    .filter(([key]) => key !== 'text' || isRecord(node.text))
    .flatMap(([, child]) => (isRecord(child) || Array.isArray(child) ? blockTexts(child, depth + 1) : []));
  return [...own, ...children];
}

function attachmentTexts(attachment: unknown): string[] {
  if (!isRecord(attachment)) return [];
  const fields = Array.isArray(attachment.fields) ? attachment.fields.filter(isRecord).flatMap((f) => [...stringsOf(f.title), ...stringsOf(f.value)]) : [];
  const texts = [...ATTACHMENT_FIELDS.flatMap((name) => stringsOf(attachment[name])), ...fields, ...blockTexts(attachment.blocks)];
  return texts.length > 0 ? texts : stringsOf(attachment.fallback);
}

/** A shared file's title and, for a snippet or a text file, the first lines Slack previews ("mta@prod crash log"). */
function fileTexts(file: unknown): string[] {
  return isRecord(file) ? [...stringsOf(file.title), ...stringsOf(file.preview)] : [];
}

/** The message's words as one text, each distinct piece once, in reading order. */
export function slackMessageText(message: SlackMessageContent): string {
  const attachments = Array.isArray(message.attachments) ? message.attachments.flatMap(attachmentTexts) : [];
  const files = Array.isArray(message.files) ? message.files.flatMap(fileTexts) : [];
  const pieces = [...stringsOf(message.text), ...attachments, ...blockTexts(message.blocks), ...files].map((piece) => piece.trim());
  const kept: string[] = [];
  // A person's message repeats `text` as rich_text leaves, and a fallback repeats the rest: a piece already read adds nothing.
  for (const piece of pieces) if (!kept.some((k) => k.includes(piece))) kept.push(piece);
  return kept.join('\n');
}
