import { carriedInstance } from '../core/instance.js';
import { type Answered, answeredOf, type Correction, type Feedback } from '../core/feedback.js';
import type { Reply } from '../core/reply.js';
import type { Triage } from '../core/triage.js';
import { detectLanguage, hasOwnWords } from '../core/language.js';
import { LANGS, type Lang, type ModuleId } from '../core/types.js';
import { renderTeams, type TeamsMessage } from './card.js';
import { labelsFor } from '../render/labels.js';
import { parseCardAction } from './card-action.js';

/** What the bot does with one incoming Teams message, decided without touching the SDK. */
export type TeamsOutcome =
  /** `answered` is what the store counts, for replies that answer a question. */
  | { kind: 'answer'; message: TeamsMessage; answered?: Answered }
  /** A candidate button: replace the card that carried it (or send a new one if that fails). */
  | { kind: 'replace'; module: ModuleId; message: TeamsMessage }
  | { kind: 'feedback'; feedback: Omit<Feedback, 'user' | 'at'>; acknowledgement: string }
  /** `voter`: whose verdict the card said it corrects (voterTag). */
  | { kind: 'correction'; correction: Omit<Correction, 'at'>; voter: string; acknowledgement: string; notYours: string }
  | { kind: 'ignore' };

export interface TeamsMessageInput {
  /** Message text with the bot's mentions already removed; undefined when the message has none (a picture, a file, a text that is not a string). */
  text: string | undefined;
  /** `activity.value`: set when an Action.Submit button was pressed. */
  value: unknown;
  /** `activity.locale`: the language of a reply when there is no text to tell it. */
  locale: unknown;
}

/** Routes a message: card buttons first, then anything typed goes through the triage core. */
export function decideTeamsOutcome(input: TeamsMessageInput, triage: Triage, instance: string | undefined): TeamsOutcome {
  const render = (reply: Reply): TeamsMessage => renderTeams(reply, { instance, knowledge: triage.knowledge });
  if (input.value !== undefined && input.value !== null) {
    const action = parseCardAction(input.value);
    if (!action) return { kind: 'ignore' };
    if (action.action === 'feedback') {
      const { action: _action, ...judged } = action;
      const labels = labelsFor(action.lang);
      return {
        kind: 'feedback',
        feedback: { ...judged, platform: 'teams' },
        acknowledgement: action.verdict === 'helpful' ? labels.thanksHelpful : labels.thanksNotIt,
      };
    }
    if (action.action === 'correction') {
      if (!action.module) return { kind: 'ignore' };
      return {
        kind: 'correction',
        correction: { verdictId: action.verdictId, module: action.module },
        voter: action.voter,
        acknowledgement: labelsFor(action.lang).correctionThanks(action.module),
        notYours: labelsFor(action.lang).correctionNotYours,
      };
    }
    const entry = triage.knowledge.byId.get(action.module);
    if (!entry) return { kind: 'ignore' };
    const instance = action.instance ? { instance: carriedInstance(action.instance) } : {};
    return { kind: 'replace', module: entry.id, message: render({ kind: 'module', lang: action.lang, module: entry, ...instance }) };
  }
  if (input.text === undefined) return { kind: 'answer', message: render({ kind: 'invalid', lang: langFromLocale(input.locale), reason: 'no-text' }) };
  // A paste with no word of the sender's own (a bare pdump) says nothing of their language: their client's locale does.
  const reply = triage.reply(input.text, hasOwnWords(input.text) ? {} : { lang: langFromLocale(input.locale) });
  const answered = answeredOf(reply, 'teams');
  return { kind: 'answer', message: render(reply), ...(answered && { answered }) };
}

/** Language for messages sent outside a triage reply (welcome, errors), from the client's locale. */
export function langFromLocale(locale: unknown): Lang {
  const code = typeof locale === 'string' ? locale.slice(0, 2).toLowerCase() : '';
  return LANGS.find((lang) => lang === code) ?? 'en';
}

/**
 * Language of the person who sent an activity: the card's, for a button on one of the bot's cards
 * (its data carries `lang`); else their text's; else their client's locale. Never throws.
 */
export function langOfActivity(activity: { text?: unknown; locale?: unknown; value?: unknown }): Lang {
  const fromCard = typeof activity.value === 'object' && activity.value !== null ? (activity.value as { lang?: unknown }).lang : undefined;
  const cardLang = LANGS.find((lang) => lang === fromCard);
  if (cardLang) return cardLang;
  return typeof activity.text === 'string' && activity.text.trim() !== '' ? detectLanguage(activity.text) : langFromLocale(activity.locale);
}
