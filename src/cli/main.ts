import { fstatSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError, loadCliConfig } from '../config.js';
import { LabelledCaseError } from '../core/evaluate.js';
import { KnowledgeError } from '../core/knowledge-files.js';
import { runAsk } from './ask.js';
import { parseCliArgs, UsageError, type CliCommand } from './args.js';
import { runClassify } from './classify.js';
import { terminalWidth, wantsColor, write, type CliContext, type CliStreams } from './context.js';
import { EvalFileError, runEval } from './eval.js';
import { EXIT, USAGE } from './help.js';
import { InputError, stdinOrFailure, UnreadableInputError } from './input.js';
import { runInteractive } from './interactive.js';
import { runKbCheck, runList } from './knowledge.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { MigrationError, StoreUnreachableError } from '../store/errors.js';

function version(): string {
  const pkg: unknown = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8'));
  const value = typeof pkg === 'object' && pkg !== null ? (pkg as Record<string, unknown>).version : undefined;
  return typeof value === 'string' ? value : 'unknown';
}

/** Configuration is read only for commands that need it, so --help works even with a broken .env. */
function contextFor(command: Extract<CliCommand, { options: unknown }>, streams: CliStreams): CliContext {
  const config = loadCliConfig();
  const instance = command.options.instance ?? config.instance;
  return {
    streams,
    triageDefaults: {
      instances: { flag: command.options.instance, configured: config.instance, known: config.instances },
      expectedModules: config.modules,
    },
    knowledgeDir: command.options.knowledge === undefined ? config.knowledgeDir : resolve(command.options.knowledge),
    color: wantsColor(streams.stdout),
    width: terminalWidth(streams.stdout),
    ...(instance !== undefined && { instance }),
  };
}

async function dispatch(command: CliCommand, streams: CliStreams): Promise<number> {
  switch (command.name) {
    case 'help':
      await write(streams.stdout, `${USAGE}\n`);
      return EXIT.ok;
    case 'version':
      await write(streams.stdout, `${version()}\n`);
      return EXIT.ok;
    case 'interactive':
      if (streams.stdin.isTTY !== true) {
        throw new UsageError('no command given (try: campaign-module ask "emails stopped going out")');
      }
      return runInteractive(contextFor(command, streams), command.options.lang);
    case 'ask':
      return runAsk(command, contextFor(command, streams));
    case 'classify':
      return runClassify(contextFor(command, streams));
    case 'eval':
      return runEval(command, contextFor(command, streams));
    case 'list':
      return runList(contextFor(command, streams), command.options.lang);
    case 'kb-check':
      return runKbCheck(contextFor(command, streams));
    // The store's commands bring Kysely and a database driver: loaded only for them, so `ask` stays quick.
    case 'feedback-report':
      return (await import('./feedback.js')).runFeedbackReport(command, streams);
    case 'feedback-export':
      return (await import('./feedback.js')).runFeedbackExport(command, streams);
    case 'db-migrate':
      return (await import('./feedback.js')).runDbMigrate(streams);
  }
}

/** Maps a failure to its one-line message and exit code; users never see a stack trace. */
function failure(error: unknown): { message: string; code: number } {
  if (error instanceof UsageError) return { message: `${error.message} (see campaign-module --help)`, code: EXIT.usage };
  if (error instanceof InputError || error instanceof LabelledCaseError) return { message: error.message, code: EXIT.dataError };
  if (error instanceof EvalFileError || error instanceof UnreadableInputError) return { message: error.message, code: EXIT.noInput };
  if (error instanceof KnowledgeError || error instanceof ConfigError || error instanceof StoreUnreachableError || error instanceof MigrationError) {
    return { message: error.message, code: EXIT.failure };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { message: `internal error: ${detail.split('\n')[0] ?? ''}`, code: EXIT.failure };
}

/** Runs one CLI invocation against the given streams and returns the exit code. */
export async function runCli(argv: readonly string[], streams: CliStreams): Promise<number> {
  try {
    return await dispatch(parseCliArgs(argv), streams);
  } catch (error) {
    const { message, code } = failure(error);
    streams.stderr.write(`campaign-module: ${message}\n`);
    return code;
  }
}

function stdinIsDirectory(): boolean {
  try {
    return fstatSync(0).isDirectory();
  } catch {
    return false;
  }
}

/** Entry point of bin/campaign-module.js. */
export async function main(): Promise<void> {
  // A library's warning (pg on sslmode=require, a deprecation) is one line, like every other message on stderr, not Node's ten.
  process.removeAllListeners('warning');
  process.on('warning', (warning) => process.stderr.write(`campaign-module: warning: ${warning.message.split('\n')[0]}\n`));
  // `campaign-module list | head` closes the pipe early; that is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') process.stderr.write(`campaign-module: cannot write output: ${error.message}\n`);
    process.exit(error.code === 'EPIPE' ? EXIT.ok : EXIT.failure);
  });
  process.exitCode = await runCli(process.argv.slice(2), {
    stdin: stdinOrFailure(process.stdin, stdinIsDirectory()),
    stdout: process.stdout,
    stderr: process.stderr,
  });
}
