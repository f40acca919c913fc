import type { Triage } from '../core/triage.js';
import type { Diagnosis, Lang, ModuleId, NoModuleReason } from '../core/types.js';
import { MAX_INPUT_BYTES, MAX_INPUT_LABEL } from '../render/limits.js';
import { isTooLong } from '../core/reply.js';
import { loadTriage, write, type CliContext } from './context.js';
import { EXIT } from './help.js';
import { looksBinary, utf8Chunks } from './input.js';
import { boundedLines, LINE_TOO_LONG } from './json-lines.js';

/** One output line of `classify --jsonl`; the shape other tools parse, so keep it exactly. */
export type ClassifyResult =
  | { module: ModuleId | null; confidence: number; lang: Lang; candidates: { module: ModuleId; score: number }[]; reason?: NoModuleReason }
  | { error: string };

const INVALID_ERRORS: Partial<Record<string, string>> = { 'no-text': 'text: no words', language: 'text: not in a language the bot reads (en, ko, ja, de, fr)' };

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

function result(diagnosis: Diagnosis): ClassifyResult {
  return {
    module: diagnosis.module,
    confidence: round(diagnosis.confidence),
    lang: diagnosis.lang,
    candidates: diagnosis.candidates.map((c) => ({ module: c.module, score: round(c.score) })),
    // Only when no module is named: why (a how-to question, outside the modules, off-topic, unsure).
    ...(diagnosis.module === null && diagnosis.reason && { reason: diagnosis.reason }),
  };
}

function textOf(line: string): string | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { error: 'not valid JSON: expected {"text": "…"}' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: 'expected a JSON object {"text": "…"}' };
  const text = (value as Record<string, unknown>).text;
  if (typeof text !== 'string') return { error: 'text: expected a string' };
  return text;
}

/**
 * Classifies one input line. Bad lines become `{"error"}` rather than stopping the stream,
 * so output line N always answers input line N.
 */
export function classifyLine(triage: Triage, line: string): ClassifyResult {
  if (line.trim() === '') return { error: 'empty line' };
  const text = textOf(line);
  if (typeof text !== 'string') return text;
  if (text.trim() === '') return { error: 'text: empty' };
  if (isTooLong(text)) return { error: `text: too long (over ${MAX_INPUT_LABEL})` };
  if (looksBinary(text)) return { error: 'text: binary data, not text' };
  // "???" asks for help in chat; as a line to classify it holds no words, like "🔥🔥".
  if (!/[\p{L}\p{N}]/u.test(text)) return { error: INVALID_ERRORS['no-text'] ?? 'text: no words' };
  // reply() applies the same input checks as ask, and its diagnosis saves a second pass.
  const reply = triage.reply(text);
  if (reply.kind === 'invalid') return { error: INVALID_ERRORS[reply.reason] ?? `text: ${reply.reason}` };
  return result(reply.kind === 'diagnosis' ? reply.diagnosis : triage.diagnose(text));
}

/** The longest input line read: a text at the 1 MB limit, each character escaped as \uXXXX, still fits. */
const MAX_LINE_BYTES = 6 * MAX_INPUT_BYTES + 1024;

/** `classify --jsonl`: stdin JSON lines in, one JSON line out per line, in order, streamed. */
export async function runClassify(context: CliContext): Promise<number> {
  const triage = await loadTriage(context);
  for await (const line of boundedLines(utf8Chunks(context.streams.stdin as AsyncIterable<Buffer>), MAX_LINE_BYTES)) {
    const answer = line === LINE_TOO_LONG ? { error: `text: too long (over ${MAX_INPUT_LABEL})` } : classifyLine(triage, line);
    await write(context.streams.stdout, `${JSON.stringify(answer)}\n`);
  }
  return EXIT.ok;
}
