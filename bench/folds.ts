// Shared by the cross-validation and calibration scripts: k-fold splits of the knowledge examples.
import { parseArgs } from 'node:util';
import type { LabelledCase } from '../src/core/evaluate.js';
import { loadKnowledge } from '../src/core/knowledge.js';
import type { Tuning } from '../src/core/triage.js';
import { type Knowledge, LANGS, type Localized, type ModuleId } from '../src/core/types.js';

export const FOLDS = 5;

/** `--knowledge DIR` (default: the repository's) and `--tuning JSON` (partial Tuning), plus flags. */
export function benchOptions(): { knowledge: Knowledge; tuning: Partial<Tuning>; misses: boolean } {
  const { values } = parseArgs({ options: { knowledge: { type: 'string' }, tuning: { type: 'string' }, misses: { type: 'boolean' } } });
  return {
    knowledge: loadKnowledge(values.knowledge ?? new URL('../knowledge', import.meta.url).pathname),
    tuning: values.tuning ? (JSON.parse(values.tuning) as Partial<Tuning>) : {},
    misses: values.misses ?? false,
  };
}

/**
 * Fold `fold`: the knowledge without its examples to train on, and those examples as labelled cases. The modules'
 * settings questions held out are kept apart, as how-to cases: they are neither reports nor how-to examples.
 */
export function splitFold(knowledge: Knowledge, fold: number): { training: Knowledge; held: LabelledCase[]; questions: LabelledCase[] } {
  const part = (items: string[], held: boolean) => items.filter((_, i) => (i % FOLDS === fold) === held);
  const trainOn = (examples: Localized<string[]>) => Object.fromEntries(LANGS.map((lang) => [lang, part(examples[lang], false)])) as Localized<string[]>;
  const modules = knowledge.modules.map((m) => ({ ...m, examples: trainOn(m.examples), questions: trainOn(m.questions) }));
  const training: Knowledge = {
    ...knowledge,
    modules,
    byId: new Map(modules.map((m) => [m.id, m])),
    offTopic: trainOn(knowledge.offTopic),
    howTo: trainOn(knowledge.howTo),
    outside: knowledge.outside.map((t) => ({ ...t, examples: trainOn(t.examples) })),
    sharedSymptoms: knowledge.sharedSymptoms.map((p) => ({ ...p, examples: trainOn(p.examples) })),
  };
  const held: LabelledCase[] = [];
  const questions: LabelledCase[] = [];
  const add = (examples: Localized<string[]>, expect: ModuleId[], reason?: LabelledCase['reason'], to = held) => {
    for (const lang of LANGS) for (const text of part(examples[lang], true)) to.push({ text, expect, lang, line: 0, ...(reason && { reason }) });
  };
  for (const m of knowledge.modules) {
    add(m.examples, [m.id]);
    add(m.questions, [], 'howto', questions);
  }
  for (const p of knowledge.sharedSymptoms) add(p.examples, [...p.modules]);
  add(knowledge.offTopic, [], 'off-topic');
  add(knowledge.howTo, [], 'howto');
  for (const t of knowledge.outside) add(t.examples, [], 'outside');
  return { training, held, questions };
}
