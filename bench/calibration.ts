// npm run calibration: how well the confidence the bot shows matches how often it is right,
// measured by 5-fold cross-validation on the knowledge examples (the dev set stays untouched).
import { loadKnowledge } from '../src/core/knowledge.js';
import { createTriage } from '../src/core/triage.js';
import type { Knowledge, ModuleId } from '../src/core/types.js';

const FOLDS = 5;
const knowledge = loadKnowledge(process.env.KNOWLEDGE_DIR ?? new URL('../knowledge', import.meta.url).pathname);
const keep = <T>(items: T[], fold: number, held: boolean) => items.filter((_, i) => (i % FOLDS === fold) === held);

const answered: { confidence: number; correct: boolean }[] = [];
for (let fold = 0; fold < FOLDS; fold += 1) {
  const modules = knowledge.modules.map((m) => ({ ...m, examples: { en: keep(m.examples.en, fold, false), ko: keep(m.examples.ko, fold, false) } }));
  const training: Knowledge = {
    ...knowledge,
    modules,
    byId: new Map(modules.map((m) => [m.id, m])),
    offTopic: { en: keep(knowledge.offTopic.en, fold, false), ko: keep(knowledge.offTopic.ko, fold, false) },
    sharedSymptoms: knowledge.sharedSymptoms.map((p) => ({ ...p, examples: { en: keep(p.examples.en, fold, false), ko: keep(p.examples.ko, fold, false) } })),
  };
  const triage = createTriage(training, JSON.parse(process.argv[2] ?? '{}'));
  const held: [string, ModuleId | null][] = [
    ...knowledge.modules.flatMap((m) => [...keep(m.examples.en, fold, true), ...keep(m.examples.ko, fold, true)].map((t): [string, ModuleId] => [t, m.id])),
    ...knowledge.sharedSymptoms.flatMap((p) => [...keep(p.examples.en, fold, true), ...keep(p.examples.ko, fold, true)].map((t): [string, ModuleId] => [t, p.modules[0]])),
    ...[...keep(knowledge.offTopic.en, fold, true), ...keep(knowledge.offTopic.ko, fold, true)].map((t): [string, null] => [t, null]),
  ];
  for (const [text, expected] of held) {
    const d = triage.diagnose(text);
    answered.push({ confidence: d.confidence, correct: d.module === expected });
  }
}

const bins = [0, 0.2, 0.4, 0.6, 0.8, 0.9, 1.0001];
let ece = 0;
console.log('confidence bin   cases   mean confidence   accuracy');
for (let i = 0; i + 1 < bins.length; i += 1) {
  const lo = bins[i] ?? 0;
  const hi = bins[i + 1] ?? 1;
  const inBin = answered.filter((a) => a.confidence >= lo && a.confidence < hi);
  if (inBin.length === 0) continue;
  const meanConfidence = inBin.reduce((s, a) => s + a.confidence, 0) / inBin.length;
  const accuracy = inBin.filter((a) => a.correct).length / inBin.length;
  ece += (inBin.length / answered.length) * Math.abs(meanConfidence - accuracy);
  console.log(`${lo.toFixed(1)}–${Math.min(1, hi).toFixed(1)}`.padEnd(17) + `${inBin.length}`.padEnd(8) + `${meanConfidence.toFixed(2)}`.padEnd(18) + accuracy.toFixed(2));
}
console.log(`expected calibration error: ${ece.toFixed(3)} over ${answered.length} held-out examples`);
