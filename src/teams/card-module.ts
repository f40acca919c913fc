import type { InstanceChoice } from '../core/instance.js';
import type { Lang, ModuleEntry } from '../core/types.js';
import { knowledgeRuns, monospaceRun, numberedList, paragraph, richText, run, sectionLabel, type CardNode } from './card-elements.js';
import { fillInstance } from '../render/fill-instance.js';
import { instanceName, cardUsesInstance, instanceNotes } from '../render/instance-choice.js';
import { docsUrl, labelled, labelsFor } from '../render/labels.js';
import { truncate } from '../render/limits.js';

/** How much of a module fits: cards are shrunk step by step until they fit Teams' size budget. */
export type Detail = 'full' | 'compact' | 'minimal';

export interface SectionOptions {
  lang: Lang;
  /** The instance every command, path and step uses, and why. */
  instance: InstanceChoice;
  detail: Detail;
  /** Whether the card carries buttons that come back to the bot (TeamsRenderOptions.submitButtons). */
  submitButtons: boolean;
}

/** Per-level caps; `undefined` means keep everything. */
const CAPS: Record<Detail, { summary?: number; steps?: number; stepChars?: number; commands?: number; docs: number; why: boolean; logs: boolean }> = {
  full: { docs: 5, why: true, logs: true },
  compact: { summary: 400, docs: 5, why: false, logs: false },
  minimal: { summary: 200, steps: 5, stepChars: 240, commands: 3, docs: 2, why: false, logs: false },
};

/** A knowledge title made safe inside `[…]` of a markdown link. */
function markdownLinkText(title: string): string {
  return title.replace(/[[\]\\]/g, ' ');
}

/** The module's process type, e.g. "Mono-instance: … module@instance". */
export function moduleTypeNote(entry: ModuleEntry, lang: Lang): CardNode {
  return paragraph(labelsFor(lang).moduleType[entry.type], { isSubtle: true, spacing: 'None' });
}

/** What the module does, remediation steps, commands, logs and doc links. */
export function moduleDetails(entry: ModuleEntry, options: SectionOptions): CardNode[] {
  const { lang, detail } = options;
  const instance = instanceName(options.instance);
  const labels = labelsFor(lang);
  const caps = CAPS[detail];
  const fill = (text: string): string => fillInstance(text, instance);
  const nodes: CardNode[] = [];

  const summary = fill(entry.summary[lang]);
  nodes.push(sectionLabel(labels.whatItDoes), richText(knowledgeRuns(caps.summary ? truncate(summary, caps.summary) : summary), { spacing: 'Small' }));

  const steps = entry.remediation[lang].slice(0, caps.steps).map((step) => {
    const text = fill(step);
    return knowledgeRuns(caps.stepChars ? truncate(text, caps.stepChars) : text);
  });
  if (steps.length > 0) nodes.push(sectionLabel(labels.steps), ...numberedList(steps));

  const commands = entry.commands.slice(0, caps.commands);
  if (commands.length > 0) {
    nodes.push(sectionLabel(labels.commands));
    for (const command of commands) {
      nodes.push(richText([monospaceRun(fill(command.run))], { spacing: 'Small' }));
      if (caps.why) nodes.push(richText(knowledgeRuns(fill(command.why[lang]), { isSubtle: true }), { spacing: 'None' }));
      // A disruptive command keeps its caution at every detail level: people run what the card says.
      if (command.caution) {
        nodes.push(
          richText([run(`⚠ ${labelled(labels.caution, lang)} `, { weight: 'Bolder', color: 'Warning' }), ...knowledgeRuns(fill(command.caution[lang]), { color: 'Warning' })], {
            spacing: 'None',
          }),
        );
      }
    }
    if (cardUsesInstance(entry, lang)) {
      nodes.push(...instanceNotes(options.instance, lang, 'chat').map((note) => richText([run(note, { isSubtle: true, italic: true })], { spacing: 'Small' })));
    }
  }

  if (caps.logs && entry.logs.length > 0) {
    nodes.push(sectionLabel(labels.logs), ...entry.logs.map((log) => richText([monospaceRun(fill(log))], { spacing: 'None' })));
  }

  // Links in text rather than buttons: Teams cuts button titles to a few words.
  const docs = entry.docs.slice(0, caps.docs);
  if (docs.length > 0) {
    nodes.push(sectionLabel(labels.docs), paragraph(docs.map((doc) => `- [${markdownLinkText(doc.title[lang])}](${docsUrl(doc.url, lang)})`).join('\n'), { spacing: 'Small' }));
  }
  if (detail === 'minimal') nodes.push(paragraph(labels.detailsTrimmed, { isSubtle: true, size: 'Small' }));
  return nodes;
}
