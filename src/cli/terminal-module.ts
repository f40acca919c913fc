import type { Lang, ModuleEntry } from '../core/types.js';
import { fillInstance } from '../render/fill-instance.js';
import { docsUrl, labelsFor } from '../render/labels.js';
import type { TerminalStyle } from './terminal-style.js';

const INDENT = '  ';

/** A titled block: the heading, then its lines indented. */
export function block(style: TerminalStyle, heading: string, lines: string[]): string[] {
  if (lines.length === 0) return [];
  return [style.heading(heading), ...lines.map((line) => (line ? `${INDENT}${line}` : line))];
}

/** The display name, with the id people type added when the name does not already hold it. */
export function moduleTitle(entry: ModuleEntry, lang: Lang): string {
  const name = entry.name[lang];
  return name.toLowerCase().includes(entry.id.toLowerCase()) ? name : `${name} (${entry.id})`;
}

/** True when a command or path of this module would show the `<instance>` placeholder. */
function needsInstance(entry: ModuleEntry): boolean {
  return [...entry.commands.map((c) => c.run), ...entry.logs].some((text) => text.includes('{instance}'));
}

/**
 * Everything an engineer needs about one module, in reading order: scope, what it does,
 * numbered steps, commands to paste, logs and documentation. Blocks are separated by blank lines.
 */
export function moduleSections(entry: ModuleEntry, lang: Lang, style: TerminalStyle, instance?: string): string[][] {
  const labels = labelsFor(lang);
  const fill = (text: string): string => fillInstance(text, instance);
  const steps = entry.remediation[lang].map((step, i) => `${String(i + 1).padStart(2)}. ${style.prose(fill(step))}`);
  const commands = entry.commands.flatMap((command) => [
    style.dim(`# ${fill(command.why[lang])}`),
    style.command(fill(command.run)),
  ]);
  if (commands.length > 0 && !instance?.trim() && needsInstance(entry)) commands.push(style.dim(labels.instanceMissing));
  const docs = entry.docs.flatMap((doc) => [doc.title[lang] || labels.openDocs, `${INDENT}${docsUrl(doc.url, lang)}`]);
  return [
    block(style, labels.scope, [fill(entry.scope[lang]), style.dim(labels.moduleType[entry.type])]),
    block(style, labels.whatItDoes, [style.prose(fill(entry.summary[lang]))]),
    block(style, labels.steps, steps),
    block(style, labels.commands, commands),
    block(style, labels.logs, entry.logs.map(fill)),
    block(style, labels.docs, docs),
  ].filter((lines) => lines.length > 0);
}
