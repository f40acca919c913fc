import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { evaluate, parseLabelledJsonl } from '../core/evaluate.js';
import type { CliCommand } from './args.js';
import { loadTriage, write, type CliContext } from './context.js';
import { formatEvalReport } from './eval-report.js';
import { decodeText } from './input.js';
import { EXIT } from './help.js';
import { PACKAGE_ROOT } from '../package-root.js';

/** The held-out dev set, found from the package rather than the working directory so npx works anywhere. */
export const DEFAULT_EVAL_FILE = resolve(PACKAGE_ROOT, 'test/data/dev-set.jsonl');

/** The labelled file cannot be read at all; the CLI exits 66 (EX_NOINPUT). */
export class EvalFileError extends Error {
  readonly code = 'EVAL_FILE_UNREADABLE';
  override readonly name = 'EvalFileError';
}

function readLabelledFile(path: string, shown: string): string {
  try {
    return decodeText(readFileSync(path));
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'cannot be read';
    throw new EvalFileError(`${shown}: ${why}`);
  }
}

/** `eval [FILE]`: scores the triage on labelled JSONL and prints the report (text, or JSON with --json). */
export async function runEval(command: Extract<CliCommand, { name: 'eval' }>, context: CliContext): Promise<number> {
  const path = command.file === undefined ? DEFAULT_EVAL_FILE : resolve(command.file);
  const fromHere = relative(process.cwd(), path);
  const shown = command.file ?? (fromHere.startsWith('..') ? path : fromHere);
  const cases = parseLabelledJsonl(readLabelledFile(path, shown), shown);
  const triage = await loadTriage(context);
  const report = evaluate(triage, cases);
  const output = command.json ? JSON.stringify({ file: shown, ...report }, null, 2) : formatEvalReport(report, shown);
  await write(context.streams.stdout, `${output}\n`);
  return EXIT.ok;
}
