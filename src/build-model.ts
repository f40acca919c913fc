// `npm run build`, after tsc: validates knowledge/, trains the matcher and writes dist/model.bin, which the CLI and the server load at start-up.
import { statSync } from 'node:fs';
import { relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { KnowledgeError } from './core/knowledge-files.js';
import { BUILT_MODEL, BUNDLED_KNOWLEDGE, saveModel, trainFrom } from './core/load-model.js';
import { currentStamp } from './core/model-stamp.js';

const started = performance.now();
const stamp = currentStamp(BUNDLED_KNOWLEDGE);
try {
  const model = await trainFrom(BUNDLED_KNOWLEDGE);
  const problem = stamp ? saveModel(BUILT_MODEL, model, stamp) : 'knowledge/ cannot be read';
  if (problem !== undefined) throw new Error(`${relative(process.cwd(), BUILT_MODEL)}: cannot be written: ${problem}`);
  const examples = model.examples.labels.length;
  const megabytes = (statSync(BUILT_MODEL).size / 1024 / 1024).toFixed(1);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `model: ${relative(process.cwd(), BUILT_MODEL)}, ${megabytes} MB, ${model.classifier.features.length} features, ${examples} examples, trained in ${seconds} s\n`,
  );
} catch (error) {
  process.stderr.write(`build: ${error instanceof KnowledgeError || error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
