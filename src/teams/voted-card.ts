import type { Verdict } from '../core/feedback.js';
import type { Lang } from '../core/types.js';
import { labelsFor } from '../render/labels.js';
import type { TeamsMessage } from './card.js';
import { knowledgeRuns, richText, type CardNode } from './card-elements.js';

/** The id of a card's "Did this help?" section: a vote swaps it for the thanks line. */
export const FEEDBACK_SECTION_ID = 'feedback';

/** A day of answers in a busy team; the oldest is forgotten first, and its vote is thanked in a message of its own. */
const CARDS_KEPT = 500;

/**
 * The answer cards this process posted, by conversation and activity id. Teams sends a pressed
 * button's data back but not the card it sits on, and replacing the buttons needs the card.
 */
export class SentCards {
  private readonly cards = new Map<string, TeamsMessage>();

  remember(conversationId: string, activityId: string, message: TeamsMessage): void {
    if (this.cards.size >= CARDS_KEPT) {
      const oldest = this.cards.keys().next().value;
      if (oldest !== undefined) this.cards.delete(oldest);
    }
    this.cards.set(`${conversationId}:${activityId}`, message);
  }

  /** The card, forgotten once taken: its buttons are voted on once. */
  take(conversationId: string, activityId: string): TeamsMessage | undefined {
    const key = `${conversationId}:${activityId}`;
    const message = this.cards.get(key);
    this.cards.delete(key);
    return message;
  }
}

/** The card with its "Did this help?" section swapped for the thanks line, so the channel sees the vote and nobody votes twice; undefined when it has no such section. */
export function withVoteThanks(message: TeamsMessage, verdict: Verdict, lang: Lang): TeamsMessage | undefined {
  const { body } = message.card as { body?: CardNode[] };
  if (!Array.isArray(body) || !body.some((node) => node.id === FEEDBACK_SECTION_ID)) return undefined;
  const labels = labelsFor(lang);
  const thanks = richText(knowledgeRuns(`${verdict === 'helpful' ? '✅' : '↩️'} ${verdict === 'helpful' ? labels.thanksHelpful : labels.thanksNotIt}`), { spacing: 'Medium' });
  return { ...message, card: { ...message.card, body: body.map((node) => (node.id === FEEDBACK_SECTION_ID ? thanks : node)) } };
}
