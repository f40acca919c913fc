import type { JudgedAnswer } from '../core/feedback.js';
import type { Diagnosis, Lang, ModuleEntry, ModuleId } from '../core/types.js';
import { escapeSlack } from '../render/escape.js';
import { answerLabel, isWorthShowing, listingNote, typedCommandNotes } from '../render/diagnosis-notes.js';
import { formatConfidence, labelled, labelsFor } from '../render/labels.js';
import { SLACK_LIMITS, truncate } from '../render/limits.js';
import { encodeFeedback, encodeShowModule, FEEDBACK_BLOCK_ID, SLACK_ACTIONS } from './actions.js';
import { actions, button, context, divider, header, section, type Block, type Button } from './block-kit.js';

/** At most this many "other candidate" buttons: more would bury the answer. */
const MAX_OTHER_CANDIDATES = 4;

/** Header title naming the module, with its id when the display name does not already say it. */
export function moduleTitle(module: ModuleEntry, lang: Lang): string {
  const name = module.name[lang];
  return name.toLowerCase().includes(module.id.toLowerCase()) ? name : `${name} (${module.id})`;
}

/**
 * What the user typed, cut, escaped and shown as code, so it can never ping a channel, hide a
 * link or turn `*bold*` and `~strike~` live (mrkdwn has no escape for those).
 */
export function echoedQuery(query: string, lang: Lang): string {
  const shown = escapeSlack(truncate(query.replace(/\s+/g, ' ').replace(/`/g, "'").trim(), SLACK_LIMITS.echoedQuery));
  return `*${labelled(labelsFor(lang).youAsked, lang)}* \`${shown}\``;
}

/** The module named in the header ("Likely module" or "Not sure — best guess"), or the plain "no module matched" title. */
export function diagnosisHeader(diagnosis: Diagnosis, module: ModuleEntry | undefined, lang: Lang): Block {
  return header(module ? `${labelled(answerLabel(diagnosis, lang), lang)} ${moduleTitle(module, lang)}` : labelsFor(lang).notCampaignTitle);
}

/** Confidence (only when a module is named), language, the second module to check, and what a pasted listing showed. */
export function diagnosisFacts(diagnosis: Diagnosis, lang: Lang, query: string): Block[] {
  const labels = labelsFor(lang);
  const facts = [`*${labelled(labels.language, lang)}* ${labels.languageName}`];
  if (diagnosis.module !== null) facts.unshift(`*${labelled(labels.confidence, lang)}* ${formatConfidence(diagnosis.confidence, lang)}`);
  if (diagnosis.also.length > 0) facts.push(`*${labelled(labels.alsoCheck, lang)}* ${diagnosis.also.map((id) => `\`${id}\``).join(', ')}`);
  const blocks: Block[] = [context(facts)];
  const listing = listingNote(diagnosis, lang);
  if (listing) blocks.push(context([escapeSlack(listing)]));
  for (const note of typedCommandNotes(diagnosis, lang)) blocks.push(section(escapeSlack(note)));
  if (query.trim()) blocks.push(context([echoedQuery(query, lang)]));
  return blocks;
}

export function evidenceBlock(diagnosis: Diagnosis, lang: Lang): Block[] {
  if (diagnosis.evidence.length === 0) return [];
  const shown = diagnosis.evidence
    .slice(0, 8)
    .map((e) => `\`${escapeSlack(truncate(e.replace(/`/g, "'"), 80))}\``)
    .join(', ');
  return [context([`*${labelled(labelsFor(lang).evidence, lang)}* ${shown}`])];
}

/** For a text that asks and names no trouble: the module may fit, but the docs may answer better. */
export function askedDocsBlock(search: string | undefined, lang: Lang): Block[] {
  if (!search) return [];
  const labels = labelsFor(lang);
  return [section(escapeSlack(labels.askedDocs), button(`${SLACK_ACTIONS.openDocs}_0`, labels.searchDocs, { url: search }))];
}

/** Modules worth a second look: the knowledge's "also" first, then the ranked runners-up. */
export function otherCandidates(diagnosis: Diagnosis): Array<{ module: ModuleId; score?: number }> {
  const scores = new Map(diagnosis.candidates.map((c) => [c.module, c.score]));
  const ids = [...diagnosis.also, ...diagnosis.candidates.filter(isWorthShowing).map((c) => c.module)];
  const unique = [...new Set(ids)].filter((id) => id !== diagnosis.module);
  return unique.slice(0, MAX_OTHER_CANDIDATES).map((module) => {
    const score = scores.get(module);
    return score === undefined ? { module } : { module, score };
  });
}

/** Buttons that show another module's card, on the same instance as this one. */
export function candidateBlocks(diagnosis: Diagnosis, lang: Lang, instance?: string): Block[] {
  const others = otherCandidates(diagnosis);
  if (others.length === 0) return [];
  const buttons: Button[] = others.map((c, i) =>
    // A score that rounds to 0% says nothing useful, so the button shows only the module then.
    button(
      `${SLACK_ACTIONS.showModule}_${i}`,
      c.score === undefined || !isWorthShowing({ module: c.module, score: c.score }) ? c.module : `${c.module} · ${formatConfidence(c.score, lang)}`,
      {
        value: encodeShowModule({ module: c.module, lang, ...(instance && { instance }) }),
      },
    ),
  );
  return [divider(), section(`*${labelsFor(lang).otherCandidates}*`), actions(buttons, 'candidates')];
}

/** "Did this help?" with Helpful / Not it; the verdict carries the answer it judged. */
export function feedbackBlocks(answer: JudgedAnswer): Block[] {
  const labels = labelsFor(answer.lang);
  // The question travels escaped, like every other piece of user text in the message.
  const judged = answer.question === undefined ? answer : { ...answer, question: escapeSlack(answer.question) };
  return [
    context([`*${labels.wasThisHelpful}*`], `${FEEDBACK_BLOCK_ID}_prompt`),
    actions(
      [
        button(SLACK_ACTIONS.feedbackHelpful, labels.helpful, { value: encodeFeedback({ verdict: 'helpful', ...judged }), style: 'primary' }),
        button(SLACK_ACTIONS.feedbackNotIt, labels.notIt, { value: encodeFeedback({ verdict: 'not_it', ...judged }) }),
      ],
      FEEDBACK_BLOCK_ID,
    ),
  ];
}

/** Fallback text for notifications and clients that cannot show blocks. */
export function diagnosisFallback(diagnosis: Diagnosis, module: ModuleEntry | undefined, lang: Lang): string {
  const labels = labelsFor(lang);
  if (!module) return `${labels.notCampaignTitle}. ${escapeSlack(labels.notCampaign)}`;
  const also = diagnosis.also.length > 0 ? ` ${labelled(labels.alsoCheck, lang)} ${diagnosis.also.join(', ')}.` : '';
  return `${labelled(answerLabel(diagnosis, lang), lang)} ${module.id} (${formatConfidence(diagnosis.confidence, lang)}).${also} ${escapeSlack(module.scope[lang])}`;
}
