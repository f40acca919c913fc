import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readModelFile, writeModelFile, type ModelStamp } from './model-file.js';
import { currentStamp, stampMatches } from './model-stamp.js';
import { trainModel, type TrainedModel } from './train-model.js';
import { PACKAGE_ROOT as ROOT } from '../package-root.js';

/** The knowledge shipped with the bot, and the model `npm run build` makes of it. */
export const BUNDLED_KNOWLEDGE = resolve(ROOT, 'knowledge');
export const BUILT_MODEL = resolve(ROOT, 'dist/model.bin');

/** Where the model of a knowledge directory is kept: the built one for the bundled knowledge, one file per other directory. */
export function modelFileFor(dir: string): string {
  const full = resolve(dir);
  if (full === BUNDLED_KNOWLEDGE) return BUILT_MODEL;
  return resolve(ROOT, `dist/model-${createHash('sha256').update(full).digest('hex').slice(0, 12)}.bin`);
}

/**
 * The trained model for a knowledge directory: the saved one when it was built from these very files
 * and this code (no YAML is parsed), else trained now, saved where possible, and said so in one `notice` line.
 */
export async function loadModel(dir: string, notice: (line: string) => void): Promise<TrainedModel> {
  const stamp = currentStamp(dir);
  const own = modelFileFor(dir);
  const ownSaved = readModelFile(own);
  if (ownSaved && stamp && stampMatches(ownSaved.stamp, stamp)) return ownSaved.model;
  // A copy of the bundled knowledge needs no training of its own.
  const built = own === BUILT_MODEL ? undefined : readModelFile(BUILT_MODEL);
  if (built && stamp && stampMatches(built.stamp, stamp)) return built.model;

  const started = performance.now();
  const model = await trainFrom(dir);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const nearest = ownSaved ?? built;
  const fromHere = relative(process.cwd(), own);
  const shown = fromHere.startsWith('..') ? own : fromHere;
  // A file that is there yet does not read (cut short by a full disk, or written by another version) is named as such.
  const why =
    !ownSaved && existsSync(own)
      ? `the saved model ${shown} cannot be read (damaged, or built by another version)`
      : !nearest
        ? 'no model built yet'
        : nearest.stamp.knowledge !== stamp?.knowledge
          ? 'the knowledge changed since the model was built'
          : "the matcher's code changed since the model was built";
  const problem = stamp ? saveModel(own, model, stamp) : 'the knowledge could not be read twice alike';
  notice(`${dir}: ${why}: retrained in ${seconds} s, ${problem === undefined ? `saved to ${shown}` : `not saved (${problem})`}`);
  return model;
}

/** Validates the knowledge (YAML and schema load only here) and trains on it. */
export async function trainFrom(dir: string): Promise<TrainedModel> {
  const { loadKnowledge } = await import('./knowledge.js');
  return trainModel(loadKnowledge(dir));
}

/** Writes the model; the reason it could not, or undefined. */
export function saveModel(path: string, model: TrainedModel, stamp: ModelStamp): string | undefined {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeModelFile(path, model, stamp);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message.split('\n')[0] : String(error);
  }
}
