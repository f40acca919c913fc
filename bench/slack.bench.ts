/**
 * `npm run bench:slack`: how fast the bot acknowledges signed slash commands (with the answer in
 * the ack), 50 in flight at once, against `node bin/server.js` on loopback, once with the store in
 * SQLite and once in PostgreSQL (a throwaway server, as the tests start it). A benchmark, not a test.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSlackApiStandIn } from '../test/slack/api-stand-in.js';
import { BOT_TOKEN, postSigned, SIGNING_SECRET, slashCommand } from '../test/slack/requests.js';
import { startPostgres } from '../test/store/postgres.js';

const CONCURRENCY = 50;
const REQUESTS = 2000;
const WARMUP = 100;
const QUERIES = [
  'emails stuck in pending',
  'workflows stuck in Start in progress',
  '워크플로가 시작되지 않아요',
  'tracking logs are not coming in since this morning',
  'mta',
  'sylogd',
  'list',
  'console login fails with xtk:session error',
  '메일이 발송되지 않아요',
  'bounce mails are no longer forwarded',
];

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

async function startServer(apiUrl: string, store: Record<string, string>): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, [path.join(REPO, 'bin/server.js')], {
    env: {
      PATH: process.env.PATH ?? '',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: apiUrl,
      ...store,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

async function run(url: string, total: number, record: number[] | undefined): Promise<number> {
  let next = 0;
  let failures = 0;
  const worker = async () => {
    while (next < total) {
      const i = next++;
      const text = QUERIES[i % QUERIES.length] ?? 'mta';
      const started = performance.now();
      const res = await postSigned(`${url}/slack/events`, slashCommand(text, 'http://127.0.0.1:9/unused'));
      await res.arrayBuffer();
      record?.push(performance.now() - started);
      if (res.status !== 200) failures += 1;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return failures;
}

async function measure(label: string, apiUrl: string, store: Record<string, string>): Promise<void> {
  const server = await startServer(apiUrl, store);
  try {
    await run(server.url, WARMUP, undefined);
    const latencies: number[] = [];
    const started = performance.now();
    const failures = await run(server.url, REQUESTS, latencies);
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const ms = (v: number) => `${v.toFixed(1)} ms`;
    console.log(`slack slash-command ack latency, store on ${label}: ${REQUESTS} signed requests, ${CONCURRENCY} concurrent, loopback, answer in the ack`);
    console.log(
      `  median ${ms(percentile(latencies, 50))} | p90 ${ms(percentile(latencies, 90))} | p99 ${ms(percentile(latencies, 99))} | max ${ms(latencies.at(-1) ?? Number.NaN)}`,
    );
    console.log(
      `  throughput ${(REQUESTS / seconds).toFixed(0)} req/s | non-200 responses: ${failures} | target p99 < 300 ms: ${percentile(latencies, 99) < 300 ? 'met' : 'NOT met'}`,
    );
  } finally {
    server.stop();
  }
}

const api = await startSlackApiStandIn();
const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-store-'));
const postgres = await startPostgres();
try {
  await measure('SQLite', api.apiUrl, { DATA_DIR: dataDir });
  await measure('PostgreSQL', api.apiUrl, { DATABASE_URL: await postgres.createDatabase() });
} finally {
  postgres.stop();
  rmSync(dataDir, { recursive: true, force: true });
  await api.close();
}
