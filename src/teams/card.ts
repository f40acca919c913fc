import type { Reply } from '../core/reply.js';
import type { Knowledge, Lang, ModuleId } from '../core/types.js';
import { correctionChoices } from '../core/feedback.js';
import { heading, knowledgeRuns, openUrl, actionSet, paragraph, richText, submit, type CardNode } from './card-elements.js';
import { diagnosisBody, moduleBody } from './card-diagnosis.js';
import { howToBody, outsideBody } from './card-elsewhere.js';
import type { Detail } from './card-module.js';
import { helpBody, invalidBody, listBody } from './card-pages.js';
import { docsUrl, labelsFor } from '../render/labels.js';
import { TEAMS_LIMITS, truncate } from '../render/limits.js';
import { teamsSummary } from './summary.js';
import { instanceOf } from '../render/instance-choice.js';

export interface TeamsRenderOptions {
  /** The configured instance (CAMPAIGN_INSTANCE), for replies that carry no instance choice of their own. */
  instance?: string;
  /** Diagnoses name modules by id; their steps and commands come from here. */
  knowledge: Knowledge;
  /**
   * Buttons whose press comes back to the bot (other modules, Helpful / Not it, list rows); default
   * true. False for a card the person sends as their own message (a message extension's result):
   * Teams sends its buttons as invokes from a conversation the bot is mostly not in, and could not
   * answer in.
   */
  submitButtons?: boolean;
}

/** A card ready to attach, and the plain text Teams shows in notifications and where cards cannot render. */
export interface TeamsMessage {
  text: string;
  card: object;
}

const DETAILS: readonly Detail[] = ['full', 'compact', 'minimal'];

function envelope(body: CardNode[], text: string): object {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: TEAMS_LIMITS.cardVersion,
    fallbackText: text,
    body,
    msteams: { width: 'Full' },
  };
}

/** Size as Teams counts it: the UTF-8 bytes of the serialized card (Korean takes three bytes a character). */
export function cardBytes(card: object): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}

function bodyFor(reply: Reply, options: TeamsRenderOptions, detail: Detail): CardNode[] {
  const submitButtons = options.submitButtons ?? true;
  const section = { lang: reply.lang, instance: instanceOf(reply, options.instance), detail, submitButtons };
  switch (reply.kind) {
    case 'diagnosis':
      return diagnosisBody(reply, options.knowledge, section);
    case 'module':
      return moduleBody(reply.module, section);
    case 'howto':
      return howToBody(reply, submitButtons);
    case 'outside':
      return outsideBody(reply, options.knowledge, submitButtons);
    case 'list':
      return listBody(reply.modules, reply.lang, submitButtons);
    case 'help':
      return helpBody(reply.lang);
    case 'invalid':
      return invalidBody(reply.reason, reply.lang);
  }
}

/** Last resort when even the minimal card is too big: the title, a note and the doc links. */
function smallestBody(reply: Reply, options: TeamsRenderOptions, text: string): CardNode[] {
  const labels = labelsFor(reply.lang);
  const id = reply.kind === 'module' ? reply.module.id : reply.kind === 'diagnosis' ? reply.diagnosis.module : null;
  const entry = id ? options.knowledge.byId.get(id) : undefined;
  const docs = (entry?.docs ?? []).slice(0, 2).map((doc) => openUrl(doc.title[reply.lang], docsUrl(doc.url, reply.lang)));
  return [heading(truncate(text, 200)), paragraph(labels.detailsTrimmed, { isSubtle: true }), ...(docs.length > 0 ? [actionSet(docs)] : [])];
}

/** Renders any reply as an Adaptive Card that fits Teams' size budget, shrinking detail only when it must. */
export function renderTeams(reply: Reply, options: TeamsRenderOptions): TeamsMessage {
  const text = teamsSummary(reply, options.knowledge);
  for (const detail of DETAILS) {
    const card = envelope(bodyFor(reply, options, detail), text);
    if (cardBytes(card) <= TEAMS_LIMITS.cardBytes) return { text, card };
  }
  return { text, card: envelope(smallestBody(reply, options, text), text) };
}

/** After "Not it": the thanks, and a choice of the card's candidates then every module, submitted with the verdict's id and its voter's tag. */
export function renderTeamsCorrection(verdictId: string, voter: string, candidates: readonly ModuleId[] | undefined, lang: Lang): TeamsMessage {
  const labels = labelsFor(lang);
  const { suggested, others } = correctionChoices(candidates);
  const text = `${labels.thanksNotIt} ${labels.whichModule}`;
  const choices = [...suggested.map((id) => ({ title: `${id} · ${labels.candidatesGroup}`, value: id })), ...others.map((id) => ({ title: id, value: id }))];
  return {
    text,
    card: envelope(
      [
        richText(knowledgeRuns(labels.thanksNotIt)),
        { type: 'Input.ChoiceSet', id: 'module', label: labels.whichModule, style: 'compact', isRequired: true, errorMessage: labels.whichModule, choices },
        actionSet([submit(labels.correctionSubmit, { action: 'correction', verdictId, lang, voter })]),
      ],
      text,
    ),
  };
}

/** The card sent when the bot is added to a team, a group chat or a personal chat. */
export function renderTeamsWelcome(lang: Lang): TeamsMessage {
  const labels = labelsFor(lang);
  const text = `${labels.welcomeTitle} ${labels.help}`;
  return { text, card: envelope(helpBody(lang, labels.welcomeTitle), text) };
}
