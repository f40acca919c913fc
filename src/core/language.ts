import { LOG_LINE } from './long-input.js';
import type { Lang } from './types.js';

const HANGUL = /[\uAC00-\uD7A3\u1100-\u11FF\u3130-\u318F]/g;
const LATIN = /[A-Za-z]/g;

/**
 * The language to answer in. The writer's own lines decide, not the lines a program printed: an
 * English question about a log from a Korean Windows server is answered in English. With no line
 * of their own, the whole text decides.
 */
export function detectLanguage(text: string): Lang {
  const own = text
    .split('\n')
    .filter((line) => !LOG_LINE.test(line.trim()))
    .join('\n');
  return byScript(/\p{L}/u.test(own) ? own : text);
}

/**
 * Korean when the text carries real Hangul: a Hangul syllable holds about as much as three
 * Latin letters, so a Korean sentence with English module names and a pasted listing still counts.
 */
function byScript(text: string): Lang {
  const hangul = text.match(HANGUL)?.length ?? 0;
  if (hangul < 2) return 'en';
  const latin = text.match(LATIN)?.length ?? 0;
  return hangul >= 8 || hangul * 3 >= latin * 0.25 ? 'ko' : 'en';
}
