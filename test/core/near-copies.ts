import type { LabelledCase } from '../../src/core/evaluate.js';
import { normalizeText } from '../../src/core/normalize.js';
import { type Knowledge, LANGS, type Localized } from '../../src/core/types.js';

/** At this word overlap (Jaccard) a held-out line counts as a copy of a training example. */
const NEAR_COPY = 0.8;

// Japanese is written without spaces: its runs are compared by character pairs instead of words.
const JAPANESE_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]{2,}/u;

function words(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of normalizeText(text)
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)) {
    if (!word) continue;
    if (!JAPANESE_RUN.test(word)) out.add(word);
    else for (let i = 0; i + 1 < word.length; i += 1) out.add(word.slice(i, i + 2));
  }
  return out;
}

function overlap(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/**
 * The held-out lines that nearly copy an example the matcher learns from (every example list in
 * knowledge/, how-to and outside topics included): a held-out set must not measure memory.
 */
export function nearCopies(cases: readonly LabelledCase[], knowledge: Knowledge): number[] {
  const all = (examples: Localized<string[]>) => LANGS.flatMap((lang) => examples[lang]);
  const training = [
    ...knowledge.modules.flatMap((m) => all(m.examples)),
    ...knowledge.sharedSymptoms.flatMap((p) => all(p.examples)),
    ...all(knowledge.offTopic),
    ...all(knowledge.howTo),
    ...knowledge.outside.flatMap((t) => all(t.examples)),
  ].map(words);
  return cases
    .filter((c) => {
      const mine = words(c.text);
      return training.some((example) => overlap(mine, example) >= NEAR_COPY);
    })
    .map((c) => c.line);
}
