import type { InstanceChoice } from '../core/instance.js';
import type { Lang, ModuleEntry } from '../core/types.js';
import { fillInstance } from '../render/fill-instance.js';
import { cardUsesInstance, instanceName, instanceNotes } from '../render/instance-choice.js';
import { docsUrl, labelled, labelsFor } from '../render/labels.js';
import type { TerminalStyle } from './terminal-style.js';
import { wrapLine } from './terminal-wrap.js';

const INDENT = '  ';

/** Prose wrapped to fit a block on the terminal, continuation lines starting with `hang`. */
export function wrapped(style: TerminalStyle, text: string, hang = ''): string[] {
  return wrapLine(text, style.width && style.width - INDENT.length, hang);
}

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
  const steps = entry.remediation[lang].flatMap((step, i) => wrapped(style, `${String(i + 1).padStart(2)}. ${style.prose(fill(step))}`, '    '));
  // A comment's every line starts with #, so a pasted block never runs a wrapped sentence; commands are never wrapped.
  const commands = entry.commands.flatMap((command) => [
    ...wrapped(style, `# ${fill(command.why[lang])}`, '# ').map(style.dim),
    ...(command.caution ? wrapped(style, `# ⚠ ${labelled(labels.caution, lang)} ${fill(command.caution[lang])}`, '# ').map(style.warning) : []),
    style.command(fill(command.run)),
  ]);
  if (commands.length > 0 && cardUsesInstance(entry, lang)) commands.push('', ...instanceNotes(choice, lang, 'cli').flatMap((note) => wrapped(style, note).map(style.dim)));
  const docs = entry.docs.flatMap((doc) => [...wrapped(style, doc.title[lang] || labels.openDocs), `${INDENT}${docsUrl(doc.url, lang)}`]);
  return [
    block(style, labels.scope, [...wrapped(style, fill(entry.scope[lang])), ...wrapped(style, labels.moduleType[entry.type]).map(style.dim)]),
    block(style, labels.whatItDoes, wrapped(style, style.prose(fill(entry.summary[lang])))),
    block(style, labels.steps, steps),
    block(style, labels.commands, commands),
    block(style, labels.logs, entry.logs.map(fill)),
    block(style, labels.docs, docs),
  ].filter((lines) => lines.length > 0);
}
