import { describe, expect, it } from 'vitest';
import { parseCliArgs, UsageError } from '../../src/cli/args.js';

function usageError(argv: string[]): string {
  try {
    parseCliArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      expect(error.code).toBe('USAGE');
      return error.message;
    }
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(argv)} to be refused`);
}

describe('parseCliArgs', () => {
  it.each([
    [['ask', 'emails', 'stopped'], { name: 'ask', words: ['emails', 'stopped'], format: 'text', options: {} }],
    [['ask', '-f', 'json', '--lang=ko', '--instance', 'prod', 'mta', 'down'], { name: 'ask', words: ['mta', 'down'], format: 'json', options: { lang: 'ko', instance: 'prod' } }],
    [['ask', '--', '--verbose', 'is', 'spamming', 'logs'], { name: 'ask', words: ['--verbose', 'is', 'spamming', 'logs'], format: 'text', options: {} }],
    [['ask', '-instance:mkt mta keeps crashing'], { name: 'ask', words: ['-instance:mkt mta keeps crashing'], format: 'text', options: {} }],
    [['ask', '-f', 'json', '--> mta down since 3am', '- stat too'], { name: 'ask', words: ['--> mta down since 3am', '- stat too'], format: 'json', options: {} }],
    [['classify', '--jsonl', '--knowledge', 'kb'], { name: 'classify', options: { knowledge: 'kb' } }],
    [['eval'], { name: 'eval', json: false, options: {} }],
    [['eval', 'set.jsonl', '--json'], { name: 'eval', file: 'set.jsonl', json: true, options: {} }],
    [['list', '--lang', 'ko'], { name: 'list', options: { lang: 'ko' } }],
    [['list', '--lang', 'KO'], { name: 'list', options: { lang: 'ko' } }],
    [['kb', 'check'], { name: 'kb-check', options: {} }],
    [[], { name: 'interactive', options: {} }],
    [['--lang', 'ko'], { name: 'interactive', options: { lang: 'ko' } }],
    [['help'], { name: 'help' }],
    [['ask', 'x', '-h'], { name: 'help' }],
    [['--version'], { name: 'version' }],
    [['feedback', 'report'], { name: 'feedback-report', format: 'text' }],
    [['feedback', 'report', '--since', '30d', '--format', 'html'], { name: 'feedback-report', format: 'html', since: '30d' }],
    [['feedback', 'export', '--jsonl', '--since=2026-11-01'], { name: 'feedback-export', since: '2026-11-01' }],
    [['db', 'migrate'], { name: 'db-migrate' }],
  ])('%j → %j', (argv, command) => {
    expect(parseCliArgs(argv)).toEqual(command);
  });

  it.each([
    [['frobnicate'], 'unknown command "frobnicate"; commands are ask, classify, eval, list, kb check, feedback report, feedback export, db migrate and help'],
    [['ask', '--colour', 'x'], 'unknown option --colour'],
    [['ask', '-z', 'x'], 'unknown option -z'],
    [['ask', '--format'], '--format: missing value'],
    [['ask', '--format', '--lang', 'ko'], '--format: missing value'],
    [['ask', '--format', 'xml', 'x'], '--format: expected text, slack, teams or json, got "xml"'],
    [['ask', '--lang', 'es', 'x'], '--lang: expected en, ko, ja, de or fr, got "es"'],
    [['ask', '--instance', 'a b', 'x'], '--instance: expected letters, digits, "-" or "_", got "a b"'],
    [['list', '--format', 'json'], 'option --format does not apply to "list"'],
    [['eval', '--json=yes'], '--json takes no value'],
    [['eval', 'a.jsonl', 'b.jsonl'], 'eval takes one FILE, got 2'],
    [['eval', ''], 'eval: FILE is empty; give the path of a labelled JSONL file, or none for the bundled dev set'],
    [['classify'], 'classify reads JSON lines from stdin: use "classify --jsonl"'],
    [['kb'], 'kb: missing subcommand (expected "kb check")'],
    [['kb', 'check', 'now'], 'unexpected argument "now" for kb check'],
    [['list', 'all'], 'unexpected argument "all" for list'],
    [['feedback'], 'feedback: missing subcommand (expected "feedback report" or "feedback export --jsonl")'],
    [['feedback', 'report', '--format', 'slack'], '--format: expected text, json or html, got "slack"'],
    [['feedback', 'report', '--jsonl'], 'option --jsonl does not apply to "feedback report"'],
    [['feedback', 'export'], 'feedback export writes JSON lines: use "feedback export --jsonl"'],
    [['feedback', 'export', '--jsonl', '--format', 'json'], 'option --format does not apply to "feedback export"'],
    [['feedback', 'report', '--since'], '--since: missing value'],
    [['db'], 'db: missing subcommand (expected "db migrate")'],
    [['db', 'migrate', 'now'], 'unexpected argument "now" for db migrate'],
    [['ask', '--since', '7d', 'x'], 'option --since does not apply to "ask"'],
  ])('%j is a usage error: %s', (argv, message) => {
    expect(usageError(argv)).toBe(message);
  });
});
