import type { Feedback } from '../core/feedback.js';
import type { Reply } from '../core/reply.js';
import type { Triage } from '../core/triage.js';
import type { Lang } from '../core/types.js';
import { renderTeams, type TeamsMessage } from './card.js';
import { labelsFor } from '../render/labels.js';
import { parseCardAction } from './card-action.js';

/** What the bot does with one incoming Teams message, decided without touching the SDK. */
export type TeamsOutcome =
  | { kind: 'answer'; message: TeamsMessage }
  /** A candidate button: replace the card that carried it (or send a new one if that fails). */
  | { kind: 'replace'; message: TeamsMessage }
  | { kind: 'feedback'; feedback: Omit<Feedback, 'user' | 'at'>; acknowledgement: string }
  | { kind: 'ignore' };

export interface TeamsMessageInput {
  /** Message text with the bot's mentions already removed. */
  text: string;
  /** `activity.value`: set when an Action.Submit button was pressed. */
  value: unknown;
}

/** Routes a message: card buttons first, then anything typed goes through the triage core. */
export function decideTeamsOutcome(input: TeamsMessageInput, triage: Triage, instance: string | undefined): TeamsOutcome {
  const render = (reply: Reply): TeamsMessage => renderTeams(reply, { instance, knowledge: triage.knowledge });
  if (input.value !== undefined && input.value !== null) {
    const action = parseCardAction(input.value);
    if (!action) return { kind: 'ignore' };
    if (action.action === 'feedback') {
      const labels = labelsFor(action.lang);
      return {
        kind: 'feedback',
        feedback: { verdict: action.verdict, module: action.module, lang: action.lang, platform: 'teams' },
        acknowledgement: action.verdict === 'helpful' ? labels.thanksHelpful : labels.thanksNotIt,
      };
    }
    const entry = triage.knowledge.byId.get(action.module);
    if (!entry) return { kind: 'ignore' };
    return { kind: 'replace', message: render({ kind: 'module', lang: action.lang, module: entry }) };
  }
  return { kind: 'answer', message: render(triage.reply(input.text)) };
}

/** Language for messages sent outside a triage reply (welcome, errors), from the client's locale. */
export function langFromLocale(locale: string | undefined): Lang {
  return locale?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}
