/**
 * `npm run bench` (after `npm run build`): the bot as people run it, whole processes, next to NLP.js
 * (@nlpjs/basic) trained on the same knowledge examples and loaded from its saved model, the two measured
 * in turn, round by round, in the same run. A benchmark, not a test: it prints what it measured.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { BUILT_MODEL } from '../src/core/load-model.js';
import { readModelFile } from '../src/core/model-file.js';
import { triageFromModel } from '../src/core/triage.js';
import { startSlackApiStandIn } from '../test/slack/api-stand-in.js';
import { BOT_TOKEN, postSigned, SIGNING_SECRET, slashCommand } from '../test/slack/requests.js';
// @ts-expect-error: plain JavaScript, shared with the NLP.js whole-process scripts
import { classify as classifyNlp, loadNlp } from './nlpjs/nlp.mjs';
import { runNode, startServer } from './processes.js';
// @ts-expect-error: plain JavaScript, the build's own options
import { BUNDLE_OPTIONS } from '../scripts/build.mjs';
import { build } from 'esbuild';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(REPO, 'bin/campaign-module.js');
const NLP = (script: string) => path.join(REPO, 'bench/nlpjs', script);
const QUESTION = 'emails stopped going out';
/** The server as `npm start` runs it, node's options included. */
const START = (JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start
  .split(' ')
  .slice(1)
  .map((arg) => (arg.endsWith('.js') ? path.join(REPO, arg) : arg));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
const SERVER_ROUNDS = Number(process.env.BENCH_SERVER_ROUNDS ?? 5);
const ANSWERS = 1000;
const texts = ['dev-set', 'dev-asked', 'dev-safe-answers'].flatMap((name) =>
  readFileSync(path.join(REPO, `test/data/${name}.jsonl`), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => (JSON.parse(line) as { text: string }).text),
);
const jsonl = texts.map((text) => JSON.stringify({ text })).join('\n');

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const percentile = (values: number[], p: number) => sorted(values)[Math.min(values.length - 1, Math.floor((values.length - 1) * p))] ?? Number.NaN;
const median = (values: number[]) => percentile(values, 0.5);
const rows: [string, string, string, string][] = [];
function row(measure: string, ours: number[], theirs: number[], unit: string, digits = 0): void {
  const [a, b] = [median(ours), median(theirs)];
  rows.push([measure, `${a.toFixed(digits)} ${unit}`, `${b.toFixed(digits)} ${unit}`, `${(a / b).toFixed(2)}×`]);
}

const scratch = mkdtempSync(path.join(tmpdir(), 'bench-start-up-'));
const nlpModel = path.join(scratch, 'nlpjs-model.json');
try {
  await runNode(['--import', 'tsx', NLP('train.ts'), path.join(REPO, 'knowledge'), nlpModel]);
  // A fresh environment: no .env, no configuration but what each measure sets.
  const env = { PATH: process.env.PATH ?? '', HOME: scratch };

  const load = { ours: [] as number[], theirs: [] as number[] };
  const ask = { ours: [] as number[], theirs: [] as number[], oursMb: [] as number[], theirsMb: [] as number[] };
  const classify = { ours: [] as number[], theirs: [] as number[], oursMb: [] as number[], theirsMb: [] as number[] };
  // Load time after the imports, in a fresh process each: for ours, the model-loading code bundled as npm run build bundles it.
  const oursLoad = path.join(scratch, 'load-model.mjs');
  await build({
    stdin: {
      contents: `import { readModelFile } from './src/core/model-file.ts'; import { triageFromModel } from './src/core/triage.ts';
        const t = performance.now(); triageFromModel(readModelFile(process.argv[2]).model); process.stdout.write(String(performance.now() - t));`,
      resolveDir: REPO,
      loader: 'ts',
    },
    outfile: oursLoad,
    ...BUNDLE_OPTIONS,
  });
  const theirsLoad = `import { loadNlp } from '${NLP('nlp.mjs')}'; const t = performance.now(); await loadNlp('${nlpModel}'); process.stdout.write(String(performance.now() - t));`;
  for (let round = 0; round < ROUNDS; round += 1) {
    load.ours.push(Number((await runNode([oursLoad, BUILT_MODEL], '', env)).stdout));
    load.theirs.push(Number((await runNode(['--input-type=module', '-e', theirsLoad], '', env)).stdout));
    const a = await runNode([CLI, 'ask', QUESTION], '', env);
    const b = await runNode([NLP('ask.mjs'), nlpModel, QUESTION], '', env);
    ask.ours.push(a.ms);
    ask.oursMb.push(a.peakMb);
    ask.theirs.push(b.ms);
    ask.theirsMb.push(b.peakMb);
    const c = await runNode([CLI, 'classify', '--jsonl'], jsonl, env);
    const d = await runNode([NLP('classify.mjs'), nlpModel], jsonl, env);
    classify.ours.push(c.ms);
    classify.oursMb.push(c.peakMb);
    classify.theirs.push(d.ms);
    classify.theirsMb.push(d.peakMb);
  }

  // Per message, in this process once both are loaded: every dev text, one contender's pass then the other's,
  // the order swapped each round (alternating message by message would let each spoil the other's caches).
  const triage = triageFromModel(readModelFile(BUILT_MODEL)?.model ?? fail('dist/model.bin: run npm run build first'));
  const nlp = await loadNlp(nlpModel);
  const perMessage = { ours: [] as number[], theirs: [] as number[] };
  const passes = {
    ours: async (into: number[]) => {
      for (const text of texts) {
        const started = performance.now();
        triage.diagnose(text);
        into.push((performance.now() - started) * 1000);
      }
    },
    theirs: async (into: number[]) => {
      for (const text of texts) {
        const started = performance.now();
        await classifyNlp(nlp, text);
        into.push((performance.now() - started) * 1000);
      }
    },
  };
  await passes.ours([]);
  await passes.theirs([]);
  for (let round = 0; round < ROUNDS; round += 1) {
    const order = round % 2 === 0 ? (['ours', 'theirs'] as const) : (['theirs', 'ours'] as const);
    for (const who of order) await passes[who](perMessage[who]);
  }

  const slackApi = await startSlackApiStandIn();
  const bothPlatforms = {
    ...env,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slackApi.apiUrl,
    MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
    MicrosoftAppPassword: 'bench-only-secret',
  };
  const server = {
    ours: [] as number[],
    theirs: [] as number[],
    oursFirst: [] as number[],
    theirsFirst: [] as number[],
    oursMb: [] as number[],
    theirsMb: [] as number[],
    oursLoaded: [] as number[],
    theirsLoaded: [] as number[],
    oursAfter: [] as number[],
    theirsAfter: [] as number[],
  };
  for (let round = 0; round < SERVER_ROUNDS; round += 1) {
    const ours = await startServer(START, bothPlatforms);
    server.ours.push(ours.readyMs);
    server.oursMb.push(ours.rssMb());
    // The first command arrives as soon as /healthz answers, before Bolt has loaded: it waits for it.
    const first = await postSigned(`${ours.url}/slack/events`, slashCommand(QUESTION, 'http://127.0.0.1:9/unused'));
    await first.arrayBuffer();
    server.oursFirst.push(ours.sinceSpawnMs());
    // An empty activity (refused, 400) makes sure botbuilder is in memory too before the RSS is read.
    await (await fetch(`${ours.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).arrayBuffer();
    server.oursLoaded.push(ours.rssMb());
    for (let i = 0; i < ANSWERS; i += 1) {
      const res = await postSigned(`${ours.url}/slack/events`, slashCommand(texts[i % texts.length] ?? QUESTION, 'http://127.0.0.1:9/unused'));
      await res.arrayBuffer();
    }
    server.oursAfter.push(ours.rssMb());
    ours.stop();
    const theirs = await startServer([NLP('server.mjs'), nlpModel], env);
    server.theirs.push(theirs.readyMs);
    server.theirsMb.push(theirs.rssMb());
    await (await fetch(`${theirs.url}/ask`, { method: 'POST', body: JSON.stringify({ text: QUESTION }) })).arrayBuffer();
    server.theirsFirst.push(theirs.sinceSpawnMs());
    server.theirsLoaded.push(theirs.rssMb());
    for (let i = 0; i < ANSWERS; i += 1) {
      const res = await fetch(`${theirs.url}/ask`, { method: 'POST', body: JSON.stringify({ text: texts[i % texts.length] ?? QUESTION }) });
      await res.arrayBuffer();
    }
    server.theirsAfter.push(theirs.rssMb());
    theirs.stop();
  }
  await slackApi.close();

  const size = (file: string) => statSync(file).size / 1024 / 1024;
  row('Model file size', [size(BUILT_MODEL)], [size(nlpModel)], 'MB', 1);
  row('Model load (fresh process, after imports)', load.ours, load.theirs, 'ms');
  row(`CLI \`ask "${QUESTION}"\`: wall`, ask.ours, ask.theirs, 'ms');
  row('… peak RSS', ask.oursMb, ask.theirsMb, 'MB');
  row(`CLI \`classify --jsonl\`, ${texts.length} dev texts: wall`, classify.ours, classify.theirs, 'ms');
  row('… peak RSS', classify.oursMb, classify.theirsMb, 'MB');
  rows.push([
    'Per message (in process), median / p99',
    `${median(perMessage.ours).toFixed(0)} / ${percentile(perMessage.ours, 0.99).toFixed(0)} µs`,
    `${median(perMessage.theirs).toFixed(0)} / ${percentile(perMessage.theirs, 0.99).toFixed(0)} µs`,
    `${(median(perMessage.ours) / median(perMessage.theirs)).toFixed(2)}× / ${(percentile(perMessage.ours, 0.99) / percentile(perMessage.theirs, 0.99)).toFixed(2)}×`,
  ]);
  row('Server: spawn to first 200 on /healthz (ours: Slack and Teams configured)', server.ours, server.theirs, 'ms');
  row('… spawn to the first answer, asked at ready (ours: a signed slash command, Bolt loading on it)', server.oursFirst, server.theirsFirst, 'ms');
  row('… RSS at ready (ours: the SDKs not yet loaded)', server.oursMb, server.theirsMb, 'MB');
  row('… RSS after the first answer (ours: and one Teams request, so Bolt and botbuilder are both loaded)', server.oursLoaded, server.theirsLoaded, 'MB');
  row(`… RSS after ${ANSWERS} answers (ours: Bolt and botbuilder loaded, signed Slack slash commands; NLP.js: POST /ask)`, server.oursAfter, server.theirsAfter, 'MB');

  const header: [string, string, string, string] = ['measure (median)', 'campaign-module', 'NLP.js, saved model', 'ratio'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  console.log(`node ${process.version}, ${ROUNDS} rounds (server: ${SERVER_ROUNDS}), the two contenders in turn each round`);
  console.log(line(header));
  for (const r of rows) console.log(line(r));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

function fail(message: string): never {
  throw new Error(message);
}
