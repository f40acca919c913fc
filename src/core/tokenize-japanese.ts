import StemmerJa from 'natural/lib/natural/stemmers/stemmer_ja.js';
import TokenizerJa from 'natural/lib/natural/tokenizers/tokenizer_ja.js';
import { words as stopwordsJa } from 'natural/lib/natural/util/stopwords_ja.js';
import { Remembered } from './remembered.js';

/** Runs of Japanese script: kanji, hiragana, katakana and the long-vowel mark. */
const JAPANESE_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]+/gu;
const STOPWORDS = new Set(stopwordsJa);
const tokenizer = new TokenizerJa();

export interface JapaneseToken {
  feature: string;
  surface: string;
}

/**
 * Japanese features: words as natural's TokenizerJa cuts them, stemmed by StemmerJa (`j:`), with
 * particles dropped; and character bigrams of each run (`c:`), so a word the tokenizer cuts
 * differently ("配信エラー", "配信のエラー") still overlaps with what was learnt.
 */
export function tokenizeJapanese(text: string): JapaneseToken[] {
  const out: JapaneseToken[] = [];
  for (const match of text.matchAll(JAPANESE_RUN)) {
    const run = match[0];
    out.push(...recent.get(run, wordsOf));
    for (let i = 0; i + 1 < run.length; i += 1) out.push({ feature: `c:${run.slice(i, i + 2)}`, surface: run });
  }
  return out;
}

/** Each run's words, remembered: TokenizerJa rebuilds its normalisation tables on every call, and runs ("ワークフロー", "配信") come back in message after message. */
const recent = new Remembered<readonly JapaneseToken[]>(20_000);

function wordsOf(run: string): JapaneseToken[] {
  const out: JapaneseToken[] = [];
  for (const word of tokenizer.tokenize(run)) {
    if (STOPWORDS.has(word) || /^[\p{Script=Hiragana}]$/u.test(word)) continue;
    out.push({ feature: `j:${StemmerJa.stem(word)}`, surface: word });
  }
  return out;
}
