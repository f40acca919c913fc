/**
 * `npm run bench:compare -- [REF]` (after `npm run build`; REF defaults to HEAD): this working tree's
 * matcher next to the matcher at REF, both in this process, on every dev and tuning text. Prints
 * how many answers differ (diagnose() and reply(), full JSON) and the median time per message of
 * each, their passes in turn. A hot-path change should show 0 differences; the machine is noisy,
 * so only the ratio of the same run means anything. REF's code is checked out in a temporary git
 * worktree; each side reads dist/model.bin with its own reader, so REF must know the model's format.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BUILT_MODEL } from '../src/core/load-model.js';
import { readModelFile } from '../src/core/model-file.js';
import { triageFromModel, type Triage } from '../src/core/triage.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REF = process.argv[2] ?? 'HEAD';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 12);

const texts = ['test/data', 'bench/data'].flatMap((dir) =>
  readdirSync(path.join(REPO, dir))
    .filter((file) => file.endsWith('.jsonl'))
    .flatMap((file) => readFileSync(path.join(REPO, dir, file), 'utf8').split('\n'))
    .filter((line) => line.trim())
    .map((line) => (JSON.parse(line) as { text: string }).text),
);

async function triageAt(root: string): Promise<Triage> {
  const modelFile = (await import(pathToFileURL(path.join(root, 'src/core/model-file.ts')).href)) as typeof import('../src/core/model-file.js');
  const core = (await import(pathToFileURL(path.join(root, 'src/core/triage.ts')).href)) as typeof import('../src/core/triage.js');
  const read = modelFile.readModelFile(BUILT_MODEL);
  if (!read) throw new Error(`${REF} cannot read ${BUILT_MODEL}: its model format differs; compare against a commit that reads it`);
  return core.triageFromModel(read.model);
}

const scratch = mkdtempSync(path.join(tmpdir(), 'compare-matcher-'));
const worktree = path.join(scratch, REF.replace(/[^\w.-]+/g, '_'));
execFileSync('git', ['worktree', 'add', '--detach', worktree, REF], { cwd: REPO, stdio: 'ignore' });
try {
  symlinkSync(path.join(REPO, 'node_modules'), path.join(worktree, 'node_modules'));
  const read = readModelFile(BUILT_MODEL);
  if (!read) throw new Error(`${BUILT_MODEL}: run npm run build first`);
  const contenders = { ours: triageFromModel(read.model), theirs: await triageAt(worktree) };

  const answer = (triage: Triage, text: string) => JSON.stringify([triage.diagnose(text), triage.reply(text)]);
  const differing = texts.filter((text) => answer(contenders.ours, text) !== answer(contenders.theirs, text));

  const times = { ours: [] as number[], theirs: [] as number[] };
  const pass = (who: keyof typeof contenders, into: number[]) => {
    for (const text of texts) {
      const started = performance.now();
      contenders[who].diagnose(text);
      into.push((performance.now() - started) * 1000);
    }
  };
  pass('ours', []);
  pass('theirs', []);
  for (let round = 0; round < ROUNDS; round += 1) {
    const order = round % 2 === 0 ? (['ours', 'theirs'] as const) : (['theirs', 'ours'] as const);
    for (const who of order) pass(who, times[who]);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? Number.NaN;
  const [ours, theirs] = [median(times.ours), median(times.theirs)];
  console.log(`${texts.length} dev and tuning texts, ${ROUNDS} rounds, node ${process.version}`);
  console.log(`answers that differ from ${REF}: ${differing.length}`);
  console.log(`per message, median: this tree ${ours.toFixed(1)} µs, ${REF} ${theirs.toFixed(1)} µs, ratio ${(ours / theirs).toFixed(3)}`);
} finally {
  execFileSync('git', ['worktree', 'remove', '--force', worktree], { cwd: REPO, stdio: 'ignore' });
  rmSync(scratch, { recursive: true, force: true });
}
