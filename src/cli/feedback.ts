import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadCliConfig } from '../config.js';
import { SQLITE_FILE } from '../store/engine.js';
import { StoreUnreachableError } from '../store/errors.js';
import { correctedExamples, type FeedbackReport, feedbackReport, type Tally } from '../store/report.js';
import { openStore, openStoreToRead, type Store } from '../store/store.js';
import { UsageError, type CliCommand } from './args.js';
import { write, type CliStreams } from './context.js';
import { EXIT } from './help.js';
import { renderReportHtml } from './feedback-html.js';

const UNIT_MS = { d: 24 * 60 * 60_000, h: 60 * 60_000, m: 60_000 } as const;
/** `feedback report` looks at the last week unless --since says otherwise. */
const DEFAULT_SINCE = '7d';

/** `7d`, `24h`, `90m` back from now, or a date such as 2026-11-30. */
export function parseSince(value: string, now = Date.now()): Date {
  const relative = /^(\d{1,5})([dhm])$/.exec(value);
  if (relative) return new Date(now - Number(relative[1]) * UNIT_MS[relative[2] as keyof typeof UNIT_MS]);
  const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  const date = new Date(value);
  // Date.parse rolls 2026-02-30 over to March: the day must read back as written.
  if (day && !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day[0]) {
    if (date.getTime() > now) throw new UsageError(`--since: ${value} is in the future`);
    return date;
  }
  throw new UsageError(`--since: expected a period such as 7d, 24h or 90m, or a date such as 2026-11-30, got "${value}"`);
}

/**
 * Opens the store the server uses (DATABASE_URL, else DATA_DIR), runs `use` with it and where it is, and closes it.
 * A SQLite file that does not exist is not created: a report run from the wrong folder would read an empty store.
 */
async function withStore<T>(use: (store: Store, where: string) => Promise<T>): Promise<T> {
  const config = loadCliConfig().store;
  const file = path.resolve(config.dataDir, SQLITE_FILE);
  if (!config.databaseUrl && !existsSync(file)) {
    throw new StoreUnreachableError(`DATA_DIR: no store at ${file}: nothing was recorded there (set DATA_DIR to the server's, or DATABASE_URL)`);
  }
  const store = await openStoreToRead(config);
  try {
    return await use(store, config.databaseUrl ? 'postgres (DATABASE_URL)' : `sqlite ${file}`);
  } finally {
    await store.close();
  }
}

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);
const tallyLine = (name: string, t: Tally) =>
  `  ${name.padEnd(13)} ${String(t.answers).padStart(6)} answers  ${String(t.helpful).padStart(4)} helpful  ${String(t.not_it).padStart(4)} not it  ${percent(t.helpfulRate).padStart(4)} helpful`;

/** A stored question as one terminal line: what a Slack or Teams user typed must not drive the operator's terminal. */
function printable(text: string): string {
  return text.replace(/[\u0000-\u001F\u007F-\u009F]+/g, ' ').replace(/\s+/g, ' ');
}

export function renderReportText(report: FeedbackReport, where: string): string {
  const lines = [
    `Feedback from ${report.since} to ${report.until}, store: ${where}`,
    `${report.answers} answers · ${report.verdicts.helpful} helpful · ${report.verdicts.not_it} not it · helpful rate ${percent(report.helpfulRate)}`,
    '',
    'By module answered',
    ...Object.entries(report.byModule).map(([name, t]) => tallyLine(name, t)),
    '',
    'By language',
    ...Object.entries(report.byLang).map(([name, t]) => tallyLine(name, t)),
    '',
    `Corrections (answered → should be)${report.abstentionsCorrected > 0 ? `; ${report.abstentionsCorrected} where no module was named` : ''}`,
    ...(report.corrections.length === 0 ? ['  none yet'] : report.corrections.map((c) => `  ${String(c.count).padStart(4)} × ${c.answered ?? '(none)'} → ${c.correct}`)),
    '',
    'Recent "Not it"',
    ...(report.recentNotIt.length === 0
      ? ['  none']
      : report.recentNotIt.map(
          (n) => `  ${n.at.slice(0, 16)} ${n.platform} ${n.lang} ${n.answered ?? '(none)'} → ${n.correct ?? '?'}${n.question ? `  "${printable(n.question).slice(0, 120)}"` : ''}`,
        )),
  ];
  return `${lines.join('\n')}\n`;
}

export async function runFeedbackReport(command: Extract<CliCommand, { name: 'feedback-report' }>, streams: CliStreams): Promise<number> {
  const since = parseSince(command.since ?? DEFAULT_SINCE);
  const { report, where } = await withStore(async (store, where) => ({ report: await feedbackReport(store, since), where }));
  const out = command.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : command.format === 'html' ? renderReportHtml(report) : renderReportText(report, where);
  await write(streams.stdout, out);
  return EXIT.ok;
}

export async function runFeedbackExport(command: Extract<CliCommand, { name: 'feedback-export' }>, streams: CliStreams): Promise<number> {
  const since = command.since === undefined ? new Date(0) : parseSince(command.since);
  const examples = await withStore((store) => correctedExamples(store, since));
  for (const example of examples) await write(streams.stdout, `${JSON.stringify(example)}\n`);
  return EXIT.ok;
}

export async function runDbMigrate(streams: CliStreams): Promise<number> {
  const store = await openStore(loadCliConfig().store);
  await store.close();
  const applied = store.migrated.length === 0 ? 'already up to date' : `applied ${store.migrated.join(', ')}`;
  await write(streams.stdout, `${store.engine}: ${applied}\n`);
  return EXIT.ok;
}
