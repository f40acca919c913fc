// npm run calibration: how well the confidence the bot shows matches how often it is right,
// measured by 5-fold cross-validation on the knowledge examples (the dev set stays untouched).
import { createTriage } from '../src/core/triage.js';
import { benchOptions, FOLDS, splitFold } from './folds.js';

const { knowledge, tuning } = benchOptions();
const answered: { confidence: number; correct: boolean }[] = [];
for (let fold = 0; fold < FOLDS; fold += 1) {
  const { training, held } = splitFold(knowledge, fold);
  const triage = createTriage(training, tuning);
  for (const item of held) {
    const d = triage.diagnose(item.text);
    // A shared symptom is answered with its first module, the one the card names.
    answered.push({ confidence: d.confidence, correct: d.module === (item.expect[0] ?? null) });
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
