import { findConcepts, type ConceptIndex } from './concepts.js';
import { fuzzyName, type NameIndex } from './module-names.js';
import { phrasesIn } from './phrase-filter.js';
import { ASKS_FEATURE, asksSomething } from './question-cue.js';
import { latinLanguage } from './language.js';
import { tokenizeJapanese } from './tokenize-japanese.js';
import { tokenizeKorean } from './tokenize-korean.js';
import { tokenizeLatin } from './tokenize-latin.js';
import type { ModuleId } from './types.js';

/** A feature with the words that produced it, so a decision can show its evidence. */
export interface Feature {
  name: string;
  surface: string;
}

/**
 * Everything the classifier sees in a text: Latin-script stems (English, German or French, as the
 * text reads) and stem pairs, Korean and Japanese stems and character bigrams, `k:<concept>` for
 * every glossary concept present, `mod:<id>` for every module named in it (exactly, as a phrase, or misspelt),
 * and `mood:asks` when it asks something.
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
  return features;
}

/** Modules named in free text: whole-word names, multi-word or Korean phrases, and close misspellings of unknown words. */
export function mentionedModules(text: string, names: NameIndex, vocabulary?: ReadonlySet<string>): { module: ModuleId; surface: string }[] {
  const found: { module: ModuleId; surface: string }[] = [];
  const folded = ` ${text.normalize('NFKC').toLowerCase().replace(/[-_]+/g, ' ').replace(/\s+/g, ' ')} `;
  for (const i of phrasesIn(folded, names.phrases, (phrase) => phrase.key)) {
    const { key, module } = names.phrases[i] as (typeof names.phrases)[number];
    found.push({ module, surface: key });
  }
  for (const word of folded.match(/[a-z][a-z0-9]*(?:@[\w-]+)?/g) ?? []) {
    const bare = word.replace(/@.*$/, '');
    const exact = names.exact.get(bare);
    if (exact) found.push({ module: exact, surface: word });
    else if (bare.length >= 6 && !vocabulary?.has(bare)) {
      const fuzzy = fuzzyName(names, bare);
      if (fuzzy) found.push({ module: fuzzy, surface: word });
    }
  }
  return found;
}

/** Character 4-grams of longer stems, so a typo ("delivry", "bounse") still shares most of its features with the word. */
function charGrams(stem: string): string[] {
  if (!/^[a-zäöüßàâçéèêëîïôûùœ]{5,}$/.test(stem)) return [];
  const grams: string[] = [];
  for (let i = 0; i + 4 <= stem.length; i += 1) grams.push(`g:${stem.slice(i, i + 4)}`);
  return grams;
}
