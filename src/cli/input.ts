import type { Readable } from 'node:stream';
import { MAX_INPUT_CHARS } from '../render/limits.js';

/** Text the CLI will not pass to the triage; the CLI exits 65 (EX_DATAERR) with this message. */
export class InputError extends Error {
  readonly code = 'INPUT_INVALID';
  override readonly name = 'InputError';
  constructor(
    readonly reason: 'binary' | 'too-long',
    message: string,
  ) {
    super(message);
  }
}

/** UTF-8 never needs more than four bytes per character, so past this many bytes the text is surely too long. */
export const MAX_STDIN_BYTES = MAX_INPUT_CHARS * 4;

// Colour codes from a pasted terminal (`ESC[31m`) are text, not binary.
const ANSI_ESCAPE = /\u001B\[[0-9;?]*[A-Za-z]/g;
// C0/C1 control characters other than tab, newline and carriage return.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/**
 * True for text that is not a human message: a NUL anywhere, or undecodable bytes (U+FFFD) and
 * control characters making up a tenth of it. A lone stray byte in a pasted log still passes.
 */
export function looksBinary(raw: string): boolean {
  if (raw.includes('\u0000')) return true;
  const text = raw.replace(ANSI_ESCAPE, '');
  const visible = text.replace(/\s+/g, '').length;
  if (visible === 0) return false;
  const junk = (text.match(CONTROL)?.length ?? 0) + (text.match(/\uFFFD/g)?.length ?? 0);
  return junk * 10 >= visible;
}

/** Decodes bytes as UTF-8, refusing binary data. */
export function decodeInput(bytes: Uint8Array): string {
  if (bytes.includes(0)) throw binaryError();
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw binaryError();
  }
  if (looksBinary(text)) throw binaryError();
  return text;
}

/** Checks text typed as arguments, where the shell has already decoded the bytes. */
export function checkInputText(text: string): string {
  if (looksBinary(text)) throw binaryError();
  return text;
}

function binaryError(): InputError {
  return new InputError('binary', 'the input is binary data, not text: describe the symptom in words or paste the log lines');
}

/** Reads all of stdin, stopping early once it is too long to be a symptom report. */
export async function readStdin(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    chunks.push(buffer);
    size += buffer.length;
    if (size > MAX_STDIN_BYTES) {
      stream.destroy();
      if (chunks.some((c) => c.includes(0))) throw binaryError();
      throw new InputError('too-long', `the input is too long (over ${MAX_INPUT_CHARS} characters): paste only the error lines or the symptom`);
    }
  }
  return decodeInput(Buffer.concat(chunks));
}
