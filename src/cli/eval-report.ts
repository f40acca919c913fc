import { CONFUSION_LABELS, type ConfusionLabel, type EvalReport, type Miss, type Rate } from '../core/evaluate.js';
import { LANGS } from '../core/types.js';

const MAX_MISS_TEXT = 100;

function percent(rate: Rate): string {
  if (rate.total === 0) return '     —';
  return `${(rate.rate * 100).toFixed(1).padStart(5)}%`;
}

function row(label: string, rate: Rate): string {
  return `  ${label.padEnd(28)}${percent(rate)}  (${rate.correct}/${rate.total})`;
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_MISS_TEXT ? `${flat.slice(0, MAX_MISS_TEXT - 1)}…` : flat;
}

function formatMiss(miss: Miss): string {
  const expected = miss.expected.length === 0 ? `none (${miss.expectedReason ?? 'off-topic'})` : miss.expected.join(' or ');
  const got = miss.got ?? (miss.gotReason ? `none (${miss.gotReason})` : 'none');
  const also = miss.candidates
    .filter((c) => c.module !== miss.got && c.score >= 0.005)
    .map((c) => `${c.module} ${c.score.toFixed(2)}`)
    .join(', ');
  return [
    `  line ${miss.line} [${miss.lang}] expected ${expected}, got ${got} (${miss.confidence.toFixed(2)})${also ? `; next: ${also}` : ''}`,
    `    ${JSON.stringify(oneLine(miss.text))}`,
  ].join('\n');
}

/** Short column names, so twelve columns fit an 80-column terminal. */
const SHORT: Record<ConfusionLabel, string> = {
  export: 'exp',
  import: 'imp',
  inMail: 'inM',
  mta: 'mta',
  stat: 'stat',
  syslogd: 'sysl',
  tracking: 'trk',
  trackinglogd: 'tlogd',
  watchdog: 'wdog',
  web: 'web',
  wfserver: 'wfs',
  none: 'none',
};

/** The confusion matrix, keeping only the rows and columns that have a count. */
function formatConfusion(report: EvalReport): string[] {
  const used = (label: ConfusionLabel): boolean => CONFUSION_LABELS.some((other) => report.confusion[label][other] > 0 || report.confusion[other][label] > 0);
  const labels = CONFUSION_LABELS.filter(used);
  const first = Math.max(...labels.map((l) => l.length)) + 2;
  const header = `  ${''.padEnd(first)}${labels.map((l) => SHORT[l].padStart(6)).join('')}`;
  const lines = labels.map((expected) => {
    const cells = labels.map((got) => {
      const count = report.confusion[expected][got];
      return (count === 0 ? '.' : String(count)).padStart(6);
    });
    return `  ${expected.padEnd(first)}${cells.join('')}`;
  });
  return [header, ...lines];
}

/** Why no module was right (`reason` in the file): how-to, outside, off-topic; none when the file labels no reason. */
function reasonRows(report: EvalReport): string[] {
  const reasons = (['howto', 'outside', 'off-topic'] as const).filter((r) => report.byReason[r].total > 0);
  if (reasons.length === 0) return [];
  return ['  No module, for the right reason', ...reasons.map((r) => row(`    ${r}`, report.byReason[r]))];
}

/** The eval report as a terminal table: rates, confusion matrix and every miss. */
export function formatEvalReport(report: EvalReport, file: string): string {
  const lines = [
    `Evaluated ${report.cases} labelled case${report.cases === 1 ? '' : 's'} from ${file}`,
    '',
    row('Top-1 accuracy (on-topic)', report.top1),
    // Only the languages the file has: a Korean-only set gets no empty English row.
    ...LANGS.filter((lang) => report.top1ByLang[lang].total > 0).map((lang) => row(`  ${lang}`, report.top1ByLang[lang])),
    row('Off-topic abstention', report.abstention),
    ...LANGS.filter((lang) => report.abstentionByLang[lang].total > 0).map((lang) => row(`  ${lang}`, report.abstentionByLang[lang])),
    row('False abstention', report.falseAbstention),
    row('Top-3 (on-topic)', report.top3),
    // Only sets that label why no module is right (`reason`) have these.
    ...reasonRows(report),
    row('Language detected', report.langDetection),
    row('Overall', report.overall),
    '',
    'Confusion matrix (rows: expected module, columns: module given; none = off-topic or abstained)',
    ...formatConfusion(report),
    '',
    report.misses.length === 0 ? 'No misses.' : `Misses (${report.misses.length})`,
    ...report.misses.map(formatMiss),
  ];
  return lines.join('\n');
}
