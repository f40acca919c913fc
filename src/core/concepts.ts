import { phrasesIn } from './phrase-filter.js';
import { type LatinLang, tokenizeLatin } from './tokenize-latin.js';
import type { Concept } from './types.js';

/** The glossary, indexed for lookup: single Latin-script words by stem (one index per stemmer), everything else as folded phrases. */
export interface ConceptIndex {
  byStem: Record<LatinLang, Map<string, string[]>>;
  phrases: { phrase: string; concept: string }[];
}

const LATIN_LANGS: readonly LatinLang[] = ['en', 'de', 'fr'];

/** Indexes the glossary once per knowledge load. */
export function buildConceptIndex(glossary: readonly Concept[]): ConceptIndex {
  const byStem: ConceptIndex['byStem'] = { en: new Map(), de: new Map(), fr: new Map() };
  const phrases: ConceptIndex['phrases'] = [];
  for (const { name, terms } of glossary) {
    for (const term of terms) {
      const folded = term.normalize('NFKC').toLowerCase().trim();
      if (/^[\p{Script=Latin}0-9]+$/u.test(folded)) {
        // Stemmed as a message in each language would be: "Bounces" in a German message finds "bounce".
        for (const lang of LATIN_LANGS) {
          const stem = tokenizeLatin(folded, lang)[0]?.feature;
          if (!stem) continue;
          const map = byStem[lang];
          map.set(stem, [...(map.get(stem) ?? []).filter((c) => c !== name), name]);
        }
      } else {
        phrases.push({ phrase: folded, concept: name });
      }
    }
  }
  return { byStem, phrases };
}

/** Concepts present in a text, given its Latin-script stems and their language; each with the spelling that triggered it. */
export function findConcepts(
  index: ConceptIndex,
  foldedText: string,
  stems: readonly { feature: string; surface: string }[],
  lang: LatinLang = 'en',
): { concept: string; surface: string }[] {
  const found = new Map<string, string>();
  for (const { feature, surface } of stems) {
    for (const concept of index.byStem[lang].get(feature) ?? []) if (!found.has(concept)) found.set(concept, surface);
  }
  for (const i of phrasesIn(foldedText, index.phrases, (entry) => entry.phrase)) {
    const { phrase, concept } = index.phrases[i] as (typeof index.phrases)[number];
    if (!found.has(concept)) found.set(concept, phrase);
  }
  return [...found].map(([concept, surface]) => ({ concept, surface }));
}
