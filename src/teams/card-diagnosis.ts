import { type JudgedAnswer, judgedAnswer, QUESTION_CARRIED_CHARS } from '../core/feedback.js';
import { neutraliseTeamsText } from './escape.js';
import type { Reply } from '../core/reply.js';
import type { Diagnosis, Knowledge, Lang, ModuleEntry, ModuleId } from '../core/types.js';
import { actionSet, facts, heading, ifSubmitButtons, knowledgeRuns, openUrl, paragraph, richText, run, sectionLabel, submit, userRun, type CardNode } from './card-elements.js';
import { moduleDetails, moduleTypeNote, type SectionOptions } from './card-module.js';
import { answerLabel, isWorthShowing, listingNote, typedCommandNotes } from '../render/diagnosis-notes.js';
import { namedInstance } from '../render/instance-choice.js';
import { formatConfidence, labelled, labelsFor } from '../render/labels.js';
import { TEAMS_LIMITS, truncate } from '../render/limits.js';
import { sliceWhole } from '../core/normalize.js';
import { feedbackAction, showModuleAction } from './card-action.js';
import { FEEDBACK_SECTION_ID } from './voted-card.js';

/** At most this many "other candidate" buttons: Teams shows about five buttons in a row before overflowing. */
const MAX_CANDIDATE_BUTTONS = 4;
/** Below this score a candidate of an off-topic message is noise rather than a lead. */
const MIN_CANDIDATE_SCORE_WHEN_UNSURE = 0.2;

/** "You asked: …", the question echoed in italics and cut to the card's limit. */
export function youAsked(query: string, lang: Lang): CardNode {
  return richText([run(`${labelled(labelsFor(lang).youAsked, lang)} `, { weight: 'Bolder' }), userRun(truncate(query, TEAMS_LIMITS.echoedQuery), { italic: true })]);
}

function moduleButtons(ids: ModuleId[], diagnosis: Diagnosis, lang: Lang, instance?: string): CardNode {
  const score = (id: ModuleId): string => {
    const found = diagnosis.candidates.find((c) => c.module === id);
    return found && isWorthShowing(found) ? ` (${formatConfidence(found.score, lang)})` : '';
  };
  return actionSet(ids.map((id) => submit(`${id}${score(id)}`, showModuleAction(id, lang, instance))));
}

/** "Did this help?" with Helpful / Not it, carrying the answer judged (module null when none was named). */
export function feedbackButtons(answer: JudgedAnswer): CardNode[] {
  const labels = labelsFor(answer.lang);
  // The question travels neutralised, like every other piece of user text on the card.
  const judged = answer.question === undefined ? answer : { ...answer, question: sliceWhole(neutraliseTeamsText(answer.question), QUESTION_CARRIED_CHARS) };
  const items = [
    sectionLabel(labels.wasThisHelpful),
    actionSet([submit(labels.helpful, feedbackAction('helpful', judged)), submit(labels.notIt, feedbackAction('not_it', judged))]),
  ];
  return [{ type: 'Container', id: FEEDBACK_SECTION_ID, items }];
}

/** What to type instead of a command quoted with translated words, its commands as code. */
export function typedCommandNodes(diagnosis: Diagnosis, lang: Lang): CardNode[] {
  return typedCommandNotes(diagnosis, lang).map((note) => richText(knowledgeRuns(note)));
}

/** The answer to a symptom: the likely module with what to do, or "no module matched". */
export function diagnosisBody(reply: Extract<Reply, { kind: 'diagnosis' }>, knowledge: Knowledge, options: SectionOptions): CardNode[] {
  const { diagnosis, query } = reply;
  const { lang, submitButtons } = options;
  const labels = labelsFor(lang);
  const entry = diagnosis.module ? knowledge.byId.get(diagnosis.module) : undefined;
  const listing = listingNote(diagnosis, lang);
  const listingNodes = [...(listing ? [paragraph(listing, { spacing: 'Small' })] : []), ...typedCommandNodes(diagnosis, lang)];
  if (!entry) {
    const leads = diagnosis.candidates
      .filter((c) => c.score >= MIN_CANDIDATE_SCORE_WHEN_UNSURE)
      .map((c) => c.module)
      .slice(0, MAX_CANDIDATE_BUTTONS);
    return [
      heading(labels.notCampaignTitle),
      richText(knowledgeRuns(labels.notCampaign)),
      ...listingNodes,
      youAsked(query, lang),
      ...ifSubmitButtons(submitButtons, [
        ...(leads.length > 0 ? [sectionLabel(labels.otherCandidates), moduleButtons(leads, diagnosis, lang)] : []),
        ...feedbackButtons(judgedAnswer(reply)),
      ]),
    ];
  }
  const others = [...new Set([...diagnosis.also, ...diagnosis.candidates.filter(isWorthShowing).map((c) => c.module)])]
    .filter((id) => id !== entry.id)
    .slice(0, MAX_CANDIDATE_BUTTONS);
  const summary: Array<[string, string]> = [
    [labels.confidence, formatConfidence(diagnosis.confidence, lang)],
    [labels.scope, entry.scope[lang]],
  ];
  if (diagnosis.also.length > 0) summary.push([labels.alsoCheck, diagnosis.also.join(', ')]);
  const evidence =
    options.detail === 'full' && diagnosis.evidence.length > 0
      ? [richText([run(`${labelled(labels.evidence, lang)} `, { weight: 'Bolder' }), userRun(diagnosis.evidence.join(', '))])]
      : [];
  return [
    heading(`${labelled(answerLabel(diagnosis, lang), lang)} ${entry.id}`),
    paragraph(entry.name[lang], { isSubtle: true, spacing: 'None' }),
    facts(summary),
    moduleTypeNote(entry, lang),
    ...listingNodes,
    youAsked(query, lang),
    ...evidence,
    ...(reply.search ? [paragraph(labels.askedDocs), actionSet([openUrl(labels.searchDocs, reply.search)])] : []),
    ...moduleDetails(entry, options),
    ...ifSubmitButtons(submitButtons, [
      ...(others.length > 0 ? [sectionLabel(labels.otherCandidates), moduleButtons(others, diagnosis, lang, namedInstance(options.instance))] : []),
      ...feedbackButtons(judgedAnswer(reply)),
    ]),
  ];
}

/** A module asked for by name (or picked from another card): what it is and what to do. */
export function moduleBody(entry: ModuleEntry, options: SectionOptions): CardNode[] {
  const { lang } = options;
  const labels = labelsFor(lang);
  const related = entry.related.filter((id) => id !== entry.id).slice(0, MAX_CANDIDATE_BUTTONS);
  return [
    heading(entry.id),
    paragraph(entry.name[lang], { isSubtle: true, spacing: 'None' }),
    facts([[labels.scope, entry.scope[lang]]]),
    moduleTypeNote(entry, lang),
    ...moduleDetails(entry, options),
    ...ifSubmitButtons(
      options.submitButtons,
      related.length > 0 ? [sectionLabel(labels.alsoCheck), actionSet(related.map((id) => submit(id, showModuleAction(id, lang, namedInstance(options.instance)))))] : [],
    ),
  ];
}
