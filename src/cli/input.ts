import { PassThrough, type Readable } from 'node:stream';
import { utf16Encoding } from '../core/byte-order-mark.js';
import { isTooLong } from '../core/reply.js';
import { MAX_INPUT_BYTES, MAX_INPUT_LABEL } from '../render/limits.js';

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

/** Past this many bytes of stdin the text is surely too long: stop reading. */
export const MAX_STDIN_BYTES = MAX_INPUT_BYTES;

// Colour codes from a pasted terminal (`ESC[31m`) are text, not binary.
const ANSI_ESCAPE = /\u001B\[[0-9;?]*[A-Za-z]/g;
// C0/C1 control characters other than tab, newline and carriage return, and undecodable bytes.
const JUNK = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFD]/g;
// A pasted log keeps its stray BEL, NUL or Latin-1 byte; an image or archive is mostly junk.
const BINARY_SHARE = 0.3;

/**
 * True for input that is not text: undecodable bytes and control characters make up 30 % or
 * more of what is visible. A pasted log with a few stray control bytes is still text.
 */
export function looksBinary(raw: string): boolean {
  const text = raw.replace(ANSI_ESCAPE, '');
  const visible = text.replace(/\s+/g, '').length;
  if (visible === 0) return false;
  const junk = text.match(JUNK)?.length ?? 0;
  return junk >= visible * BINARY_SHARE;
}

/** Stdin or a file that holds no text to read: a directory. The CLI exits 66 (EX_NOINPUT). */
export class UnreadableInputError extends Error {
  readonly code = 'INPUT_UNREADABLE';
  override readonly name = 'UnreadableInputError';
}

/** Decodes bytes as UTF-8 (a stray invalid byte becomes U+FFFD), refusing binary data. */
export function decodeInput(bytes: Uint8Array): string {
  const text = decodeText(bytes);
  if (looksBinary(text)) throw binaryError();
  return text;
}

/** Text from bytes: UTF-16 when a byte-order mark says so (what Windows PowerShell 5 writes with `>`), else UTF-8; the mark is dropped. */
export function decodeText(bytes: Uint8Array): string {
  return new TextDecoder(utf16Encoding(bytes) ?? 'utf-8').decode(bytes);
}

/** A stream's bytes as UTF-8: UTF-16 with a byte-order mark is re-encoded as it streams, anything else passes through. */
export async function* utf8Chunks(input: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer> {
  let decoder: TextDecoder | undefined;
  let first = true;
  for await (const chunk of input) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    if (first) {
      first = false;
      const encoding = utf16Encoding(buffer);
      if (encoding) decoder = new TextDecoder(encoding);
    }
    yield decoder ? Buffer.from(decoder.decode(buffer, { stream: true })) : buffer;
  }
  const rest = decoder?.decode() ?? '';
  if (rest) yield Buffer.from(rest);
}

/** Node reads a directory given as stdin (`< some-dir`) as empty input: this stream fails instead, so the CLI says what is wrong. */
export function stdinOrFailure(stdin: Readable, isDirectory: boolean): Readable {
  if (!isDirectory) return stdin;
  return new PassThrough().destroy(new UnreadableInputError('stdin is a directory: give a file or a pipe'));
}

/** Checks text typed as arguments, where the shell has already decoded the bytes. */
export function checkInputText(text: string): string {
  if (isTooLong(text)) throw tooLongError();
  if (looksBinary(text)) throw binaryError();
  return text;
}

function binaryError(): InputError {
  return new InputError('binary', 'the input is binary data, not text: describe the symptom in words or paste the log lines');
}

function tooLongError(): InputError {
  return new InputError('too-long', `the input is too long (over ${MAX_INPUT_LABEL}): paste the error lines and the last part of the log`);
}

/** Reads all of stdin, stopping early once it is over the 1 MB a message may be. */
export async function readStdin(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const buffer of utf8Chunks(stream)) {
    chunks.push(buffer);
    size += buffer.length;
    if (size > MAX_STDIN_BYTES) {
      stream.destroy();
      if (looksBinary(new TextDecoder('utf-8').decode(Buffer.concat(chunks).subarray(0, 65_536)))) throw binaryError();
      throw tooLongError();
    }
  }
  return decodeInput(Buffer.concat(chunks));
}
