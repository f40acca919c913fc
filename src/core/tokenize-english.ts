import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { RegexpTokenizer } from 'natural/lib/natural/tokenizers/regexp_tokenizer.js';
import { words as naturalStopwords } from 'natural/lib/natural/util/stopwords.js';

/** Words that natural drops as noise but that carry meaning in incident reports ("not going out", "after reboot"). */
const KEPT = new Set(['out', 'up', 'never', 'after', 'before', 'down', 'off', 'not', 'no', 'all', 'get', 'got', 'same', 'how', 'what', 'where', 'which', 'can', 'should', 'way']);
const STOPWORDS = new Set([
  ...naturalStopwords.filter((w) => !KEPT.has(w) && !/^\d$/.test(w)),
  'i',
  'im',
  'it',
  "it's",
  'hi',
  'hey',
  'hello',
  'please',
  'pls',
  'plz',
  'thanks',
  'thx',
  'anyone',
  'someone',
  'team',
  'guys',
  'just',
  'again',
  'yet',
  'ok',
  'okay',
  'know',
  'look',
  'looks',
  'seems',
  'seem',
  'think',
  'anything',
  'something',
  'one',
]);

// Split on anything that is not part of a technical token: keeps xtk:session, mta@prod, logon.jsp, 6666/udp together.
const tokenizer = new RegexpTokenizer({ pattern: /[^\p{L}\p{N}@:._/'-]+/u });

export interface EnglishToken {
  /** The stem (or the whole technical token) used as a feature. */
  feature: string;
  /** The word as written, for evidence. */
  surface: string;
}

/** Tokenizes Latin-script text: camelCase split, lower-cased, stopwords dropped, Porter-stemmed; compound tokens kept whole too. */
export function tokenizeEnglish(text: string): EnglishToken[] {
  const out: EnglishToken[] = [];
  // Korean particles stick to English words ("wfserver가", "pdump에서"): split there, Korean is tokenized elsewhere.
  for (const raw of tokenizer.tokenize(text.replace(/[\p{Script=Hangul}]+/gu, ' '))) {
    let tokens = recent.get(raw);
    if (!tokens) {
      tokens = tokensOf(raw);
      // Users' words keep arriving in a long-running server: the memory starts over rather than grow without end.
      if (recent.size >= RECENT_LIMIT) recent.clear();
      recent.set(raw, tokens);
    }
    out.push(...tokens);
  }
  return out;
}

/** Each word's tokens, remembered: stemming is most of the work, and the same words come back in every message. */
const recent = new Map<string, readonly EnglishToken[]>();
const RECENT_LIMIT = 20_000;

function tokensOf(raw: string): EnglishToken[] {
  const out: EnglishToken[] = [];
  const token = raw.replace(/^[^\p{L}\p{N}/]+|[^\p{L}\p{N}]+$/gu, '');
  if (!token) return out;
  const lower = token.toLowerCase();
  const parts = token
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .split(/[\s@:._/'-]+/)
    .map((p) => p.toLowerCase())
    .filter((p) => p && !STOPWORDS.has(p));
  if (parts.length > 1 || /[@:._/]/.test(lower)) out.push({ feature: lower.replace(/@.*$/, '@'), surface: token });
  for (const part of parts) {
    if (/^\d+$/.test(part) && part.length < 2) continue;
    out.push({ feature: /^\d+$/.test(part) ? part : PorterStemmer.stem(part), surface: token });
  }
  return out;
}
