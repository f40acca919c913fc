import { sliceWhole } from '../core/normalize.js';
/** Every platform size budget lives here, so renderers and their tests agree on one set of numbers. */
export const SLACK_LIMITS = {
  blocks: 50,
  sectionText: 3000,
  headerText: 150,
  contextElements: 10,
  buttonText: 75,
  actionValue: 2000,
  /** A menu option's value. */
  optionValue: 150,
  actionElements: 25,
  fallbackText: 4000,
  /** A slash command or message we echo back is cut to this many characters. */
  echoedQuery: 300,
} as const;

export const TEAMS_LIMITS = {
  /** Teams rejects cards above ~28 KB; keep a margin. */
  cardBytes: 27_000,
  /** Highest Adaptive Card schema every Teams client (desktop, web, mobile) renders. */
  cardVersion: '1.4',
  echoedQuery: 300,
  summaryText: 1000,
  /** Largest incoming activity we parse; Bot Framework activities are a few KB, so this only stops abuse. */
  inboundBytes: 256_000,
} as const;

export { MAX_INPUT_BYTES, MAX_INPUT_LABEL } from '../core/reply.js';

/**
 * Cuts text to `max` UTF-16 units (what Slack and Teams count), ending with an ellipsis when something was removed.
 * Never in the middle of a surrogate pair: half an emoji is invalid text, and Slack may refuse the whole message.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${sliceWhole(text, Math.max(0, max - 1))}…`;
}
