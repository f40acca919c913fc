import type { Reply } from '../core/reply.js';
import type { Lang } from '../core/types.js';
import { labelsFor } from './labels.js';
import { MAX_INPUT_LABEL } from './limits.js';

export type InvalidReason = Extract<Reply, { kind: 'invalid' }>['reason'];

/** The sentence telling the user why their text was not read, in their language. */
export function invalidMessage(reason: InvalidReason, lang: Lang): string {
  const labels = labelsFor(lang);
  if (reason === 'too-long') return labels.tooLong(MAX_INPUT_LABEL);
  return reason === 'empty' ? labels.empty : labels.noText;
}
