import type { InstanceChoice } from '../core/instance.js';
import type { Lang, ModuleEntry } from '../core/types.js';
import { fillInstance } from '../render/fill-instance.js';
import { instanceName, instanceNotes } from '../render/instance-choice.js';
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

/**
 * Everything an engineer needs about one module, in reading order: scope, what it does,
 * numbered steps, commands to paste, logs and documentation. Blocks are separated by blank lines.
 */
export function moduleSections(entry: ModuleEntry, lang: Lang, style: TerminalStyle, choice: InstanceChoice): string[][] {
  const labels = labelsFor(lang);
  const fill = (text: string): string => fillInstance(text, instanceName(choice));
  const steps = entry.remediation[lang].map((step, i) => `${String(i + 1).padStart(2)}. ${style.prose(fill(step))}`);
  const commands = entry.commands.flatMap((command) => [
    style.dim(`# ${fill(command.why[lang])}`),
    ...(command.caution ? [style.warning(`# ⚠ ${labels.caution}: ${fill(command.caution[lang])}`)] : []),
    style.command(fill(command.run)),
  ]);
  if (commands.length > 0) commands.push('', ...instanceNotes(choice, lang, 'cli').map((note) => style.dim(note)));
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
