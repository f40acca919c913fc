// npm run bench: per-message classification time, start-up (load + train) and heap of our matcher,
// side by side with natural's BayesClassifier trained on the same examples, in the same run.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import BayesClassifier from 'natural/lib/natural/classifiers/bayes_classifier.js';
import { parseLabelledJsonl } from '../src/core/evaluate.js';
import { loadKnowledge } from '../src/core/knowledge.js';
import { createTriage } from '../src/core/triage.js';

const KNOWLEDGE_DIR = new URL('../knowledge', import.meta.url).pathname;
const DEV_SET = new URL('../test/data/dev-set.jsonl', import.meta.url).pathname;
const BUILDS = 7;
const ROUNDS = 20;

interface Contender {
  name: string;
  build(): (text: string) => string | null;
}

const contenders: Contender[] = [
  {
    name: 'campaign-module matcher',
    build() {
      const triage = createTriage(loadKnowledge(KNOWLEDGE_DIR));
      return (text) => triage.diagnose(text).module;
    },
  },
  {
    name: 'natural BayesClassifier',
    build() {
      const knowledge = loadKnowledge(KNOWLEDGE_DIR);
      const bayes = new BayesClassifier();
      for (const entry of knowledge.modules) {
        for (const example of [...entry.examples.en, ...entry.examples.ko]) bayes.addDocument(example, entry.id);
      }
      for (const example of [...knowledge.offTopic.en, ...knowledge.offTopic.ko]) bayes.addDocument(example, 'off-topic');
      bayes.train();
      return (text) => {
        const label = bayes.classify(text);
        return label === 'off-topic' ? null : label;
      };
    },
  },
];

const cases = parseLabelledJsonl(readFileSync(DEV_SET, 'utf8'), DEV_SET);
const texts = cases.map((c) => c.text);
// A pasted log of just under 1 MB (the most a message may be): routine lines, one error, the writer's note.
const LOG_ROUNDS = 9;
const routine = (i: number) =>
  `2026-12-06 03:${String(i % 60).padStart(2, '0')}:${String(i % 57).padStart(2, '0')} INFO mta@prod (${4000 + (i % 9)}) message ${100000 + i} sent to 192.0.2.${i % 250}`;
const logLines = Array.from({ length: 13_200 }, (_, i) => routine(i));
logLines.splice(5000, 0, '2026-12-06 03:12:01 ERROR mta@prod errno=18, Invalid cross-device link');
const bigLog = `nothing leaves since 3am, tail of mta.log below\n${logLines.join('\n')}`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? NaN;
}
const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    0.5,
  );

const rows: string[][] = [];
const measured: { startup: number; median: number; p99: number; log: number }[] = [];
for (const contender of contenders) {
  const startups: number[] = [];
  let classify: (text: string) => string | null = () => null;
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  for (let i = 0; i < BUILDS; i += 1) {
    const start = performance.now();
    classify = contender.build();
    startups.push(performance.now() - start);
  }
  global.gc?.();
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
  for (const text of texts) classify(text); // warm-up
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const text of texts) {
      const start = performance.now();
      classify(text);
      times.push(performance.now() - start);
    }
  }
  times.sort((a, b) => a - b);
  const logTimes: number[] = [];
  for (let round = 0; round < LOG_ROUNDS; round += 1) {
    const start = performance.now();
    classify(bigLog);
    logTimes.push(performance.now() - start);
  }
  const correct = cases.filter((c) => {
    const got = classify(c.text);
    return c.expect.length === 0 ? got === null : got !== null && (c.expect as string[]).includes(got);
  }).length;
  measured.push({ startup: median(startups), median: percentile(times, 0.5), p99: percentile(times, 0.99), log: median(logTimes) });
  rows.push([
    contender.name,
    `${median(startups).toFixed(0)} ms`,
    `${(percentile(times, 0.5) * 1000).toFixed(0)} µs`,
    `${(percentile(times, 0.99) * 1000).toFixed(0)} µs`,
    `${median(logTimes).toFixed(1)} ms`,
    `${heapMb.toFixed(1)} MB`,
    `${((100 * correct) / cases.length).toFixed(1)} %`,
  ]);
}

const header = [
  'classifier',
  'start-up (median)',
  'per message (median)',
  'p99',
  `${(Buffer.byteLength(bigLog) / 1e6).toFixed(2)} MB log (median of ${LOG_ROUNDS})`,
  'heap after build',
  'dev-set accuracy',
];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
console.log(`node ${process.version}, ${texts.length} dev-set messages × ${ROUNDS} rounds, start-up = load knowledge + train, median of ${BUILDS}`);
console.log(line(header));
for (const row of rows) console.log(line(row));
const [ours, baseline] = measured;
if (ours && baseline) {
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  console.log(
    `ratio to natural's BayesClassifier in this run: start-up ${ratio(ours.startup, baseline.startup)}, per-message median ${ratio(ours.median, baseline.median)}, p99 ${ratio(ours.p99, baseline.p99)}, 1 MB log ${ratio(ours.log, baseline.log)}`,
  );
}
if (!global.gc) console.log('(heap figures are rough: run with --expose-gc for exact ones)');
