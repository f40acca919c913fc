// npm run cv [-- --misses --knowledge DIR --tuning JSON]: k-fold cross-validation over the knowledge
// examples only, so matcher changes are tuned without looking at the held-out dev set.
import { evaluate } from '../src/core/evaluate.js';
import { createTriage } from '../src/core/triage.js';
import { LANGS } from '../src/core/types.js';
import { benchOptions, FOLDS, splitFold } from './folds.js';

const { knowledge, tuning, misses } = benchOptions();
const totals = {
  en: { correct: 0, total: 0 },
  ko: { correct: 0, total: 0 },
  ja: { correct: 0, total: 0 },
  de: { correct: 0, total: 0 },
  fr: { correct: 0, total: 0 },
  off: { correct: 0, total: 0 },
  howto: { correct: 0, total: 0 },
  outside: { correct: 0, total: 0 },
  chatter: { correct: 0, total: 0 },
  questions: { correct: 0, total: 0 },
};
const missed: string[] = [];
for (let fold = 0; fold < FOLDS; fold += 1) {
  const { training, held, questions } = splitFold(knowledge, fold);
  const triage = createTriage(training, tuning);
  const report = evaluate(triage, held);
  const rates = [
    ['en', report.top1ByLang.en],
    ['ko', report.top1ByLang.ko],
    ['ja', report.top1ByLang.ja],
    ['de', report.top1ByLang.de],
    ['fr', report.top1ByLang.fr],
    // Any abstention: the report's own counts only the one for the labelled reason.
    ['off', { correct: report.abstention.total - report.misses.filter((m) => m.expected.length === 0 && m.got !== null).length, total: report.abstention.total }],
    ['howto', report.byReason.howto],
    ['outside', report.byReason.outside],
    ['chatter', report.byReason['off-topic']],
    ['questions', evaluate(triage, questions).byReason.howto],
  ] as const;
  for (const [key, rate] of rates) {
    totals[key].correct += rate.correct;
    totals[key].total += rate.total;
  }
  for (const miss of report.misses) missed.push(`${miss.expected.join('+') || 'none'} → ${miss.got ?? 'none'} (${miss.confidence})  ${miss.text.slice(0, 110)}`);
}
const pct = ({ correct, total }: { correct: number; total: number }) => `${((100 * correct) / (total || 1)).toFixed(1)} % (${correct}/${total})`;
console.log(`${FOLDS}-fold cross-validation on knowledge examples`);
console.log(`top-1 ${LANGS.map((lang) => `${lang} ${pct(totals[lang])}`).join('   ')}`);
console.log(`no module for every non-module example ${pct(totals.off)}`);
console.log(`no module, for the right reason: how-to ${pct(totals.howto)}   outside ${pct(totals.outside)}   off-topic ${pct(totals.chatter)}`);
console.log(`modules' settings questions answered how-to ${pct(totals.questions)}`);
if (misses) console.log(missed.join('\n'));
