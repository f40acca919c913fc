import type { Verdict } from '../core/feedback.js';
import type { Lang } from '../core/types.js';
import { escapeSlack } from '../render/escape.js';
import { labelsFor } from '../render/labels.js';
import { FEEDBACK_BLOCK_ID } from './actions.js';
import { context, type ContextBlock } from './block-kit.js';

/** A block as Slack sends it back in an interaction payload: our shape, plus fields Slack added. */
export interface ReturnedBlock {
  type: string;
  block_id?: string;
  [field: string]: unknown;
}

/** The sentence that replaces the buttons once someone has voted. */
export function feedbackThanks(verdict: Verdict, lang: Lang, userId?: string): ContextBlock {
  const labels = labelsFor(lang);
  const thanks = escapeSlack(verdict === 'helpful' ? labels.thanksHelpful : labels.thanksNotIt);
  // Only a well-formed Slack user id is turned into a mention; anything else is left out.
  const who = userId && /^[UW][A-Z0-9]{2,}$/.test(userId) ? ` — <@${userId}>` : '';
  return context([`${verdict === 'helpful' ? '✅' : '↩️'} ${thanks}${who}`], FEEDBACK_BLOCK_ID);
}

/**
 * The card as it was, with the "Did this help?" prompt and buttons swapped for the thanks line,
 * so everyone in the channel sees the verdict and nobody votes twice. Undefined when the
 * payload carries no such row (an ephemeral message, or a card without feedback buttons).
 * `after` (the correction menu) goes right below the thanks line.
 */
export function acknowledgeFeedback(
  blocks: readonly ReturnedBlock[] | undefined,
  verdict: Verdict,
  lang: Lang,
  userId?: string,
  after: ReturnedBlock[] = [],
): ReturnedBlock[] | undefined {
  if (!blocks?.some((b) => b.block_id === FEEDBACK_BLOCK_ID)) return undefined;
  const thanks: ReturnedBlock = { ...feedbackThanks(verdict, lang, userId) };
  return blocks.filter((b) => b.block_id !== `${FEEDBACK_BLOCK_ID}_prompt`).flatMap((b) => (b.block_id === FEEDBACK_BLOCK_ID ? [thanks, ...after] : [b]));
}
