import type { Lang, ModuleId } from '../core/types.js';
import type { Platform } from '../core/feedback.js';
import type { Store } from './store.js';

export interface Tally {
  answers: number;
  helpful: number;
  not_it: number;
  /** helpful / (helpful + not_it); null before any verdict. */
  helpfulRate: number | null;
}

/** `feedback report --format json`: the contract fields first (answers, verdicts, corrections, byModule), then the rest. */
export interface FeedbackReport {
  since: string;
  until: string;
  answers: number;
  verdicts: { helpful: number; not_it: number };
  helpfulRate: number | null;
  /** Most frequent first: what the bot answered (null when it named no module) and what the asker said it was. */
  corrections: Array<{ answered: ModuleId | null; correct: ModuleId; count: number }>;
  /** Per module answered; `none` counts answers that named no module. */
  byModule: Record<string, Tally>;
  byLang: Record<string, Tally>;
  /** Questions the bot named no module for, and the asker did. */
  abstentionsCorrected: number;
  /** The latest "Not it", newest first; the question only where STORE_QUESTIONS kept it. */
  recentNotIt: Array<{ at: string; platform: Platform; lang: Lang; answered: ModuleId | null; correct: ModuleId | null; question: string | null }>;
}

const RECENT_NOT_IT = 20;
const NONE = 'none';

function tally(): Tally {
  return { answers: 0, helpful: 0, not_it: 0, helpfulRate: null };
}

function withRates(tallies: Map<string, Tally>): Record<string, Tally> {
  const sorted = [...tallies.entries()].sort(([a], [b]) => a.localeCompare(b));
  return Object.fromEntries(sorted.map(([key, t]) => [key, { ...t, helpfulRate: rate(t.helpful, t.not_it) }]));
}

function rate(helpful: number, notIt: number): number | null {
  return helpful + notIt === 0 ? null : Math.round((helpful / (helpful + notIt)) * 1000) / 1000;
}

/** Everything a knowledge editor reads about answers given since `since`. */
export async function feedbackReport(store: Pick<Store, 'db'>, since: Date, until = new Date()): Promise<FeedbackReport> {
  const { db } = store;
  const from = since.getTime();
  const answerRows = await db
    .selectFrom('answers')
    .select(['module', 'lang', (eb) => eb.fn.countAll().as('count')])
    .where('at', '>=', from)
    .groupBy(['module', 'lang'])
    .execute();
  const verdictRows = await db
    .selectFrom('verdicts')
    .select(['verdict', 'module', 'lang', 'correct_module', (eb) => eb.fn.countAll().as('count')])
    .where('at', '>=', from)
    .groupBy(['verdict', 'module', 'lang', 'correct_module'])
    .execute();
  const recent = await db
    .selectFrom('verdicts')
    .select(['at', 'platform', 'lang', 'module', 'correct_module', 'question'])
    .where('at', '>=', from)
    .where('verdict', '=', 'not_it')
    .orderBy('at', 'desc')
    .limit(RECENT_NOT_IT)
    .execute();

  const byModule = new Map<string, Tally>();
  const byLang = new Map<string, Tally>();
  const of = (map: Map<string, Tally>, key: string) => map.get(key) ?? map.set(key, tally()).get(key) ?? tally();
  let answers = 0;
  for (const row of answerRows) {
    const count = Number(row.count);
    answers += count;
    of(byModule, row.module ?? NONE).answers += count;
    of(byLang, row.lang).answers += count;
  }
  const verdicts = { helpful: 0, not_it: 0 };
  const corrections = new Map<string, { answered: ModuleId | null; correct: ModuleId; count: number }>();
  let abstentionsCorrected = 0;
  for (const row of verdictRows) {
    const count = Number(row.count);
    verdicts[row.verdict] += count;
    of(byModule, row.module ?? NONE)[row.verdict] += count;
    of(byLang, row.lang)[row.verdict] += count;
    if (row.correct_module === null) continue;
    if (row.module === null) abstentionsCorrected += count;
    const key = `${row.module}>${row.correct_module}`;
    const entry = corrections.get(key) ?? { answered: row.module, correct: row.correct_module, count: 0 };
    entry.count += count;
    corrections.set(key, entry);
  }
  return {
    since: since.toISOString(),
    until: until.toISOString(),
    answers,
    verdicts,
    helpfulRate: rate(verdicts.helpful, verdicts.not_it),
    corrections: [...corrections.values()].sort((a, b) => b.count - a.count || a.correct.localeCompare(b.correct)),
    byModule: withRates(byModule),
    byLang: withRates(byLang),
    abstentionsCorrected,
    recentNotIt: recent.map((r) => ({ at: new Date(r.at).toISOString(), platform: r.platform, lang: r.lang, answered: r.module, correct: r.correct_module, question: r.question })),
  };
}

/** Corrected questions whose text was kept, as knowledge examples: `{"text", "module", "lang"}`, each text once. */
export async function correctedExamples(store: Pick<Store, 'db'>, since: Date): Promise<Array<{ text: string; module: ModuleId; lang: Lang }>> {
  const rows = await store.db
    .selectFrom('verdicts')
    .select(['question', 'correct_module', 'lang'])
    .where('at', '>=', since.getTime())
    .where('correct_module', 'is not', null)
    .where('question', 'is not', null)
    .orderBy('at')
    .execute();
  const seen = new Set<string>();
  const examples: Array<{ text: string; module: ModuleId; lang: Lang }> = [];
  for (const row of rows) {
    const text = readable(row.question ?? '');
    if (!text || !row.correct_module || seen.has(text)) continue;
    seen.add(text);
    examples.push({ text, module: row.correct_module, lang: row.lang });
  }
  return examples;
}

/**
 * The question as the asker typed it: the Teams card's broken links and brackets undone, and
 * Slack's `&lt;`-style escapes, twice when needed (Slack sends `&amp;` and the card escapes it again).
 */
function readable(stored: string): string {
  let text = stored
    .replace(/\u200B/g, '')
    .replace(/\u2039/g, '<')
    .replace(/\u203A/g, '>');
  for (let round = 0; round < 2; round += 1) text = text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return text.replace(/\s+/g, ' ').trim();
}
