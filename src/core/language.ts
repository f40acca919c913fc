import type { Lang } from './types.js';

const HANGUL = /[\uAC00-\uD7A3\u1100-\u11FF\u3130-\u318F]/g;
const LATIN = /[A-Za-z]/g;

/**
 * Korean when the message carries real Hangul: a Hangul syllable holds about as much as three
 * Latin letters, so a Korean sentence with English module names and a pasted log still counts.
 */
export function detectLanguage(text: string): Lang {
  const hangul = text.match(HANGUL)?.length ?? 0;
  if (hangul < 2) return 'en';
  const latin = text.match(LATIN)?.length ?? 0;
  return hangul >= 8 || hangul * 3 >= latin * 0.25 ? 'ko' : 'en';
}
