// npm run cv: k-fold cross-validation over the knowledge examples only, so matcher changes can be
// tuned without looking at the held-out dev set. Each fold trains on the rest and tests on the fold.
import { evaluate, type LabelledCase } from '../src/core/evaluate.js';
import { loadKnowledge } from '../src/core/knowledge.js';
import { createTriage } from '../src/core/triage.js';
import type { Knowledge, Lang, ModuleId } from '../src/core/types.js';

const FOLDS = 5;
const tuning = JSON.parse(process.env.TUNING ?? "{}");
const knowledge = loadKnowledge(process.env.KNOWLEDGE_DIR ?? new URL('../knowledge', import.meta.url).pathname);

const inFold = (i: number, fold: number) => i % FOLDS === fold;
const keep = <T>(items: T[], fold: number, held: boolean) => items.filter((_, i) => inFold(i, fold) === held);

let totals = { en: [0, 0], ko: [0, 0], off: [0, 0] };
const misses: string[] = [];
for (let fold = 0; fold < FOLDS; fold += 1) {
  const training: Knowledge = {
    ...knowledge,
    modules: knowledge.modules.map((m) => ({ ...m, examples: { en: keep(m.examples.en, fold, false), ko: keep(m.examples.ko, fold, false) } })),
    offTopic: { en: keep(knowledge.offTopic.en, fold, false), ko: keep(knowledge.offTopic.ko, fold, false) },
    sharedSymptoms: knowledge.sharedSymptoms.map((p) => ({ ...p, examples: { en: keep(p.examples.en, fold, false), ko: keep(p.examples.ko, fold, false) } })),
  };
  training.byId = new Map(training.modules.map((m) => [m.id, m]));
  const cases: LabelledCase[] = [];
  const add = (texts: string[], expect: ModuleId[], lang: Lang) => texts.forEach((text) => cases.push({ text, expect, lang, line: 0 }));
  for (const m of knowledge.modules) {
    add(keep(m.examples.en, fold, true), [m.id], 'en');
    add(keep(m.examples.ko, fold, true), [m.id], 'ko');
  }
  for (const p of knowledge.sharedSymptoms) {
    add(keep(p.examples.en, fold, true), [...p.modules], 'en');
    add(keep(p.examples.ko, fold, true), [...p.modules], 'ko');
  }
  add(keep(knowledge.offTopic.en, fold, true), [], 'en');
  add(keep(knowledge.offTopic.ko, fold, true), [], 'ko');
  const report = evaluate(createTriage(training, tuning), cases);
  totals = {
    en: [totals.en[0]! + report.top1ByLang.en.correct, totals.en[1]! + report.top1ByLang.en.total],
    ko: [totals.ko[0]! + report.top1ByLang.ko.correct, totals.ko[1]! + report.top1ByLang.ko.total],
    off: [totals.off[0]! + report.abstention.correct, totals.off[1]! + report.abstention.total],
  };
  for (const miss of report.misses) misses.push(`${miss.expected.join('+') || 'none'} → ${miss.got ?? 'none'} (${miss.confidence})  ${miss.text.slice(0, 110)}`);
}
const pct = ([c, t]: number[]) => `${((100 * (c ?? 0)) / (t || 1)).toFixed(1)} % (${c}/${t})`;
console.log(`${FOLDS}-fold cross-validation on knowledge examples`);
console.log(`top-1 en ${pct(totals.en)}   top-1 ko ${pct(totals.ko)}   off-topic abstention ${pct(totals.off)}`);
if (process.argv.includes('--misses')) console.log(misses.join('\n'));
