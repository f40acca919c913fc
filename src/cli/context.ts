import type { Readable, Writable } from 'node:stream';
import { loadModel } from '../core/load-model.js';
import type { ReplyOptions } from '../core/reply.js';
import { triageFromModel, type Triage } from '../core/triage.js';

/** The process's streams; a TTY flag decides colour, prompts and whether stdin holds the text. */
export interface CliStreams {
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable & { isTTY?: boolean; hasColors?: () => boolean; columns?: number };
  stderr: Writable;
}

/** What every command gets once arguments and configuration are resolved. */
export interface CliContext {
  streams: CliStreams;
  /** From --instance, else CAMPAIGN_INSTANCE: the instance of cards built without a question. */
  instance?: string;
  /** --instance, CAMPAIGN_INSTANCE(S) and CAMPAIGN_MODULES, as the triage weighs them against the question. */
  triageDefaults: ReplyOptions;
  knowledgeDir: string;
  /** Colour only on a terminal that wants it; Node's hasColors() honours NO_COLOR. */
  color: boolean;
  /** The terminal's width, to wrap prose to; none when the output is piped, so each item stays one line. */
  width?: number | undefined;
}

/** The matcher built from the knowledge: the saved model, or one trained now (with a line on stderr saying so) when the knowledge changed. */
export async function loadTriage(context: Pick<CliContext, 'knowledgeDir' | 'triageDefaults' | 'streams'>): Promise<Triage> {
  const model = await loadModel(context.knowledgeDir, (line) => context.streams.stderr.write(`campaign-module: ${line}\n`));
  return triageFromModel(model, {}, context.triageDefaults);
}

/** True when output goes to a terminal that shows colour (not when NO_COLOR is set or output is piped). */
export function terminalWidth(stdout: CliStreams['stdout']): number | undefined {
  return stdout.isTTY === true && typeof stdout.columns === 'number' && stdout.columns >= 20 ? stdout.columns : undefined;
}

export function wantsColor(stdout: CliStreams['stdout']): boolean {
  return stdout.isTTY === true && typeof stdout.hasColors === 'function' && stdout.hasColors();
}

/** Writes text and waits when the stream's buffer is full, so a large stream never piles up in memory. */
export async function write(stream: Writable, text: string): Promise<void> {
  if (stream.write(text)) return;
  await new Promise<void>((resolve, reject) => {
    const done = (error?: Error): void => {
      stream.off('drain', onDrain);
      stream.off('error', done);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = (): void => done();
    stream.once('drain', onDrain);
    stream.once('error', done);
  });
}
