import { LANGS, MODULE_IDS } from './types.js';
import type { Candidate, Diagnosis, Lang, ModuleId, NoModuleReason } from './types.js';
import type { LabelledCase } from './labelled-cases.js';

export { LabelledCaseError, parseLabelledJsonl } from './labelled-cases.js';
export type { LabelledCase } from './labelled-cases.js';

/** What evaluate needs from the triage: only diagnose, so any Triage fits. */
export interface Diagnoser {
  diagnose(text: string, options?: { lang?: Lang }): Diagnosis;
}

/** `correct` out of `total`; `rate` is 0 when there is nothing to count, so an empty group never passes a floor. */
export interface Rate {
  correct: number;
  total: number;
  rate: number;
}

/** A module, or `none` for "not about Campaign" (expected) or an abstention (predicted). */
export type ConfusionLabel = ModuleId | 'none';
export const CONFUSION_LABELS: readonly ConfusionLabel[] = [...MODULE_IDS, 'none'];

export interface Miss {
  line: number;
  text: string;
  lang: Lang;
  expected: ModuleId[];
  got: ModuleId | null;
  confidence: number;
  /** The first three candidates, to see how close the right module came. */
  candidates: Candidate[];
  /** For a line labelled with a reason, the reason it wanted and the one the matcher gave. */
  expectedReason?: Exclude<NoModuleReason, 'unsure'>;
  gotReason?: Exclude<NoModuleReason, 'unsure'>;
}

export interface EvalReport {
  cases: number;
  /** On-topic answered right plus off-topic abstained, over every case. */
  overall: Rate;
  /** Top-1 accuracy on on-topic cases: the diagnosed module is one of the expected ones. */
  top1: Rate;
  top1ByLang: Record<Lang, Rate>;
  /** Off-topic cases where the triage named no module. */
  abstention: Rate;
  abstentionByLang: Record<Lang, Rate>;
  /** On-topic cases where the triage named no module (counted as wrong in top1 too). */
  falseAbstention: Rate;
  /** On-topic cases with an expected module among the first three candidates. */
  top3: Rate;
  /** Per labelled reason (cases with `reason`): no module named, for the right reason (an unsure abstention counts for off-topic). */
  byReason: Record<'howto' | 'outside' | 'off-topic', Rate>;
  /** Cases whose detected language matches the label. */
  langDetection: Rate;
  /** counts[expected][predicted]; a right answer counts under the module given. */
  confusion: Record<ConfusionLabel, Record<ConfusionLabel, number>>;
  misses: Miss[];
}

class Counter {
  correct = 0;
  total = 0;
  add(ok: boolean): void {
    this.total += 1;
    if (ok) this.correct += 1;
  }
  rate(): Rate {
    return { correct: this.correct, total: this.total, rate: this.total === 0 ? 0 : this.correct / this.total };
  }
}

function perLang(): Record<Lang, Counter> {
  return Object.fromEntries(LANGS.map((lang) => [lang, new Counter()])) as Record<Lang, Counter>;
}

function rates(counters: Record<Lang, Counter>): Record<Lang, Rate> {
  return Object.fromEntries(LANGS.map((lang) => [lang, counters[lang].rate()])) as Record<Lang, Rate>;
}

function emptyConfusion(): Record<ConfusionLabel, Record<ConfusionLabel, number>> {
  const row = (): Record<ConfusionLabel, number> => Object.fromEntries(CONFUSION_LABELS.map((label) => [label, 0])) as Record<ConfusionLabel, number>;
  return Object.fromEntries(CONFUSION_LABELS.map((label) => [label, row()])) as Record<ConfusionLabel, Record<ConfusionLabel, number>>;
}

/** Runs every case through the triage and scores it; the language is detected, never taken from the label. */
export function evaluate(triage: Diagnoser, cases: readonly LabelledCase[]): EvalReport {
  const overall = new Counter();
  const top1 = perLang();
  const abstention = perLang();
  const falseAbstention = new Counter();
  const top3 = new Counter();
  const langDetection = new Counter();
  const confusion = emptyConfusion();
  const misses: Miss[] = [];
  const byReason = { howto: new Counter(), outside: new Counter(), 'off-topic': new Counter() };

  for (const item of cases) {
    const diagnosis = triage.diagnose(item.text);
    const got = diagnosis.module;
    const offTopic = item.expect.length === 0;
    // "Not sure" names no module and says nothing more: it counts as off-topic.
    const said = got === null ? (diagnosis.reason === 'unsure' ? 'off-topic' : diagnosis.reason) : undefined;
    // A line labelled with a reason is right only when the matcher abstains for that reason (docs/cli.md, eval).
    const correct = offTopic ? got === null && (!item.reason || said === item.reason) : got !== null && item.expect.includes(got);
    overall.add(correct);
    if (item.reason) byReason[item.reason].add(correct);
    langDetection.add(diagnosis.lang === item.lang);
    if (offTopic) {
      abstention[item.lang].add(correct);
    } else {
      top1[item.lang].add(correct);
      falseAbstention.add(got === null);
      top3.add(diagnosis.candidates.slice(0, 3).some((c) => item.expect.includes(c.module)));
    }
    const expectedLabel: ConfusionLabel = correct && got !== null ? got : (item.expect[0] ?? 'none');
    confusion[expectedLabel][got ?? 'none'] += 1;
    if (!correct) {
      misses.push({
        line: item.line,
        text: item.text,
        lang: item.lang,
        expected: item.expect,
        got,
        confidence: diagnosis.confidence,
        candidates: diagnosis.candidates.slice(0, 3),
        ...(item.reason && { expectedReason: item.reason, ...(said && { gotReason: said }) }),
      });
    }
  }

  const top1All = new Counter();
  const abstentionAll = new Counter();
  for (const lang of LANGS) {
    top1All.correct += top1[lang].correct;
    top1All.total += top1[lang].total;
    abstentionAll.correct += abstention[lang].correct;
    abstentionAll.total += abstention[lang].total;
  }
  return {
    cases: cases.length,
    overall: overall.rate(),
    top1: top1All.rate(),
    top1ByLang: rates(top1),
    abstention: abstentionAll.rate(),
    abstentionByLang: rates(abstention),
    falseAbstention: falseAbstention.rate(),
    top3: top3.rate(),
    byReason: { howto: byReason.howto.rate(), outside: byReason.outside.rate(), 'off-topic': byReason['off-topic'].rate() },
    langDetection: langDetection.rate(),
    confusion,
    misses,
  };
}
