import { findConcepts, type ConceptIndex } from './concepts.js';
import { mentionedModules, type NameIndex } from './module-names.js';
import { ASKS_FEATURE, asksSomething } from './question-cue.js';
import { latinLanguage } from './language.js';
import { asksWithoutTrouble } from './plain-question.js';
import { tokenizeJapanese } from './tokenize-japanese.js';
import { tokenizeKorean } from './tokenize-korean.js';
import { tokenizeLatin } from './tokenize-latin.js';

const PLAIN_QUESTION_FEATURE = 'mood:plain';

/** A feature with the words that produced it, so a decision can show its evidence. */
export interface Feature {
  name: string;
  surface: string;
}

/**
 * Everything the classifier sees in a text: Latin-script stems (English, German or French, as the
 * text reads) and stem pairs, Korean and Japanese stems and character bigrams, `k:<concept>` for
 * every glossary concept present, `mod:<id>` for every module named in it (exactly, as a phrase, or misspelt),
 * `mood:asks` when it asks something, and `mood:plain` when it asks and names no trouble.
 */
export function extractFeatures(text: string, names: NameIndex, concepts: ConceptIndex, vocabulary?: ReadonlySet<string>): Feature[] {
  const features: Feature[] = [];
  const latin = latinLanguage(text);
  const words = tokenizeLatin(text, latin);
  for (let i = 0; i < words.length; i += 1) {
    const token = words[i];
    if (!token) continue;
    features.push({ name: token.feature, surface: token.surface });
    for (const gram of charGrams(token.feature)) features.push({ name: gram, surface: token.surface });
    const next = words[i + 1];
    if (next && next.surface !== token.surface) features.push({ name: `${token.feature}_${next.feature}`, surface: `${token.surface} ${next.surface}` });
  }
  for (const token of tokenizeKorean(text)) features.push({ name: token.feature, surface: token.surface });
  for (const token of tokenizeJapanese(text)) features.push({ name: token.feature, surface: token.surface });
  for (const { concept, surface } of findConcepts(concepts, text.normalize('NFKC').toLowerCase(), words, latin)) features.push({ name: `k:${concept}`, surface });
  for (const mention of mentionedModules(text, names, vocabulary)) features.push({ name: `mod:${mention.module}`, surface: mention.surface });
  const questionPhrase = features.some((f) => f.name === 'k:question');
  if (asksSomething(text, questionPhrase)) features.push({ name: ASKS_FEATURE, surface: '' });
  if (asksWithoutTrouble(text)) features.push({ name: PLAIN_QUESTION_FEATURE, surface: '' });
  return features;
}

/** Character 4-grams of longer stems, so a typo ("delivry", "bounse") still shares most of its features with the word. */
function charGrams(stem: string): string[] {
  if (!/^[a-zäöüßàâçéèêëîïôûùœ]{5,}$/.test(stem)) return [];
  const grams: string[] = [];
  for (let i = 0; i + 4 <= stem.length; i += 1) grams.push(`g:${stem.slice(i, i + 4)}`);
  return grams;
}
