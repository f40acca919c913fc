import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { charactersOf, mayHold } from './phrase-filter.js';
import type { Concept } from './types.js';

/** The glossary, indexed for lookup: single English words by stem, everything else as folded phrases. */
export interface ConceptIndex {
  byStem: Map<string, string[]>;
  phrases: { phrase: string; concept: string }[];
}

/** Indexes the glossary once per knowledge load. */
export function buildConceptIndex(glossary: readonly Concept[]): ConceptIndex {
  const byStem = new Map<string, string[]>();
  const phrases: ConceptIndex['phrases'] = [];
  for (const { name, terms } of glossary) {
    for (const term of terms) {
      const folded = term.normalize('NFKC').toLowerCase().trim();
      if (/^[a-z0-9]+$/.test(folded)) {
        const stem = PorterStemmer.stem(folded);
        byStem.set(stem, [...(byStem.get(stem) ?? []).filter((c) => c !== name), name]);
      } else {
        phrases.push({ phrase: folded, concept: name });
      }
    }
  }
  return { byStem, phrases };
}

/** Concepts present in a text, given its English stems; each with the spelling that triggered it. */
export function findConcepts(index: ConceptIndex, foldedText: string, stems: readonly { feature: string; surface: string }[]): { concept: string; surface: string }[] {
  const found = new Map<string, string>();
  for (const { feature, surface } of stems) {
    for (const concept of index.byStem.get(feature) ?? []) if (!found.has(concept)) found.set(concept, surface);
  }
  const present = charactersOf(foldedText);
  for (const { phrase, concept } of index.phrases) {
    if (!found.has(concept) && mayHold(present, phrase) && foldedText.includes(phrase)) found.set(concept, phrase);
  }
  return [...found].map(([concept, surface]) => ({ concept, surface }));
}
