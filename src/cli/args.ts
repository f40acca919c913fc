import { parseArgs } from 'node:util';
import { LANGS, type Lang } from '../core/types.js';

export const FORMATS = ['text', 'slack', 'teams', 'json'] as const;
export type Format = (typeof FORMATS)[number];
export const REPORT_FORMATS = ['text', 'json', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Options any command may take; each command accepts only the ones listed in ALLOWED. */
export interface CommonOptions {
  lang?: Lang;
  instance?: string;
  knowledge?: string;
}

/** What the user asked the CLI to do, after the arguments were checked. */
export type CliCommand =
  | { name: 'ask'; words: string[]; format: Format; options: CommonOptions }
  | { name: 'classify'; options: CommonOptions }
  | { name: 'eval'; file?: string; json: boolean; options: CommonOptions }
  | { name: 'list'; options: CommonOptions }
  | { name: 'kb-check'; options: CommonOptions }
  | { name: 'interactive'; options: CommonOptions }
  | { name: 'feedback-report'; format: ReportFormat; since?: string }
  | { name: 'feedback-export'; since?: string }
  | { name: 'db-migrate' }
  | { name: 'help' }
  | { name: 'version' };

/** The command line cannot be understood; the CLI exits 64 (EX_USAGE) with this message. */
export class UsageError extends Error {
  readonly code = 'USAGE';
  override readonly name = 'UsageError';
}

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  lang: { type: 'string', short: 'l' },
  instance: { type: 'string', short: 'i' },
  knowledge: { type: 'string', short: 'k' },
  json: { type: 'boolean' },
  jsonl: { type: 'boolean' },
  since: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;
type OptionName = keyof typeof OPTIONS;

const ALLOWED: Record<string, readonly OptionName[]> = {
  ask: ['format', 'lang', 'instance', 'knowledge'],
  classify: ['jsonl', 'knowledge'],
  eval: ['json', 'knowledge'],
  list: ['lang', 'knowledge'],
  kb: ['knowledge'],
  feedback: ['format', 'since', 'jsonl'],
  db: [],
  help: [],
  '': ['lang', 'instance', 'knowledge'],
};

/** Stands in for a quoted message that starts with a dash while the options are read; no argument typed starts with it. */
const QUOTED_MARK = '\u0000arg:';

function isOptionName(name: string): name is OptionName {
  return Object.hasOwn(OPTIONS, name);
}

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  // `--lang KO`, `--format JSON`: what was meant is plain.
  const found = allowed.find((choice) => choice.toLowerCase() === value.toLowerCase());
  if (found !== undefined) return found;
  const choices = `${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1] ?? ''}`;
  throw new UsageError(`--${flag}: expected ${choices}, got "${value}"`);
}

/** Turns argv (without node and the script) into a CliCommand, or throws UsageError. */
export function parseCliArgs(argv: readonly string[]): CliCommand {
  // A quoted message that starts with a dash ("-instance:mkt mta keeps crashing", "--> mta down") is text: no option holds a space.
  const quoted = argv.map((arg) => /^-.*\s/su.test(arg));
  const {
    values,
    positionals: read,
    tokens,
  } = parseArgs({
    args: argv.map((arg, i) => (quoted[i] ? `${QUOTED_MARK}${i}` : arg)),
    options: OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const positionals = read.map((word) => (word.startsWith(QUOTED_MARK) ? (argv[Number(word.slice(QUOTED_MARK.length))] ?? word) : word));
  if (values.help === true) return { name: 'help' };
  if (values.version === true) return { name: 'version' };

  const [command = '', ...rest] = positionals;
  const allowed = ALLOWED[command];
  if (!allowed) throw new UsageError(`unknown command "${command}"; commands are ask, classify, eval, list, kb check, feedback report, feedback export, db migrate and help`);
  const given: Partial<Record<OptionName, string | boolean>> = {};
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    if (!isOptionName(token.name)) throw new UsageError(`unknown option ${token.rawName}`);
    if (!allowed.includes(token.name)) {
      throw new UsageError(`option --${token.name} does not apply to ${command ? `"${command}"` : 'the interactive mode'}`);
    }
    const spec = OPTIONS[token.name];
    if (spec.type === 'string' && (token.value === undefined || (!token.inlineValue && token.value.startsWith('-')))) {
      throw new UsageError(`--${token.name}: missing value`);
    }
    if (spec.type === 'boolean' && token.value !== undefined) {
      throw new UsageError(`--${token.name} takes no value`);
    }
    given[token.name] = token.value ?? true;
  }
  const text = (name: OptionName): string | undefined => {
    const value = given[name];
    return typeof value === 'string' ? value : undefined;
  };
  const options: CommonOptions = {};
  const lang = oneOf('lang', text('lang'), LANGS);
  if (lang) options.lang = lang;
  const instance = text('instance')?.trim();
  if (instance !== undefined) {
    if (!/^[A-Za-z0-9_-]+$/.test(instance)) throw new UsageError(`--instance: expected letters, digits, "-" or "_", got "${instance}"`);
    options.instance = instance;
  }
  const knowledge = text('knowledge');
  if (knowledge !== undefined) options.knowledge = knowledge;

  switch (command) {
    case 'ask':
      return { name: 'ask', words: rest, format: oneOf('format', text('format'), FORMATS) ?? 'text', options };
    case 'classify':
      if (given.jsonl !== true) throw new UsageError('classify reads JSON lines from stdin: use "classify --jsonl"');
      return noExtra(rest, command, { name: 'classify', options });
    case 'eval':
      if (rest.length > 1) throw new UsageError(`eval takes one FILE, got ${rest.length}`);
      // An unset variable ("eval $FILE" quoted) would read as ": cannot be read".
      if (rest[0]?.trim() === '') throw new UsageError('eval: FILE is empty; give the path of a labelled JSONL file, or none for the bundled dev set');
      return rest[0] === undefined ? { name: 'eval', json: given.json === true, options } : { name: 'eval', file: rest[0], json: given.json === true, options };
    case 'list':
      return noExtra(rest, command, { name: 'list', options });
    case 'kb':
      if (rest[0] === undefined) throw new UsageError('kb: missing subcommand (expected "kb check")');
      if (rest[0] !== 'check') throw new UsageError(`unknown kb subcommand "${rest[0]}" (expected "kb check")`);
      return noExtra(rest.slice(1), 'kb check', { name: 'kb-check', options });
    case 'feedback':
      return feedbackCommand(rest, given, text);
    case 'db':
      if (rest[0] === undefined) throw new UsageError('db: missing subcommand (expected "db migrate")');
      if (rest[0] !== 'migrate') throw new UsageError(`unknown db subcommand "${rest[0]}" (expected "db migrate")`);
      return noExtra(rest.slice(1), 'db migrate', { name: 'db-migrate' });
    case 'help':
      return { name: 'help' };
    default:
      return noExtra(rest, 'the interactive mode', { name: 'interactive', options });
  }
}

function feedbackCommand(rest: readonly string[], given: Partial<Record<OptionName, string | boolean>>, text: (name: OptionName) => string | undefined): CliCommand {
  const since = text('since');
  const sinceOption = since === undefined ? {} : { since };
  if (rest[0] === 'report') {
    if (given.jsonl !== undefined) throw new UsageError('option --jsonl does not apply to "feedback report"');
    return noExtra(rest.slice(1), 'feedback report', { name: 'feedback-report', format: oneOf('format', text('format'), REPORT_FORMATS) ?? 'text', ...sinceOption });
  }
  if (rest[0] === 'export') {
    if (given.format !== undefined) throw new UsageError('option --format does not apply to "feedback export"');
    if (given.jsonl !== true) throw new UsageError('feedback export writes JSON lines: use "feedback export --jsonl"');
    return noExtra(rest.slice(1), 'feedback export', { name: 'feedback-export', ...sinceOption });
  }
  if (rest[0] === undefined) throw new UsageError('feedback: missing subcommand (expected "feedback report" or "feedback export --jsonl")');
  throw new UsageError(`unknown feedback subcommand "${rest[0]}" (expected "feedback report" or "feedback export --jsonl")`);
}

function noExtra(rest: readonly string[], command: string, result: CliCommand): CliCommand {
  if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}" for ${command}`);
  return result;
}
