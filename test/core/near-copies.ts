import type { LabelledCase } from '../../src/core/evaluate.js';
import { normalizeText } from '../../src/core/normalize.js';
import type { Knowledge } from '../../src/core/types.js';

/** At this word overlap (Jaccard) a held-out line counts as a copy of a training example. */
const NEAR_COPY = 0.8;

function words(text: string): Set<string> {
  return new Set(
    normalizeText(text)
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean),
  );
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
  const training = [
    ...knowledge.modules.flatMap((m) => [...m.examples.en, ...m.examples.ko]),
    ...knowledge.sharedSymptoms.flatMap((p) => [...p.examples.en, ...p.examples.ko]),
    ...knowledge.offTopic.en,
    ...knowledge.offTopic.ko,
    ...knowledge.howTo.en,
    ...knowledge.howTo.ko,
    ...knowledge.outside.flatMap((t) => [...t.examples.en, ...t.examples.ko]),
  ].map(words);
  return cases
    .filter((c) => {
      const mine = words(c.text);
      return training.some((example) => overlap(mine, example) >= NEAR_COPY);
    })
    .map((c) => c.line);
}
