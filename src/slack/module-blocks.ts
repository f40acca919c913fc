import type { InstanceChoice } from '../core/instance.js';
import type { Lang, ModuleEntry } from '../core/types.js';
import { escapeSlack } from '../render/escape.js';
import { fillInstance } from '../render/fill-instance.js';
import { cardUsesInstance, instanceName, instanceNotes } from '../render/instance-choice.js';
import { docsUrl, labelsFor } from '../render/labels.js';
import { SLACK_LIMITS } from '../render/limits.js';
import { SLACK_ACTIONS } from './actions.js';
import { actions, button, context, packLines, section, type Block } from './block-kit.js';

/** Knowledge text made safe for mrkdwn: instance filled in, control characters escaped. */
function safe(text: string, instance: string | undefined): string {
  return escapeSlack(fillInstance(text, instance));
}

/** Execution scope and what kind of process the module is (mono needs @instance). */
export function scopeBlock(module: ModuleEntry, lang: Lang, instance?: string): Block {
  const labels = labelsFor(lang);
  return section(`*${labels.scope}*\n${safe(module.scope[lang], instance)}\n_${escapeSlack(labels.moduleType[module.type])}_`);
}

export function summaryBlock(module: ModuleEntry, lang: Lang, instance?: string): Block {
  return section(`*${labelsFor(lang).whatItDoes}*\n${safe(module.summary[lang], instance)}`);
}

/** Numbered remediation steps, split over several sections if one would be too long. */
export function stepBlocks(module: ModuleEntry, lang: Lang, instance?: string): Block[] {
  const lines = module.remediation[lang].map((step, i) => `${i + 1}. ${safe(step, instance)}`);
  const chunks = packLines([`*${labelsFor(lang).steps}*`, ...lines]);
  return chunks.map((chunk) => section(chunk));
}

/**
 * Commands in code blocks, each preceded by shell comments saying why and, for a disruptive one,
 * what it costs, so the block can be pasted as it stands.
 */
export function commandBlocks(module: ModuleEntry, lang: Lang, instance?: string): Block[] {
  if (module.commands.length === 0) return [];
  const caution = labelsFor(lang).caution;
  const lines = module.commands.flatMap((c) => [
    `# ${safe(c.why[lang], instance)}`,
    ...(c.caution ? [`# ⚠ ${caution}: ${safe(c.caution[lang], instance)}`] : []),
    safe(c.run, instance),
  ]);
  const fence = '```';
  // Room for the title line and the two fences around each chunk.
  const budget = SLACK_LIMITS.sectionText - labelsFor(lang).commands.length - 2 * fence.length - 8;
  return packLines(lines, budget).map((chunk, i) => section(i === 0 ? `*${labelsFor(lang).commands}*\n${fence}${chunk}${fence}` : `${fence}${chunk}${fence}`));
}

export function logsBlock(module: ModuleEntry, lang: Lang, instance?: string): Block[] {
  if (module.logs.length === 0) return [];
  const paths = module.logs.map((log) => `\`${safe(log, instance)}\``).join('\n');
  return [section(`*${labelsFor(lang).logs}*\n${paths}`)];
}

/** One link button per doc page, in the reader's language. */
export function docsBlock(module: ModuleEntry, lang: Lang): Block[] {
  if (module.docs.length === 0) return [];
  const buttons = module.docs.map((doc, i) => button(`${SLACK_ACTIONS.openDocs}_${i}`, doc.title[lang] || labelsFor(lang).openDocs, { url: docsUrl(doc.url, lang) }));
  return [section(`*${labelsFor(lang).docs}*`), actions(buttons)];
}

/** Which instance the commands use and why ("Instance mkt, from your message"). */
export function instanceNote(lang: Lang, choice: InstanceChoice): Block[] {
  return [context(instanceNotes(choice, lang, 'chat').map(escapeSlack))];
}

/** Everything a module card shows below its header, in reading order. */
export function moduleDetailBlocks(module: ModuleEntry, lang: Lang, choice: InstanceChoice): Block[] {
  const instance = instanceName(choice);
  return [
    scopeBlock(module, lang, instance),
    summaryBlock(module, lang, instance),
    ...stepBlocks(module, lang, instance),
    ...commandBlocks(module, lang, instance),
    ...(cardUsesInstance(module, lang) ? instanceNote(lang, choice) : []),
    ...logsBlock(module, lang, instance),
    ...docsBlock(module, lang),
  ];
}
