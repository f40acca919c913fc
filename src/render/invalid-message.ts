import type { Reply } from '../core/reply.js';
import type { Lang } from '../core/types.js';
import { labelsFor } from './labels.js';
import { MAX_INPUT_LABEL } from './limits.js';

export type InvalidReason = Extract<Reply, { kind: 'invalid' }>['reason'];

/** Said in English, and in each language's own name, to someone writing in a language the bot does not read. */
const LANGUAGES_READ = 'I can only read English, Korean (한국어), Japanese (日本語), German (Deutsch) and French (français). Please describe the symptom in one of them.';

/** The sentence telling the user why their text was not read, in their language. */
export function invalidMessage(reason: InvalidReason, lang: Lang): string {
  if (reason === 'language') return LANGUAGES_READ;
  const labels = labelsFor(lang);
  if (reason === 'too-long') return labels.tooLong(MAX_INPUT_LABEL);
  return reason === 'empty' ? labels.empty : labels.noText;
}
