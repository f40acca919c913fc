import type { Reply } from '../core/reply.js';
import type { Diagnosis, Knowledge, Lang, ModuleId } from '../core/types.js';
import type { InstanceChoice } from '../core/instance.js';
import { answerLabel, isWorthShowing, listingNote, typedCommandNotes } from '../render/diagnosis-notes.js';
import { instanceOf } from '../render/instance-choice.js';
import { formatConfidence, labelled, labelsFor } from '../render/labels.js';
import { invalidMessage } from '../render/invalid-message.js';
import { truncate } from '../render/limits.js';
import { block, moduleSections, moduleTitle, wrapped } from './terminal-module.js';
import { createStyle, plain, type TerminalStyle } from './terminal-style.js';
import { wrapLine } from './terminal-wrap.js';

export interface TerminalOptions {
  /** The configured instance, for replies that carry no instance choice of their own. */
  instance?: string;
  /** ANSI colour: only when writing to a terminal that wants it. */
  color: boolean;
  /** The terminal's width in columns: prose is wrapped to it, wide characters counted as two. None when piped. */
  width?: number | undefined;
  /** Where a diagnosis's module ids are looked up (a diagnosis carries ids, not entries). */
  knowledge: Pick<Knowledge, 'byId'>;
}

const MAX_EVIDENCE_CHARS = 120;
const MAX_OTHER_CANDIDATES = 3;

function nameOf(id: ModuleId, lang: Lang, options: TerminalOptions): string {
  const entry = options.knowledge.byId.get(id);
  return entry ? moduleTitle(entry, lang) : id;
}

/** Runner-up modules with their scores, leaving out the ones already named. */
function otherCandidates(diagnosis: Diagnosis, lang: Lang, style: TerminalStyle): string[] {
  const named = new Set<ModuleId | null>([diagnosis.module, ...diagnosis.also]);
  // A runner-up that would read "0%" is noise, not a lead.
  const others = diagnosis.candidates.filter((c) => !named.has(c.module) && isWorthShowing(c)).slice(0, MAX_OTHER_CANDIDATES);
  if (others.length === 0) return [];
  const list = others.map((c) => `${c.module} ${style.dim(formatConfidence(c.score, lang))}`).join(' · ');
  return [`${style.heading(labelled(labelsFor(lang).otherCandidates, lang))} ${list}`];
}

function evidenceLines(diagnosis: Diagnosis, lang: Lang, style: TerminalStyle): string[] {
  if (diagnosis.evidence.length === 0) return [];
  const items = [...new Set(diagnosis.evidence.map((e) => truncate(plain(e).replace(/\s+/g, ' ').trim(), MAX_EVIDENCE_CHARS)))];
  return wrapLine(`${style.heading(labelled(labelsFor(lang).evidence, lang))} ${items.map((i) => `"${i}"`).join(', ')}`, style.width);
}

function typedCommandLines(diagnosis: Diagnosis, lang: Lang, style: TerminalStyle): string[] {
  return typedCommandNotes(diagnosis, lang).flatMap((note) => wrapLine(note, style.width));
}

function renderDiagnosis(reply: Extract<Reply, { kind: 'diagnosis' }>, choice: InstanceChoice, options: TerminalOptions, style: TerminalStyle): string[][] {
  const { diagnosis, lang } = reply;
  const labels = labelsFor(lang);
  const evidence = evidenceLines(diagnosis, lang, style);
  const others = otherCandidates(diagnosis, lang, style);
  const listing = listingNote(diagnosis, lang);
  const listingLines = [...(listing ? [style.heading(listing)] : []), ...typedCommandLines(diagnosis, lang, style)];
  if (diagnosis.module === null) {
    return [
      [style.title(labels.notCampaignTitle), ...wrapLine(labels.notCampaign, style.width), ...listingLines],
      [...others, ...evidence],
    ].filter((b) => b.length > 0);
  }
  const confidence = style.confidence(formatConfidence(diagnosis.confidence, lang), diagnosis.confidence);
  const header = [
    style.title(`${labelled(answerLabel(diagnosis, lang), lang)} ${nameOf(diagnosis.module, lang, options)}`),
    `${labels.confidence} ${confidence} · ${labels.language} ${labels.languageName}`,
    ...diagnosis.also.map((id) => `${style.heading(labelled(labels.alsoCheck, lang))} ${nameOf(id, lang, options)}`),
    ...listingLines,
    ...evidence,
  ];
  const asked = reply.search ? [...wrapLine(labels.askedDocs, style.width), `  ${reply.search}`] : [];
  const entry = options.knowledge.byId.get(diagnosis.module);
  const sections = entry ? moduleSections(entry, lang, style, choice) : [];
  return [header, asked, ...sections, others].filter((b) => b.length > 0);
}

function renderBlocks(reply: Reply, options: TerminalOptions, style: TerminalStyle): string[][] {
  const labels = labelsFor(reply.lang);
  switch (reply.kind) {
    case 'diagnosis':
      return renderDiagnosis(reply, instanceOf(reply, options.instance), options, style);
    case 'module':
      return [[style.title(moduleTitle(reply.module, reply.lang))], ...moduleSections(reply.module, reply.lang, style, instanceOf(reply, options.instance))];
    case 'howto': {
      const { fits } = reply.diagnosis;
      return [
        [style.title(labels.howToTitle), ...wrapLine(labels.howTo, style.width), `  ${reply.search}`, ...(fits ? wrapLine(labels.howToFits(fits), style.width) : [])],
        typedCommandLines(reply.diagnosis, reply.lang, style),
      ].filter((b) => b.length > 0);
    }
    case 'outside': {
      const { topic } = reply;
      const dependentWhy = reply.dependent?.why ? wrapLine(reply.dependent.why[reply.lang], style.width) : [];
      const dependent = reply.dependent ? [style.heading(labels.outsideDependent(reply.dependent.module)), ...dependentWhy] : [];
      const named = reply.named ? wrapLine(labels.outsideNamed(reply.named), style.width) : [];
      return [[style.title(topic.title[reply.lang]), ...wrapLine(topic.says[reply.lang], style.width)], named, dependent].filter((b) => b.length > 0);
    }
    case 'list': {
      const width = Math.max(...reply.modules.map((m) => m.id.length)) + 2;
      // The scope's continuation lines start under the scope, whatever the script.
      const rows = reply.modules.flatMap((m) => wrapped(style, `${style.command(m.id.padEnd(width))}${m.scope[reply.lang]}`, ' '.repeat(width)));
      return [block(style, labels.listTitle, rows)];
    }
    case 'help':
      return [[style.title(labels.helpTitle), ...wrapLine(labels.help, style.width)], labels.helpExamples.map((example) => `  • campaign-module ask "${example}"`)];
    case 'invalid':
      return [[invalidMessage(reply.reason, reply.lang)]];
  }
}

/** A Reply as terminal text, in the reply's language; ANSI colour only when `color` is set. */
export function renderTerminal(reply: Reply, options: TerminalOptions): string {
  const style = createStyle(options.color, options.width);
  return renderBlocks(reply, options, style)
    .map((lines) => lines.join('\n'))
    .join('\n\n');
}
